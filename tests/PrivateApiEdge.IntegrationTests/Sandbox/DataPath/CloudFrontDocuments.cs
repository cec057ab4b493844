using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.DataPath;

/// <summary>CloudFront request bodies as the portal sends them (element order per the 2020-05-31 model).</summary>
public static class CloudFrontDocuments
{
    public static XElement CreateVpcOrigin(string name, string loadBalancerArn) =>
        new(Cf + "CreateVpcOriginRequest", EndpointConfig(name, loadBalancerArn));

    public static XElement EndpointConfig(string name, string loadBalancerArn) =>
        new(Cf + "VpcOriginEndpointConfig",
            new XElement(Cf + "Name", name),
            new XElement(Cf + "Arn", loadBalancerArn),
            new XElement(Cf + "HTTPPort", 80),
            new XElement(Cf + "HTTPSPort", 443),
            new XElement(Cf + "OriginProtocolPolicy", "https-only"),
            new XElement(Cf + "OriginSslProtocols", new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "SslProtocol", "TLSv1.2"))));

    public static XElement DistributionConfig(
        string callerReference, string? alias, string vpcOriginId, string originDomainName, bool enabled = true, string comment = "portal",
        XElement? restrictions = null) =>
        new(Cf + "DistributionConfig",
            new XElement(Cf + "CallerReference", callerReference),
            new XElement(Cf + "Aliases", alias is null
                ? [new XElement(Cf + "Quantity", 0)]
                : new object[] { new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "CNAME", alias)) }),
            new XElement(Cf + "Origins", new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "Origin",
                new XElement(Cf + "Id", "AlbOrigin"),
                new XElement(Cf + "DomainName", originDomainName),
                new XElement(Cf + "OriginPath", ""),
                new XElement(Cf + "CustomHeaders", new XElement(Cf + "Quantity", 0)),
                new XElement(Cf + "VpcOriginConfig",
                    new XElement(Cf + "VpcOriginId", vpcOriginId),
                    new XElement(Cf + "OriginReadTimeout", 60),
                    new XElement(Cf + "OriginKeepaliveTimeout", 60))))),
            new XElement(Cf + "DefaultCacheBehavior",
                new XElement(Cf + "TargetOriginId", "AlbOrigin"),
                new XElement(Cf + "ViewerProtocolPolicy", "https-only"),
                new XElement(Cf + "CachePolicyId", "83da9c7e-98b4-4e11-a168-04f0df8e2c65"),
                new XElement(Cf + "OriginRequestPolicyId", "216adef6-5c7f-47e4-b989-5492eafa07d3")),
            new XElement(Cf + "Comment", comment),
            new XElement(Cf + "Enabled", enabled ? "true" : "false"),
            alias is null ? null : new XElement(Cf + "ViewerCertificate",
                new XElement(Cf + "ACMCertificateArn", SandboxSeed.CloudFrontCertificateArn),
                new XElement(Cf + "SSLSupportMethod", "sni-only"),
                new XElement(Cf + "MinimumProtocolVersion", "TLSv1.2_2021")),
            restrictions,
            new XElement(Cf + "HttpVersion", "http2and3"));

    /// <summary><c>&lt;Restrictions&gt;</c> with a geo restriction of <paramref name="type"/> (whitelist, blacklist, none).</summary>
    public static XElement GeoRestrictions(string type, params string[] locations) =>
        new(Cf + "Restrictions", new XElement(Cf + "GeoRestriction",
            new XElement(Cf + "RestrictionType", type),
            new XElement(Cf + "Quantity", locations.Length),
            locations.Length == 0 ? null : new XElement(Cf + "Items", locations.Select(l => new XElement(Cf + "Location", l)))));
}
