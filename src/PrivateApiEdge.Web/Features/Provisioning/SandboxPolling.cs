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
    public static Dictionary<string, TimeSpan> ExpectedDurations(SandboxLatencyProfile profile) => new(StringComparer.Ordinal)
    {
        [WaitNames.VpcEndpointAvailable] = SandboxLatency.Of(profile, SandboxLifecycles.VpcEndpointCreate),
        [WaitNames.VpcEndpointDeleted] = SandboxLatency.Of(profile, SandboxLifecycles.VpcEndpointDelete),
        [WaitNames.Route53Change] = SandboxLatency.Of(profile, SandboxLifecycles.Route53Change),
        [WaitNames.LoadBalancerActive] = SandboxLatency.Of(profile, SandboxLifecycles.LoadBalancerProvision),
        [WaitNames.TargetHealth] = SandboxLatency.Of(profile, SandboxLifecycles.TargetHealth),
        [WaitNames.VpcOriginDeployed] = SandboxLatency.Of(profile, SandboxLifecycles.VpcOriginDeploy),
        [WaitNames.DistributionDeployed] = SandboxLatency.Of(profile, SandboxLifecycles.DistributionDeploy),
        [WaitNames.ApiGatewayDomain] = SandboxLatency.Of(profile, SandboxLifecycles.ApiGatewayDomain),
    };

    /// <summary>Steady-interval scale for a profile: realistic polls like AWS, the others about 50 times faster.</summary>
    public static double IntervalScale(SandboxLatencyProfile profile) => profile == SandboxLatencyProfile.Realistic ? 1.0 : 0.02;

    /// <summary>Shortest poll delay for a profile.</summary>
    public static TimeSpan MinimumInterval(SandboxLatencyProfile profile) => profile == SandboxLatencyProfile.Realistic ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Fills what the configuration left unset: expected durations per wait, and (when <paramref name="configured"/>
    /// has no value for them) the interval scale and minimum.
    /// </summary>
    public static void ApplyDefaults(ProvisioningOptions options, SandboxLatencyProfile profile, IConfiguration configured)
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
