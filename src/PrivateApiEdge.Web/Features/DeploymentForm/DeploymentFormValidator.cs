using System.Globalization;
using System.Text.RegularExpressions;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// Field rules of the new-deployment form, checked as the user types: shapes and AWS limits only. Whether the
/// resources exist and fit together is preflight's job (it needs AWS); these rules need nothing but the text.
/// Every rule returns null when the value is fine, else one sentence that says how to fix it.
/// </summary>
public static partial class DeploymentFormValidator
{
    /// <summary>
    /// ALB and target group names allow 32 characters; the deployment name is their stem plus a short suffix.
    /// </summary>
    public const int MaxNameLength = 24;

    public const int MaxUserTags = 40;

    /// <summary>Half of the 249 assigned codes, rounded up: any wider allow list is a narrower block list, and the reverse.</summary>
    public const int MaxGeoRestrictionCountries = 125;

    public static string? Name(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Enter a name.";
        }

        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        if (value.Length > MaxNameLength)
        {
            return $"At most {MaxNameLength} characters (AWS load balancer and target group names are limited to 32).";
        }

        return NamePattern().IsMatch(value)
            ? null
            : "Lower-case letters, digits and single hyphens; start with a letter, end with a letter or digit.";
    }

    public static string? DomainName(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Enter the public domain name, e.g. api.example.com.";
        }

        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        if (value.StartsWith("*.", StringComparison.Ordinal))
        {
            return "A wildcard cannot be a CloudFront alias for one API; enter the exact host name.";
        }

        if (value.TrimEnd('.').Length > 253)
        {
            return "A domain name has at most 253 characters.";
        }

        if (DomainNameScripts.Problem(value) is { } unicode)
        {
            return unicode;
        }

        var labels = value.TrimEnd('.').Split('.');
        if (labels.Length < 2)
        {
            return "Enter a fully qualified name with at least two labels, e.g. api.example.com.";
        }

        foreach (var label in labels)
        {
            if (!DomainLabelPattern().IsMatch(label))
            {
                return $"'{label}' is not a valid label: 1-63 lower-case letters, digits or hyphens, not starting or ending with a hyphen.";
            }
        }

        return labels[^1].All(char.IsAsciiDigit) ? "The top-level label cannot be numeric." : null;
    }

    public static string? Region(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Choose a region.";
        }

        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        if (value.Length > MaxRegionLength || !RegionPattern().IsMatch(value))
        {
            return "A region looks like eu-west-1.";
        }

        return AwsRegions.All.Contains(value, StringComparer.Ordinal)
            ? null
            : $"'{value}' is not an AWS region the portal can deploy to; choose one of the listed regions, e.g. eu-west-1.";
    }

    public static string? VpcId(string? value) =>
        ResourceId(value, "vpc", "Choose the VPC the API's endpoint lives in.");

    /// <param name="subnetIds">The chosen subnets.</param>
    /// <param name="availabilityZones">Zone per subnet id when the picker knows it; spreading is then checked too.</param>
    public static string? Subnets(IReadOnlyCollection<string>? subnetIds, IReadOnlyDictionary<string, string>? availabilityZones = null)
    {
        if (subnetIds is null || subnetIds.Count < 2)
        {
            return "Choose at least two subnets in different availability zones (an ALB needs two).";
        }

        if (subnetIds.Count > MaxSubnets)
        {
            return $"At most {MaxSubnets} subnets ({subnetIds.Count} chosen): the load balancer and the endpoint take one subnet per availability zone.";
        }

        foreach (var id in subnetIds)
        {
            if (ResourceId(id, "subnet", "Remove the empty subnet entry.") is { } invalid)
            {
                return invalid;
            }
        }

        if (subnetIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"'{twice.Key}' is listed twice; choose each subnet once.";
        }

        if (availabilityZones is not null)
        {
            var zones = subnetIds.Select(id => availabilityZones.GetValueOrDefault(id)).Where(z => z is not null).Distinct().Count();
            if (zones is > 0 and < 2)
            {
                return "The subnets must be in at least two availability zones.";
            }

            if (SharedZone(subnetIds, availabilityZones) is { } shared)
            {
                return shared;
            }
        }

        return null;
    }

    public static string? CloudFrontCertificateArn(string? value) =>
        CertificateArn(value, AwsRegions.CloudFrontRegion, "CloudFront uses certificates from us-east-1 only; choose one there.");

    public static string? RegionalCertificateArn(string? value, string? region) =>
        !string.IsNullOrWhiteSpace(value) && Region(region) is not null
            ? "Choose a valid region first: the load balancer's certificate must be in it."
            : CertificateArn(value, region, $"The load balancer needs a certificate in {region}; choose one there.");

    public static string? HostedZoneId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "Choose the public hosted zone of the domain.";
        }

        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        var id = value.StartsWith("/hostedzone/", StringComparison.Ordinal) ? value["/hostedzone/".Length..] : value;
        return HostedZonePattern().IsMatch(id) ? null : "A hosted zone id looks like Z0123456789ABCDEFGHIJ.";
    }

    /// <summary>The record goes into the zone, so the domain must be the zone's apex or under it.</summary>
    public static string? DomainInZone(string? domainName, string? zoneName)
    {
        if (string.IsNullOrWhiteSpace(domainName) || string.IsNullOrWhiteSpace(zoneName))
        {
            return null;
        }

        var domain = domainName.TrimEnd('.');
        var zone = zoneName.TrimEnd('.');
        return domain.Equals(zone, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + zone, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"{domain} is not in the zone {zone}; choose the zone the domain belongs to.";
    }

    public static string? ExistingVpcEndpointId(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : ResourceId(value, "vpce", "");

    public static string? ExistingRestApiId(string? value) =>
        string.IsNullOrWhiteSpace(value) || RestApiIdPattern().IsMatch(value) ? null
        : UnsafeText.Problem(value) ?? "A REST API id has 10 lower-case letters or digits, e.g. a1b2c3d4e5.";

    public static string? ExistingStageName(string? stage, string? restApiId)
    {
        if (string.IsNullOrWhiteSpace(restApiId))
        {
            return string.IsNullOrWhiteSpace(stage) ? null : "A stage belongs to an existing API: choose the API too, or clear the stage.";
        }

        return string.IsNullOrWhiteSpace(stage) ? "Choose the stage of the existing API to publish."
            : StagePattern().IsMatch(stage) ? null
            : UnsafeText.Problem(stage) ?? "A stage name has 1-128 letters, digits, hyphens or underscores.";
    }

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

    public static string? GeoRestrictionCountries(GeoRestrictionKind kind, string? countries)
    {
        var typed = CountryTokens(countries);
        if (kind == GeoRestrictionKind.None)
        {
            return typed.Length == 0 ? null : "Choose allow or block for the listed countries, or clear the list.";
        }

        if (typed.Length == 0)
        {
            return "List at least one country code, e.g. DE, FR.";
        }

        if (ContainsMarkup(countries))
        {
            return MarkupMessage;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in typed)
        {
            var code = token.ToUpperInvariant();
            if (IsoCountryCodes.CommonMistakes.TryGetValue(code, out var meant))
            {
                return $"'{token}' is not an ISO 3166-1 alpha-2 country code; use {meant}.";
            }

            if (!CountryPattern().IsMatch(code))
            {
                return $"'{token}' is not an ISO 3166-1 alpha-2 country code (two letters, e.g. DE).";
            }

            if (!IsoCountryCodes.All.Contains(code))
            {
                return $"'{token}' is not an assigned ISO 3166-1 alpha-2 country code.";
            }

            if (!seen.Add(code))
            {
                return $"'{code}' appears twice.";
            }
        }

        return seen.Count <= MaxGeoRestrictionCountries
            ? null
            : kind == GeoRestrictionKind.Allow
                ? $"At most {MaxGeoRestrictionCountries} countries ({seen.Count} listed): switch to block and list the countries to shut out instead."
                : $"At most {MaxGeoRestrictionCountries} countries ({seen.Count} listed): switch to allow and list the countries to let in instead.";
    }

    /// <summary>The codes as CloudFront wants them: upper case, each once, in the order typed.</summary>
    public static IReadOnlyList<string> CountryCodes(string? countries) =>
        [.. CountryTokens(countries).Select(code => code.ToUpperInvariant()).Distinct(StringComparer.Ordinal)];

    private static string[] CountryTokens(string? countries) =>
        (countries ?? "").Split([',', ' ', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Tags(string? text)
    {
        if (UnsafeText.Problem(text, allowLineBreaks: true) is { } unsafeText)
        {
            return unsafeText;
        }

        var tags = FormTags.Parse(text);
        if (tags.Count > MaxUserTags)
        {
            return $"At most {MaxUserTags} tags (AWS allows 50 per resource, the portal adds its own).";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            if (key.Length is 0 or > 128)
            {
                return "Each line is key=value with a key of 1-128 characters.";
            }

            if (key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("privateapiedge:", StringComparison.OrdinalIgnoreCase))
            {
                return $"'{key}': the prefixes aws: and privateapiedge: are reserved.";
            }

            if (value.Length > 256)
            {
                return $"'{key}': a tag value has at most 256 characters.";
            }

            if (!TagTextPattern().IsMatch(key) || !TagTextPattern().IsMatch(value))
            {
                return $"'{key}': tags allow letters, digits, spaces and _ . : / = + - @ only.";
            }

            if (!seen.Add(key))
            {
                return $"'{key}' appears twice.";
            }
        }

        return null;
    }

    /// <summary>Every rule over the whole model, keyed by the <see cref="DeploymentFormModel"/> property name.</summary>
    public static IReadOnlyDictionary<string, string> Validate(DeploymentFormModel model, DeploymentFormContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string field, string? error)
        {
            if (error is not null)
            {
                errors.TryAdd(field, error);
            }
        }

        AddHostileInputRules(model, Add);
        Add(nameof(model.Name), Name(model.Name));
        Add(nameof(model.DomainName), DomainName(model.DomainName) ?? DomainInZone(model.DomainName, context?.HostedZoneName));
        Add(nameof(model.Region), Region(model.Region));
        Add(nameof(model.VpcId), VpcId(model.VpcId));
        Add(nameof(model.SubnetIds), Subnets(model.SubnetIds, context?.SubnetZones));
        Add(nameof(model.CloudFrontCertificateArn), CloudFrontCertificateArn(model.CloudFrontCertificateArn));
        Add(nameof(model.RegionalCertificateArn), RegionalCertificateArn(model.RegionalCertificateArn, model.Region));
        Add(nameof(model.HostedZoneId), HostedZoneId(model.HostedZoneId));
        Add(nameof(model.ExistingVpcEndpointId), ExistingVpcEndpointId(model.ExistingVpcEndpointId));
        Add(nameof(model.ExistingRestApiId), ExistingRestApiId(model.ExistingRestApiId));
        Add(nameof(model.ExistingStageName), ExistingStageName(model.ExistingStageName, model.ExistingRestApiId));
        Add(nameof(model.WebAclArn), WebAclArn(model.WebAclArn));
        Add(nameof(model.GeoRestrictionCountries), GeoRestrictionCountries(model.GeoRestriction, model.GeoRestrictionCountries));
        Add(nameof(model.Tags), Tags(model.Tags));
        Add(nameof(model.AssumeRoleArn), AssumeRoleArn(model.AssumeRoleArn, model.Region));
        Add(nameof(model.AssumeRoleExternalId), AssumeRoleExternalId(model.AssumeRoleExternalId, model.AssumeRoleArn));
        return errors;
    }

    private const string MarkupMessage = UnsafeText.MarkupMessage;

    private static bool ContainsMarkup(string? value) => value is not null && value.AsSpan().IndexOfAny('<', '>') >= 0;

    private static string? ResourceId(string? value, string prefix, string missingMessage)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return missingMessage;
        }

        if (UnsafeText.Problem(value) is { } unsafeText)
        {
            return unsafeText;
        }

        if (value.Length > MaxIdLength)
        {
            return $"Too long for a {prefix} id ({value.Length} characters); it is {prefix}- followed by 8 or 17 hex digits.";
        }

        var match = Ec2IdPattern().Match(value);
        if (match.Success && match.Groups["prefix"].Value == prefix)
        {
            return null;
        }

        return match.Success
            ? string.Create(CultureInfo.InvariantCulture, $"'{value}' is a {match.Groups["prefix"].Value} id, not a {prefix} id ({prefix}- followed by 8 or 17 hex digits).")
            : string.Create(CultureInfo.InvariantCulture, $"'{value}' is not a {prefix} id ({prefix}- followed by 8 or 17 hex digits).");
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

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$")]
    private static partial Regex DomainLabelPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-\\d$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^(?<prefix>[a-z]+)-(?:[0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex Ec2IdPattern();

    [GeneratedRegex("^arn:(?<partition>aws|aws-cn|aws-us-gov):acm:(?<region>[a-z]{2}(-gov)?-[a-z]+-\\d):\\d{12}:certificate/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex CertificateArnPattern();

    [GeneratedRegex("^Z[A-Z0-9]{1,31}$")]
    private static partial Regex HostedZonePattern();

    [GeneratedRegex("^[a-z0-9]{10}$")]
    private static partial Regex RestApiIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StagePattern();

    [GeneratedRegex("^arn:aws:wafv2:(?<region>[a-z]{2}-[a-z]+-\\d):\\d{12}:(?<scope>global|regional)/webacl/[A-Za-z0-9_-]{1,128}/[0-9a-f-]{36}$")]
    private static partial Regex WebAclArnPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^arn:(aws|aws-cn|aws-us-gov|aws-iso|aws-iso-b|aws-iso-e|aws-iso-f|aws-eusc):iam::\d{12}:role/(?:[\w+=,.@-]+/)*[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();

    [GeneratedRegex("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$")]
    private static partial Regex TagTextPattern();
}

/// <summary>What the pickers know that a field rule can use: the zone's name and each subnet's zone.</summary>
public sealed record DeploymentFormContext(string? HostedZoneName, IReadOnlyDictionary<string, string>? SubnetZones);
