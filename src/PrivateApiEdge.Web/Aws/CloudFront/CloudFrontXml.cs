using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>CloudFront 2020-05-31 XML, member order as in the API model (as the SDKs write it).</summary>
internal static class CloudFrontXml
{
    public static readonly XNamespace Ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";

    public static XElement El(string name, params object?[] content) => new(Ns + name, content);

    /// <summary>Quantity + Items wrapper that CloudFront uses for every list.</summary>
    public static XElement? QuantityList(string name, string itemName, IReadOnlyCollection<string> items, bool emitWhenEmpty) =>
        items.Count == 0 && !emitWhenEmpty
            ? null
            : El(name, El("Quantity", items.Count), items.Count == 0 ? null : El("Items", items.Select(i => El(itemName, i))));

    // Re-homes an element (and descendants) into CloudFront's namespace under the given root name.
    public static XElement InNamespace(XElement element, string rootName)
    {
        var copy = new XElement(element) { Name = Ns + rootName };
        foreach (var descendant in copy.Descendants())
        {
            descendant.Name = Ns + descendant.Name.LocalName;
        }

        foreach (var attribute in copy.Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
        {
            attribute.Remove();
        }

        return copy;
    }

    // ---------- tags ----------
    public static XElement WriteTags(IReadOnlyList<Tag> tags, string name = "Tags") =>
        El(name, tags.Count == 0 ? null : El("Items", tags.Select(t => El("Tag", El("Key", t.Key), AwsXml.Optional(Ns + "Value", t.Value)))));

    public static IReadOnlyList<Tag> ReadTags(XElement? tags) =>
        tags?.ListItems("Items", "Tag").Select(t => new Tag(t.RequiredText("Key"), t.Text("Value"))).ToList() ?? [];

    // ---------- VPC origins ----------
    public static XElement WriteVpcOriginEndpointConfig(VpcOriginEndpointConfig config) => El(
        "VpcOriginEndpointConfig",
        El("Name", config.Name),
        El("Arn", config.Arn),
        El("HTTPPort", config.HttpPort),
        El("HTTPSPort", config.HttpsPort),
        El("OriginProtocolPolicy", config.OriginProtocolPolicy),
        QuantityList("OriginSslProtocols", "SslProtocol", config.OriginSslProtocols.ToList(), emitWhenEmpty: false));

    public static VpcOriginEndpointConfig ReadVpcOriginEndpointConfig(XElement element) => new()
    {
        Name = element.RequiredText("Name"),
        Arn = element.RequiredText("Arn"),
        HttpPort = element.Number("HTTPPort") ?? 80,
        HttpsPort = element.Number("HTTPSPort") ?? 443,
        OriginProtocolPolicy = element.RequiredText("OriginProtocolPolicy"),
        OriginSslProtocols = element.Child("OriginSslProtocols")?.StringList("Items", "SslProtocol") ?? [],
    };

    public static VpcOrigin ReadVpcOrigin(XElement element) => new(
        element.RequiredText("Id"),
        element.RequiredText("Arn"),
        element.Text("AccountId"),
        element.RequiredText("Status"),
        element.Timestamp("CreatedTime") ?? default,
        element.Timestamp("LastModifiedTime") ?? default,
        ReadVpcOriginEndpointConfig(element.Child("VpcOriginEndpointConfig") ?? throw new FormatException("VpcOrigin lacks VpcOriginEndpointConfig.")));

    public static VpcOriginSummary ReadVpcOriginSummary(XElement element) => new(
        element.RequiredText("Id"),
        element.RequiredText("Name"),
        element.RequiredText("Status"),
        element.RequiredText("Arn"),
        element.RequiredText("OriginEndpointArn"),
        element.Timestamp("CreatedTime") ?? default,
        element.Timestamp("LastModifiedTime") ?? default);

    // ---------- distributions ----------
    public static XElement WriteDistributionConfig(DistributionConfig config) => El(
        "DistributionConfig",
        El("CallerReference", config.CallerReference),
        QuantityList("Aliases", "CNAME", config.Aliases.ToList(), emitWhenEmpty: true),
        AwsXml.Optional(Ns + "DefaultRootObject", config.DefaultRootObject),
        El("Origins", El("Quantity", config.Origins.Count), El("Items", config.Origins.Select(WriteOrigin))),
        WriteDefaultCacheBehavior(config.DefaultCacheBehavior),
        El("Comment", config.Comment),
        AwsXml.Optional(Ns + "PriceClass", config.PriceClass),
        El("Enabled", AwsXml.FormatBool(config.Enabled)),
        config.ViewerCertificate is { } certificate ? WriteViewerCertificate(certificate) : null,
        config.Restrictions is { } restrictions ? WriteRestrictions(restrictions) : null,
        AwsXml.Optional(Ns + "WebACLId", config.WebAclId),
        AwsXml.Optional(Ns + "HttpVersion", config.HttpVersion),
        AwsXml.Optional(Ns + "IsIPV6Enabled", config.IsIpv6Enabled));

    private static XElement WriteOrigin(Origin origin) => El(
        "Origin",
        El("Id", origin.Id),
        El("DomainName", origin.DomainName),
        El("OriginPath", origin.OriginPath ?? string.Empty),
        origin.CustomOriginConfig is { } custom
            ? El(
                "CustomOriginConfig",
                El("HTTPPort", custom.HttpPort),
                El("HTTPSPort", custom.HttpsPort),
                El("OriginProtocolPolicy", custom.OriginProtocolPolicy),
                QuantityList("OriginSslProtocols", "SslProtocol", custom.OriginSslProtocols.ToList(), emitWhenEmpty: false),
                AwsXml.Optional(Ns + "OriginReadTimeout", custom.OriginReadTimeout),
                AwsXml.Optional(Ns + "OriginKeepaliveTimeout", custom.OriginKeepaliveTimeout))
            : null,
        origin.VpcOriginConfig is { } vpc
            ? El(
                "VpcOriginConfig",
                El("VpcOriginId", vpc.VpcOriginId),
                AwsXml.Optional(Ns + "OwnerAccountId", vpc.OwnerAccountId),
                AwsXml.Optional(Ns + "OriginReadTimeout", vpc.OriginReadTimeout),
                AwsXml.Optional(Ns + "OriginKeepaliveTimeout", vpc.OriginKeepaliveTimeout))
            : null,
        AwsXml.Optional(Ns + "ConnectionAttempts", origin.ConnectionAttempts),
        AwsXml.Optional(Ns + "ConnectionTimeout", origin.ConnectionTimeout));

    private static XElement WriteDefaultCacheBehavior(DefaultCacheBehavior behavior) => El(
        "DefaultCacheBehavior",
        El("TargetOriginId", behavior.TargetOriginId),
        El("ViewerProtocolPolicy", behavior.ViewerProtocolPolicy),
        behavior.AllowedMethods.Count == 0
            ? null
            : El(
                "AllowedMethods",
                El("Quantity", behavior.AllowedMethods.Count),
                El("Items", behavior.AllowedMethods.Select(m => El("Method", m))),
                QuantityList("CachedMethods", "Method", behavior.CachedMethods.ToList(), emitWhenEmpty: false)),
        AwsXml.Optional(Ns + "Compress", behavior.Compress),
        AwsXml.Optional(Ns + "CachePolicyId", behavior.CachePolicyId),
        AwsXml.Optional(Ns + "OriginRequestPolicyId", behavior.OriginRequestPolicyId),
        AwsXml.Optional(Ns + "ResponseHeadersPolicyId", behavior.ResponseHeadersPolicyId));

    private static XElement WriteViewerCertificate(ViewerCertificate certificate) => El(
        "ViewerCertificate",
        AwsXml.Optional(Ns + "CloudFrontDefaultCertificate", certificate.CloudFrontDefaultCertificate),
        AwsXml.Optional(Ns + "ACMCertificateArn", certificate.AcmCertificateArn),
        AwsXml.Optional(Ns + "SSLSupportMethod", certificate.SslSupportMethod),
        AwsXml.Optional(Ns + "MinimumProtocolVersion", certificate.MinimumProtocolVersion));

    private static XElement WriteRestrictions(Restrictions restrictions) => El(
        "Restrictions",
        El(
            "GeoRestriction",
            El("RestrictionType", restrictions.GeoRestriction.RestrictionType),
            El("Quantity", restrictions.GeoRestriction.Items.Count),
            restrictions.GeoRestriction.Items.Count == 0 ? null : El("Items", restrictions.GeoRestriction.Items.Select(l => El("Location", l)))));

    private static Restrictions ReadRestrictions(XElement element)
    {
        var geo = element.Child("GeoRestriction") ?? throw new FormatException("Restrictions lacks GeoRestriction.");
        return new Restrictions(new GeoRestriction
        {
            RestrictionType = geo.RequiredText("RestrictionType"),
            Items = geo.StringList("Items", "Location"),
        });
    }

    public static DistributionConfig ReadDistributionConfig(XElement element) => new()
    {
        CallerReference = element.RequiredText("CallerReference"),
        Aliases = element.Child("Aliases")?.StringList("Items", "CNAME") ?? [],
        DefaultRootObject = element.Text("DefaultRootObject"),
        Origins = ReadOrigins(element.Child("Origins")),
        DefaultCacheBehavior = ReadDefaultCacheBehavior(element.Child("DefaultCacheBehavior") ?? throw new FormatException("DistributionConfig lacks DefaultCacheBehavior.")),
        Comment = element.Text("Comment") ?? string.Empty,
        PriceClass = element.Text("PriceClass"),
        Enabled = element.Bool("Enabled") ?? false,
        ViewerCertificate = element.Child("ViewerCertificate") is { } certificate ? ReadViewerCertificate(certificate) : null,
        Restrictions = element.Child("Restrictions") is { } restrictions ? ReadRestrictions(restrictions) : null,
        WebAclId = NullIfEmpty(element.Text("WebACLId")),
        HttpVersion = element.Text("HttpVersion"),
        IsIpv6Enabled = element.Bool("IsIPV6Enabled"),
    };

    private static List<Origin> ReadOrigins(XElement? origins) =>
        origins?.ListItems("Items", "Origin").Select(origin => new Origin
        {
            Id = origin.RequiredText("Id"),
            DomainName = origin.RequiredText("DomainName"),
            OriginPath = NullIfEmpty(origin.Text("OriginPath")),
            CustomOriginConfig = origin.Child("CustomOriginConfig") is { } custom
                ? new CustomOriginConfig
                {
                    HttpPort = custom.Number("HTTPPort") ?? 80,
                    HttpsPort = custom.Number("HTTPSPort") ?? 443,
                    OriginProtocolPolicy = custom.RequiredText("OriginProtocolPolicy"),
                    OriginSslProtocols = custom.Child("OriginSslProtocols")?.StringList("Items", "SslProtocol") ?? [],
                    OriginReadTimeout = custom.Number("OriginReadTimeout"),
                    OriginKeepaliveTimeout = custom.Number("OriginKeepaliveTimeout"),
                }
                : null,
            VpcOriginConfig = origin.Child("VpcOriginConfig") is { } vpc
                ? new VpcOriginConfig(vpc.RequiredText("VpcOriginId"))
                {
                    OwnerAccountId = vpc.Text("OwnerAccountId"),
                    OriginReadTimeout = vpc.Number("OriginReadTimeout"),
                    OriginKeepaliveTimeout = vpc.Number("OriginKeepaliveTimeout"),
                }
                : null,
            ConnectionAttempts = origin.Number("ConnectionAttempts"),
            ConnectionTimeout = origin.Number("ConnectionTimeout"),
        }).ToList() ?? [];

    private static DefaultCacheBehavior ReadDefaultCacheBehavior(XElement element) => new()
    {
        TargetOriginId = element.RequiredText("TargetOriginId"),
        ViewerProtocolPolicy = element.RequiredText("ViewerProtocolPolicy"),
        AllowedMethods = element.Child("AllowedMethods")?.StringList("Items", "Method") ?? [],
        CachedMethods = element.Child("AllowedMethods")?.Child("CachedMethods")?.StringList("Items", "Method") ?? [],
        Compress = element.Bool("Compress"),
        CachePolicyId = element.Text("CachePolicyId"),
        OriginRequestPolicyId = element.Text("OriginRequestPolicyId"),
        ResponseHeadersPolicyId = element.Text("ResponseHeadersPolicyId"),
    };

    private static ViewerCertificate ReadViewerCertificate(XElement element) => new()
    {
        CloudFrontDefaultCertificate = element.Bool("CloudFrontDefaultCertificate"),
        AcmCertificateArn = element.Text("ACMCertificateArn"),
        SslSupportMethod = element.Text("SSLSupportMethod"),
        MinimumProtocolVersion = element.Text("MinimumProtocolVersion"),
    };

    public static Distribution ReadDistribution(XElement element) => new(
        element.RequiredText("Id"),
        element.RequiredText("ARN"),
        element.RequiredText("Status"),
        element.Timestamp("LastModifiedTime") ?? default,
        element.RequiredText("DomainName"),
        DistributionConfigDocument.FromXml(element.Child("DistributionConfig") ?? throw new FormatException("Distribution lacks DistributionConfig.")));

    public static DistributionSummary ReadDistributionSummary(XElement element) => new(
        element.RequiredText("Id"),
        element.RequiredText("ARN"),
        element.RequiredText("Status"),
        element.Timestamp("LastModifiedTime") ?? default,
        element.RequiredText("DomainName"),
        element.Child("Aliases")?.StringList("Items", "CNAME") ?? [],
        ReadOrigins(element.Child("Origins")),
        element.Text("Comment") ?? string.Empty,
        element.Bool("Enabled") ?? false);

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
