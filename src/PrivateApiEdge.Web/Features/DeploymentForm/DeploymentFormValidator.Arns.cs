using System.Text.RegularExpressions;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The part of the field rules that takes ARNs and other hostile input apart, kept apart from the shape rules so
/// each message can name the wrong part (service, region, partition, account, resource) of what was pasted.
/// </summary>
public static partial class DeploymentFormValidator
{
    /// <summary>us-east-1 has six availability zones; one subnet per zone is all an ALB or an endpoint takes.</summary>
    public const int MaxSubnets = 6;

    /// <summary>IAM's own limit for an ARN; nothing a field holds is longer.</summary>
    public const int MaxArnLength = 2048;

    private const int MaxIdLength = 64;

    private const int MaxRegionLength = 32;

    /// <summary>
    /// The rule <see cref="Validate"/> applies to the role (optional): first what is wrong with the pasted ARN
    /// (unsafe text, another service, a region, a user instead of a role...), then the shape
    /// <see cref="AssumeRoleArn(string?)"/> expects, then that its partition is the chosen region's. IAM is global,
    /// so the ARN has no region.
    /// </summary>
    public static string? AssumeRoleArn(string? value, string? region) =>
        string.IsNullOrWhiteSpace(value) ? null
        : RoleArnParts(value, region) is { } wrongPart ? wrongPart
        : AssumeRoleArn(value);

    private static string? RoleArnParts(string value, string? region)
    {
        if (ArnBasics(value, "an IAM role ARN: arn:aws:iam::<account>:role/<name>", out var arn) is { } basic)
        {
            return basic;
        }

        if (arn.Service == "sts" && arn.Resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            return "That is an assumed-role session ARN; enter the role's own ARN: arn:aws:iam::<account>:role/<name>.";
        }

        if (arn.Service != "iam")
        {
            return $"That is an ARN of the service '{arn.Service}'; enter an IAM role ARN: arn:aws:iam::<account>:role/<name>.";
        }

        if (arn.Region.Length > 0)
        {
            return $"IAM ARNs have no region (the ARN says '{arn.Region}'): arn:aws:iam::<account>:role/<name>.";
        }

        if (AccountProblem(arn, "an IAM role ARN: arn:aws:iam::<account>:role/<name>") is { } account)
        {
            return account;
        }

        if (!arn.Resource.StartsWith("role/", StringComparison.Ordinal))
        {
            return $"'{arn.Resource}' is not a role; enter an IAM role ARN: arn:aws:iam::<account>:role/<name>.";
        }

        if (!RoleResourcePattern().IsMatch(arn.Resource))
        {
            return "A role name has 1-64 letters, digits or + = , . @ _ - (after an optional /path/).";
        }

        return PartitionProblem(arn, region);
    }

    /// <summary>Enum values arrive as numbers from JSON clients too; only the named choices mean anything.</summary>
    public static string? CachePolicy(CachePolicyChoice value) =>
        Enum.IsDefined(value) ? null : $"'{value}' is not a cache policy; choose one of {string.Join(", ", Enum.GetNames<CachePolicyChoice>())}.";

    public static string? GeoRestriction(GeoRestrictionKind value) =>
        Enum.IsDefined(value) ? null : $"'{value}' is not a geo restriction; choose one of {string.Join(", ", Enum.GetNames<GeoRestrictionKind>())}.";

    /// <summary>
    /// Rules of <see cref="Validate"/> beyond one rule per field: enum values outside their names, and unsafe
    /// characters in fields whose own rule only checks the shape. A field keeps the first error it got.
    /// </summary>
    private static void AddHostileInputRules(DeploymentFormModel model, Action<string, string?> add)
    {
        add(nameof(model.CachePolicy), CachePolicy(model.CachePolicy));
        add(nameof(model.GeoRestriction), GeoRestriction(model.GeoRestriction));
        add(nameof(model.GeoRestrictionCountries), UnsafeText.Problem(model.GeoRestrictionCountries, allowLineBreaks: true));
        add(nameof(model.AssumeRoleExternalId), UnsafeText.Problem(model.AssumeRoleExternalId));
    }

