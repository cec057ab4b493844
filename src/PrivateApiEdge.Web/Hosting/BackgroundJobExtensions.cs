using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.InMemory;
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

        // This host's own storage and activator, registered before AddHangfire (which only falls back to the
        // process-wide JobStorage.Current / JobActivator.Current, read whenever the singleton is first resolved):
        // with several hosts in one process (tests, tools) a late resolution would otherwise pick another host's
        // storage and enqueue into it, or run our jobs in another host's container.
        var sqlitePath = SqliteConnectionStrings.RootedFilePath(options.SqliteConnectionString, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton<JobStorage>(_ => CreateStorage(storage, options, database.ConnectionString, sqlitePath));
        builder.Services.AddSingleton<JobActivator>(services => new AspNetCoreJobActivator(services.GetRequiredService<IServiceScopeFactory>()));
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
                server.SchedulePollingInterval = options.SchedulePollingInterval;
            });
        }

        return builder;
    }

    private static JobStorage CreateStorage(BackgroundJobStorage storage, BackgroundJobsOptions options, string connectionString, string sqlitePath)
    {
        switch (storage)
        {
            case BackgroundJobStorage.InMemory:
                return new InMemoryStorage();
            case BackgroundJobStorage.Postgres:
                var postgres = new PostgreSqlStorageOptions
                {
                    SchemaName = "hangfire",
                    PrepareSchemaIfNecessary = true,
                    QueuePollInterval = options.QueuePollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    EnableLongPolling = options.EnableLongPolling,
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, postgres), postgres);
            default:
                return new SQLiteStorage(sqlitePath, new SQLiteStorageOptions
                {
                    QueuePollInterval = options.QueuePollInterval,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                });
        }
    }

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
