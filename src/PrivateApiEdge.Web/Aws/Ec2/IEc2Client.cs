namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>
/// The EC2 operations the portal uses, in our own records; <see cref="Ec2Client"/> implements it over AWSSDK.EC2.
/// </summary>
/// <remarks>
/// Failures surface as <see cref="Core.AwsApiException"/> with EC2's error code (<c>DependencyViolation</c>,
/// <c>InvalidPermission.Duplicate</c>, <c>InvalidGroup.NotFound</c>, <c>InvalidVpcEndpointId.NotFound</c>,
/// <c>RequestLimitExceeded</c>...). Describe calls return every page.
/// </remarks>
public interface IEc2Client
{
    Task<DescribeVpcsResponse> DescribeVpcsAsync(DescribeVpcsRequest request, CancellationToken cancellationToken);

    Task<DescribeVpcAttributeResponse> DescribeVpcAttributeAsync(DescribeVpcAttributeRequest request, CancellationToken cancellationToken);

    Task<DescribeSubnetsResponse> DescribeSubnetsAsync(DescribeSubnetsRequest request, CancellationToken cancellationToken);

    Task<DescribeInternetGatewaysResponse> DescribeInternetGatewaysAsync(DescribeInternetGatewaysRequest request, CancellationToken cancellationToken);

    Task<CreateSecurityGroupResponse> CreateSecurityGroupAsync(CreateSecurityGroupRequest request, CancellationToken cancellationToken);

    Task<DescribeSecurityGroupsResponse> DescribeSecurityGroupsAsync(DescribeSecurityGroupsRequest request, CancellationToken cancellationToken);

    Task DeleteSecurityGroupAsync(DeleteSecurityGroupRequest request, CancellationToken cancellationToken);

    Task<AuthorizeSecurityGroupRulesResponse> AuthorizeSecurityGroupIngressAsync(AuthorizeSecurityGroupIngressRequest request, CancellationToken cancellationToken);

    Task<AuthorizeSecurityGroupRulesResponse> AuthorizeSecurityGroupEgressAsync(AuthorizeSecurityGroupEgressRequest request, CancellationToken cancellationToken);

    Task<RevokeSecurityGroupRulesResponse> RevokeSecurityGroupIngressAsync(RevokeSecurityGroupIngressRequest request, CancellationToken cancellationToken);

    Task<RevokeSecurityGroupRulesResponse> RevokeSecurityGroupEgressAsync(RevokeSecurityGroupEgressRequest request, CancellationToken cancellationToken);

    Task<DescribeManagedPrefixListsResponse> DescribeManagedPrefixListsAsync(DescribeManagedPrefixListsRequest request, CancellationToken cancellationToken);

    Task<CreateVpcEndpointResponse> CreateVpcEndpointAsync(CreateVpcEndpointRequest request, CancellationToken cancellationToken);

    Task<DescribeVpcEndpointsResponse> DescribeVpcEndpointsAsync(DescribeVpcEndpointsRequest request, CancellationToken cancellationToken);

    Task<DeleteVpcEndpointsResponse> DeleteVpcEndpointsAsync(DeleteVpcEndpointsRequest request, CancellationToken cancellationToken);

    Task<DescribeNetworkInterfacesResponse> DescribeNetworkInterfacesAsync(DescribeNetworkInterfacesRequest request, CancellationToken cancellationToken);

    Task CreateTagsAsync(CreateTagsRequest request, CancellationToken cancellationToken);
}
