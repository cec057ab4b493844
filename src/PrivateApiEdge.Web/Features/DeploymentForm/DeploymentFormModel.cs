namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// What the new-deployment form edits. Mutable on purpose: Blazor binds to it field by field, and
/// <see cref="DeploymentFormValidator"/> decides whether it may be submitted.
/// </summary>
public sealed class DeploymentFormModel
{
    public string Name { get; set; } = "";

    /// <summary>The public name CloudFront answers on, e.g. <c>api.example.com</c>.</summary>
    public string DomainName { get; set; } = "";

    public string Region { get; set; } = "";

    public string VpcId { get; set; } = "";

    public IReadOnlyCollection<string> SubnetIds { get; set; } = [];

    /// <summary>The viewer certificate; CloudFront reads it only from us-east-1.</summary>
    public string CloudFrontCertificateArn { get; set; } = "";

    /// <summary>The ALB listener and API Gateway custom-domain certificate, in <see cref="Region"/>.</summary>
    public string RegionalCertificateArn { get; set; } = "";

    public string HostedZoneId { get; set; } = "";

    /// <summary>An execute-api interface endpoint to reuse; empty creates one.</summary>
    public string ExistingVpcEndpointId { get; set; } = "";

    /// <summary>A private REST API to put behind the domain; empty creates the "hello" API.</summary>
    public string ExistingRestApiId { get; set; } = "";

    public string ExistingStageName { get; set; } = "";

    public bool EnableIpv6 { get; set; } = true;

    public CachePolicyChoice CachePolicy { get; set; } = CachePolicyChoice.CachingDisabled;

    public string WebAclArn { get; set; } = "";

    public GeoRestrictionKind GeoRestriction { get; set; } = GeoRestrictionKind.None;

    /// <summary>ISO 3166-1 alpha-2 codes separated by commas or spaces, e.g. <c>DE, FR</c>.</summary>
    public string GeoRestrictionCountries { get; set; } = "";

    /// <summary>One <c>key=value</c> per line; applied to every resource the deployment creates.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Replace an existing A/AAAA record for the domain instead of failing preflight.</summary>
    public bool OverwriteExistingRecord { get; set; }

    /// <summary>An IAM role to assume for this deployment (e.g. in the team's own account); empty uses the portal's credentials.</summary>
    public string AssumeRoleArn { get; set; } = "";

    /// <summary>The external id the role's trust policy requires, if any.</summary>
    public string AssumeRoleExternalId { get; set; } = "";

    public bool ReusesVpcEndpoint => !string.IsNullOrWhiteSpace(ExistingVpcEndpointId);

    public bool ReusesRestApi => !string.IsNullOrWhiteSpace(ExistingRestApiId);
}

/// <summary>CloudFront managed cache policies offered by the form.</summary>
public enum CachePolicyChoice
{
    /// <summary>Managed-CachingDisabled: right for most APIs (every request reaches the API).</summary>
    CachingDisabled,

    /// <summary>Managed-CachingOptimized: caches GET/HEAD answers.</summary>
    CachingOptimized,

    /// <summary>Managed-UseOriginCacheControlHeaders: the API's Cache-Control decides.</summary>
    UseOriginCacheControlHeaders,
}

public enum GeoRestrictionKind
{
    None,

    /// <summary>Only the listed countries may call.</summary>
    Allow,

    /// <summary>Everyone except the listed countries may call.</summary>
    Block,
}
