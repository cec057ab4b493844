using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.EC2.Model;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.DataPath;

public sealed class EdgeTeardownTests
{
    [Fact]
    public async Task Tearing_the_chain_down_in_reverse_leaves_no_resource_in_the_inventory()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        Assert.NotEmpty(await UnseededInventoryAsync(sandbox));
        Assert.Equal(3, CertificateUsers(sandbox).Count);

        await ChangeAliasRecordAsync(sandbox, "DELETE", chain.DistributionDomainName);
        using var config = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{chain.DistributionId}/config");
        var disabled = await XmlAsync(config);
        disabled.Element(Cf + "Enabled")!.Value = "false";
        using var updated = await sandbox.CloudFrontAsync(HttpMethod.Put, $"/2020-05-31/distribution/{chain.DistributionId}/config", disabled, ETagOf(config));
        using var deletedDistribution = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/distribution/{chain.DistributionId}", ifMatch: ETagOf(updated));
        Assert.Equal(HttpStatusCode.NoContent, deletedDistribution.StatusCode);
        // Our ALB rule referencing CloudFront's group goes before the last VPC origin, or EC2 refuses CloudFront's
        // deletion of that group and it stays behind.
        sandbox.RevokeAll(chain.Alb.LoadBalancerSecurityGroupId, egress: false);
        using var origin = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/vpc-origin/{chain.VpcOriginId}");
        using var deletedOrigin = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{chain.VpcOriginId}", ifMatch: ETagOf(origin));
        Assert.Equal(HttpStatusCode.Accepted, deletedOrigin.StatusCode);

        await sandbox.ElbOkAsync("DeleteListener", ("ListenerArn", chain.Alb.ListenerArn));
        await sandbox.ElbOkAsync("DeleteLoadBalancer", ("LoadBalancerArn", chain.Alb.LoadBalancerArn));
        await sandbox.ElbOkAsync("DeleteTargetGroup", ("TargetGroupArn", chain.Alb.TargetGroupArn));
        foreach (var path in new[] { $"/domainnames/{chain.Host}/basepathmappings/(none)", $"/domainnames/{chain.Host}", $"/restapis/{chain.ApiId}" })
        {
            using var deleted = await sandbox.ApiGatewayAsync(HttpMethod.Delete, path);
            Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        }

        using var ec2 = sandbox.Ec2();
        await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [chain.Alb.EndpointId] }, TestContext.Current.CancellationToken);
        // The ALB and endpoint groups reference each other: drop the rules first, as the portal's teardown does.
        sandbox.RevokeAll(chain.Alb.LoadBalancerSecurityGroupId, egress: true);
        sandbox.RevokeAll(chain.Alb.EndpointSecurityGroupId, egress: false);
        foreach (var group in new[] { chain.Alb.LoadBalancerSecurityGroupId, chain.Alb.EndpointSecurityGroupId })
        {
            await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group }, TestContext.Current.CancellationToken);
        }

        Assert.Empty(await UnseededInventoryAsync(sandbox));
        Assert.Empty(CertificateUsers(sandbox));
    }

    /// <summary>What ACM lists as using the demo certificates: the ALB, the API Gateway domain, the distribution.</summary>
    private static List<string> CertificateUsers(SandboxFixture sandbox) => sandbox.World.Read(world =>
        world.Part<PrivateApiEdge.Sandbox.Services.CertificateManager.AcmState>().Certificates
            .Where(c => c.Arn is SandboxSeed.RegionalCertificateArn or SandboxSeed.CloudFrontCertificateArn)
            .SelectMany(c => c.InUseBy).ToList());

    [Fact]
    public async Task The_chain_survives_a_sandbox_restart_from_its_state_file()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"sandbox-edge-{Guid.NewGuid():N}.json");
        try
        {
            await using (var sandbox = await SandboxFixture.StartAsync(stateFile: stateFile))
            {
                await EdgeChains.CreateFullChainAsync(sandbox);
            }

            await using var restarted = await SandboxFixture.StartAsync(stateFile: stateFile);
            using var response = await EdgeChains.ViewerGetAsync(restarted, SandboxSeed.DemoApiHostName);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(EdgeChains.HelloBody, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    private static async Task<List<string>> UnseededInventoryAsync(SandboxFixture sandbox)
    {
        using var response = await sandbox.PlainClient().GetAsync(new Uri("/_sandbox/inventory?seeded=false", UriKind.Relative), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return [.. document.RootElement.GetProperty("resources").EnumerateArray().Select(r => $"{r.GetProperty("type").GetString()} {r.GetProperty("id").GetString()}")];
    }

    internal static async Task ChangeAliasRecordAsync(
        SandboxFixture sandbox, string action, string distributionDomainName, string hostedZoneId = SandboxSeed.PublicHostedZoneId)
    {
        XNamespace r53 = "https://route53.amazonaws.com/doc/2013-04-01/";
        var batch = new XElement(r53 + "ChangeResourceRecordSetsRequest", new XElement(r53 + "ChangeBatch", new XElement(r53 + "Changes",
            new XElement(r53 + "Change",
                new XElement(r53 + "Action", action),
                new XElement(r53 + "ResourceRecordSet",
                    new XElement(r53 + "Name", SandboxSeed.DemoApiHostName),
                    new XElement(r53 + "Type", "A"),
                    new XElement(r53 + "AliasTarget",
                        new XElement(r53 + "HostedZoneId", SandboxSeed.CloudFrontHostedZoneId),
                        new XElement(r53 + "DNSName", distributionDomainName),
                        new XElement(r53 + "EvaluateTargetHealth", "false")))))));
        using var content = new StringContent(batch.ToString(SaveOptions.DisableFormatting), System.Text.Encoding.UTF8, "text/xml");
        using var response = await sandbox.Client("route53", "us-east-1").PostAsync(
            new Uri($"/2013-04-01/hostedzone/{hostedZoneId}/rrset", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
