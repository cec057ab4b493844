using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

namespace PrivateApiEdge.Web.Features.EndpointTest;

/// <summary>
/// Calls the public endpoint like a viewer. In sandbox mode the request goes to the sandbox's data path, which
/// names the failing hop; against AWS the likely hop is inferred from what can be checked.
/// </summary>
public sealed class EndpointTester(IHttpClientFactory httpClients, CurrentAwsMode sandbox, TimeProvider time, IViewerDnsResolver resolver) : IEndpointTester
{
    public const string SandboxHostHeader = "X-Sandbox-Host";
    public const string SandboxFailedHopHeader = "X-Sandbox-Failed-Hop";
    private const int MaxBody = 4096;

    private static readonly string[] InterestingHeaders =
        ["x-cache", "x-amz-cf-pop", "x-amz-cf-id", "via", "x-amzn-requestid", "x-amz-apigw-id", "x-amzn-errortype", "server", "location", SandboxFailedHopHeader.ToLowerInvariant()];

    public async Task<EndpointTestResult> TestAsync(EndpointTestTarget target, AwsClients? aws, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var url = $"https://{target.DomainName}/";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var viaDataPath = sandbox.IsSandbox || sandbox.StandaloneAddress is not null;
        if (viaDataPath)
        {
            var baseAddress = sandbox.DataPathAddress ?? throw new InvalidOperationException("The sandbox has not started.");
            request.RequestUri = new Uri(baseAddress, "_sandbox/edge/");
            request.Headers.Add(SandboxHostHeader, target.DomainName);
        }

        using var client = httpClients.CreateClient(viaDataPath ? ViewerConnections.DataPathClient : ViewerConnections.ViewerClient);
        client.Timeout = TimeSpan.FromSeconds(30);
        var started = time.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, cancellationToken);
            var latency = time.GetElapsedTime(started).TotalMilliseconds;
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var headers = InterestingHeaders
                .Select(h => (h, response.Headers.TryGetValues(h, out var values) ? string.Join(", ", values) : null))
                .Where(h => h.Item2 is not null)
                .ToDictionary(h => h.h, h => h.Item2!, StringComparer.OrdinalIgnoreCase);
            var passed = response.IsSuccessStatusCode && (target.ExpectedBody is null || body.Contains(target.ExpectedBody, StringComparison.Ordinal));
            var result = new EndpointTestResult
            {
                At = time.GetUtcNow(),
                Url = url,
                Passed = passed,
                StatusCode = (int)response.StatusCode,
                LatencyMilliseconds = Math.Round(latency, 1),
                Body = body.Length > MaxBody ? body[..MaxBody] : body,
                Headers = headers,
            };
            if (passed)
            {
                return result with { ChainWorks = true };
            }

            if (ApiGatewayAnswered(headers) is { } answered)
            {
                return result with { ChainWorks = true, Diagnosis = $"API Gateway answered {(int)response.StatusCode}{answered}: the chain works (DNS → CloudFront → VPC origin → ALB → endpoint → API Gateway), but the API's answer at this path is not the expected one." };
            }

