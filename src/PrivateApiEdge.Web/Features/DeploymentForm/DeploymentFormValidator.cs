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

        if (LookAlikeDomainNames.Problem(value) is { } unicode)
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

    [GeneratedRegex("^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^(?!-)[a-z0-9-]{1,63}(?<!-)$")]
    private static partial Regex DomainLabelPattern();

    [GeneratedRegex("^[a-z]{2}(-gov)?-[a-z]+-\\d$")]
    private static partial Regex RegionPattern();
}

/// <summary>What the pickers know that a field rule can use: the zone's name and each subnet's zone.</summary>
public sealed record DeploymentFormContext(string? HostedZoneName, IReadOnlyDictionary<string, string>? SubnetZones);
