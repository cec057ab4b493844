using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Benchmarks;

/// <summary>Many deployments in flight at once on the default number of Hangfire workers.</summary>
public static class LoadBenchmark
{
    /// <summary>
    /// AWS's published control-plane limits for operations the portal calls (API Gateway developer guide,
    /// "API Gateway quotas for creating, deploying and managing an API"): calls allowed per window.
    /// </summary>
    public static IReadOnlyList<(string Api, int Calls, double WindowSeconds)> PublishedLimits { get; } =
    [
        ("apigateway:CreateRestApi", 1, 3),
        ("apigateway:CreateDeployment", 1, 5),
        ("apigateway:CreateDomainName", 1, 30),
        ("apigateway:DeleteDomainName", 1, 30),
        ("apigateway:DeleteRestApi", 1, 30),
        ("apigateway:UpdateDomainName", 1, 30),
        ("apigateway:PutRestApi", 1, 1),
        ("apigateway:GetResources", 5, 2),
        ("apigateway:CreateResource", 5, 1),
        ("apigateway:*", 10, 1),
    ];

    public static async Task<LoadRun> RunAsync(int count, Dictionary<string, string?> extraSettings, CancellationToken cancellationToken)
    {
        const string Profile = "fast";
        var loadBefore = Machine.LoadAverage();
        // Each deployment's ALB and VPC origin take an address in each of its subnets: the demo VPC's three /24
        // subnets hold fewer than 190 deployments (as in AWS), so the sandbox seeds more and the load spreads over them.
        const int ExtraSubnets = 12;
        await using var sandbox = await SandboxProcess.StartAsync(Profile, cancellationToken, ExtraSubnets);
        var dataDirectory = BenchmarkPortal.CreateDataDirectory();
        var settings = BenchmarkPortal.SqliteSettings(dataDirectory, Profile);
        foreach (var (key, value) in extraSettings)
        {
            settings[key] = value;
        }

        await using var portal = new BenchmarkPortal(dataDirectory, settings, sandbox.BaseAddress);
        var services = portal.Services;
        var workers = services.GetRequiredService<IOptions<BackgroundJobsOptions>>().Value.WorkerCount;
        using var recorder = new ProgressRecorder(services.GetRequiredService<IDeploymentProgressNotifier>());
        var meter = services.GetRequiredService<AwsCallMeter>();
        var calls = new ConcurrentQueue<AwsCallRecord>();
        meter.CallRecorded += calls.Enqueue;
        var databases = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

        using var sampling = new CancellationTokenSource();
        var sampledPeak = 0.0;
        var sampler = Task.Run(async () =>
        {
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                sampledPeak = Math.Max(sampledPeak, process.WorkingSet64 / 1024.0 / 1024.0);
                await Task.Delay(200, CancellationToken.None);
            }
        }, CancellationToken.None);

        // One VPC holds one execute-api endpoint with private DNS: a first deployment creates it (not timed), and the
        // load's deployments reuse it, as preflight proposes for every later deployment in that VPC.
        await using (var scope = services.CreateAsyncScope())
        {
            var first = await scope.ServiceProvider.GetRequiredService<DeploymentService>().CreateAsync(ProvisionBenchmark.Request("shared"), ProvisionBenchmark.BenchmarkUser, cancellationToken);
            var status = await recorder.WaitForAsync(first.Id, ProvisionBenchmark.ProvisionEnd, TimeSpan.FromMinutes(5), cancellationToken);
            if (status != DeploymentStatus.Succeeded)
            {
                throw new InvalidOperationException($"The deployment that creates the VPC's shared endpoint ended {status}.");
            }
        }

        calls.Clear();
        var clock = Stopwatch.StartNew();
        var ids = new List<Guid>();
        await using (var scope = services.CreateAsyncScope())
        {
            var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
            for (var i = 0; i < count; i++)
            {
                // Consecutive extra subnets lie in different zones, as a deployment's two subnets must.
                var pair = (2 * i) % ExtraSubnets;
                var subnets = new[] { SandboxSeed.ExtraSubnetId(pair + 1), SandboxSeed.ExtraSubnetId(pair + 2) };
                var deployment = await deployments.CreateAsync(ProvisionBenchmark.Request($"l{i:000}", subnets), ProvisionBenchmark.BenchmarkUser, cancellationToken);
                recorder.OpenDeploymentPage(deployment.Id);
                ids.Add(deployment.Id);
            }
        }

