using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Web.Features.Provisioning;
using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Benchmarks;

/// <summary>
/// The shortest possible provision under a sandbox profile: the longest path through the provisioning DAG
/// (<see cref="StepPlan.Provisioning"/>) where each step costs the sandbox lifecycle it must wait for
/// (<see cref="SandboxLifecycles"/>) and everything else (API calls, persistence, scheduling) costs nothing.
/// </summary>
public static class CriticalPath
{
    /// <summary>
    /// Which lifecycle gates each step. A step absent here waits for nothing asynchronous in the sandbox.
    /// ApiDomain does not poll, but the endpoint test cannot pass before the custom domain is available, so its
    /// lifecycle counts on that path; TargetHealth settles a fixed time after the ALB is active and its listener exists.
    /// </summary>
    public static IReadOnlyDictionary<string, LifecycleDuration> StepLifecycles { get; } = new Dictionary<string, LifecycleDuration>(StringComparer.Ordinal)
    {
        [StepNames.VpcEndpoint] = SandboxLifecycles.VpcEndpointCreate,
        [StepNames.ApiDomain] = SandboxLifecycles.ApiGatewayDomain,
        [StepNames.LoadBalancer] = SandboxLifecycles.LoadBalancerProvision,
        [StepNames.TargetHealth] = SandboxLifecycles.TargetHealth,
        [StepNames.VpcOrigin] = SandboxLifecycles.VpcOriginDeploy,
        [StepNames.Distribution] = SandboxLifecycles.DistributionDeploy,
        [StepNames.DnsRecords] = SandboxLifecycles.Route53Change,
    };

    public sealed record Result(TimeSpan LowerBound, IReadOnlyList<(string Step, TimeSpan Cost)> Path);

    public static Result Compute(string profile)
    {
        var latency = new SandboxLatency(Options.Create(new SandboxOptions { LatencyProfile = profile }));
        var plan = StepPlan.Provisioning;
        var finish = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var via = new Dictionary<string, string?>(StringComparer.Ordinal);

        // The plan lists every step after its dependencies (StepPlan.Validate checks it is acyclic); iterate until all are placed anyway.
        while (finish.Count < plan.Count)
        {
            foreach (var step in plan.Where(s => !finish.ContainsKey(s.Name) && s.DependsOn.All(finish.ContainsKey)))
            {
                var (start, before) = step.DependsOn.Count == 0
                    ? (TimeSpan.Zero, (string?)null)
                    : step.DependsOn.Select(d => (finish[d], (string?)d)).MaxBy(x => x.Item1);
                finish[step.Name] = start + Cost(step.Name, latency);
                via[step.Name] = before;
            }
        }

        var last = finish.MaxBy(f => f.Value).Key;
        var path = new List<(string, TimeSpan)>();
        for (string? at = last; at is not null; at = via[at])
        {
            path.Insert(0, (at, Cost(at, latency)));
        }

        return new Result(finish[last], path);
    }

    private static TimeSpan Cost(string step, SandboxLatency latency) =>
        StepLifecycles.TryGetValue(step, out var lifecycle) ? latency.Of(lifecycle) : TimeSpan.Zero;
}
