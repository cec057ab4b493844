using Amazon.EC2;
using Amazon.Runtime;
using PrivateApiEdge.Web.Aws.Core;
using static PrivateApiEdge.Web.Aws.Ec2.Ec2SdkMapping;
using Sdk = Amazon.EC2.Model;

namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>
/// The one adapter over AWSSDK.EC2: maps our records to SDK requests and SDK answers back, follows NextToken,
/// and turns SDK service errors into <see cref="AwsApiException"/> (through <see cref="AwsSdkCallRunner"/>).
/// </summary>
public sealed class Ec2Client : IEc2Client
{
    // The SDK retries by itself; the retry mode only matters to the thin clients' pipeline.
    private static readonly AwsOperation DescribeVpcs = new("DescribeVpcs");
    private static readonly AwsOperation DescribeVpcAttribute = new("DescribeVpcAttribute");
    private static readonly AwsOperation DescribeSubnets = new("DescribeSubnets");
    private static readonly AwsOperation DescribeInternetGateways = new("DescribeInternetGateways");
    private static readonly AwsOperation CreateSecurityGroup = new("CreateSecurityGroup");
    private static readonly AwsOperation DescribeSecurityGroups = new("DescribeSecurityGroups");
    private static readonly AwsOperation DeleteSecurityGroup = new("DeleteSecurityGroup");
    private static readonly AwsOperation AuthorizeSecurityGroupIngress = new("AuthorizeSecurityGroupIngress");
    private static readonly AwsOperation AuthorizeSecurityGroupEgress = new("AuthorizeSecurityGroupEgress");
    private static readonly AwsOperation RevokeSecurityGroupIngress = new("RevokeSecurityGroupIngress");
    private static readonly AwsOperation RevokeSecurityGroupEgress = new("RevokeSecurityGroupEgress");
    private static readonly AwsOperation DescribeManagedPrefixLists = new("DescribeManagedPrefixLists");
    private static readonly AwsOperation CreateVpcEndpoint = new("CreateVpcEndpoint");
    private static readonly AwsOperation DescribeVpcEndpoints = new("DescribeVpcEndpoints");
    private static readonly AwsOperation DeleteVpcEndpoints = new("DeleteVpcEndpoints");
    private static readonly AwsOperation DescribeNetworkInterfaces = new("DescribeNetworkInterfaces");
    private static readonly AwsOperation CreateTags = new("CreateTags");

    private readonly IAmazonEC2 _ec2;
    private readonly AwsSdkCallRunner _calls;

    /// <param name="ec2">The SDK client, configured for one session.</param>
    /// <param name="calls">Error translation and metering; null translates errors without metering.</param>
    public Ec2Client(IAmazonEC2 ec2, AwsSdkCallRunner? calls = null)
    {
        ArgumentNullException.ThrowIfNull(ec2);
        _ec2 = ec2;
        _calls = calls ?? new AwsSdkCallRunner(AwsService.Ec2);
    }

