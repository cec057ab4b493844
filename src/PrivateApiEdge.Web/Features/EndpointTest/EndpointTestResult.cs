using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.EndpointTest;

/// <summary>One <c>GET https://domain/</c> through the whole chain, and where it probably broke.</summary>
public sealed record EndpointTestResult
{
    public required DateTimeOffset At { get; init; }

    public required string Url { get; init; }

    public required bool Passed { get; init; }

    /// <summary>
    /// API Gateway itself answered (its <c>x-amzn-RequestId</c> / <c>x-amzn-ErrorType</c>), past the routing by Host
    /// and the resource policy: every hop works even when the answer is not the expected one (e.g. 403
    /// <c>MissingAuthenticationTokenException</c> because the API has no method at the tested path). True when passed.
    /// </summary>
    public bool ChainWorks { get; init; }

    /// <summary>Null when no HTTP answer came back (DNS, TLS or connect failure, timeout).</summary>
    public int? StatusCode { get; init; }

    public double LatencyMilliseconds { get; init; }

    /// <summary>The start of the body (at most 4 KB).</summary>
    public string? Body { get; init; }

    /// <summary>CloudFront's answer headers (<c>x-cache</c>, <c>x-amz-cf-pop</c>, <c>x-amz-cf-id</c>, <c>via</c>) and the API's request id.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The hop that most likely failed (e.g. <c>dns-records</c>, <c>target-health</c>, <c>api-domain</c>); null when passed.</summary>
    public string? FailingHop { get; init; }

    /// <summary>Why the test failed and what to check, in words.</summary>
    public string? Diagnosis { get; init; }
}

/// <summary>What to test: the public name, what a healthy answer holds, and what to inspect when it is not.</summary>
/// <remarks><c>ExpectedBody</c> is a substring the body must contain (the hello API's message); null accepts any 2xx.</remarks>
public sealed record EndpointTestTarget(
    Guid DeploymentId,
    string DomainName,
    string? ExpectedBody,
    string? TargetGroupArn,
    string? DistributionId);

/// <summary>Runs the endpoint test (real HTTPS in AWS mode, the sandbox's simulated data path in sandbox mode).</summary>
public interface IEndpointTester
{
    /// <remarks><c>aws</c> (optional) lets a failure in AWS mode be diagnosed (target health, distribution status).</remarks>
    Task<EndpointTestResult> TestAsync(EndpointTestTarget target, AwsClients? aws, CancellationToken cancellationToken);
}
