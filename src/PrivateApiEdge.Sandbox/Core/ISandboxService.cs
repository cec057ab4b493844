namespace PrivateApiEdge.Sandbox.Core;

/// <summary>
/// One emulated AWS service. Every non-abstract implementation in the sandbox assembly is discovered at startup
/// and registered as a singleton (constructor injection works: <see cref="State.SandboxWorld"/>,
/// <see cref="Faults.FaultInjector"/>, other services...), keyed by <see cref="SigningName"/>, so a new service
/// needs no edit anywhere else.
/// </summary>
public interface ISandboxService
{
    /// <summary>The SigV4 signing name in the credential scope: <c>ec2</c>, <c>sts</c>, <c>acm</c>, <c>route53</c>,
    /// <c>elasticloadbalancing</c>, <c>cloudfront</c>, <c>apigateway</c>.</summary>
    string SigningName { get; }

    /// <summary>Decides how errors (and faults) are written.</summary>
    SandboxProtocol Protocol { get; }

    /// <summary>The XML namespace of the model (<c>metadata.xmlNamespace</c>) for XML protocols; empty for JSON.</summary>
    string XmlNamespace { get; }

    /// <summary>The error this service returns when it throttles (code and HTTP status, e.g. EC2's
    /// <c>RequestLimitExceeded</c>/400, API Gateway's <c>TooManyRequestsException</c>/429).</summary>
    SandboxErrorCode ThrottlingError { get; }

    /// <summary>Finds the operation a request calls, or null (the dispatcher then answers the protocol's
    /// unknown-operation error).</summary>
    SandboxOperation? Resolve(SandboxRequest request);
}

/// <summary>An error code with its HTTP status.</summary>
public sealed record SandboxErrorCode(string Code, int Status, string Message);

/// <summary>A resolved operation: its model name (used by fault rules) and its handler.</summary>
public sealed record SandboxOperation(string Name, Func<SandboxRequest, CancellationToken, Task<SandboxResponse>> HandleAsync)
{
    public static SandboxOperation Sync(string name, Func<SandboxRequest, SandboxResponse> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return new SandboxOperation(name, (request, _) => Task.FromResult(handler(request)));
    }
}
