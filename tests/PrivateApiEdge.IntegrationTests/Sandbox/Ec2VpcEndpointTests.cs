using System.Net;
using Amazon.EC2;
using Amazon.EC2.Model;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.Ec2;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class Ec2VpcEndpointTests
{
    private const string ExecuteApi = "com.amazonaws.eu-west-1.execute-api";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_execute_api_endpoint_goes_from_pending_to_available_with_one_eni_per_subnet_inside_its_cidr()
    {
        await using var sandbox = await SandboxFixture.StartAsync("fast");
        using var ec2 = sandbox.Ec2();
        var group = await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "endpoint-sg");

        var created = await CreateEndpointAsync(ec2, [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId, SandboxSeed.SubnetCId], [group.GroupId]);

        Assert.Equal(State.Pending, created.VpcEndpoint.State);
        Assert.True(created.VpcEndpoint.PrivateDnsEnabled);
        Assert.Contains(created.VpcEndpoint.DnsEntries, d => d.DnsName == "execute-api.eu-west-1.amazonaws.com");
        await Eventually.HoldsAsync(
            async () => (await DescribeAsync(ec2, created.VpcEndpoint.VpcEndpointId)).State == State.Available,
            $"endpoint {created.VpcEndpoint.VpcEndpointId} to be available");

        var endpoint = await DescribeAsync(ec2, created.VpcEndpoint.VpcEndpointId);
        Assert.Equal(3, endpoint.NetworkInterfaceIds.Count);
        var enis = (await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }, Ct)).NetworkInterfaces;
        var cidrs = new Dictionary<string, string>
        {
            [SandboxSeed.SubnetAId] = SandboxSeed.SubnetACidr,
            [SandboxSeed.SubnetBId] = SandboxSeed.SubnetBCidr,
            [SandboxSeed.SubnetCId] = SandboxSeed.SubnetCCidr,
        };
        Assert.Equal(cidrs.Keys.Order(), enis.Select(e => e.SubnetId).Order());
        Assert.All(enis, eni =>
        {
            Assert.True(Ipv4Cidr.Parse(cidrs[eni.SubnetId]).Contains(eni.PrivateIpAddress), $"{eni.PrivateIpAddress} is outside {cidrs[eni.SubnetId]}");
            Assert.Equal([group.GroupId], eni.Groups.Select(g => g.GroupId));
            Assert.Equal(NetworkInterfaceType.Vpc_endpoint, eni.InterfaceType);
            Assert.Equal($"VPC Endpoint Interface {endpoint.VpcEndpointId}", eni.Description);
        });
    }

    [Fact]
    public async Task The_same_ClientToken_returns_the_same_endpoint()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var token = Guid.NewGuid().ToString();

        var first = await CreateEndpointAsync(ec2, [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], [], token);
        var second = await CreateEndpointAsync(ec2, [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], [], token);

        Assert.Equal(first.VpcEndpoint.VpcEndpointId, second.VpcEndpoint.VpcEndpointId);
        Assert.Equal(token, second.ClientToken);
        var all = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-id", [SandboxSeed.VpcId])] }, Ct);
        Assert.Single(all.VpcEndpoints);
    }

    [Fact]
    public async Task A_second_private_dns_execute_api_endpoint_in_the_vpc_fails_with_the_conflicting_dns_error()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        await CreateEndpointAsync(ec2, [SandboxSeed.SubnetAId], []);

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => CreateEndpointAsync(ec2, [SandboxSeed.SubnetBId], []));

        Assert.Equal("InvalidParameter", error.ErrorCode);
        Assert.Equal(
            $"private-dns-enabled cannot be set because there is already a conflicting DNS domain for execute-api.eu-west-1.amazonaws.com in the VPC {SandboxSeed.VpcId}",
            error.Message);
    }

    [Fact]
    public async Task Private_dns_needs_both_vpc_dns_attributes()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var error = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcWithoutDnsHostnamesId,
            ServiceName = ExecuteApi,
            VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [SandboxSeed.VpcWithoutDnsHostnamesSubnetAId],
            PrivateDnsEnabled = true,
        }, Ct));

        Assert.Equal("InvalidParameter", error.ErrorCode);
        Assert.Contains("enableDnsSupport and enableDnsHostnames", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_used_by_endpoint_enis_cannot_be_deleted_until_the_endpoint_is_deleted()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var group = await Ec2SecurityGroupTests.CreateGroupAsync(ec2, "endpoint-sg");
        var created = await CreateEndpointAsync(ec2, [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], [group.GroupId]);

        var violation = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }, Ct));
        Assert.Equal("DependencyViolation", violation.ErrorCode);

        var deleted = await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = [created.VpcEndpoint.VpcEndpointId] }, Ct);
        Assert.Empty(deleted.Unsuccessful ?? []);
        var enis = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { Filters = [new Filter("group-id", [group.GroupId])] }, Ct);
        Assert.Empty(enis.NetworkInterfaces ?? []);
        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest { GroupId = group.GroupId }, Ct);
    }

    [Fact]
    public async Task DeleteVpcEndpoints_reports_unknown_ids_as_unsuccessful_items()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var response = await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest { VpcEndpointIds = ["vpce-0000000000000dead"] }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.HttpStatusCode);
        var item = Assert.Single(response.Unsuccessful);
        Assert.Equal("vpce-0000000000000dead", item.ResourceId);
        Assert.Equal("InvalidVpcEndpoint.NotFound", item.Error.Code);
    }

    [Fact]
    public async Task DescribeVpcEndpoints_filters_by_service_name_and_tag_and_fails_for_an_unknown_id()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();
        var created = await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcId,
            ServiceName = ExecuteApi,
            VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = [SandboxSeed.SubnetAId],
            PrivateDnsEnabled = true,
            TagSpecifications = [new TagSpecification { ResourceType = ResourceType.VpcEndpoint, Tags = [new Tag("privateapiedge:deployment", "d-9")] }],
        }, Ct);

        var byService = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
        {
            Filters = [new Filter("vpc-id", [SandboxSeed.VpcId]), new Filter("service-name", [ExecuteApi])],
        }, Ct);
        var byTag = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("tag:privateapiedge:deployment", ["d-9"])] }, Ct);
        var byId = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Filter("vpc-endpoint-id", [created.VpcEndpoint.VpcEndpointId])] }, Ct);
        var unknown = await Assert.ThrowsAsync<AmazonEC2Exception>(() =>
            ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = ["vpce-0000000000000dead"] }, Ct));

        Assert.Equal(created.VpcEndpoint.VpcEndpointId, Assert.Single(byService.VpcEndpoints).VpcEndpointId);
        Assert.Equal(created.VpcEndpoint.VpcEndpointId, Assert.Single(byTag.VpcEndpoints).VpcEndpointId);
        Assert.Equal(created.VpcEndpoint.VpcEndpointId, Assert.Single(byId.VpcEndpoints).VpcEndpointId);
        Assert.Equal("InvalidVpcEndpointId.NotFound", unknown.ErrorCode);
    }

    [Fact]
    public async Task ModifyVpcAttribute_turns_dns_hostnames_on()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        await ec2.ModifyVpcAttributeAsync(new ModifyVpcAttributeRequest { VpcId = SandboxSeed.VpcWithoutDnsHostnamesId, EnableDnsHostnames = true }, Ct);

        var attribute = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest
        {
            VpcId = SandboxSeed.VpcWithoutDnsHostnamesId,
            Attribute = VpcAttributeName.EnableDnsHostnames,
        }, Ct);
        Assert.True(attribute.EnableDnsHostnames);
    }

    private static Task<CreateVpcEndpointResponse> CreateEndpointAsync(AmazonEC2Client ec2, List<string> subnets, List<string> groups, string? clientToken = null) =>
        ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcId,
            ServiceName = ExecuteApi,
            VpcEndpointType = VpcEndpointType.Interface,
            SubnetIds = subnets,
            SecurityGroupIds = groups.Count == 0 ? null : groups,
            PrivateDnsEnabled = true,
            ClientToken = clientToken,
        }, Ct);

    private static async Task<VpcEndpoint> DescribeAsync(AmazonEC2Client ec2, string id) =>
        Assert.Single((await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }, Ct)).VpcEndpoints);
}
