using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Sandbox.Core.Lifecycles;

/// <summary>How long one asynchronous lifecycle takes under the fast and realistic profiles (instant is always zero).</summary>
public sealed record LifecycleDuration(TimeSpan Fast, TimeSpan Realistic);

/// <summary>
/// Turns a <see cref="LifecycleDuration"/> into the duration of the configured latency profile. Lifecycles are
/// computed lazily: store <c>CreatedAt + Of(duration)</c> as the ready time and compare it with the clock when read.
/// </summary>
public sealed class SandboxLatency(IOptions<SandboxOptions> options)
{
    public SandboxLatencyProfile Profile { get; } = options.Value.Profile;

    public TimeSpan Of(LifecycleDuration duration) => Of(Profile, duration);

    /// <summary>How long <paramref name="duration"/> takes under <paramref name="profile"/>.</summary>
    public static TimeSpan Of(SandboxLatencyProfile profile, LifecycleDuration duration)
    {
        ArgumentNullException.ThrowIfNull(duration);
        return profile switch
        {
            SandboxLatencyProfile.Instant => TimeSpan.Zero,
            SandboxLatencyProfile.Realistic => duration.Realistic,
            _ => duration.Fast,
        };
    }
}

/// <summary>The lifecycles the sandbox emulates, with fast and realistic durations close to what AWS shows.</summary>
public static class SandboxLifecycles
{
    public static readonly LifecycleDuration VpcEndpointCreate = new(TimeSpan.FromMilliseconds(1500), TimeSpan.FromMinutes(2));
    public static readonly LifecycleDuration VpcEndpointDelete = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(1));
    public static readonly LifecycleDuration Route53Change = new(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(60));
    public static readonly LifecycleDuration LoadBalancerProvision = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3));
    public static readonly LifecycleDuration TargetHealth = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90));
    public static readonly LifecycleDuration VpcOriginDeploy = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(12));
    public static readonly LifecycleDuration DistributionDeploy = new(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(8));
    public static readonly LifecycleDuration ApiGatewayDomain = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(40));
}
