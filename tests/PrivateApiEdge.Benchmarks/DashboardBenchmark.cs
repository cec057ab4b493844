using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.Benchmarks;

/// <summary>The dashboard's first page over many deployments, on each database provider the portal supports.</summary>
public static class DashboardBenchmark
{
    public const string PostgresVariable = "PRIVATEAPIEDGE_TEST_POSTGRES";

    public static async Task<DashboardResult> RunAsync(int rows, int repetitions, CancellationToken cancellationToken)
    {
        var loadBefore = Machine.LoadAverage();
        var runs = new List<DashboardRun>();
        var sqliteDirectory = BenchmarkPortal.CreateDataDirectory();
        var sqlite = BenchmarkPortal.SqliteSettings(sqliteDirectory, "instant");
        runs.AddRange(await MeasureAsync("SQLite", sqliteDirectory, Quiet(sqlite), rows, repetitions, cancellationToken));

        string? note = null;
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrEmpty(server))
        {
            note = $"PostgreSQL not measured: {PostgresVariable} is not set (scripts/benchmark.sh starts a throwaway server when PostgreSQL is installed).";
        }
        else
        {
            var database = $"pae_bench_{Guid.NewGuid():N}";
            var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
            await ExecuteAsync(server, $"CREATE DATABASE {database}", cancellationToken);
            try
            {
                var postgresDirectory = BenchmarkPortal.CreateDataDirectory();
                var postgres = BenchmarkPortal.SqliteSettings(postgresDirectory, "instant");
                postgres["Database:Provider"] = "Postgres";
                postgres["Database:ConnectionString"] = connectionString;
                runs.AddRange(await MeasureAsync("PostgreSQL", postgresDirectory, Quiet(postgres), rows, repetitions, cancellationToken));
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", CancellationToken.None);
            }
        }

        return new DashboardResult(runs, loadBefore, Machine.LoadAverage(), note);
    }

    /// <summary>The portal as a reader only: no job server, jobs in memory.</summary>
    private static Dictionary<string, string?> Quiet(Dictionary<string, string?> settings)
    {
        settings["BackgroundJobs:RunServer"] = "false";
        settings["BackgroundJobs:Storage"] = "InMemory";
        return settings;
    }

    private static async Task<List<DashboardRun>> MeasureAsync(string provider, string dataDirectory, Dictionary<string, string?> settings, int rows, int repetitions, CancellationToken cancellationToken)
    {
        await using var portal = new BenchmarkPortal(dataDirectory, settings, externalSandbox: null);
        var databases = portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        var seeding = Stopwatch.StartNew();
        await SeedAsync(databases, rows, cancellationToken);
        Console.WriteLine($"dashboard: {provider} seeded with {rows} deployments in {seeding.Elapsed.TotalSeconds:0.0} s");

        var dashboard = new DashboardService(databases);
        var queries = new (string Name, DeploymentListQuery Query)[]
        {
            ("first page, newest first (admin)", new DeploymentListQuery()),
            ("first page of one owner (requester)", new DeploymentListQuery { Owner = "owner07" }),
            ("first page, search \"l001\"", new DeploymentListQuery { Search = "l001" }),
        };
        var result = new List<DashboardRun>();
        foreach (var (name, query) in queries)
        {
            for (var i = 0; i < 3; i++)
            {
                await dashboard.ListAsync(query, ProvisionBenchmark.BenchmarkUser, cancellationToken);
            }

            var samples = new List<double>();
            for (var i = 0; i < repetitions; i++)
            {
                var clock = Stopwatch.StartNew();
                var page = await dashboard.ListAsync(query, ProvisionBenchmark.BenchmarkUser, cancellationToken);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                if (page.Items.Count == 0)
                {
                    throw new InvalidOperationException($"Dashboard query '{name}' returned nothing.");
                }
            }

            Console.WriteLine($"dashboard: {provider} {name}: {Summary.Of(samples).Format("ms")}");
            result.Add(new DashboardRun(provider, rows, name, samples));
        }

        return result;
    }

    private static async Task SeedAsync(IDbContextFactory<PortalDbContext> databases, int rows, CancellationToken cancellationToken)
    {
        const int Batch = 500;
        var steps = StepPlan.Provisioning.Select(s => s.Name).ToList();
        var start = DateTimeOffset.UtcNow - TimeSpan.FromDays(60);
        for (var first = 0; first < rows; first += Batch)
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(rows, first + Batch); i++)
            {
                var request = ProvisionBenchmark.Request($"l{i:00000}");
                db.Deployments.Add(Deployment.Create(Guid.NewGuid(), request, $"owner{i % 40:00}", steps, start + TimeSpan.FromMinutes(i * 8.6)));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
