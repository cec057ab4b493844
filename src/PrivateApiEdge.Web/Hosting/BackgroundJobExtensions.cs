using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage.SQLite;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Hosting;

public static class BackgroundJobExtensions
{
    /// <summary>Hangfire with persistent storage; whether this node also runs jobs is a config switch.</summary>
    public static WebApplicationBuilder AddBackgroundJobs(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<BackgroundJobsOptions>().BindConfiguration(BackgroundJobsOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(BackgroundJobsOptions.SectionName).Get<BackgroundJobsOptions>()
            ?? new BackgroundJobsOptions();

        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var storage = options.Storage
            ?? (database.Provider == DatabaseProvider.Postgres ? BackgroundJobStorage.Postgres : BackgroundJobStorage.Sqlite);

        builder.Services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (storage == BackgroundJobStorage.InMemory)
            {
                config.UseInMemoryStorage();
            }
            else if (storage == BackgroundJobStorage.Postgres)
            {
                config.UsePostgreSqlStorage(
                    postgres => postgres.UseNpgsqlConnection(database.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true });
            }
            else
            {
                var path = SqliteConnectionStrings.RootedFilePath(options.SqliteConnectionString, builder.Environment.ContentRootPath);
                config.UseSQLiteStorage(path);
            }
        });

        // A web-only instance never processes jobs, whatever BackgroundJobs:RunServer says.
        if (options.RunServer && InstanceRoles.Of(builder.Configuration) != InstanceRole.Web)
        {
            builder.Services.AddHangfireServer(server => server.WorkerCount = options.WorkerCount);
        }

        return builder;
    }

    public static WebApplication MapBackgroundJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundJobsOptions>>().Value;
        app.MapHangfireDashboard(options.DashboardPath, new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new HangfireDashboardAuthorizationFilter()],
            DisplayStorageConnectionString = false,
        }).RequireAuthorization(AuthExtensions.AdminPolicy);
        return app;
    }
}
