namespace PrivateApiEdge.Web.Aws.Ec2;

// Our own request records for the EC2 operations the portal uses (named as the SDK's); only Ec2Client maps them
// to AWSSDK.EC2 types. Tags passed here end up in TagSpecifications, so a resource is born tagged.

public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public Ec2Filter(string name, string value)
        : this(name, [value])
    {
    }

    /// <summary>The <c>tag:&lt;key&gt;</c> filter.</summary>
    public static Ec2Filter Tag(string key, string value) => new("tag:" + key, value);
}

public sealed record DescribeVpcsRequest
{
    public IReadOnlyList<string> VpcIds { get; init; } = [];

    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

/// <param name="VpcId">The VPC.</param>
/// <param name="Attribute"><see cref="VpcAttributeNames.EnableDnsSupport"/> or <see cref="VpcAttributeNames.EnableDnsHostnames"/>.</param>
public sealed record DescribeVpcAttributeRequest(string VpcId, string Attribute);

public static class VpcAttributeNames
{
    public const string EnableDnsSupport = "enableDnsSupport";
    public const string EnableDnsHostnames = "enableDnsHostnames";
}

public sealed record DescribeSubnetsRequest
{
    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record DescribeInternetGatewaysRequest
{
    public IReadOnlyList<string> InternetGatewayIds { get; init; } = [];

    /// <summary>e.g. <c>attachment.vpc-id</c>.</summary>
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record CreateSecurityGroupRequest
{
    public required string GroupName { get; init; }

    public required string Description { get; init; }

    public required string VpcId { get; init; }

    public IReadOnlyList<Ec2Tag> Tags { get; init; } = [];
}

public sealed record DescribeSecurityGroupsRequest
{
    public IReadOnlyList<string> GroupIds { get; init; } = [];

    /// <summary>e.g. <c>group-name</c>, <c>vpc-id</c>, <c>tag:&lt;key&gt;</c>.</summary>
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record DeleteSecurityGroupRequest(string GroupId);

public sealed record AuthorizeSecurityGroupIngressRequest(string GroupId, IReadOnlyList<IpPermission> IpPermissions);

public sealed record AuthorizeSecurityGroupEgressRequest(string GroupId, IReadOnlyList<IpPermission> IpPermissions);

public sealed record RevokeSecurityGroupIngressRequest
{
    public required string GroupId { get; init; }

    public IReadOnlyList<IpPermission> IpPermissions { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupRuleIds { get; init; } = [];
}

public sealed record RevokeSecurityGroupEgressRequest
{
    public required string GroupId { get; init; }

    public IReadOnlyList<IpPermission> IpPermissions { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupRuleIds { get; init; } = [];
}

public sealed record DescribeManagedPrefixListsRequest
{
    public IReadOnlyList<string> PrefixListIds { get; init; } = [];

    /// <summary>e.g. <c>prefix-list-name</c> = <c>com.amazonaws.global.cloudfront.origin-facing</c>.</summary>
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record CreateVpcEndpointRequest
{
    public required string VpcId { get; init; }

    /// <summary>e.g. <c>com.amazonaws.eu-west-1.execute-api</c>.</summary>
    public required string ServiceName { get; init; }

    /// <summary><c>Interface</c>, <c>Gateway</c>...</summary>
    public string VpcEndpointType { get; init; } = "Interface";

    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public bool? PrivateDnsEnabled { get; init; }

    /// <summary>Idempotency key: retrying with the same token returns the endpoint the first call created.</summary>
    public string? ClientToken { get; init; }

    public IReadOnlyList<Ec2Tag> Tags { get; init; } = [];
}

public sealed record DescribeVpcEndpointsRequest
{
    public IReadOnlyList<string> VpcEndpointIds { get; init; } = [];

    /// <summary>e.g. <c>vpc-id</c>, <c>service-name</c>, <c>tag:&lt;key&gt;</c>.</summary>
    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record DeleteVpcEndpointsRequest(IReadOnlyList<string> VpcEndpointIds);

public sealed record DescribeNetworkInterfacesRequest
{
    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = [];

    public IReadOnlyList<Ec2Filter> Filters { get; init; } = [];
}

public sealed record CreateTagsRequest(IReadOnlyList<string> Resources, IReadOnlyList<Ec2Tag> Tags);

// ---------- Responses ----------

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
