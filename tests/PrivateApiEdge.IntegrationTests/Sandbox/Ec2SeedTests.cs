using Amazon.EC2.Model;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class Ec2SeedTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_vpc_has_both_dns_attributes_an_internet_gateway_and_three_subnets_in_three_zones()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var vpcs = await ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [SandboxSeed.VpcId] }, Ct);
        var vpc = Assert.Single(vpcs.Vpcs);
        Assert.Equal(SandboxSeed.VpcCidr, vpc.CidrBlock);
        Assert.Equal(SandboxSeed.AccountId, vpc.OwnerId);

        var support = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = SandboxSeed.VpcId, Attribute = Amazon.EC2.VpcAttributeName.EnableDnsSupport }, Ct);
        var hostnames = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest { VpcId = SandboxSeed.VpcId, Attribute = Amazon.EC2.VpcAttributeName.EnableDnsHostnames }, Ct);
        Assert.True(support.EnableDnsSupport);
        Assert.True(hostnames.EnableDnsHostnames);

        var gateways = await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [SandboxSeed.VpcId])],
        }, Ct);
        Assert.Equal(SandboxSeed.InternetGatewayId, Assert.Single(gateways.InternetGateways).InternetGatewayId);

        var subnets = await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { Filters = [new Filter("vpc-id", [SandboxSeed.VpcId])] }, Ct);
        Assert.Equal(SandboxSeed.SubnetIds.Order(), subnets.Subnets.Select(s => s.SubnetId).Order());
        Assert.Equal(3, subnets.Subnets.Select(s => s.AvailabilityZone).Distinct().Count());

        var zones = await ec2.DescribeAvailabilityZonesAsync(new DescribeAvailabilityZonesRequest(), Ct);
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], zones.AvailabilityZones.Select(z => z.ZoneName));
    }

    [Fact]
    public async Task The_traps_are_a_vpc_without_dns_hostnames_and_a_vpc_without_an_internet_gateway()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var hostnames = await ec2.DescribeVpcAttributeAsync(new DescribeVpcAttributeRequest
        {
            VpcId = SandboxSeed.VpcWithoutDnsHostnamesId,
            Attribute = Amazon.EC2.VpcAttributeName.EnableDnsHostnames,
        }, Ct);
        Assert.False(hostnames.EnableDnsHostnames);

        var gateways = await ec2.DescribeInternetGatewaysAsync(new DescribeInternetGatewaysRequest
        {
            Filters = [new Filter("attachment.vpc-id", [SandboxSeed.VpcWithoutInternetGatewayId])],
        }, Ct);
        Assert.Empty(gateways.InternetGateways ?? []);
    }

    [Fact]
    public async Task The_cloudfront_origin_facing_prefix_list_is_found_by_name()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var lists = await ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest
        {
            Filters = [new Filter("prefix-list-name", [SandboxSeed.CloudFrontOriginFacingPrefixListName])],
        }, Ct);

        var list = Assert.Single(lists.PrefixLists);
        Assert.Equal(SandboxSeed.CloudFrontOriginFacingPrefixListIds[SandboxSeed.DefaultRegion], list.PrefixListId);
        Assert.Equal("AWS", list.OwnerId);
    }

    [Fact]
    public async Task An_unknown_vpc_fails_with_InvalidVpcID_NotFound()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var ec2 = sandbox.Ec2();

        var error = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = ["vpc-0123456789abcdef0"] }, Ct));

        Assert.Equal("InvalidVpcID.NotFound", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}
