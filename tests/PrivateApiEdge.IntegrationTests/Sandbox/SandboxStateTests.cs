using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.EC2;
using Amazon.EC2.Model;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class SandboxStateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resources_survive_a_restart_with_the_same_state_file()
    {
        var stateFile = Path.Combine(Path.GetTempPath(), $"sandbox-state-{Guid.NewGuid():N}.json");
        try
        {
            string groupId;
            string endpointId;
            await using (var first = await SandboxFixture.StartAsync(stateFile: stateFile))
            {
                using var ec2 = first.Ec2();
                groupId = (await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "persisted", ("keep", "me"))).GroupId;
                endpointId = (await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
                {
                    VpcId = SandboxSeed.VpcId,
                    ServiceName = "com.amazonaws.eu-west-1.execute-api",
                    VpcEndpointType = VpcEndpointType.Interface,
                    SubnetIds = [SandboxSeed.SubnetAId],
                    SecurityGroupIds = [groupId],
                }, Ct)).VpcEndpoint.VpcEndpointId;
            }

            await using var second = await SandboxFixture.StartAsync(stateFile: stateFile);
            using var again = second.Ec2();
            var group = Assert.Single((await again.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [groupId] }, Ct)).SecurityGroups);
            var endpoint = Assert.Single((await again.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpointId] }, Ct)).VpcEndpoints);
            Assert.Equal("me", group.Tags.Single(t => t.Key == "keep").Value);
            Assert.Equal(State.Available, endpoint.State);
            Assert.Single(endpoint.NetworkInterfaceIds);
        }
        finally
        {
            File.Delete(stateFile);
        }
    }

    [Fact]
    public async Task The_inventory_lists_created_resources_with_type_region_and_tags_apart_from_the_seed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        var group = await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "listed", ("privateapiedge:deployment", "d-42"));

        var created = await InventoryAsync(control, "?seeded=false");
        var seeded = await InventoryAsync(control, "?seeded=true");

        Assert.Equal(["ec2:security-group", "ec2:security-group-rule"], created.Select(i => i.GetProperty("type").GetString()).Order());
        var item = created.Single(i => i.GetProperty("type").GetString() == "ec2:security-group");
        var egress = created.Single(i => i.GetProperty("type").GetString() == "ec2:security-group-rule");
        Assert.Equal(group.GroupId, egress.GetProperty("details").GetProperty("groupId").GetString());
        Assert.Equal(group.GroupId, item.GetProperty("id").GetString());
        Assert.Equal(SandboxSeed.DefaultRegion, item.GetProperty("region").GetString());
        Assert.Equal("d-42", item.GetProperty("tags").GetProperty("privateapiedge:deployment").GetString());
        Assert.Contains(seeded, i => i.GetProperty("id").GetString() == SandboxSeed.VpcId);
        Assert.Contains(seeded, i => i.GetProperty("id").GetString() == SandboxSeed.PublicHostedZoneId);
        Assert.Contains(seeded, i => i.GetProperty("arn").GetString() == SandboxSeed.CloudFrontCertificateArn);
    }

    [Fact]
    public async Task The_inventory_shows_dns_records_a_deployment_adds_to_the_seeded_zone()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        await Route53Tests.ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, $"""
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes>
            <Change><Action>CREATE</Action><ResourceRecordSet><Name>{SandboxSeed.DemoApiHostName}</Name><Type>A</Type>
            <AliasTarget><HostedZoneId>{SandboxSeed.CloudFrontHostedZoneId}</HostedZoneId><DNSName>d1.cloudfront.net</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>
            </ResourceRecordSet></Change></Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """);

        var created = await InventoryAsync(control, "?seeded=false");

        var record = Assert.Single(created);
        Assert.Equal("route53:record-set", record.GetProperty("type").GetString());
        Assert.Equal($"{SandboxSeed.PublicHostedZoneId}/{SandboxSeed.DemoApiHostName}./A", record.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Reset_drops_created_resources_and_restores_the_seed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        using var control = new HttpClient { BaseAddress = sandbox.BaseAddress };
        await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "doomed");
        await ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = SandboxSeed.VpcWithoutDnsHostnamesId, EnableDnsHostnames = true }, Ct);

        using var reset = await control.PostAsync("/_sandbox/reset", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(await InventoryAsync(control, "?seeded=false"));
        var attribute = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest
        {
            VpcId = SandboxSeed.VpcWithoutDnsHostnamesId,
            Attribute = VpcAttributeName.EnableDnsHostnames,
        }, Ct);
        Assert.False(attribute.EnableDnsHostnames);
    }

    [Fact]
    public async Task Concurrent_creates_from_many_clients_each_get_their_own_resource()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var created = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Ec2SecurityGroupTests.CreateGroupAsync(ec2, $"parallel-{i}", ("batch", "parallel"))));

        Assert.Equal(24, created.Select(c => c.GroupId).Distinct().Count());
        var listed = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Filter("tag:batch", ["parallel"])] }, Ct);
        Assert.Equal(24, listed.SecurityGroups.Count);
    }

    [Fact]
    public async Task One_sandbox_serves_many_regions_taken_from_the_credential_scope()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ireland = sandbox.Ec2("eu-west-1");
        using var virginia = sandbox.Ec2("us-east-1");

        var inIreland = await ireland.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct);
        var inVirginia = await virginia.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct);
        var zones = await virginia.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct);

        Assert.Contains(inIreland.Vpcs, v => v.VpcId == SandboxSeed.VpcId);
        Assert.Empty(inVirginia.Vpcs ?? []);
        Assert.All(zones.AvailabilityZones, z => Assert.StartsWith("us-east-1", z.ZoneName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_request_without_a_signature_or_for_an_unknown_service_is_refused()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = sandbox.BaseAddress };
        using var lambda = sandbox.Client("lambda");

        using var unsigned = await anonymous.GetAsync("/2013-04-01/hostedzone", Ct);
        using var unknown = await lambda.GetAsync("/2015-03-31/functions", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True(unknown.Headers.Contains("x-amzn-RequestId"));
    }

    private static async Task<List<JsonElement>> InventoryAsync(HttpClient control, string query)
    {
        var document = await control.GetFromJsonAsync<JsonElement>("/_sandbox/inventory" + query, Ct);
        return [.. document.GetProperty("resources").EnumerateArray()];
    }
}