        Console.WriteLine($"load: {count} deployments created in {clock.Elapsed.TotalSeconds:0.0} s");
        var finished = 0;
        var statuses = await Task.WhenAll(ids.Select(async id =>
        {
            var status = await recorder.WaitForAsync(id, ProvisionBenchmark.ProvisionEnd, TimeSpan.FromMinutes(30), cancellationToken);
            var done = Interlocked.Increment(ref finished);
            if (done % 25 == 0)
            {
                Console.WriteLine($"load: {done}/{count} finished after {clock.Elapsed.TotalSeconds:0.0} s");
            }

            return status;
        }));
        var total = clock.Elapsed.TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        meter.CallRecorded -= calls.Enqueue;

        // Delay from the step's recorded finish to the deployment page's feed delivering it.
        Dictionary<(Guid, string), DateTimeOffset> finishedAt;
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            var rows = await db.DeploymentSteps.AsNoTracking()
                .Where(s => s.Phase == DeploymentPhase.Provision && s.Status == StepStatus.Succeeded)
                .Select(s => new { s.DeploymentId, s.Name, s.FinishedAt })
                .ToListAsync(cancellationToken);
            finishedAt = rows.Where(r => r.FinishedAt is not null).ToDictionary(r => (r.DeploymentId, r.Name), r => r.FinishedAt!.Value);
        }

        var delays = recorder.Events
            .Where(r => r.ViaDeploymentPage && r.Event.Phase == DeploymentPhase.Provision && r.Event.StepStatus == StepStatus.Succeeded && r.Event.Step is not null)
            .Select(r => finishedAt.TryGetValue((r.Event.DeploymentId, r.Event.Step!), out var at) ? (r.At - at).TotalMilliseconds : double.NaN)
            .Where(d => !double.IsNaN(d))
            .Order()
            .ToArray();

        var all = calls.ToArray();
        return new LoadRun(
            count,
            statuses.Count(s => s == DeploymentStatus.Succeeded),
            statuses.Count(s => s == DeploymentStatus.Failed),
            total,
            Machine.PeakWorkingSetMiB(),
            sampledPeak,
            Summary.Percentile(delays, 50),
            Summary.Percentile(delays, 95),
            delays.Length == 0 ? double.NaN : delays[^1],
            delays.Length,
            workers,
            all.GroupBy(c => $"{c.Service}:{c.Operation}", StringComparer.Ordinal).ToDictionary(g => g.Key, g => PeakInWindow(g, 1), StringComparer.Ordinal),
            all.GroupBy(c => c.Service, StringComparer.Ordinal).ToDictionary(g => g.Key, g => PeakInWindow(g, 1), StringComparer.Ordinal),
            PublishedLimits.Select(l => new CallWindowPeak(l.Api, PeakInWindow(all.Where(c => Matches(c, l.Api)), l.WindowSeconds), l.WindowSeconds)).ToList(),
            PublishedLimits.Select(l => new CallWindowPeak(l.Api, PeakInWindow(all.Where(c => c.Succeeded && Matches(c, l.Api)), l.WindowSeconds), l.WindowSeconds)).ToList(),
            all.Length,
            all.Count(c => !c.Succeeded),
            all.Where(c => !c.Succeeded).GroupBy(c => $"{c.Service}:{c.Operation} {c.ErrorCode ?? c.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture)}", StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            loadBefore,
            Machine.LoadAverage());
    }

    public static bool Matches(AwsCallRecord call, string api)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(api);
        var parts = api.Split(':');
        return string.Equals(call.Service, parts[0], StringComparison.Ordinal) && (parts[1] == "*" || string.Equals(call.Operation, parts[1], StringComparison.Ordinal));
    }

    /// <summary>Most calls that started within any window of the given length.</summary>
    public static int PeakInWindow(IEnumerable<AwsCallRecord> calls, double windowSeconds)
    {
        var times = calls.Select(c => c.StartedAt).Order().ToArray();
        var peak = 0;
        var first = 0;
        for (var last = 0; last < times.Length; last++)
        {
            while ((times[last] - times[first]).TotalSeconds >= windowSeconds)
            {
                first++;
            }

            peak = Math.Max(peak, last - first + 1);
        }

        return peak;
    }
}