            var (hop, why) = headers.TryGetValue(SandboxFailedHopHeader, out var failed)
                ? SplitHop(failed)
                : await DiagnoseAnswerAsync(target, aws, (int)response.StatusCode, headers, body, cancellationToken);
            return result with { FailingHop = hop, Diagnosis = why };
        }
        catch (HttpRequestException ex) when (ex.InnerException is NonPublicAddressException refused)
        {
            return new EndpointTestResult
            {
                At = time.GetUtcNow(),
                Url = url,
                Passed = false,
                LatencyMilliseconds = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1),
                FailingHop = "dns-records",
                Diagnosis = $"Refused to connect: {refused.Message} Point the domain's alias record at the distribution.",
            };
        }
        catch (HttpRequestException ex)
        {
            var (hop, why) = await DiagnoseNoAnswerAsync(target, aws, ex, cancellationToken);
            return new EndpointTestResult
            {
                At = time.GetUtcNow(),
                Url = url,
                Passed = false,
                LatencyMilliseconds = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1),
                FailingHop = hop,
                Diagnosis = why,
            };
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EndpointTestResult
            {
                At = time.GetUtcNow(),
                Url = url,
                Passed = false,
                LatencyMilliseconds = Math.Round(time.GetElapsedTime(started).TotalMilliseconds, 1),
                FailingHop = "origin-security",
                Diagnosis = "No answer within 30 s: usually a security group in the chain (CloudFront SG → ALB SG → endpoint SG) drops the traffic.",
            };
        }
    }

    /// <summary>
    /// Null unless API Gateway's own headers show it routed the request to the API; else " (errorType)" or "".
    /// ForbiddenException (no custom domain, mapping or stage for the Host) and AccessDeniedException (resource
    /// policy) mean the request never reached the API, so they are routing failures, not a working chain.
    /// </summary>
    private static string? ApiGatewayAnswered(Dictionary<string, string> headers)
    {
        if (!headers.ContainsKey("x-amzn-requestid") && !headers.ContainsKey("x-amzn-errortype"))
        {
            return null;
        }

        var errorType = headers.GetValueOrDefault("x-amzn-errortype")?.Split(':')[0].Trim();
        return errorType switch
        {
            null or "" => "",
            "ForbiddenException" or "AccessDeniedException" => null,
            _ => $" ({errorType})",
        };
    }

    private static (string Hop, string Why) SplitHop(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (header.Trim(), header.Trim()) : (header[..colon].Trim(), header[(colon + 1)..].Trim());
    }

    private static async Task<(string Hop, string Why)> DiagnoseAnswerAsync(
        EndpointTestTarget target, AwsClients? aws, int status, Dictionary<string, string> headers, string body, CancellationToken cancellationToken)
    {
        var fromCloudFront = headers.ContainsKey("x-amz-cf-id");
        if (status is >= 300 and < 400)
        {
            return ("endpoint-test", $"The endpoint answered {status} (a redirect to {headers.GetValueOrDefault("location") ?? "nowhere"}); the test reports redirects and never follows them, since the domain is user-supplied.");
        }

        if (status is 502 or 504 && fromCloudFront)
        {
            if (await UnhealthyTargetsAsync(target, aws, cancellationToken) is { } unhealthy)
            {
                return ("target-health", $"CloudFront could not get an answer from the ALB ({status}); target health: {unhealthy}.");
            }

            return status == 502
                ? ("load-balancer", "CloudFront reached the ALB but TLS failed (502): the ALB certificate must cover the domain, since CloudFront checks it against the Host.")
                : ("origin-security", "CloudFront timed out reaching the ALB (504): check the CloudFront SG → ALB SG rule and the VPC origin status.");
        }

        if (status == 403 && headers.ContainsKey("x-amzn-errortype"))
        {
            return body.Contains("not authorized", StringComparison.OrdinalIgnoreCase)
                ? ("private-api", "API Gateway refused the call: the API's resource policy does not allow this endpoint (aws:sourceVpce).")
                : ("api-domain", "API Gateway answered 403 without routing: the REGIONAL custom domain or its base path mapping is missing for this Host.");
        }

        if (status == 403 && fromCloudFront)
        {
            return ("distribution", "CloudFront refused the request (403): check the alternate domain name, geo restriction or WAF rules.");
        }

        return ("endpoint-test", $"The endpoint answered {status}{(target.ExpectedBody is null ? "" : $" without '{target.ExpectedBody}'")}.");
    }

    private async Task<(string Hop, string Why)> DiagnoseNoAnswerAsync(EndpointTestTarget target, AwsClients? aws, HttpRequestException ex, CancellationToken cancellationToken)
    {
        if (ex.InnerException is AuthenticationException)
        {
            return ("distribution", $"TLS with CloudFront failed: the viewer certificate may not cover {target.DomainName}, or the distribution is not deployed yet ({ex.InnerException.Message}).");
        }

        try
        {
            var addresses = await resolver.ResolveAsync(target.DomainName, cancellationToken);
            if (addresses.Length == 0)
            {
                return ("dns-records", $"{target.DomainName} resolves to nothing: the alias record is missing or not in sync yet.");
            }
        }
        catch (System.Net.Sockets.SocketException)
        {
            return ("dns-records", $"{target.DomainName} does not resolve: the alias record is missing, not in sync, or the zone is not delegated.");
        }

        if (aws is not null && target.DistributionId is not null)
        {
            try
            {
                var distribution = await aws.CloudFront.GetDistributionAsync(new GetDistributionRequest(target.DistributionId), cancellationToken);
                if (distribution.Distribution.Status != "Deployed")
                {
                    return ("distribution", $"Distribution {target.DistributionId} is still {distribution.Distribution.Status}.");
                }
            }
            catch (AwsApiException lookup)
            {
                return ("distribution", $"Distribution {target.DistributionId} could not be read: {lookup.ErrorCode}.");
            }
        }

        return ("distribution", $"No HTTP answer from {target.DomainName}: {ex.Message}");
    }

    private static async Task<string?> UnhealthyTargetsAsync(EndpointTestTarget target, AwsClients? aws, CancellationToken cancellationToken)
    {
        if (aws is null || target.TargetGroupArn is null)
        {
            return null;
        }

        try
        {
            var health = await aws.ElasticLoadBalancing.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = target.TargetGroupArn }, cancellationToken);
            var unhealthy = health.TargetHealthDescriptions.Where(t => t.TargetHealth?.State != TargetHealth.Healthy).ToList();
            return unhealthy.Count == 0 ? null : string.Join(", ", unhealthy.Select(t => $"{t.Target.Id} {t.TargetHealth?.State} {t.TargetHealth?.Reason}"));
        }
        catch (AwsApiException)
        {
            return null;
        }
    }
}
