using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.EndpointTest;

/// <summary>One <c>GET https://domain/</c> through the whole chain, and where it probably broke.</summary>
public sealed record EndpointTestResult
{
    public required DateTimeOffset At { get; init; }

    public required string Url { get; init; }

    public required bool Passed { get; init; }

    /// <summary>Null when no HTTP answer came back (DNS, TLS or connect failure, timeout).</summary>
    public int? StatusCode { get; init; }

    public double LatencyMilliseconds { get; init; }

    /// <summary>The start of the body (at most 4 KB).</summary>
    public string? Body { get; init; }

    /// <summary>CloudFront's answer headers (<c>x-cache</c>, <c>x-amz-cf-pop</c>, <c>x-amz-cf-id</c>, <c>via</c>) and the API's request id.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The hop that most likely failed (a step name of the chain, e.g. <c>dns-records</c>), null when passed.</summary>
    public string? FailingHop { get; init; }

    /// <summary>Why the test failed and what to check, in words.</summary>
    public string? Diagnosis { get; init; }
}

/// <summary>Runs the endpoint test for a deployment (real HTTPS in AWS mode, the simulated data path in the sandbox).</summary>
public interface IEndpointTester
{
    Task<EndpointTestResult> TestAsync(Deployment deployment, CancellationToken cancellationToken);
}
