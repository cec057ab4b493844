namespace PrivateApiEdge.Web.Aws.CloudFront;

// The structures inside CloudFront's requests and responses, named as in the model's shapes.

public sealed record Tag(string Key, string? Value);

public sealed record VpcOriginEndpointConfig
{
    public required string Name { get; init; }

    /// <summary>ARN of the internal ALB (or NLB / EC2 instance).</summary>
    public required string Arn { get; init; }

    public int HttpPort { get; init; } = 80;

    public int HttpsPort { get; init; } = 443;

    /// <summary><c>http-only</c>, <c>match-viewer</c> or <c>https-only</c>.</summary>
    public string OriginProtocolPolicy { get; init; } = "https-only";

    /// <summary>E.g. <c>TLSv1.2</c>. Empty leaves CloudFront's default.</summary>
    public IReadOnlyList<string> OriginSslProtocols { get; init; } = [];
}

public sealed record VpcOrigin(
    string Id,
    string Arn,
    string? AccountId,
    string Status,
    DateTimeOffset CreatedTime,
    DateTimeOffset LastModifiedTime,
    VpcOriginEndpointConfig EndpointConfig);

public sealed record VpcOriginSummary(string Id, string Name, string Status, string Arn, string OriginEndpointArn, DateTimeOffset CreatedTime, DateTimeOffset LastModifiedTime);

public sealed record DistributionConfig
{
    /// <summary>Idempotency key: resending the same config with the same reference does not create a second distribution.</summary>
    public required string CallerReference { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? DefaultRootObject { get; init; }

    public required IReadOnlyList<Origin> Origins { get; init; }

    public required DefaultCacheBehavior DefaultCacheBehavior { get; init; }

    public string Comment { get; init; } = string.Empty;

    /// <summary><c>PriceClass_100</c>, <c>PriceClass_200</c>, <c>PriceClass_All</c>.</summary>
    public string? PriceClass { get; init; }

    public required bool Enabled { get; init; }

    public ViewerCertificate? ViewerCertificate { get; init; }

    /// <summary>Null leaves the element out (CloudFront then applies no restriction).</summary>
    public Restrictions? Restrictions { get; init; }

    public string? WebAclId { get; init; }

    /// <summary><c>http1.1</c>, <c>http2</c>, <c>http3</c> or <c>http2and3</c>.</summary>
    public string? HttpVersion { get; init; }

    public bool? IsIpv6Enabled { get; init; }
}

public sealed record Origin
{
    public required string Id { get; init; }

    public required string DomainName { get; init; }

    public string? OriginPath { get; init; }

    public CustomOriginConfig? CustomOriginConfig { get; init; }

    public VpcOriginConfig? VpcOriginConfig { get; init; }

    public int? ConnectionAttempts { get; init; }

    public int? ConnectionTimeout { get; init; }
}

public sealed record VpcOriginConfig(string VpcOriginId)
{
    public string? OwnerAccountId { get; init; }

    public int? OriginReadTimeout { get; init; }

    public int? OriginKeepaliveTimeout { get; init; }
}

public sealed record CustomOriginConfig
{
    public int HttpPort { get; init; } = 80;

    public int HttpsPort { get; init; } = 443;

    public required string OriginProtocolPolicy { get; init; }

    public IReadOnlyList<string> OriginSslProtocols { get; init; } = [];

    public int? OriginReadTimeout { get; init; }

    public int? OriginKeepaliveTimeout { get; init; }
}

public sealed record DefaultCacheBehavior
{
    public required string TargetOriginId { get; init; }

    /// <summary><c>allow-all</c>, <c>https-only</c> or <c>redirect-to-https</c>.</summary>
    public required string ViewerProtocolPolicy { get; init; }

    /// <summary>E.g. GET, HEAD, OPTIONS, PUT, PATCH, POST, DELETE. Empty leaves CloudFront's default (GET, HEAD).</summary>
    public IReadOnlyList<string> AllowedMethods { get; init; } = [];

    public IReadOnlyList<string> CachedMethods { get; init; } = [];

    public bool? Compress { get; init; }

    public string? CachePolicyId { get; init; }

    public string? OriginRequestPolicyId { get; init; }

    public string? ResponseHeadersPolicyId { get; init; }
}

public sealed record ViewerCertificate
{
    public bool? CloudFrontDefaultCertificate { get; init; }

    /// <summary>An ACM certificate in us-east-1.</summary>
    public string? AcmCertificateArn { get; init; }

    public string? SslSupportMethod { get; init; }

    /// <summary>E.g. <c>TLSv1.2_2021</c>.</summary>
    public string? MinimumProtocolVersion { get; init; }
}

public sealed record Restrictions(GeoRestriction GeoRestriction);

public sealed record GeoRestriction
{
    /// <summary>No restriction: CloudFront serves every country.</summary>
    public static GeoRestriction None { get; } = new() { RestrictionType = GeoRestrictionType.None };

    /// <summary><c>whitelist</c>, <c>blacklist</c> or <c>none</c>.</summary>
    public required string RestrictionType { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes (upper case), each sent as a <c>Location</c>; empty for <c>none</c>.</summary>
    public IReadOnlyList<string> Items { get; init; } = [];
}

/// <summary>The values of CloudFront's <c>GeoRestrictionType</c>.</summary>
public static class GeoRestrictionType
{
    public const string Whitelist = "whitelist";
    public const string Blacklist = "blacklist";
    public const string None = "none";
}

public sealed record Distribution(
    string Id,
    string Arn,
    string Status,
    DateTimeOffset LastModifiedTime,
    string DomainName,
    DistributionConfigDocument DistributionConfig);

public sealed record DistributionSummary(
    string Id,
    string Arn,
    string Status,
    DateTimeOffset LastModifiedTime,
    string DomainName,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<Origin> Origins,
    string Comment,
    bool Enabled);
