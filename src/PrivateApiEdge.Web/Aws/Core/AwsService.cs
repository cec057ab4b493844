namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Wire protocol of an AWS API, as named by <c>metadata.protocol</c> in its service model.</summary>
public enum AwsProtocol
{
    RestXml,
    Query,
    Ec2Query,
    RestJson,
    Json,
}

/// <summary>
/// What the access layer needs to know about one AWS API: how to find its endpoint, how to sign for it and how
/// its errors look. The static instances are the APIs the portal talks to.
/// </summary>
/// <param name="Key">Key under <c>Aws:Endpoints</c> in configuration, e.g. <c>CloudFront</c>.</param>
/// <param name="EnvironmentSuffix">Suffix of <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, the SDKs' normalized service id.</param>
/// <param name="SigningName">SigV4 service name.</param>
/// <param name="EndpointPrefix">Host prefix of the regional endpoint.</param>
/// <param name="Protocol">Wire protocol, which decides how errors are read.</param>
/// <param name="GlobalHost">Host of a global (partition-wide) endpoint, which signs as us-east-1; null if regional.</param>
public sealed record AwsService(
    string Key,
    string EnvironmentSuffix,
    string SigningName,
    string EndpointPrefix,
    AwsProtocol Protocol,
    string? GlobalHost = null)
{
    /// <summary>Global services are signed for this region whatever the session's region is.</summary>
    public const string GlobalSigningRegion = "us-east-1";

    public static readonly AwsService CloudFront = new("CloudFront", "CLOUDFRONT", "cloudfront", "cloudfront", AwsProtocol.RestXml, "cloudfront.amazonaws.com");
    public static readonly AwsService Route53 = new("Route53", "ROUTE_53", "route53", "route53", AwsProtocol.RestXml, "route53.amazonaws.com");
    public static readonly AwsService CertificateManager = new("Acm", "ACM", "acm", "acm", AwsProtocol.Json);
    public static readonly AwsService ElasticLoadBalancingV2 = new("ElasticLoadBalancingV2", "ELASTIC_LOAD_BALANCING_V2", "elasticloadbalancing", "elasticloadbalancing", AwsProtocol.Query);
    public static readonly AwsService ApiGateway = new("ApiGateway", "API_GATEWAY", "apigateway", "apigateway", AwsProtocol.RestJson);
    public static readonly AwsService Ec2 = new("Ec2", "EC2", "ec2", "ec2", AwsProtocol.Ec2Query);

    // The SDKs default to the regional STS endpoint since 2022 (sts_regional_endpoints=regional).
    public static readonly AwsService Sts = new("Sts", "STS", "sts", "sts", AwsProtocol.Query);

    public static IReadOnlyList<AwsService> All { get; } = [CloudFront, Route53, CertificateManager, ElasticLoadBalancingV2, ApiGateway, Ec2, Sts];

    public bool IsGlobal => GlobalHost is not null;

    /// <summary>Region to put in the SigV4 credential scope for a session in <paramref name="sessionRegion"/>.</summary>
    public string SigningRegion(string sessionRegion) => IsGlobal ? GlobalSigningRegion : sessionRegion;

    /// <summary>The public AWS endpoint (commercial, China or GovCloud partition by region prefix).</summary>
    public Uri DefaultEndpoint(string region)
    {
        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var host = IsGlobal && dnsSuffix == "amazonaws.com" && !region.StartsWith("us-gov-", StringComparison.Ordinal)
            ? GlobalHost!
            : $"{EndpointPrefix}.{region}.{dnsSuffix}";
        return new Uri($"https://{host}/");
    }
}
