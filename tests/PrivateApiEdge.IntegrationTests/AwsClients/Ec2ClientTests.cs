using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Ec2;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class Ec2ClientTests
{
    [Fact]
    public async Task Describe_calls_read_the_seeded_vpc_its_subnets_and_internet_gateway()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;

        var vpc = Assert.Single((await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [SandboxSeed.VpcId] }, Ct)).Vpcs);
        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Ec2Filter("vpc-id", SandboxSeed.VpcId)] }, Ct);
        var gateways = await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest { Filters = [new Ec2Filter("attachment.vpc-id", SandboxSeed.VpcId)] }, Ct);
        var noGateway = await ec2.DescribeInternetGatewaysAsync(
            new DescribeInternetGatewaysRequest { Filters = [new Ec2Filter("attachment.vpc-id", SandboxSeed.VpcWithoutInternetGatewayId)] }, Ct);

        Assert.Equal((SandboxSeed.VpcCidr, "available", SandboxSeed.AccountId), (vpc.CidrBlock, vpc.State, vpc.OwnerId));
        Assert.Equal([.. SandboxSeed.SubnetIds.Order()], subnets.Subnets.Select(s => s.SubnetId).Order().ToList());
        Assert.All(subnets.Subnets, s => Assert.Equal(SandboxSeed.VpcId, s.VpcId));
        Assert.Equal(3, subnets.Subnets.Select(s => s.AvailabilityZone).Distinct().Count());
        var gateway = Assert.Single(gateways.InternetGateways);
        Assert.Equal(SandboxSeed.InternetGatewayId, gateway.InternetGatewayId);
        Assert.Equal(new InternetGatewayAttachment(SandboxSeed.VpcId, "available"), Assert.Single(gateway.Attachments));
        Assert.Empty(noGateway.InternetGateways);
    }

    [Fact]
    public async Task DescribeVpcAttribute_reports_dns_hostnames_on_for_the_demo_vpc_and_off_for_the_trap()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;

        var demo = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest(SandboxSeed.VpcId, VpcAttributeNames.EnableDnsHostnames), Ct);
        var support = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest(SandboxSeed.VpcId, VpcAttributeNames.EnableDnsSupport), Ct);
        var trap = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest(SandboxSeed.VpcWithoutDnsHostnamesId, VpcAttributeNames.EnableDnsHostnames), Ct);

        Assert.Equal(new DescribeVpcAttributeResponse(SandboxSeed.VpcId, null, true), demo);
        Assert.Equal(new DescribeVpcAttributeResponse(SandboxSeed.VpcId, true, null), support);
        Assert.False(trap.EnableDnsHostnames);
    }

    [Fact]
    public async Task DescribeManagedPrefixLists_finds_the_cloudfront_origin_facing_list_by_name()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var lists = await sandbox.Clients.Ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest
        {
            Filters = [new Ec2Filter("prefix-list-name", SandboxSeed.CloudFrontOriginFacingPrefixListName)],
        }, Ct);

        var list = Assert.Single(lists.PrefixLists);
        Assert.Equal((SandboxSeed.CloudFrontOriginFacingPrefixListIds[Region], "IPv4"), (list.PrefixListId, list.AddressFamily));
    }

    [Fact]
    public async Task A_security_group_is_created_tagged_and_its_rules_are_authorized_and_revoked_by_id()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;
        var name = Unique("alb");

        var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = name,
            Description = "ALB",
            VpcId = SandboxSeed.VpcId,
            Tags = [new Ec2Tag("Project", "PrivateApiEdge")],
        }, Ct);
        var peer = await CreateSecurityGroupAsync(sandbox.Clients, "peer");
        var ingress = await ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest(created.GroupId, [IpPermission.TcpFromGroup(443, peer, "from peer")]), Ct);
        var egress = await ec2.AuthorizeSecurityGroupEgressAsync(
            new AuthorizeSecurityGroupEgressRequest(created.GroupId, [IpPermission.TcpFromGroup(443, peer)]), Ct);
        await ec2.CreateTagsAsync(new CreateTagsRequest([created.GroupId], [new Ec2Tag("DeploymentId", sandbox.DeploymentId.ToString())]), Ct);
        var described = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] }, Ct)).SecurityGroups);

        Assert.Matches("^sg-[0-9a-f]{17}$", created.GroupId);
        Assert.Equal((name, SandboxSeed.VpcId), (described.GroupName, described.VpcId));
        Assert.Contains(new Ec2Tag("Project", "PrivateApiEdge"), described.Tags);
        Assert.Contains(new Ec2Tag("DeploymentId", sandbox.DeploymentId.ToString()), described.Tags);
        var ingressRule = Assert.Single(ingress.SecurityGroupRules);
        Assert.Matches("^sgr-[0-9a-f]{17}$", ingressRule.SecurityGroupRuleId);
        Assert.Equal((false, "tcp", 443, 443, peer), (ingressRule.IsEgress, ingressRule.IpProtocol, ingressRule.FromPort, ingressRule.ToPort, ingressRule.ReferencedGroupId));
        Assert.True(Assert.Single(egress.SecurityGroupRules).IsEgress);
        Assert.Contains(described.IpPermissions, p => p.FromPort == 443 && p.UserIdGroupPairs.Any(g => g.GroupId == peer));

        var revokedIngress = await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = created.GroupId,
            SecurityGroupRuleIds = [ingressRule.SecurityGroupRuleId],
        }, Ct);
        var revokedEgress = await ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
        {
            GroupId = created.GroupId,
            IpPermissions = [IpPermission.TcpFromGroup(443, peer)],
        }, Ct);
        var after = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [created.GroupId] }, Ct)).SecurityGroups);

        Assert.True(revokedIngress.Return);
        Assert.True(revokedEgress.Return);
        Assert.Empty(revokedEgress.UnknownIpPermissions);
        Assert.Empty(after.IpPermissions);
        Assert.DoesNotContain(after.IpPermissionsEgress, p => p.UserIdGroupPairs.Any(g => g.GroupId == peer));
    }

    [Fact]
    public async Task Authorizing_the_same_rule_twice_fails_with_InvalidPermission_Duplicate()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "dup");
        var rule = IpPermission.TcpFromPrefixList(443, SandboxSeed.CloudFrontOriginFacingPrefixListIds[Region]);
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(group, [rule]), Ct);

        var ex = await ExpectErrorAsync(
            () => ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(group, [rule]), Ct),
            Ec2ErrorCodes.InvalidPermissionDuplicate);

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task Creating_a_group_name_twice_in_a_vpc_fails_with_InvalidGroup_Duplicate()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var request = new CreateSecurityGroupRequest { GroupName = Unique("twice"), Description = "twice", VpcId = SandboxSeed.VpcId };
        await sandbox.Clients.Ec2.CreateSecurityGroupAsync(request, Ct);

        await ExpectErrorAsync(() => sandbox.Clients.Ec2.CreateSecurityGroupAsync(request, Ct), Ec2ErrorCodes.InvalidGroupDuplicate);
    }

    [Fact]
    public async Task Deleting_a_group_another_group_references_fails_with_DependencyViolation_until_the_rule_is_revoked()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;
        var referenced = await CreateSecurityGroupAsync(sandbox.Clients, "referenced");
        var referencing = await CreateSecurityGroupAsync(sandbox.Clients, "referencing");
        await ec2.AuthorizeSecurityGroupIngressAsync(new AuthorizeSecurityGroupIngressRequest(referencing, [IpPermission.TcpFromGroup(443, referenced)]), Ct);

        await ExpectErrorAsync(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(referenced), Ct), Ec2ErrorCodes.DependencyViolation);

        await ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
        {
            GroupId = referencing,
            IpPermissions = [IpPermission.TcpFromGroup(443, referenced)],
        }, Ct);
        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(referenced), Ct);
        var remaining = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { Filters = [new Ec2Filter("group-id", referenced)] }, Ct);
        Assert.Empty(remaining.SecurityGroups);
    }

    [Fact]
    public async Task Unknown_groups_fail_with_InvalidGroup_NotFound()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        const string Missing = "sg-0123456789abcdef0";

        var delete = await ExpectErrorAsync(() => sandbox.Clients.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(Missing), Ct), Ec2ErrorCodes.InvalidGroupNotFound);
        await ExpectErrorAsync(
            () => sandbox.Clients.Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [Missing] }, Ct),
            Ec2ErrorCodes.InvalidGroupNotFound);

        Assert.Equal(HttpStatusCode.BadRequest, delete.StatusCode);
    }

    [Fact]
    public async Task An_interface_endpoint_becomes_available_with_one_network_interface_per_subnet_and_is_deleted()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "endpoint");

        var endpoint = await CreateAvailableExecuteApiEndpointAsync(sandbox.Clients, group);
        var enis = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }, Ct);
        var byTag = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [Ec2Filter.Tag("Project", "PrivateApiEdge")] }, Ct);

        Assert.Matches("^vpce-[0-9a-f]{17}$", endpoint.VpcEndpointId);
        Assert.Equal(("Interface", $"com.amazonaws.{Region}.execute-api", true), (endpoint.VpcEndpointType, endpoint.ServiceName, endpoint.PrivateDnsEnabled));
        Assert.Equal([group], endpoint.SecurityGroupIds);
        Assert.Contains(endpoint.DnsEntries, d => d.DnsName!.Contains("execute-api", StringComparison.Ordinal));
        Assert.Equal(2, enis.NetworkInterfaces.Count);
        Assert.Equal([SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], enis.NetworkInterfaces.Select(n => n.SubnetId!).Order().ToList());
        Assert.All(enis.NetworkInterfaces, n => Assert.StartsWith("10.20.", n.PrivateIpAddress, StringComparison.Ordinal));
        Assert.All(enis.NetworkInterfaces, n => Assert.Equal([group], n.SecurityGroupIds));
        Assert.Equal(endpoint.VpcEndpointId, Assert.Single(byTag.VpcEndpoints).VpcEndpointId);

        var deleted = await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest([endpoint.VpcEndpointId]), Ct);
        Assert.Empty(deleted.Unsuccessful);
        var gone = await Eventually.ReturnsAsync(
            async () => (await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { Filters = [new Ec2Filter("vpc-endpoint-id", endpoint.VpcEndpointId)] }, Ct)).VpcEndpoints,
            list => list.All(e => e.State is "deleted" or "Deleted"),
            $"endpoint {endpoint.VpcEndpointId} to be deleted");
        Assert.All(gone, e => Assert.Equal("deleted", e.State, ignoreCase: true));
    }

    [Fact]
    public async Task A_second_private_dns_endpoint_for_the_same_service_fails_on_the_conflicting_dns_domain()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "endpoint");
        await CreateAvailableExecuteApiEndpointAsync(sandbox.Clients, group);

        var ex = await ExpectErrorAsync(() => CreateAvailableExecuteApiEndpointAsync(sandbox.Clients, group), "InvalidParameter");

        Assert.Contains("conflicting DNS domain", ex.AwsMessage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }

    [Fact]
    public async Task Retrying_CreateVpcEndpoint_with_the_same_client_token_returns_the_first_endpoint()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "endpoint");
        var request = new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcId,
            ServiceName = $"com.amazonaws.{Region}.execute-api",
            SubnetIds = [SandboxSeed.SubnetAId],
            SecurityGroupIds = [group],
            PrivateDnsEnabled = false,
            ClientToken = Guid.NewGuid().ToString("N"),
        };

        var first = await sandbox.Clients.Ec2.CreateVpcEndpointAsync(request, Ct);
        var second = await sandbox.Clients.Ec2.CreateVpcEndpointAsync(request, Ct);

        Assert.Equal(first.VpcEndpoint.VpcEndpointId, second.VpcEndpoint.VpcEndpointId);
        Assert.Equal(request.ClientToken, second.ClientToken);
    }

    [Fact]
    public async Task Deleting_an_unknown_endpoint_is_reported_as_unsuccessful_with_its_error_code()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        const string Missing = "vpce-0123456789abcdef0";

        var deleted = await sandbox.Clients.Ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest([Missing]), Ct);

        // Live EC2 reports an unknown id inside Unsuccessful as InvalidVpcEndpoint.NotFound (no "Id"), unlike the
        // InvalidVpcEndpointId.NotFound it throws from Describe; teardown must accept both.
        var item = Assert.Single(deleted.Unsuccessful);
        Assert.Equal((Missing, "InvalidVpcEndpoint.NotFound"), (item.ResourceId, item.ErrorCode));
    }

    [Fact]
    public async Task Unknown_vpcs_and_subnets_fail_with_their_NotFound_codes()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var ec2 = sandbox.Clients.Ec2;

        await ExpectErrorAsync(
            () => ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest { GroupName = Unique("orphan"), Description = "orphan", VpcId = "vpc-0123456789abcdef0" }, Ct),
            Ec2ErrorCodes.InvalidVpcIdNotFound);
        await ExpectErrorAsync(
            () => ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = ["subnet-0123456789abcdef0"] }, Ct),
            Ec2ErrorCodes.InvalidSubnetIdNotFound);
        await ExpectErrorAsync(
            () => ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = ["vpce-0123456789abcdef0"] }, Ct),
            Ec2ErrorCodes.InvalidVpcEndpointIdNotFound);
    }
}
