using System.Text.Json.Nodes;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.UnitTests.Sandbox;

/// <summary>Injected faults come out in each service's own protocol and error codes.</summary>
public sealed class SandboxFaultShapeTests
{
    [Fact]
    public async Task Throttling_uses_each_services_code_status_and_error_shape()
    {
        using var sandbox = new InProcessSandbox();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Rate = 1 });

        var ec2 = await sandbox.QueryAsync("ec2", SandboxSeed.DefaultRegion, "DescribeVpcs", "2016-11-15");
        var sts = await sandbox.QueryAsync("sts", SandboxSeed.DefaultRegion, "GetCallerIdentity", "2011-06-15");
        var acm = await sandbox.JsonAsync(SandboxSeed.DefaultRegion, "CertificateManager.ListCertificates", "{}");
        var route53 = await sandbox.SendAsync("route53", "us-east-1", "GET", "/2013-04-01/hostedzone");

        Assert.Equal((503, "RequestLimitExceeded"), (ec2.Status, XDocument.Parse(ec2.Body).Root!.Element("Errors")!.Element("Error")!.Element("Code")!.Value));
        Assert.Equal((400, "Throttling"), (sts.Status, XmlErrorCode(sts.Body)));
        Assert.Equal((400, "ThrottlingException"), (acm.Status, (string?)JsonNode.Parse(acm.Body)!["__type"]));
        Assert.Equal((400, "Throttling"), (route53.Status, XmlErrorCode(route53.Body)));
    }

    [Fact]
    public async Task Server_faults_are_Receiver_faults_with_500_and_503()
    {
        using var sandbox = new InProcessSandbox();
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.InternalError, Service = "sts", Count = 1 });
        sandbox.Faults.Add(new SandboxFaultRule { Kind = SandboxFaultKinds.Unavailable, Service = "acm", Count = 1 });

        var sts = await sandbox.QueryAsync("sts", SandboxSeed.DefaultRegion, "GetCallerIdentity", "2011-06-15");
        var acm = await sandbox.JsonAsync(SandboxSeed.DefaultRegion, "CertificateManager.ListCertificates", "{}");

        Assert.Equal((500, "InternalFailure"), (sts.Status, XmlErrorCode(sts.Body)));
        Assert.Equal("Receiver", XDocument.Parse(sts.Body).Root!.Elements().First().Elements().First().Value);
        Assert.Equal((503, "ServiceUnavailable"), (acm.Status, (string?)JsonNode.Parse(acm.Body)!["__type"]));
    }

    private static string XmlErrorCode(string body) =>
        XDocument.Parse(body).Root!.Elements().First(e => e.Name.LocalName == "Error").Elements().First(e => e.Name.LocalName == "Code").Value;
}
