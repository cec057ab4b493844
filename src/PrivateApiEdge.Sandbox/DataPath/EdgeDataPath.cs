using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// A viewer request as it reaches the edge: the Host the viewer asked for, and what it asked.
/// <paramref name="ViewerCountry"/> is where CloudFront's GeoIP places the viewer (ISO 3166-1 alpha-2), null when
/// it cannot tell.
/// </summary>
public sealed record EdgeRequest(string Method, string Host, string Path, string QueryString, string? ViewerCountry = null);

/// <summary>What the viewer gets back; <see cref="FailedHop"/> names the hop that broke the chain (sandbox only).</summary>
public sealed record EdgeResponse(int Status, string ContentType, string Body, IReadOnlyDictionary<string, string> Headers, string? FailedHop);

/// <summary>
/// The simulated data path of a deployment: Route 53 → CloudFront distribution → VPC origin → ALB listener →
/// target group → security groups → execute-api endpoint → API Gateway custom domain → resource policy → stage →
/// integration. Each hop fails the way AWS does (CloudFront 403/502/504, ALB 503, API Gateway 403/500) and the
/// failure is named in <c>X-Sandbox-Failed-Hop</c>. CloudFront, ELB and API Gateway are asked through
/// <see cref="IDistributionDirectory"/>, <see cref="ILoadBalancerDirectory"/> and <see cref="IPrivateApiDirectory"/>,
/// never through their services or their state; EC2, ACM and Route 53 through <see cref="IEdgeNetwork"/>. The world
/// is only the lock the walk runs under and its clock.
/// </summary>
public sealed partial class EdgeDataPath(
    SandboxWorld world,
    IEdgeNetwork network,
    IDistributionDirectory cloudFront,
    ILoadBalancerDirectory loadBalancing,
    IPrivateApiDirectory apiGateway)
{
    public const string FailedHopHeader = "X-Sandbox-Failed-Hop";
    private const int HttpsPort = 443;

    public EdgeResponse Invoke(EdgeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return world.Read(_ => Walk(request));
    }

    private EdgeResponse Walk(EdgeRequest request)
    {
        var host = request.Host.Split(':')[0].TrimEnd('.').ToLowerInvariant();

        // DNS: the viewer resolves the name through the public zone to the distribution.
        var alias = network.FindAliasRecord(host);
        if (alias is null)
        {
            return CloudFrontError(502, "dns", $"no A alias record for {host} in a public hosted zone");
        }

        var distribution = cloudFront.FindDistributionByDomainName(alias.AliasTargetDnsName);
        if (distribution is null)
        {
            return CloudFrontError(502, "dns", $"the alias of {host} points at {alias.AliasTargetDnsName}, which is no distribution");
        }

        if (distribution.Status != "Deployed")
        {
            return CloudFrontError(502, "distribution", $"{distribution.Id} is still {distribution.Status}");
        }

        if (!distribution.Enabled)
        {
            return CloudFrontError(403, "distribution", $"{distribution.Id} is disabled");
        }

        if (!distribution.Aliases.Contains(host, StringComparer.OrdinalIgnoreCase))
        {
            return CloudFrontError(403, "distribution", $"{host} is not an alternate domain name (CNAME) of {distribution.Id}");
        }

        if (!distribution.GeoRestriction.Serves(request.ViewerCountry))
        {
            return CloudFrontError(403, "distribution",
                $"{distribution.Id} has a geo restriction ({distribution.GeoRestriction.RestrictionType} {string.Join(", ", distribution.GeoRestriction.Locations)}) that blocks viewers in {request.ViewerCountry!.ToUpperInvariant()}",
                "The Amazon CloudFront distribution is configured to block access from your country.");
        }

        if (!distribution.AllowedMethods.Contains(request.Method, StringComparer.OrdinalIgnoreCase))
        {
            return CloudFrontError(403, "distribution", $"{distribution.Id} is not configured to allow the HTTP request method {request.Method}");
        }

        // Origin: the default behavior's origin must be a deployed VPC origin in front of an active ALB.
        var origin = distribution.Origins.FirstOrDefault(o => o.Id == distribution.DefaultTargetOriginId);
        if (origin?.VpcOriginId is null)
        {
            return CloudFrontError(502, "origin", $"the default behavior's origin {distribution.DefaultTargetOriginId} is not a VPC origin");
        }

        var vpcOrigin = cloudFront.FindVpcOrigin(origin.VpcOriginId);
        if (vpcOrigin is null || vpcOrigin.Status != "Deployed")
        {
            return CloudFrontError(502, "vpc-origin", vpcOrigin is null ? $"{origin.VpcOriginId} does not exist" : $"{vpcOrigin.Id} is still {vpcOrigin.Status}");
        }

        var lb = loadBalancing.FindLoadBalancer(vpcOrigin.EndpointArn);
        if (lb is null || lb.StateAt(world.Now) != "active")
        {
            return CloudFrontError(502, "load-balancer", lb is null ? $"{vpcOrigin.EndpointArn} does not exist" : $"{lb.Name} is {lb.StateAt(world.Now)}");
        }

        // Network: CloudFront's ENIs (in its managed group) must reach the ALB, or the connection times out.
        var port = vpcOrigin.OriginProtocolPolicy == "http-only" ? vpcOrigin.HttpPort : vpcOrigin.HttpsPort;
        var cloudFrontGroup = network.FindCloudFrontServiceSecurityGroup(lb.Region, lb.VpcId);
        var prefixList = network.FindPrefixListId(lb.Region, SandboxSeed.CloudFrontOriginFacingPrefixListName);
        if (cloudFrontGroup is null || prefixList is null
            || !SecurityGroupChain.AllowsIngress(network, lb.Region, [cloudFrontGroup], port, [], [], prefixList))
        {
            return CloudFrontError(504, "security-groups", $"CloudFront-VPCOrigins-Service-SG does not allow tcp/{port} from the CloudFront origin-facing prefix list");
        }

        if (!SecurityGroupChain.AllowsEgress(network, lb.Region, [cloudFrontGroup], port, lb.PrivateIpAddresses, lb.SecurityGroups)
            || !SecurityGroupChain.AllowsIngress(network, lb.Region, lb.SecurityGroups, port, [], [cloudFrontGroup]))
        {
            return CloudFrontError(504, "security-groups", $"the load balancer's security groups do not allow tcp/{port} from CloudFront-VPCOrigins-Service-SG");
        }

        // Listener: TLS to the ALB, validated against the Host CloudFront forwards.
        var route = loadBalancing.RouteFor(lb.Arn, port);
        if (route is null)
        {
            return CloudFrontError(502, "listener", $"{lb.Name} has no listener on port {port}");
        }

        if (vpcOrigin.OriginProtocolPolicy != "http-only")
        {
            var certificates = route.CertificateArns.Select(network.FindCertificate).OfType<CertificateView>().ToList();
            if (route.Protocol != "HTTPS" || !certificates.Any(c => c.Status == "ISSUED" && c.Covers(host)))
            {
                return CloudFrontError(502, "listener-certificate", $"the certificate of the listener on {port} does not cover {host} (SSL/TLS negotiation failure)");
            }
        }

        // Target group: healthy targets win; when none is healthy the ALB fails open to all registered targets.
        var targets = route.TargetGroups.SelectMany(g => g.Targets).ToList();
        if (targets.Count == 0)
        {
            return AlbError(503, "target-group", "no target is registered in the listener's target group");
        }

        var candidates = targets.Where(t => t.HealthState == "healthy").ToList();
        if (candidates.Count == 0)
        {
            candidates = [.. targets.Where(t => t.HealthState == "unhealthy")];
        }

        if (candidates.Count == 0)
        {
            return AlbError(503, "target-group", $"no target is ready yet ({string.Join(", ", targets.Select(t => $"{t.Id}: {t.HealthState}"))})");
        }

        var target = candidates[RandomNumberGenerator.GetInt32(candidates.Count)];
        var targetProtocol = route.TargetGroups.First(g => g.Targets.Contains(target)).Protocol;
        var endpoint = network.FindVpcEndpointByPrivateIp(lb.Region, target.Id);
        if (endpoint is null || endpoint.State != "available")
        {
            return AlbError(504, "endpoint", endpoint is null ? $"nothing answers at target {target.Id}" : $"{endpoint.VpcEndpointId} is {endpoint.State}");
        }

        if (!SecurityGroupChain.AllowsEgress(network, lb.Region, lb.SecurityGroups, target.Port, [target.Id], endpoint.SecurityGroupIds))
        {
            return AlbError(504, "security-groups", $"the load balancer's security groups do not allow egress tcp/{target.Port} to {endpoint.VpcEndpointId}");
        }

        if (!SecurityGroupChain.AllowsIngress(network, lb.Region, endpoint.SecurityGroupIds, target.Port, lb.PrivateIpAddresses, lb.SecurityGroups))
        {
            return AlbError(504, "security-groups", $"the security groups of {endpoint.VpcEndpointId} do not allow tcp/{target.Port} from the load balancer");
        }

        if (targetProtocol != "HTTPS" || target.Port != HttpsPort)
        {
            // The endpoint only speaks TLS on 443; anything else is refused or reset, which the ALB reports as 502.
            return AlbError(502, "target-group", $"the target group sends {targetProtocol} to port {target.Port}; the endpoint only accepts HTTPS on {HttpsPort}");
        }

        if (!endpoint.ServiceName.EndsWith(".execute-api", StringComparison.Ordinal))
        {
            return AlbError(502, "endpoint", $"{endpoint.VpcEndpointId} is an endpoint for {endpoint.ServiceName}, not execute-api");
        }

        return InvokeApi(request, host, lb.Region, endpoint);
    }

    /// <summary>API Gateway behind the endpoint: the Host picks the custom domain, the base path the API and stage.</summary>
    private EdgeResponse InvokeApi(EdgeRequest request, string host, string region, VpcEndpointView endpoint)
    {
        var domain = apiGateway.FindAvailableDomainName(region, host);
        if (domain is null)
        {
            return ApiError(403, "ForbiddenException", """{"message":"Forbidden"}""", "api-domain", $"no available API Gateway custom domain {host} in {region}");
        }

        var path = "/" + request.Path.TrimStart('/');
        var firstSegment = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        var mapping = domain.Mappings.FirstOrDefault(m => m.BasePath == firstSegment) ?? domain.Mappings.FirstOrDefault(m => m.BasePath == "(none)");
        if (mapping is null)
        {
            return ApiError(403, "ForbiddenException", """{"message":"Forbidden"}""", "base-path-mapping", $"no base path mapping of {host} matches {path}");
        }

        if (mapping.BasePath != "(none)")
        {
            path = "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1));
        }

        var stage = apiGateway.FindDeployedStage(region, mapping.RestApiId, mapping.Stage);
        if (stage is null)
        {
            return ApiError(403, "ForbiddenException", """{"message":"Forbidden"}""", "stage", $"the mapping of {host} points at no deployed stage ({mapping.RestApiId}/{mapping.Stage})");
        }

        var methodArn = $"arn:aws:execute-api:{region}:{SandboxSeed.AccountId}:{stage.RestApiId}/{stage.StageName}/{request.Method}{path}";
        if (stage.IsPrivate)
        {
            var context = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["aws:sourcevpce"] = endpoint.VpcEndpointId,
                ["aws:sourcevpc"] = endpoint.VpcId,
            };
            var decision = ResourcePolicyEvaluator.Evaluate(stage.Policy, methodArn, $"execute-api:/{stage.StageName}/{request.Method}{path}", context);
            if (decision != PolicyDecision.Allow)
            {
                var masked = "********" + SandboxSeed.AccountId[^4..];
                var explicitly = decision == PolicyDecision.ExplicitDeny ? " with an explicit deny" : "";
                return ApiError(403, "AccessDeniedException",
                    $$"""{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:{{region}}:{{masked}}:{{stage.RestApiId}}/{{stage.StageName}}/{{request.Method}}{{path}}{{explicitly}}"}""",
                    "resource-policy", $"the policy deployed to {stage.RestApiId}/{stage.StageName} does not allow aws:SourceVpce {endpoint.VpcEndpointId}");
            }
        }

        var methods = stage.Methods.GetValueOrDefault(path.Length > 1 ? path.TrimEnd('/') : path);
        var method = methods?.GetValueOrDefault(request.Method.ToUpperInvariant()) ?? methods?.GetValueOrDefault("ANY");
        if (method is null)
        {
            return ApiError(403, "MissingAuthenticationTokenException", """{"message":"Missing Authentication Token"}""", "method",
                $"the deployed stage {stage.StageName} has no {request.Method} method on {path}");
        }

        return Integrate(method, stage.StageName);
    }

    private static EdgeResponse Integrate(JsonObject method, string stageName)
    {
        var integration = method["methodIntegration"] as JsonObject;
        if (integration?["type"]?.GetValue<string>() != "MOCK")
        {
            return ApiError(500, "InternalServerErrorException", """{"message": "Internal server error"}""", "integration",
                integration is null ? $"the method has no integration in stage {stageName}" : $"{integration["type"]} integrations are not emulated; only MOCK answers");
        }

        // A MOCK integration takes its status from the request template, then picks the integration response
        // whose selection pattern matches that status (the one without a pattern is the default).
        var requestTemplate = (integration["requestTemplates"] as JsonObject)?["application/json"]?.GetValue<string>();
        var status = requestTemplate is not null && StatusCodePattern().Match(requestTemplate) is { Success: true } match
            ? match.Groups[1].Value
            : "200";
        var responses = (integration["integrationResponses"] as JsonObject ?? []).Select(r => r.Value).OfType<JsonObject>().ToList();
        var response = responses.FirstOrDefault(r => r["selectionPattern"]?.GetValue<string>() is { Length: > 0 } pattern
                && Regex.IsMatch(status, "^(?:" + pattern + ")$", RegexOptions.None, TimeSpan.FromSeconds(1)))
            ?? responses.FirstOrDefault(r => string.IsNullOrEmpty(r["selectionPattern"]?.GetValue<string>()));
        var statusCode = response?["statusCode"]?.GetValue<string>();
        if (response is null || statusCode is null || (method["methodResponses"] as JsonObject)?.ContainsKey(statusCode) != true)
        {
            return ApiError(500, "InternalServerErrorException", """{"message": "Internal server error"}""", "integration",
                "no integration response (with a matching method response) for the MOCK status " + status);
        }

        var body = (response["responseTemplates"] as JsonObject)?["application/json"]?.GetValue<string>() ?? "";
        var code = int.Parse(statusCode, NumberStyles.None, CultureInfo.InvariantCulture);
        return new EdgeResponse(code, "application/json", body, ApiHeaders(code), FailedHop: null);
    }

    private static EdgeResponse CloudFrontError(int status, string hop, string why, string? viewerMessage = null)
    {
        var title = status switch
        {
            403 => "403 ERROR",
            502 => "502 ERROR",
            _ => "504 Gateway Timeout ERROR",
        };
        var body = $"<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\">\n<HTML><HEAD><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=iso-8859-1\">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n</HEAD><BODY>\n<H1>{title}</H1>\n<H2>The request could not be satisfied.</H2>\n<HR noshade size=\"1px\">\n{(viewerMessage is null ? "" : viewerMessage + "\n")}Generated by cloudfront (CloudFront)\n</BODY></HTML>";
        var headers = CloudFrontHeaders("Error from cloudfront");
        headers[FailedHopHeader] = $"{hop}: {why}";
        return new EdgeResponse(status, "text/html", body, headers, hop);
    }

    private static EdgeResponse AlbError(int status, string hop, string why)
    {
        var text = status == 503 ? "503 Service Temporarily Unavailable" : status == 504 ? "504 Gateway Time-out" : "502 Bad Gateway";
        var headers = CloudFrontHeaders("Error from cloudfront");
        headers["Server"] = "awselb/2.0";
        headers[FailedHopHeader] = $"{hop}: {why}";
        return new EdgeResponse(status, "text/html", $"<html>\r\n<head><title>{text}</title></head>\r\n<body>\r\n<center><h1>{text}</h1></center>\r\n</body>\r\n</html>\r\n", headers, hop);
    }

    private static EdgeResponse ApiError(int status, string errorType, string body, string hop, string why)
    {
        var headers = ApiHeaders(status);
        headers["x-amzn-ErrorType"] = errorType;
        headers[FailedHopHeader] = $"{hop}: {why}";
        return new EdgeResponse(status, "application/json", body, headers, hop);
    }

    private static Dictionary<string, string> ApiHeaders(int status)
    {
        var headers = CloudFrontHeaders(status < 400 ? "Miss from cloudfront" : "Error from cloudfront");
        headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        headers["x-amz-apigw-id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12))[..16];
        return headers;
    }

    private static Dictionary<string, string> CloudFrontHeaders(string cache) => new(StringComparer.OrdinalIgnoreCase)
    {
        ["Via"] = $"1.1 {Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}.cloudfront.net (CloudFront)",
        ["X-Cache"] = cache,
        ["X-Amz-Cf-Pop"] = "DUB56-P1",
        ["X-Amz-Cf-Id"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(42)).Replace('+', '-').Replace('/', '_'),
    };

    [GeneratedRegex("\"statusCode\"\\s*:\\s*\"?(\\d{3})")]
    private static partial Regex StatusCodePattern();
}