    /// <summary>
    /// SDK configuration for one session: the endpoint the shared resolver picked (sandbox, override or the real
    /// regional one), signed for the session's region.
    /// </summary>
    public static AmazonEC2Config CreateConfig(string region, Uri serviceUrl)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentNullException.ThrowIfNull(serviceUrl);
        return new AmazonEC2Config
        {
            ServiceURL = serviceUrl.ToString(),
            AuthenticationRegion = region,
        };
    }

    public Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeVpcs, async () =>
        {
            var vpcs = await AllPagesAsync(
                token => _ec2.DescribeVpcsAsync(new Sdk.DescribeVpcsRequest { VpcIds = List(request.VpcIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.Vpcs,
                r => r.NextToken);
            return new DescribeVpcsResponse(vpcs.Select(v => new Vpc(v.VpcId, v.CidrBlock, v.State?.Value, v.IsDefault ?? false, v.OwnerId, Tags(v.Tags))).ToList());
        });
    }

    public Task<DescribeVpcAttributeResponse> DescribeVpcAttributeAsync(DescribeVpcAttributeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeVpcAttribute, async () =>
        {
            var response = await _ec2.DescribeVpcAttributeAsync(
                new Sdk.DescribeVpcAttributeRequest { VpcId = request.VpcId, Attribute = VpcAttributeName.FindValue(request.Attribute) },
                cancellationToken);
            return new DescribeVpcAttributeResponse(response.VpcId, response.EnableDnsSupport, response.EnableDnsHostnames);
        });
    }

    public Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeSubnets, async () =>
        {
            var subnets = await AllPagesAsync(
                token => _ec2.DescribeSubnetsAsync(new Sdk.DescribeSubnetsRequest { SubnetIds = List(request.SubnetIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.Subnets,
                r => r.NextToken);
            return new DescribeSubnetsResponse(subnets
                .Select(s => new Subnet(s.SubnetId, s.VpcId, s.AvailabilityZone, s.AvailabilityZoneId, s.CidrBlock, s.State?.Value, s.MapPublicIpOnLaunch ?? false, Tags(s.Tags)))
                .ToList());
        });
    }

    public Task<DescribeInternetGatewaysResponse> DescribeInternetGatewaysAsync(DescribeInternetGatewaysRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeInternetGateways, async () =>
        {
            var gateways = await AllPagesAsync(
                token => _ec2.DescribeInternetGatewaysAsync(new Sdk.DescribeInternetGatewaysRequest { InternetGatewayIds = List(request.InternetGatewayIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.InternetGateways,
                r => r.NextToken);
            return new DescribeInternetGatewaysResponse(gateways
                .Select(g => new InternetGateway(
                    g.InternetGatewayId,
                    (g.Attachments ?? []).Select(a => new InternetGatewayAttachment(a.VpcId, a.State?.Value)).ToList(),
                    Tags(g.Tags)))
                .ToList());
        });
    }

    public Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(CreateSecurityGroup, async () =>
        {
            var response = await _ec2.CreateSecurityGroupAsync(
                new Sdk.CreateSecurityGroupRequest
                {
                    GroupName = request.GroupName,
                    Description = request.Description,
                    VpcId = request.VpcId,
                    TagSpecifications = TagSpecifications(ResourceType.SecurityGroup, request.Tags),
                },
                cancellationToken);
            return new CreateSecurityGroupResponse(response.GroupId, response.SecurityGroupArn);
        });
    }

    public Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeSecurityGroups, async () =>
        {
            var groups = await AllPagesAsync(
                token => _ec2.DescribeSecurityGroupsAsync(new Sdk.DescribeSecurityGroupsRequest { GroupIds = List(request.GroupIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.SecurityGroups,
                r => r.NextToken);
            return new DescribeSecurityGroupsResponse(groups
                .Select(g => new SecurityGroup(
                    g.GroupId,
                    g.GroupName,
                    g.Description,
                    g.VpcId,
                    g.OwnerId,
                    (g.IpPermissions ?? []).Select(FromSdk).ToList(),
                    (g.IpPermissionsEgress ?? []).Select(FromSdk).ToList(),
                    Tags(g.Tags)))
                .ToList());
        });
    }

    public Task DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DeleteSecurityGroup, () => _ec2.DeleteSecurityGroupAsync(new Sdk.DeleteSecurityGroupRequest { GroupId = request.GroupId }, cancellationToken));
    }

    public Task<AuthorizeSecurityGroupRulesResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(AuthorizeSecurityGroupIngress, async () =>
        {
            var response = await _ec2.AuthorizeSecurityGroupIngressAsync(
                new Sdk.AuthorizeSecurityGroupIngressRequest { GroupId = request.GroupId, IpPermissions = List(request.IpPermissions.Select(ToSdk).ToList()) },
                cancellationToken);
            return new AuthorizeSecurityGroupRulesResponse(response.Return ?? false, (response.SecurityGroupRules ?? []).Select(FromSdk).ToList());
        });
    }

    public Task<AuthorizeSecurityGroupRulesResponse> AuthorizeSecurityGroupEgressAsync(AuthorizeSecurityGroupEgressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(AuthorizeSecurityGroupEgress, async () =>
        {
            var response = await _ec2.AuthorizeSecurityGroupEgressAsync(
                new Sdk.AuthorizeSecurityGroupEgressRequest { GroupId = request.GroupId, IpPermissions = List(request.IpPermissions.Select(ToSdk).ToList()) },
                cancellationToken);
            return new AuthorizeSecurityGroupRulesResponse(response.Return ?? false, (response.SecurityGroupRules ?? []).Select(FromSdk).ToList());
        });
    }

    public Task<RevokeSecurityGroupRulesResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(RevokeSecurityGroupIngress, async () =>
        {
            var response = await _ec2.RevokeSecurityGroupIngressAsync(
                new Sdk.RevokeSecurityGroupIngressRequest
                {
                    GroupId = request.GroupId,
                    IpPermissions = request.IpPermissions.Count == 0 ? null : request.IpPermissions.Select(ToSdk).ToList(),
                    SecurityGroupRuleIds = List(request.SecurityGroupRuleIds),
                },
                cancellationToken);
            return new RevokeSecurityGroupRulesResponse(
                response.Return ?? false,
                (response.RevokedSecurityGroupRules ?? []).Select(r => r.SecurityGroupRuleId).ToList(),
                (response.UnknownIpPermissions ?? []).Select(FromSdk).ToList());
        });
    }

    public Task<RevokeSecurityGroupRulesResponse> RevokeSecurityGroupEgressAsync(RevokeSecurityGroupEgressRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(RevokeSecurityGroupEgress, async () =>
        {
            var response = await _ec2.RevokeSecurityGroupEgressAsync(
                new Sdk.RevokeSecurityGroupEgressRequest
                {
                    GroupId = request.GroupId,
                    IpPermissions = request.IpPermissions.Count == 0 ? null : request.IpPermissions.Select(ToSdk).ToList(),
                    SecurityGroupRuleIds = List(request.SecurityGroupRuleIds),
                },
                cancellationToken);
            return new RevokeSecurityGroupRulesResponse(
                response.Return ?? false,
                (response.RevokedSecurityGroupRules ?? []).Select(r => r.SecurityGroupRuleId).ToList(),
                (response.UnknownIpPermissions ?? []).Select(FromSdk).ToList());
        });
    }

    public Task<DescribeManagedPrefixListsResponse> DescribeManagedPrefixListsAsync(DescribeManagedPrefixListsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeManagedPrefixLists, async () =>
        {
            var lists = await AllPagesAsync(
                token => _ec2.DescribeManagedPrefixListsAsync(new Sdk.DescribeManagedPrefixListsRequest { PrefixListIds = List(request.PrefixListIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.PrefixLists,
                r => r.NextToken);
            return new DescribeManagedPrefixListsResponse(lists
                .Select(l => new ManagedPrefixList(l.PrefixListId, l.PrefixListName, l.State?.Value, l.AddressFamily, l.MaxEntries, l.OwnerId))
                .ToList());
        });
    }

    public Task<CreateVpcEndpointResponse> CreateVpcEndpointAsync(CreateVpcEndpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(CreateVpcEndpoint, async () =>
        {
            var response = await _ec2.CreateVpcEndpointAsync(
                new Sdk.CreateVpcEndpointRequest
                {
                    VpcId = request.VpcId,
                    ServiceName = request.ServiceName,
                    VpcEndpointType = VpcEndpointType.FindValue(request.VpcEndpointType),
                    SubnetIds = List(request.SubnetIds),
                    SecurityGroupIds = List(request.SecurityGroupIds),
                    PrivateDnsEnabled = request.PrivateDnsEnabled,
                    ClientToken = request.ClientToken,
                    TagSpecifications = TagSpecifications(ResourceType.VpcEndpoint, request.Tags),
                },
                cancellationToken);
            return new CreateVpcEndpointResponse(FromSdk(response.VpcEndpoint), response.ClientToken);
        });
    }

    public Task<DescribeVpcEndpointsResponse> DescribeVpcEndpointsAsync(DescribeVpcEndpointsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeVpcEndpoints, async () =>
        {
            var endpoints = await AllPagesAsync(
                token => _ec2.DescribeVpcEndpointsAsync(new Sdk.DescribeVpcEndpointsRequest { VpcEndpointIds = List(request.VpcEndpointIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.VpcEndpoints,
                r => r.NextToken);
            return new DescribeVpcEndpointsResponse(endpoints.Select(FromSdk).ToList());
        });
    }

    public Task<DeleteVpcEndpointsResponse> DeleteVpcEndpointsAsync(DeleteVpcEndpointsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DeleteVpcEndpoints, async () =>
        {
            var response = await _ec2.DeleteVpcEndpointsAsync(new Sdk.DeleteVpcEndpointsRequest { VpcEndpointIds = List(request.VpcEndpointIds) }, cancellationToken);
            return new DeleteVpcEndpointsResponse((response.Unsuccessful ?? [])
                .Select(u => new UnsuccessfulItem(u.ResourceId, u.Error?.Code, u.Error?.Message))
                .ToList());
        });
    }

    public Task<DescribeNetworkInterfacesResponse> DescribeNetworkInterfacesAsync(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(DescribeNetworkInterfaces, async () =>
        {
            var interfaces = await AllPagesAsync(
                token => _ec2.DescribeNetworkInterfacesAsync(new Sdk.DescribeNetworkInterfacesRequest { NetworkInterfaceIds = List(request.NetworkInterfaceIds), Filters = Filters(request.Filters), NextToken = token }, cancellationToken),
                r => r.NetworkInterfaces,
                r => r.NextToken);
            return new DescribeNetworkInterfacesResponse(interfaces
                .Select(n => new NetworkInterface(
                    n.NetworkInterfaceId,
                    n.SubnetId,
                    n.VpcId,
                    n.AvailabilityZone,
                    n.PrivateIpAddress,
                    (n.PrivateIpAddresses ?? []).Select(a => a.PrivateIpAddress).ToList(),
                    n.Status?.Value,
                    n.InterfaceType?.Value,
                    (n.Groups ?? []).Select(g => g.GroupId).ToList()))
                .ToList());
        });
    }

    public Task CreateTagsAsync(CreateTagsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _calls.RunAsync(CreateTags, () => _ec2.CreateTagsAsync(
            new Sdk.CreateTagsRequest { Resources = List(request.Resources), Tags = request.Tags.Count == 0 ? null : request.Tags.Select(t => new Sdk.Tag(t.Key, t.Value)).ToList() },
            cancellationToken));
    }

    private static async Task<List<TItem>> AllPagesAsync<TResponse, TItem>(
        Func<string?, Task<TResponse>> call,
        Func<TResponse, List<TItem>?> items,
        Func<TResponse, string?> nextToken)
    {
        var all = new List<TItem>();
        string? token = null;
        do
        {
            var response = await call(token);
            all.AddRange(items(response) ?? []);
            token = nextToken(response);
        }
        while (!string.IsNullOrEmpty(token));

        return all;
    }
}