    private static string? SharedZone(IReadOnlyCollection<string> subnetIds, IReadOnlyDictionary<string, string> availabilityZones)
    {
        var crowded = subnetIds
            .Where(availabilityZones.ContainsKey)
            .GroupBy(id => availabilityZones[id], StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        return crowded is null
            ? null
            : $"{string.Join(" and ", crowded)} are both in {crowded.Key}; a load balancer takes one subnet per availability zone.";
    }

    /// <summary>Service, partition, account and resource of a certificate ARN; the region is the caller's check.</summary>
    private static string? CertificateArnParts(string value)
    {
        const string Expected = "an ACM certificate ARN: arn:aws:acm:<region>:<account>:certificate/<id>";
        if (ArnBasics(value, Expected, out var arn) is { } basic)
        {
            return basic;
        }

        if (arn.Service == "iam" && arn.Resource.StartsWith("server-certificate/", StringComparison.Ordinal))
        {
            return $"That is an IAM server certificate; enter {Expected}.";
        }

        if (arn.Service != "acm")
        {
            return $"That is an ARN of the service '{arn.Service}', not {Expected}.";
        }

        if (AccountProblem(arn, Expected) is { } account)
        {
            return account;
        }

        if (!arn.Resource.StartsWith("certificate/", StringComparison.Ordinal) || !CertificateIdPattern().IsMatch(arn.Resource["certificate/".Length..]))
        {
            return $"'{arn.Resource}' is not certificate/<id> with a lower-case UUID; enter {Expected}.";
        }

        return null;
    }

    private static string? WebAclArnParts(string value)
    {
        const string Expected = "a WAFv2 web ACL ARN: arn:aws:wafv2:us-east-1:<account>:global/webacl/<name>/<id>";
        if (ArnBasics(value, Expected, out var arn) is { } basic)
        {
            return basic;
        }

        if (arn.Service is "waf" or "waf-regional")
        {
            return $"That is a WAF Classic web ACL, which CloudFront distributions created here cannot use; enter {Expected}.";
        }

        if (arn.Service != "wafv2")
        {
            return $"That is an ARN of the service '{arn.Service}', not {Expected}.";
        }

        if (AccountProblem(arn, Expected) is { } account)
        {
            return account;
        }

        if (arn.Resource.StartsWith("regional/", StringComparison.Ordinal) || arn.Region != AwsRegions.CloudFrontRegion)
        {
            return "CloudFront needs a web ACL with scope CLOUDFRONT (region us-east-1, path global/webacl/...); " +
                $"this one is regional{(arn.Region.Length > 0 ? $" in {arn.Region}" : "")}.";
        }

        return PartitionProblem(arn, AwsRegions.CloudFrontRegion);
    }

    /// <summary>What every ARN field checks first: safe text, a sane length, the arn: form, a real partition and account.</summary>
    private static string? ArnBasics(string value, string expected, out AwsArn arn)
    {
        arn = new AwsArn("", "", "", "", "");
        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        if (value.Length > MaxArnLength)
        {
            return $"At most {MaxArnLength} characters for an ARN ({value.Length} entered).";
        }

        if (!AwsArn.TryParse(value.Trim(), out arn))
        {
            return $"Enter {expected}.";
        }

        if (!AwsArn.KnownPartitions.Contains(arn.Partition, StringComparer.Ordinal))
        {
            return $"'{arn.Partition}' is not an AWS partition (aws, aws-cn, aws-us-gov...); enter {expected}.";
        }

        return null;
    }

    private static string? AccountProblem(AwsArn arn, string expected) =>
        arn.HasAccountId ? null : $"'{arn.AccountId}' is not a 12-digit account id; enter {expected}.";

    private static string? PartitionProblem(AwsArn arn, string? region) =>
        string.IsNullOrEmpty(region) || Region(region) is not null || arn.Partition == AwsRegions.PartitionOf(region)
            ? null
            : $"Region {region} is in partition {AwsRegions.PartitionOf(region)}; the ARN says {arn.Partition}.";

    [GeneratedRegex("^role/(?:[\\x21-\\x7E]{1,510}/)?[\\w+=,.@-]{1,64}$")]
    private static partial Regex RoleResourcePattern();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CertificateIdPattern();
}
