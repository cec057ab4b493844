namespace PrivateApiEdge.Web.Aws.Ec2;

// Describe answers hold every page: the adapter follows NextToken itself.

public sealed record DescribeVpcsResponse(IReadOnlyList<Vpc> Vpcs);

/// <summary>Only the attribute that was asked for is set; the other stays null.</summary>
public sealed record DescribeVpcAttributeResponse(string? VpcId, bool? EnableDnsSupport, bool? EnableDnsHostnames);

public sealed record DescribeSubnetsResponse(IReadOnlyList<Subnet> Subnets);

public sealed record DescribeInternetGatewaysResponse(IReadOnlyList<InternetGateway> InternetGateways);

public sealed record CreateSecurityGroupResponse(string GroupId, string? SecurityGroupArn);

public sealed record DescribeSecurityGroupsResponse(IReadOnlyList<SecurityGroup> SecurityGroups);

public sealed record AuthorizeSecurityGroupRulesResponse(bool Return, IReadOnlyList<SecurityGroupRule> SecurityGroupRules);

public sealed record RevokeSecurityGroupRulesResponse(bool Return, IReadOnlyList<string> RevokedSecurityGroupRuleIds, IReadOnlyList<IpPermission> UnknownIpPermissions);

public sealed record DescribeManagedPrefixListsResponse(IReadOnlyList<ManagedPrefixList> PrefixLists);

public sealed record CreateVpcEndpointResponse(VpcEndpoint VpcEndpoint, string? ClientToken);

public sealed record DescribeVpcEndpointsResponse(IReadOnlyList<VpcEndpoint> VpcEndpoints);

public sealed record DeleteVpcEndpointsResponse(IReadOnlyList<UnsuccessfulItem> Unsuccessful);

public sealed record DescribeNetworkInterfacesResponse(IReadOnlyList<NetworkInterface> NetworkInterfaces);
