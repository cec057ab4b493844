using System.Text.RegularExpressions;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The rules for what secures the edge and the deployment's AWS calls: certificates, the web ACL, and the role
/// (with its external id) the calls assume.
/// </summary>
public static partial class DeploymentFormValidator
{
    public static string? CloudFrontCertificateArn(string? value) =>
        CertificateArn(value, AwsRegions.CloudFrontRegion, "CloudFront uses certificates from us-east-1 only; choose one there.");

    public static string? RegionalCertificateArn(string? value, string? region) =>
        !string.IsNullOrWhiteSpace(value) && Region(region) is not null
            ? "Choose a valid region first: the load balancer's certificate must be in it."
            : CertificateArn(value, region, $"The load balancer needs a certificate in {region}; choose one there.");

    public static string? WebAclArn(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (WebAclArnParts(value) is { } wrongPart)
        {
            return wrongPart;
        }

        var match = WebAclArnPattern().Match(value);
        if (!match.Success)
        {
            return "Enter a WAFv2 web ACL ARN: arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>.";
        }

        return match.Groups["region"].Value == AwsRegions.CloudFrontRegion && match.Groups["scope"].Value == "global"
            ? null
            : "CloudFront needs a web ACL with scope CLOUDFRONT (region us-east-1, path global/webacl/...).";
    }

    /// <summary>Optional: the IAM role this deployment's AWS calls assume (another account, or narrower rights).</summary>
    public static string? AssumeRoleArn(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (ContainsMarkup(value))
        {
            return MarkupMessage;
        }

        return value.Length <= 2048 && RoleArnPattern().IsMatch(value.Trim())
            ? null
            : "Enter an IAM role ARN: arn:<partition>:iam::<12-digit account>:role/<path/name>, e.g. arn:aws:iam::123456789012:role/EdgeDeployer.";
    }

    /// <summary>Optional, and only with a role: the external id the role's trust policy asks for.</summary>
    public static string? AssumeRoleExternalId(string? value, string? roleArn)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(roleArn))
        {
            return "An external id is only used with a role ARN; enter the role or clear the external id.";
        }

        return ExternalIdPattern().IsMatch(value)
            ? null
            : "An external id has 2 to 1224 letters, digits or + = , . @ : / - characters.";
    }

    private static string? CertificateArn(string? value, string? region, string wrongRegionMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Choose a certificate.";
        }

        if (CertificateArnParts(value) is { } wrongPart)
        {
            return wrongPart;
        }

        var match = CertificateArnPattern().Match(value);
        if (!match.Success)
        {
            return "Enter an ACM certificate ARN: arn:aws:acm:<region>:<account>:certificate/<id>.";
        }

        if (string.IsNullOrEmpty(region) || match.Groups["region"].Value != region)
        {
            return wrongRegionMessage;
        }

        return match.Groups["partition"].Value == AwsRegions.PartitionOf(region)
            ? null
            : $"Region {region} is in partition {AwsRegions.PartitionOf(region)}; the ARN says {match.Groups["partition"].Value}.";
    }

    [GeneratedRegex("^arn:(?<partition>aws|aws-cn|aws-us-gov):acm:(?<region>[a-z]{2}(-gov)?-[a-z]+-\\d):\\d{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^arn:aws:wafv2:(?<region>[a-z]{2}-[a-z]+-\\d):\\d{12}:(?<scope>global|regional)/webacl/[A-Za-z0-9_-]{1,128}/[0-9a-f-]{36}$")]
    private static partial Regex WebAclArnPattern();

    [GeneratedRegex(@"^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::\d{12}:role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();
}
