using PrivateApiEdge.Web.Aws.Core;
namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>What the user asked for: the validated form, frozen when the deployment is created.</summary>
public sealed record DeploymentRequest
{
    public required string Name { get; init; }

    /// <summary>The public custom domain, e.g. <c>api.example.com</c>.</summary>
    public required string DomainName { get; init; }

    public required string Region { get; init; }

    public required string VpcId { get; init; }

    public required IReadOnlyList<string> SubnetIds { get; init; }

    /// <summary>ACM certificate in us-east-1 for the CloudFront viewer side.</summary>
    public required string CloudFrontCertificateArn { get; init; }

    /// <summary>ACM certificate in <see cref="Region"/> for the ALB listener and the API Gateway custom domain.</summary>
    public required string RegionalCertificateArn { get; init; }

    public required string HostedZoneId { get; init; }

    /// <summary>An existing execute-api endpoint (private DNS) to reuse; null creates one.</summary>
    public string? ExistingVpcEndpointId { get; init; }

    /// <summary>An existing private REST API to expose; null creates the hello API.</summary>
    public ExistingApi? ExistingApi { get; init; }

    public bool EnableIpv6 { get; init; } = true;

    public string CachePolicyId { get; init; } = ManagedCachePolicies.CachingDisabled;

    public string? WebAclArn { get; init; }

    public GeoRestriction? GeoRestriction { get; init; }

    /// <summary>User tags applied to everything the deployment creates (next to our own tracking tags).</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The user accepts replacing an existing DNS record for <see cref="DomainName"/>.</summary>
    public bool AllowRecordOverwrite { get; init; }

    /// <summary>Tear down automatically when provisioning fails.</summary>
    public bool AutoRollback { get; init; }

    /// <summary>Role to assume for this deployment's AWS calls; null uses the portal's credentials.</summary>
    public string? AssumeRoleArn { get; init; }

    /// <summary>External id for <see cref="AssumeRoleArn"/>, when its trust policy requires one. Not a secret, but never logged.</summary>
    public string? AssumeRoleExternalId { get; init; }

    /// <summary>
    /// The AWS session for this request's calls made on behalf of <paramref name="actorId"/>: the role (if any) is
    /// assumed with a session name naming that user, so the target account's CloudTrail shows who acted.
    /// </summary>
    public AwsSession AwsSessionFor(string actorId, Guid? deploymentId = null) =>
        new(Region, AssumeRoleArn is null ? null : new AssumeRoleSettings(AssumeRoleArn, AssumeRoleExternalId, RoleSessionNames.For(actorId)), deploymentId);
}

public sealed record ExistingApi(string RestApiId, string StageName);

/// <summary>CloudFront geo restriction: <c>whitelist</c> or <c>blacklist</c> plus ISO 3166-1 alpha-2 codes.</summary>
public sealed record GeoRestriction(GeoRestrictionType Type, IReadOnlyList<string> CountryCodes);

public enum GeoRestrictionType
{
    Allow,
    Block,
}

public static class ManagedCachePolicies
{
    /// <summary>Managed-CachingDisabled: the safe default for an API.</summary>
    public const string CachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    /// <summary>Managed-UseOriginCacheControlHeaders: caches only what the API marks cacheable.</summary>
    public const string UseOriginCacheControlHeaders = "83da9c7e-98b4-4e11-a168-04f0df8e2c65";

    /// <summary>Managed-AllViewer origin request policy: forwards Host, which API Gateway routes by.</summary>
    public const string AllViewerOriginRequestPolicy = "216adef6-5c7f-47e4-b989-5492eafa07d3";
}
