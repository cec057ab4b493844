namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// How long the edge resources take to settle under a latency profile. Lifecycles are computed lazily from these
/// (a resource is "active" once its creation time plus the delay has passed), so nothing runs in the background.
/// </summary>
public sealed record EdgeLatencies(
    TimeSpan LoadBalancerProvisioning,
    TimeSpan TargetHealthCheck,
    TimeSpan VpcOriginDeployment,
    TimeSpan DistributionDeployment,
    bool ControlPlaneRateLimits,
    double RateLimitScale)
{
    public static EdgeLatencies ForProfile(string profile) => profile switch
    {
        "instant" => new(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, false, 0),
        "fast" => new(
            TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3),
            true, 0.1),
        "realistic" => new(
            TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(2.5), TimeSpan.FromMinutes(12), TimeSpan.FromMinutes(5),
            true, 1.0),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Unknown latency profile."),
    };
}
