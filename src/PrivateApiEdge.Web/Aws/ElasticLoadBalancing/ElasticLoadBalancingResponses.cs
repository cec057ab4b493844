namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

// Response records mirror the ELBv2 API model's output shapes, keeping the members the portal reads.

public sealed record CreateLoadBalancerResponse(IReadOnlyList<LoadBalancer> LoadBalancers);

public sealed record DescribeLoadBalancersResponse(IReadOnlyList<LoadBalancer> LoadBalancers, string? NextMarker);

public sealed record DescribeLoadBalancerAttributesResponse(IReadOnlyList<LoadBalancerAttribute> Attributes);

public sealed record ModifyLoadBalancerAttributesResponse(IReadOnlyList<LoadBalancerAttribute> Attributes);

public sealed record CreateTargetGroupResponse(IReadOnlyList<TargetGroup> TargetGroups);

public sealed record DescribeTargetGroupsResponse(IReadOnlyList<TargetGroup> TargetGroups, string? NextMarker);

public sealed record DescribeTargetHealthResponse(IReadOnlyList<TargetHealthDescription> TargetHealthDescriptions);

public sealed record CreateListenerResponse(IReadOnlyList<Listener> Listeners);

public sealed record DescribeListenersResponse(IReadOnlyList<Listener> Listeners, string? NextMarker);

public sealed record DescribeTagsResponse(IReadOnlyList<TagDescription> TagDescriptions);
