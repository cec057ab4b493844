using PrivateApiEdge.Web.Features.Users;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Benchmarks;

/// <summary>One deployment at a time through the real portal: provision wall time, parallelism, AWS calls, teardown.</summary>
public static class ProvisionBenchmark
{
    /// <summary>Who the benchmark acts as: an admin, so it sees every deployment (the dashboard's widest query).</summary>
    public static readonly PortalUser BenchmarkUser = new("bench", "Benchmark", IsAdmin: true);

    public static readonly IReadOnlySet<DeploymentStatus> ProvisionEnd = new HashSet<DeploymentStatus> { DeploymentStatus.Succeeded, DeploymentStatus.Failed };
    public static readonly IReadOnlySet<DeploymentStatus> TeardownEnd = new HashSet<DeploymentStatus> { DeploymentStatus.TornDown, DeploymentStatus.TeardownFailed };

    public static DeploymentRequest Request(string name, IReadOnlyList<string>? subnets = null)
    {
        var demo = DeploymentRequests.Demo(name);
        return demo with
        {
            SubnetIds = subnets?.ToList() ?? demo.SubnetIds,
            Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "bench" },
        };
    }

    public static async Task<ProvisionResult> RunAsync(int runs, Dictionary<string, string?> extraSettings, CancellationToken cancellationToken)
    {
        const string Profile = "fast";
        var loadBefore = Machine.LoadAverage();
        var bound = CriticalPath.Compute(Profile);
        await using var sandbox = await SandboxProcess.StartAsync(Profile, cancellationToken);
        var dataDirectory = BenchmarkPortal.CreateDataDirectory();
        var settings = BenchmarkPortal.SqliteSettings(dataDirectory, Profile);
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        await using var portal = new BenchmarkPortal(dataDirectory, settings, sandbox.BaseAddress);
        var services = portal.Services;
        using var recorder = new ProgressRecorder(services.GetRequiredService<IDeploymentProgressNotifier>());
        var meter = services.GetRequiredService<AwsCallMeter>();
        var databases = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        // One unmeasured provision warms up JIT, connection pools and Hangfire's first fetch.
        await ProvisionOnceAsync(services, recorder, meter, databases, "warmup", cancellationToken);
        var results = new List<ProvisionRun>();
        for (var i = 1; i <= runs; i++)
        {
            var run = await ProvisionOnceAsync(services, recorder, meter, databases, $"p{i}", cancellationToken);
            Console.WriteLine($"provision {i}/{runs}: {run.WallSeconds:0.000} s wall ({run.WallSeconds / bound.LowerBound.TotalSeconds:0.000}× the bound), "
                + $"{run.ProvisionCalls} calls; teardown {run.TeardownWallSeconds:0.000} s, {run.TeardownCalls} calls");
            results.Add(run);
        }

        return new ProvisionResult(Profile, bound.LowerBound.TotalSeconds,
            bound.Path.Select(p => $"{p.Step} ({p.Cost.TotalSeconds:0.###} s)").ToList(),
            settings.Where(s => !s.Key.StartsWith("Database:", StringComparison.Ordinal) && !s.Key.Contains("Sqlite", StringComparison.Ordinal)).ToDictionary(),
            loadBefore, Machine.LoadAverage(), results);
    }

    private static async Task<ProvisionRun> ProvisionOnceAsync(
        IServiceProvider services, ProgressRecorder recorder, AwsCallMeter meter, IDbContextFactory<PortalDbContext> databases, string name, CancellationToken cancellationToken)
    {
        Guid id;
        var clock = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>().CreateAsync(Request(name), BenchmarkUser, cancellationToken);
            id = deployment.Id;
        }

        var status = await recorder.WaitForAsync(id, ProvisionEnd, TimeSpan.FromMinutes(5), cancellationToken);
        var wall = clock.Elapsed.TotalSeconds;
        if (status != DeploymentStatus.Succeeded)
        {
            throw new InvalidOperationException($"Provision of {name} ended {status}.");
        }

        var provisionCalls = ByOperation(meter.GetSnapshot(id));
        Deployment provisioned;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            provisioned = await db.Deployments.AsNoTracking().Include(d => d.Steps).SingleAsync(d => d.Id == id, cancellationToken);
        }

        var steps = provisioned.Steps.Where(s => s.Phase == DeploymentPhase.Provision).ToList();
        var stepSum = steps.Sum(s => s.Duration?.TotalSeconds ?? 0);
        var timeline = steps
            .OrderBy(s => s.StartedAt)
            .Select(s => new StepTiming(s.Name, ((s.StartedAt ?? provisioned.CreatedAt) - provisioned.CreatedAt).TotalSeconds, s.Duration?.TotalSeconds ?? 0, s.Executions, s.AwsCalls))
            .ToList();

        clock.Restart();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DeploymentService>().TeardownAsync(id, BenchmarkUser, cancellationToken);
        }

        status = await recorder.WaitForAsync(id, TeardownEnd, TimeSpan.FromMinutes(5), cancellationToken);
        var teardownWall = clock.Elapsed.TotalSeconds;
        if (status != DeploymentStatus.TornDown)
        {
            throw new InvalidOperationException($"Teardown of {name} ended {status}.");
        }

        var allCalls = ByOperation(meter.GetSnapshot(id));
        var teardownCalls = allCalls.ToDictionary(c => c.Key, c => c.Value - provisionCalls.GetValueOrDefault(c.Key), StringComparer.Ordinal)
            .Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal);
        return new ProvisionRun(
            wall,
            ((provisioned.CompletedAt ?? provisioned.UpdatedAt) - provisioned.CreatedAt).TotalSeconds,
            stepSum,
            provisionCalls.Values.Sum(),
            provisionCalls,
            teardownWall,
            teardownCalls.Values.Sum(),
            teardownCalls,
            timeline);
    }

    public static Dictionary<string, int> ByOperation(AwsCallSnapshot snapshot) =>
        snapshot.Operations.ToDictionary(o => $"{o.Service}:{o.Operation}", o => o.Calls, StringComparer.Ordinal);
}
