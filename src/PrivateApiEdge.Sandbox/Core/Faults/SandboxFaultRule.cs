namespace PrivateApiEdge.Sandbox.Core.Faults;

/// <summary>
/// One fault to inject, from <see cref="SandboxOptions.Faults"/> or <c>POST /_sandbox/faults</c>.
/// A rule with <see cref="Count"/> is one-shot: it hits the next <c>Count</c> matching calls and is removed;
/// otherwise it hits each matching call with probability <see cref="Rate"/>.
/// </summary>
public sealed class SandboxFaultRule
{
    /// <summary><see cref="SandboxFaultKinds"/>: throttle, internal-error (500), unavailable (503),
    /// connection-reset, delayed-consistency.</summary>
    public string Kind { get; set; } = SandboxFaultKinds.Throttle;

    /// <summary>Signing name (<c>ec2</c>, <c>route53</c>...) or <c>*</c>.</summary>
    public string Service { get; set; } = "*";

    /// <summary>Model operation name (<c>DescribeVpcEndpoints</c>) or <c>*</c>.</summary>
    public string Operation { get; set; } = "*";

    /// <summary>Probability (0..1) per matching call, for rate rules.</summary>
    public double Rate { get; set; }

    /// <summary>For one-shot rules: how many matching calls it still hits.</summary>
    public int? Count { get; set; }

    /// <summary>For delayed-consistency: how long a resource created by a matching call stays invisible.</summary>
    public int DelayMs { get; set; } = 2000;

    internal bool Matches(string service, string operation) =>
        (Service == "*" || string.Equals(Service, service, StringComparison.OrdinalIgnoreCase))
        && (Operation == "*" || string.Equals(Operation, operation, StringComparison.Ordinal));
}

/// <summary>The fault kinds a <see cref="SandboxFaultRule"/> can inject.</summary>
public static class SandboxFaultKinds
{
    /// <summary>The service's own throttling error (<see cref="ISandboxService.ThrottlingError"/>).</summary>
    public const string Throttle = "throttle";

    /// <summary>HTTP 500 with the protocol's internal-error code.</summary>
    public const string InternalError = "internal-error";

    /// <summary>HTTP 503 with the protocol's unavailable code.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>The connection is aborted before any response byte.</summary>
    public const string ConnectionReset = "connection-reset";

    /// <summary>The call succeeds, but what it creates is invisible to Describe/Get calls for <see cref="SandboxFaultRule.DelayMs"/>.</summary>
    public const string DelayedConsistency = "delayed-consistency";

    /// <summary>
    /// HTTP 404 with an HTML page and no AWS error, as from an endpoint (another emulator, a proxy) that does not
    /// implement the operation's route: the client must not read it as the service's "no such resource".
    /// </summary>
    public const string UnimplementedRoute = "unimplemented-route";

    public static readonly IReadOnlyList<string> All = [Throttle, InternalError, Unavailable, ConnectionReset, DelayedConsistency, UnimplementedRoute];
}
