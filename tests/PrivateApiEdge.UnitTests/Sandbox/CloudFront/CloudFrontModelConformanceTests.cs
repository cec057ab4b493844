using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.UnitTests.Sandbox.DataPath;

namespace PrivateApiEdge.UnitTests.Sandbox.CloudFront;

public sealed class CloudFrontModelConformanceTests
{
    private static readonly XNamespace Cf = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    private static readonly XNamespace Elb = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    [Fact]
    public async Task Every_answer_of_the_portals_cloudfront_sequence_conforms_to_the_cloudfront_model()
    {
        await using var calls = await SandboxEdgeCalls.StartAsync();
        var sg = calls.CreateSecurityGroup("alb");
        var (lbBody, _) = await calls.ElbAsync("CreateLoadBalancer", ("Name", "cf-alb"), ("Scheme", "internal"),
            ("Subnets.member.1", SandboxSeed.SubnetAId), ("Subnets.member.2", SandboxSeed.SubnetBId), ("SecurityGroups.member.1", sg));
        var lb = XElement.Parse(lbBody).Descendants(Elb + "LoadBalancerArn").Single();
        var dnsName = XElement.Parse(lbBody).Descendants(Elb + "DNSName").Single().Value;

        var (originBody, _) = await CloudFrontAsync(calls, "CreateVpcOrigin", HttpMethod.Post, "/2020-05-31/vpc-origin", new XElement(Cf + "CreateVpcOriginRequest",
            new XElement(Cf + "VpcOriginEndpointConfig",
                new XElement(Cf + "Name", "cf-origin"), new XElement(Cf + "Arn", lb.Value),
                new XElement(Cf + "HTTPPort", 80), new XElement(Cf + "HTTPSPort", 443),
                new XElement(Cf + "OriginProtocolPolicy", "https-only"),
                new XElement(Cf + "OriginSslProtocols", new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "SslProtocol", "TLSv1.2"))))));
        var originId = XElement.Parse(originBody).Element(Cf + "Id")!.Value;
        var (_, origin) = await CloudFrontAsync(calls, "GetVpcOrigin", HttpMethod.Get, $"/2020-05-31/vpc-origin/{originId}");
        await CloudFrontAsync(calls, "ListVpcOrigins", HttpMethod.Get, "/2020-05-31/vpc-origin");

        var config = new XElement(Cf + "DistributionConfig",
            new XElement(Cf + "CallerReference", "model-ref"),
            new XElement(Cf + "Aliases", new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "CNAME", SandboxSeed.DemoApiHostName))),
            new XElement(Cf + "Origins", new XElement(Cf + "Quantity", 1), new XElement(Cf + "Items", new XElement(Cf + "Origin",
                new XElement(Cf + "Id", "AlbOrigin"), new XElement(Cf + "DomainName", dnsName),
                new XElement(Cf + "VpcOriginConfig", new XElement(Cf + "VpcOriginId", originId))))),
            new XElement(Cf + "DefaultCacheBehavior",
                new XElement(Cf + "TargetOriginId", "AlbOrigin"),
                new XElement(Cf + "ViewerProtocolPolicy", "https-only"),
                new XElement(Cf + "CachePolicyId", "83da9c7e-98b4-4e11-a168-04f0df8e2c65")),
            new XElement(Cf + "Comment", "model"),
            new XElement(Cf + "Enabled", "true"),
            new XElement(Cf + "ViewerCertificate",
                new XElement(Cf + "ACMCertificateArn", SandboxSeed.CloudFrontCertificateArn),
                new XElement(Cf + "SSLSupportMethod", "sni-only"),
                new XElement(Cf + "MinimumProtocolVersion", "TLSv1.2_2021")),
            new XElement(Cf + "HttpVersion", "http2and3"));
        var (distributionBody, _) = await CloudFrontAsync(calls, "CreateDistributionWithTags", HttpMethod.Post, "/2020-05-31/distribution?WithTags",
            new XElement(Cf + "DistributionConfigWithTags", config,
                new XElement(Cf + "Tags", new XElement(Cf + "Items", new XElement(Cf + "Tag", new XElement(Cf + "Key", "k"), new XElement(Cf + "Value", "v"))))));
        var distribution = XElement.Parse(distributionBody);
        var id = distribution.Element(Cf + "Id")!.Value;
        var arn = Uri.EscapeDataString(distribution.Element(Cf + "ARN")!.Value);
        await CloudFrontAsync(calls, "GetDistribution", HttpMethod.Get, $"/2020-05-31/distribution/{id}");
        var (configBody, configResponse) = await CloudFrontAsync(calls, "GetDistributionConfig", HttpMethod.Get, $"/2020-05-31/distribution/{id}/config");
        var disabled = XElement.Parse(configBody);
        disabled.Element(Cf + "Enabled")!.Value = "false";
        var (_, updated) = await CloudFrontAsync(calls, "UpdateDistribution", HttpMethod.Put, $"/2020-05-31/distribution/{id}/config", disabled,
            SandboxEdgeCalls.ETagOf(configResponse));
        await CloudFrontAsync(calls, "ListDistributions", HttpMethod.Get, "/2020-05-31/distribution?MaxItems=10");
        await CloudFrontAsync(calls, "ListDistributionsByVpcOriginId", HttpMethod.Get, $"/2020-05-31/distributionsByVpcOriginId/{originId}");
        await CloudFrontAsync(calls, "TagResource", HttpMethod.Post, $"/2020-05-31/tagging?Operation=Tag&Resource={arn}",
            new XElement(Cf + "Tags", new XElement(Cf + "Items", new XElement(Cf + "Tag", new XElement(Cf + "Key", "team"), new XElement(Cf + "Value", "edge")))));
        await CloudFrontAsync(calls, "ListTagsForResource", HttpMethod.Get, $"/2020-05-31/tagging?Resource={arn}");
        await CloudFrontAsync(calls, "UntagResource", HttpMethod.Post, $"/2020-05-31/tagging?Operation=Untag&Resource={arn}",
            new XElement(Cf + "TagKeys", new XElement(Cf + "Items", new XElement(Cf + "Key", "team"))));
        await CloudFrontAsync(calls, "DeleteDistribution", HttpMethod.Delete, $"/2020-05-31/distribution/{id}", ifMatch: SandboxEdgeCalls.ETagOf(updated));
        await CloudFrontAsync(calls, "DeleteVpcOrigin", HttpMethod.Delete, $"/2020-05-31/vpc-origin/{originId}", ifMatch: SandboxEdgeCalls.ETagOf(origin));
    }

    private static Task<(string Body, HttpResponseMessage Response)> CloudFrontAsync(
        SandboxEdgeCalls calls, string operation, HttpMethod method, string path, XElement? body = null, string? ifMatch = null) =>
        calls.CallAsync("cloudfront", operation, "cloudfront", method, path, body?.ToString(SaveOptions.DisableFormatting), "text/xml", ifMatch, "us-east-1");
}
