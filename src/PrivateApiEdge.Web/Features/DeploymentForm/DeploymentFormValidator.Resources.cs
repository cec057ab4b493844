using System.Globalization;
using System.Text.RegularExpressions;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The rules for what the deployment uses in the account: the VPC and its subnets, the hosted zone, and an
/// existing endpoint or API to reuse. Ids only; whether they exist is preflight's question.
/// </summary>
public static partial class DeploymentFormValidator
{
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

    [GeneratedRegex("^(?<prefix>[a-z]+)-(?:[0-9a-f]{8}|[0-9a-f]{17})$")]
    private static partial Regex Ec2IdPattern();

    [GeneratedRegex("^Z[A-Z0-9]{1,31}$")]
    private static partial Regex HostedZonePattern();

    [GeneratedRegex("^[a-z0-9]{10}$")]
    private static partial Regex RestApiIdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,128}$")]
    private static partial Regex StagePattern();
}
