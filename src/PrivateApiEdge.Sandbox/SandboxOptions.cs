using System.ComponentModel.DataAnnotations;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Core.Lifecycles;

namespace PrivateApiEdge.Sandbox;

/// <summary>Sandbox settings, bound from the <c>Sandbox</c> section (or <c>Sandbox__*</c> environment variables).</summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary><c>instant</c> (unit tests), <c>fast</c> (seconds: integration tests, demos), <c>realistic</c> (minutes).</summary>
    [Required]
    [RegularExpression("^(instant|fast|realistic)$", ErrorMessage = "Sandbox:LatencyProfile must be instant, fast or realistic.")]
    public string LatencyProfile { get; set; } = "fast";

    /// <summary><see cref="LatencyProfile"/> as a type, for code that branches on it.</summary>
    public SandboxLatencyProfile Profile => SandboxLatencyProfiles.Parse(LatencyProfile);

    /// <summary>Loopback port for the in-process sandbox; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>File the sandbox state persists to, so resources survive a restart; empty keeps it in memory.</summary>
    public string? StateFile { get; set; }

    /// <summary>Faults active from the start (more can be added at run time through <c>POST /_sandbox/faults</c>).</summary>
    public IList<SandboxFaultRule> Faults { get; init; } = [];

    /// <summary>
    /// More private /24 subnets in the demo VPC (10.20.11.0/24 upwards, spread over its three zones): room for the
    /// load balancers and VPC origins of hundreds of deployments (three /24 subnets hold fewer than 190).
    /// </summary>
    [Range(0, 200)]
    public int ExtraDemoSubnets { get; set; }

    /// <summary>Seed for the random draws of rate-based faults, for reproducible runs; null draws from a shared generator.</summary>
    public int? FaultSeed { get; set; }

    /// <summary>The clock lifecycles are computed from; tests may pass a FakeTimeProvider.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
