using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Hosting;

public static class DatabaseExtensions
{
    /// <summary>SQLite file database by default; the connection string may be relative to the content root.</summary>
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = SqliteConnectionStrings.RootedAt(options.ConnectionString, builder.Environment.ContentRootPath);

        // A factory, not a scoped context: Blazor circuits live far longer than one unit of work.
        builder.Services.AddDbContextFactory<PortalDbContext>(db => db.UseSqlite(connectionString));
        return builder;
    }

    /// <summary>Creates the database file and applies committed migrations before the portal serves anything.</summary>
    public static async Task MigratePortalDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }
}
