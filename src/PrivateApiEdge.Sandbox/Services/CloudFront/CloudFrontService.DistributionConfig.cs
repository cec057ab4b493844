using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Services.CertificateManager;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed partial class CloudFrontService
{
    private void ValidateDistributionConfig(XElement config, DistributionRecord? self)
    {
        foreach (var required in new[] { "CallerReference", "Origins", "DefaultCacheBehavior", "Comment", "Enabled" })
        {
            if (config.Element(Ns + required) is null)
            {
                throw MissingField(required);
            }
        }

        var aliases = config.Element(Ns + "Aliases");
        CheckQuantity(aliases);
        var origins = config.Element(Ns + "Origins")!;
        CheckQuantity(origins);
        var originElements = origins.Elements(Ns + "Items").Elements(Ns + "Origin").ToList();
        if (originElements.Count == 0)
        {
            throw CloudFrontError("InvalidOrigin", "The specified origin server does not exist or is not valid.", 400);
        }

        foreach (var origin in originElements)
        {
            var vpcOriginId = origin.Element(Ns + "VpcOriginConfig")?.Element(Ns + "VpcOriginId")?.Value;
            if (vpcOriginId is not null && VpcOrigins.All(o => o.Id != vpcOriginId))
            {
                throw CloudFrontError("EntityNotFound", $"The VPC origin {vpcOriginId} does not exist.", 404);
            }

            if (vpcOriginId is not null && origin.Element(Ns + "CustomOriginConfig") is not null)
            {
                throw CloudFrontError("InvalidArgument", "An origin cannot have both a CustomOriginConfig and a VpcOriginConfig.", 400);
            }
        }

        var targetOrigin = config.Element(Ns + "DefaultCacheBehavior")!.Element(Ns + "TargetOriginId")?.Value;
        if (originElements.All(o => o.Element(Ns + "Id")?.Value != targetOrigin))
        {
            throw CloudFrontError("NoSuchOrigin", "One or more of your origins or origin groups do not exist.", 404);
        }

        ValidateRestrictions(config.Element(Ns + "Restrictions"));
        var comment = config.Element(Ns + "Comment")!.Value;
        if (comment.Length > 128)
        {
            throw CloudFrontError("InvalidArgument", "The parameter Comment is too long.", 400);
        }

        var names = Aliases(config);
        var certificateArn = config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value;
        if (certificateArn is not null)
        {
            var certificate = _network.FindCertificate(certificateArn);
            if (certificate is null || certificate.Region != "us-east-1" || certificate.Status != "ISSUED")
            {
                throw CloudFrontError("InvalidViewerCertificate",
                    "The specified SSL certificate doesn't exist, isn't in us-east-1 region, isn't valid, or doesn't include a valid certificate chain.", 400);
            }

            if (names.FirstOrDefault(alias => !certificate.Covers(alias)) is { } uncovered)
            {
                throw CloudFrontError("InvalidViewerCertificate",
                    $"The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME) that you're trying to add: {uncovered}.", 400);
            }
        }
        else if (names.Count > 0)
        {
            throw CloudFrontError("InvalidViewerCertificate",
                "To add an alternate domain name (CNAME) to a CloudFront distribution, you must attach a trusted certificate that validates your authorization to use the domain name.", 400);
        }

        if (self is not null && config.Element(Ns + "CallerReference")!.Value != self.CallerReference)
        {
            throw CloudFrontError("IllegalUpdate", "The CallerReference of a distribution cannot be changed.", 400);
        }
    }

    /// <summary>ACM lists a distribution among its viewer certificate's users while the distribution exists.</summary>
    private void MarkCertificateInUse(DistributionRecord distribution)
    {
        var current = Distributions.Contains(distribution)
            ? distribution.Config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value
            : null;
        foreach (var certificate in _world.Part<AcmState>().Certificates)
        {
            certificate.InUseBy.Remove(distribution.Arn);
            if (certificate.Arn == current)
            {
                certificate.InUseBy.Add(distribution.Arn);
            }
        }
    }

    private static void ValidateRestrictions(XElement? restrictions)
    {
        if (restrictions is null)
        {
            return;
        }

        var geo = restrictions.Element(Ns + "GeoRestriction") ?? throw MissingField("GeoRestriction");
        var type = geo.Element(Ns + "RestrictionType")?.Value ?? throw MissingField("RestrictionType");
        if (geo.Element(Ns + "Quantity") is null)
        {
            throw MissingField("Quantity");
        }

        CheckQuantity(geo);
        var locations = geo.Elements(Ns + "Items").Elements(Ns + "Location").Select(l => l.Value).ToList();
        switch (type)
        {
            case "none" when locations.Count > 0:
                throw CloudFrontError("InvalidGeoRestrictionParameter", "The restriction type none cannot have locations.", 400);
            case "whitelist" or "blacklist" when locations.Count == 0:
                throw CloudFrontError("InvalidGeoRestrictionParameter", $"The restriction type {type} needs at least one location.", 400);
            case not ("none" or "whitelist" or "blacklist"):
                throw CloudFrontError("InvalidGeoRestrictionParameter", $"The restriction type {type} is not valid; use whitelist, blacklist or none.", 400);
        }

        // CloudFront also refuses unassigned codes; the sandbox checks the shape only (two capital letters).
        if (locations.FirstOrDefault(l => l.Length != 2 || !l.All(char.IsAsciiLetterUpper)) is { } invalid)
        {
            throw CloudFrontError("InvalidLocationCode", $"The location code {invalid} is not valid.", 400);
        }

        if (locations.Distinct(StringComparer.Ordinal).Count() != locations.Count)
        {
            throw CloudFrontError("InvalidGeoRestrictionParameter", "A location is listed more than once.", 400);
        }
    }

    private void CheckAliasesFree(XElement config, DistributionRecord? self)
    {
        foreach (var alias in Aliases(config))
        {
            if (Distributions.Any(d => d != self && d.Aliases.Contains(alias, StringComparer.OrdinalIgnoreCase)))
            {
                throw CloudFrontError("CNAMEAlreadyExists",
                    "One or more of the CNAMEs you provided are already associated with a different resource.", 409);
            }
        }
    }

    internal static IReadOnlyList<string> Aliases(XElement config) =>
        [.. config.Elements(Ns + "Aliases").Elements(Ns + "Items").Elements(Ns + "CNAME").Select(c => c.Value.Trim().ToLowerInvariant())];

    private static void CheckQuantity(XElement? list)
    {
        if (list is null)
        {
            return;
        }

        var quantity = ParseInt(list.Element(Ns + "Quantity")?.Value);
        var count = list.Element(Ns + "Items")?.Elements().Count() ?? 0;
        if (quantity != count)
        {
            throw CloudFrontError("InconsistentQuantities", "The value of Quantity and the size of Items don't match.", 400);
        }
    }
}
