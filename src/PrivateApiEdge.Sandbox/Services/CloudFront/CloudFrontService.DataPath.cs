using System.Xml.Linq;
using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.Sandbox.Services.CloudFront;

public sealed partial class CloudFrontService
{
    /// <summary>The distribution serving a <c>dxxxx.cloudfront.net</c> name. Only inside a world read or write.</summary>
    public DistributionSnapshot? FindDistributionByDomainName(string domainName)
    {
        var distribution = Distributions.FirstOrDefault(d => string.Equals(d.DomainName, domainName.TrimEnd('.'), StringComparison.OrdinalIgnoreCase));
        return distribution is null ? null : Snapshot(distribution);
    }

    /// <summary>Only inside a world read or write.</summary>
    public VpcOriginSnapshot? FindVpcOrigin(string id)
    {
        var origin = VpcOrigins.FirstOrDefault(o => o.Id == id);
        if (origin is null)
        {
            return null;
        }

        var config = origin.EndpointConfig;
        return new VpcOriginSnapshot(origin.Id, origin.StatusAt(Now), origin.EndpointArn,
            config.Element(Ns + "OriginProtocolPolicy")?.Value ?? "",
            ParseInt(config.Element(Ns + "HTTPSPort")?.Value) ?? 443,
            ParseInt(config.Element(Ns + "HTTPPort")?.Value) ?? 80);
    }

    private DistributionSnapshot Snapshot(DistributionRecord distribution)
    {
        var config = distribution.Config;
        var origins = config.Elements(Ns + "Origins").Elements(Ns + "Items").Elements(Ns + "Origin").Select(origin => new OriginSnapshot(
            origin.Element(Ns + "Id")?.Value ?? "",
            origin.Element(Ns + "DomainName")?.Value ?? "",
            origin.Element(Ns + "VpcOriginConfig")?.Element(Ns + "VpcOriginId")?.Value,
            origin.Element(Ns + "OriginPath")?.Value ?? "")).ToList();
        return new DistributionSnapshot(
            distribution.Id, distribution.DomainName, distribution.Enabled, distribution.StatusAt(Now), distribution.Aliases,
            config.Element(Ns + "ViewerCertificate")?.Element(Ns + "ACMCertificateArn")?.Value,
            config.Element(Ns + "DefaultCacheBehavior")?.Element(Ns + "TargetOriginId")?.Value ?? "",
            origins,
            config.Element(Ns + "DefaultCacheBehavior")?.Element(Ns + "AllowedMethods")?.Element(Ns + "Items")?.Elements(Ns + "Method")
                .Select(m => m.Value).ToList() is { Count: > 0 } allowed ? allowed : ["GET", "HEAD"],
            config.Element(Ns + "Restrictions")?.Element(Ns + "GeoRestriction") is { } geo
                ? new GeoRestrictionSnapshot(
                    geo.Element(Ns + "RestrictionType")?.Value ?? "none",
                    [.. geo.Elements(Ns + "Items").Elements(Ns + "Location").Select(l => l.Value)])
                : GeoRestrictionSnapshot.None);
    }
}
