using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Hosting;

public static class DatabaseExtensions
{
    /// <summary>SQLite file database by default; PostgreSQL when <c>Database:Provider=Postgres</c>.</summary>
    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // Factories, not scoped contexts: Blazor circuits live far longer than one unit of work.
        if (options.Provider == DatabaseProvider.Postgres)
        {
            builder.Services.AddDbContextFactory<PostgresPortalDbContext>(db => db.UseNpgsql(options.ConnectionString));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
        }
        else
        {
            var connectionString = SqliteConnectionStrings.RootedAt(options.ConnectionString, builder.Environment.ContentRootPath);
            builder.Services.AddDbContextFactory<SqlitePortalDbContext>(db => db.UseSqlite(connectionString));
            builder.Services.AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }

        // Health checks and Hangfire-activated jobs resolve a scoped context.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext());
        return builder;
    }

    /// <summary>Creates the database and applies committed migrations before the portal serves anything.</summary>
    public static async Task MigratePortalDatabaseAsync(this WebApplication app)
    {
        var factory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }
}
