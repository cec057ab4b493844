using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Lifecycles;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Poll settings that fit the sandbox's latency profile: its lifecycle durations are the expected durations, and
/// the steady intervals shrink with the profile, so a provision against the fast sandbox takes about as long as
/// the sandbox makes it (not the 5–20 s AWS poll intervals).
/// </summary>
public static class SandboxPolling
{
    /// <summary>What each wait of <see cref="WaitNames"/> takes under <paramref name="profile"/>.</summary>
    public static Dictionary<string, TimeSpan> ExpectedDurations(string profile)
    {
        var latency = new SandboxLatency(Options.Create(new SandboxOptions { LatencyProfile = profile }));
        return new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            [WaitNames.VpcEndpointAvailable] = latency.Of(SandboxLifecycles.VpcEndpointCreate),
            [WaitNames.VpcEndpointDeleted] = latency.Of(SandboxLifecycles.VpcEndpointDelete),
            [WaitNames.Route53Change] = latency.Of(SandboxLifecycles.Route53Change),
            [WaitNames.LoadBalancerActive] = latency.Of(SandboxLifecycles.LoadBalancerProvision),
            [WaitNames.TargetHealth] = latency.Of(SandboxLifecycles.TargetHealth),
            [WaitNames.VpcOriginDeployed] = latency.Of(SandboxLifecycles.VpcOriginDeploy),
            [WaitNames.DistributionDeployed] = latency.Of(SandboxLifecycles.DistributionDeploy),
            [WaitNames.ApiGatewayDomain] = latency.Of(SandboxLifecycles.ApiGatewayDomain),
        };
    }

    /// <summary>Steady-interval scale for a profile: realistic polls like AWS, the others about 50 times faster.</summary>
    public static double IntervalScale(string profile) => profile == "realistic" ? 1.0 : 0.02;

    /// <summary>Shortest poll delay for a profile.</summary>
    public static TimeSpan MinimumInterval(string profile) => profile == "realistic" ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Fills what the configuration left unset: expected durations per wait, and (when <paramref name="configured"/>
    /// has no value for them) the interval scale and minimum.
    /// </summary>
    public static void ApplyDefaults(ProvisioningOptions options, string profile, IConfiguration configured)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configured);
        foreach (var (wait, duration) in ExpectedDurations(profile))
        {
            options.ExpectedDurations.TryAdd(wait, duration);
        }

        if (configured[nameof(ProvisioningOptions.PollIntervalScale)] is null)
        {
            options.PollIntervalScale = IntervalScale(profile);
        }

        if (configured[nameof(ProvisioningOptions.MinimumPollInterval)] is null)
        {
            options.MinimumPollInterval = MinimumInterval(profile);
        }
    }
}
