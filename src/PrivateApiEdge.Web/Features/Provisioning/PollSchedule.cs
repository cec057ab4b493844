namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// How a step polls for one asynchronous AWS operation: the first poll when the operation is expected to be
/// done, then polls backing off from a short floor to <see cref="Interval"/>. Without a known expected duration
/// (the AWS default) the step simply polls every <see cref="Interval"/>.
/// </summary>
/// <param name="Wait">The operation's key in <see cref="ProvisioningOptions.ExpectedDurations"/> (see <see cref="WaitNames"/>).</param>
/// <param name="Interval">The steady poll interval before <see cref="ProvisioningOptions.PollIntervalScale"/>.</param>
public sealed record PollSchedule(string Wait, TimeSpan Interval)
{
    /// <summary>
    /// Delay until the next poll, <paramref name="elapsed"/> after the step started the operation. Stateless (it
    /// depends only on elapsed time), so a duplicate or resumed advance computes the same schedule.
    /// </summary>
    public TimeSpan NextDelay(TimeSpan elapsed, ProvisioningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cap = Scaled(Interval, options);
        if (!options.ExpectedDurations.TryGetValue(Wait, out var expected))
        {
            return cap;
        }

        if (elapsed < expected)
        {
            return Max(expected - elapsed, options.MinimumPollInterval);
        }

        // Late: the delay grows with the overrun (polls at E, E+f, E+2f, E+4f, …), so a slightly slow operation is
        // seen almost at once and a very slow one costs no more calls than the steady interval.
        var floor = Max(options.MinimumPollInterval, cap / 16);
        var overrun = elapsed - expected;
        return overrun < floor ? floor : overrun > cap ? Max(cap, floor) : overrun;
    }

    /// <summary>A fixed delay under the configured scale and minimum (identity with the defaults).</summary>
    public static TimeSpan Scaled(TimeSpan delay, ProvisioningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Max(delay * options.PollIntervalScale, options.MinimumPollInterval);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}

/// <summary>The asynchronous operations steps wait for: keys of <see cref="ProvisioningOptions.ExpectedDurations"/>.</summary>
public static class WaitNames
{
    public const string VpcEndpointAvailable = "VpcEndpointAvailable";
    public const string VpcEndpointDeleted = "VpcEndpointDeleted";
    public const string Route53Change = "Route53Change";
    public const string LoadBalancerActive = "LoadBalancerActive";
    public const string TargetHealth = "TargetHealth";
    public const string VpcOriginDeployed = "VpcOriginDeployed";
    public const string DistributionDeployed = "DistributionDeployed";
    public const string ApiGatewayDomain = "ApiGatewayDomain";
}
