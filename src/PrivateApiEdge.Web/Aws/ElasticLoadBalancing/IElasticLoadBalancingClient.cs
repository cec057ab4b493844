namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// Elastic Load Balancing v2 (Query protocol, XML responses), shaped like the SDK's
/// <c>IAmazonElasticLoadBalancingV2</c> for the operations provisioning and teardown use.
/// </summary>
/// <remarks>
/// Every failure AWS reports surfaces as <see cref="Core.AwsApiException"/> whose <c>ErrorCode</c> is the model's
/// error code (<c>LoadBalancerNotFound</c>, <c>ResourceInUse</c>, <c>Throttling</c>...; see <see cref="ElasticLoadBalancingErrorCodes"/>). Describe calls return one
/// page; <see cref="ElasticLoadBalancingPaginators"/> follows <c>NextMarker</c>.
/// </remarks>
public interface IElasticLoadBalancingClient
{
    Task<CreateLoadBalancerResponse> CreateLoadBalancerAsync(CreateLoadBalancerRequest request, CancellationToken cancellationToken);

    Task<DescribeLoadBalancersResponse> DescribeLoadBalancersAsync(DescribeLoadBalancersRequest request, CancellationToken cancellationToken);

    Task DeleteLoadBalancerAsync(DeleteLoadBalancerRequest request, CancellationToken cancellationToken);

    Task<DescribeLoadBalancerAttributesResponse> DescribeLoadBalancerAttributesAsync(DescribeLoadBalancerAttributesRequest request, CancellationToken cancellationToken);

    Task<ModifyLoadBalancerAttributesResponse> ModifyLoadBalancerAttributesAsync(ModifyLoadBalancerAttributesRequest request, CancellationToken cancellationToken);

    Task<CreateTargetGroupResponse> CreateTargetGroupAsync(CreateTargetGroupRequest request, CancellationToken cancellationToken);

    Task<DescribeTargetGroupsResponse> DescribeTargetGroupsAsync(DescribeTargetGroupsRequest request, CancellationToken cancellationToken);

    Task DeleteTargetGroupAsync(DeleteTargetGroupRequest request, CancellationToken cancellationToken);

    Task RegisterTargetsAsync(RegisterTargetsRequest request, CancellationToken cancellationToken);

    Task DeregisterTargetsAsync(DeregisterTargetsRequest request, CancellationToken cancellationToken);

    Task<DescribeTargetHealthResponse> DescribeTargetHealthAsync(DescribeTargetHealthRequest request, CancellationToken cancellationToken);

    Task<CreateListenerResponse> CreateListenerAsync(CreateListenerRequest request, CancellationToken cancellationToken);

    Task<DescribeListenersResponse> DescribeListenersAsync(DescribeListenersRequest request, CancellationToken cancellationToken);

    Task DeleteListenerAsync(DeleteListenerRequest request, CancellationToken cancellationToken);

    Task AddTagsAsync(AddTagsRequest request, CancellationToken cancellationToken);

    Task<DescribeTagsResponse> DescribeTagsAsync(DescribeTagsRequest request, CancellationToken cancellationToken);
}
