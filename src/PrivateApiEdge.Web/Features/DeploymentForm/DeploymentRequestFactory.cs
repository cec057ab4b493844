using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>Freezes a valid form into the engine's <see cref="DeploymentRequest"/>.</summary>
public static class DeploymentRequestFactory
{
    /// <summary>Managed-CachingOptimized; the engine names only the two policies it defaults to.</summary>
    public const string CachingOptimizedPolicyId = "658327ea-f89d-4fab-a63d-7e88639e58f6";

    public static DeploymentRequest From(DeploymentFormModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = DeploymentFormValidator.Validate(model);
        if (errors.Count > 0)
        {
            throw new ArgumentException($"The form is not valid: {string.Join(" ", errors.Select(e => $"{e.Key}: {e.Value}"))}", nameof(model));
        }

        return new DeploymentRequest
        {
            Name = model.Name.Trim(),
            DomainName = model.DomainName.Trim().TrimEnd('.'),
            Region = model.Region,
            VpcId = model.VpcId,
            SubnetIds = model.SubnetIds.ToList(),
            CloudFrontCertificateArn = model.CloudFrontCertificateArn,
            RegionalCertificateArn = model.RegionalCertificateArn,
            HostedZoneId = model.HostedZoneId.StartsWith("/hostedzone/", StringComparison.Ordinal)
                ? model.HostedZoneId["/hostedzone/".Length..]
                : model.HostedZoneId,
            ExistingVpcEndpointId = Blank(model.ExistingVpcEndpointId),
            ExistingApi = model.ReusesRestApi ? new ExistingApi(model.ExistingRestApiId.Trim(), model.ExistingStageName.Trim()) : null,
            EnableIpv6 = model.EnableIpv6,
            CachePolicyId = model.CachePolicy switch
            {
                CachePolicyChoice.CachingOptimized => CachingOptimizedPolicyId,
                CachePolicyChoice.UseOriginCacheControlHeaders => ManagedCachePolicies.UseOriginCacheControlHeaders,
                _ => ManagedCachePolicies.CachingDisabled,
            },
            WebAclArn = Blank(model.WebAclArn),
            GeoRestriction = model.GeoRestriction switch
            {
                GeoRestrictionKind.Allow => new GeoRestriction(GeoRestrictionType.Allow, DeploymentFormValidator.CountryCodes(model.GeoRestrictionCountries)),
                GeoRestrictionKind.Block => new GeoRestriction(GeoRestrictionType.Block, DeploymentFormValidator.CountryCodes(model.GeoRestrictionCountries)),
                _ => null,
            },
            Tags = FormTags.Parse(model.Tags).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            AllowRecordOverwrite = model.OverwriteExistingRecord,
            AssumeRoleArn = Blank(model.AssumeRoleArn),
            AssumeRoleExternalId = string.IsNullOrWhiteSpace(model.AssumeRoleArn) || string.IsNullOrEmpty(model.AssumeRoleExternalId) ? null : model.AssumeRoleExternalId,
        };
    }

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
