using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
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

        // This host's own storage instance, registered before AddHangfire (which only falls back to the static
        // JobStorage.Current): several hosts in one process (tests, tools) must never enqueue into each other's.
        var sqlitePath = SqliteConnectionStrings.RootedFilePath(options.SqliteConnectionString, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<JobStorage>(_ => storage switch
        {
            BackgroundJobStorage.InMemory => new Hangfire.InMemory.InMemoryStorage(),
            BackgroundJobStorage.Postgres => new PostgreSqlStorage(
                new NpgsqlConnectionFactory(database.ConnectionString, PostgresOptions(options)), PostgresOptions(options)),
            _ => new SQLiteStorage(sqlitePath, new SQLiteStorageOptions { QueuePollInterval = options.PollInterval }),
        });

        builder.Services.AddHangfire((services, config) => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(services.GetRequiredService<JobStorage>()));

        // A web-only instance never processes jobs, whatever BackgroundJobs:RunServer says.
        if (options.RunServer && InstanceRoles.Of(builder.Configuration) != InstanceRole.Web)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = options.WorkerCount;
                server.SchedulePollingInterval = options.PollInterval;
            });
        }

        return builder;
    }

    private static PostgreSqlStorageOptions PostgresOptions(BackgroundJobsOptions options) => new()
    {
        SchemaName = "hangfire",
        PrepareSchemaIfNecessary = true,
        QueuePollInterval = options.PollInterval,
    };

    public static WebApplication MapBackgroundJobsDashboard(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackgroundJobsOptions>>().Value;
        app.MapHangfireDashboard(options.DashboardPath, new DashboardOptions
        {
            Authorization = [new HangfireDashboardAuthorizationFilter()],
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}
