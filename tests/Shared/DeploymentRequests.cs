using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Testing;

/// <summary>
/// The one deployment request tests start from: the seeded sandbox account's demo values (<see cref="SandboxSeed"/>),
/// which the sandbox accepts end to end, in the three shapes the portal takes it (entity request, form, API body).
/// A test changes only what it is about (<c>Demo("x") with { Region = ... }</c>), so a new required field is added here once.
/// </summary>
public static class DeploymentRequests
{
    /// <summary>The request as <see cref="DeploymentService"/> and the engine take it; <paramref name="name"/> makes it unique.</summary>
    public static DeploymentRequest Demo(string name = "orders") => new()
    {
        Name = name,
        DomainName = $"{name}.{SandboxSeed.DemoDomain}",
        Region = SandboxSeed.DefaultRegion,
        VpcId = SandboxSeed.VpcId,
        SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
        CloudFrontCertificateArn = SandboxSeed.CloudFrontCertificateArn,
        RegionalCertificateArn = SandboxSeed.RegionalCertificateArn,
        HostedZoneId = SandboxSeed.PublicHostedZoneId,
        Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["team"] = "payments" },
    };

    /// <summary>The same request in another region, with its regional certificate moved there too (as the form requires).</summary>
    public static DeploymentRequest InRegion(this DeploymentRequest request, string region)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request with
        {
            Region = region,
            RegionalCertificateArn = request.RegionalCertificateArn.Replace($":{request.Region}:", $":{region}:", StringComparison.Ordinal),
        };
    }

    /// <summary>The new-deployment form filled in with the same values; valid as it is.</summary>
    public static DeploymentFormModel DemoForm(string name = "orders") => new()
    {
        Name = name,
        DomainName = $"{name}.{SandboxSeed.DemoDomain}",
        Region = SandboxSeed.DefaultRegion,
        VpcId = SandboxSeed.VpcId,
        SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
        CloudFrontCertificateArn = SandboxSeed.CloudFrontCertificateArn,
        RegionalCertificateArn = SandboxSeed.RegionalCertificateArn,
        HostedZoneId = SandboxSeed.PublicHostedZoneId,
        Tags = "team=payments",
    };

    /// <summary>The JSON body of <c>POST /api/deployments</c> with the same values; optional fields left out, as a script would.</summary>
    public static CreateDeploymentBody DemoBody(string name = "orders") => new()
    {
        Name = name,
        DomainName = $"{name}.{SandboxSeed.DemoDomain}",
        Region = SandboxSeed.DefaultRegion,
        VpcId = SandboxSeed.VpcId,
        SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
        CloudFrontCertificateArn = SandboxSeed.CloudFrontCertificateArn,
        RegionalCertificateArn = SandboxSeed.RegionalCertificateArn,
        HostedZoneId = SandboxSeed.PublicHostedZoneId,
        Tags = [new DeploymentTag("team", "payments")],
    };

    /// <summary>The JSON body a script would send for <paramref name="form"/> (tags as AWS-style key/value objects).</summary>
    public static CreateDeploymentBody ToBody(DeploymentFormModel form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new()
        {
            Name = form.Name,
            DomainName = form.DomainName,
            Region = form.Region,
            VpcId = form.VpcId,
            SubnetIds = [.. form.SubnetIds],
            CloudFrontCertificateArn = form.CloudFrontCertificateArn,
            RegionalCertificateArn = form.RegionalCertificateArn,
            HostedZoneId = form.HostedZoneId,
            ExistingVpcEndpointId = form.ExistingVpcEndpointId,
            ExistingRestApiId = form.ExistingRestApiId,
            ExistingStageName = form.ExistingStageName,
            EnableIpv6 = form.EnableIpv6,
            CachePolicy = form.CachePolicy,
            WebAclArn = form.WebAclArn,
            GeoRestriction = form.GeoRestriction,
            GeoRestrictionCountries = form.GeoRestrictionCountries.Length == 0 ? [] : [form.GeoRestrictionCountries],
            Tags = [.. FormTags.Parse(form.Tags).Select(t => new DeploymentTag(t.Key, t.Value))],
            OverwriteExistingRecord = form.OverwriteExistingRecord,
            AssumeRoleArn = form.AssumeRoleArn,
            AssumeRoleExternalId = form.AssumeRoleExternalId,
        };
    }
}
