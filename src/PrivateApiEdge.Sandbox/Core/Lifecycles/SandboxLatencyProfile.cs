namespace PrivateApiEdge.Sandbox.Core.Lifecycles;

/// <summary>How long the sandbox's asynchronous lifecycles take: none, seconds, or as long as AWS takes.</summary>
public enum SandboxLatencyProfile
{
    /// <summary><c>instant</c>: every lifecycle is over when the call returns (unit tests).</summary>
    Instant,

    /// <summary><c>fast</c>: seconds (integration tests, demos).</summary>
    Fast,

    /// <summary><c>realistic</c>: minutes, as AWS takes.</summary>
    Realistic,
}

/// <summary>The configuration names of <see cref="SandboxLatencyProfile"/> (<c>Sandbox:LatencyProfile</c>).</summary>
public static class SandboxLatencyProfiles
{
    /// <summary>The profile a configured name means; names other than <c>instant</c> and <c>realistic</c> mean
    /// <c>fast</c>, as the sandbox has always read them (options validation refuses them at start anyway).</summary>
    public static SandboxLatencyProfile Parse(string? name) => name switch
    {
        "instant" => SandboxLatencyProfile.Instant,
        "realistic" => SandboxLatencyProfile.Realistic,
        _ => SandboxLatencyProfile.Fast,
    };
}
