namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

// Request records mirror the ELBv2 API model's input shapes (member names as on the wire), keeping only the
// members the portal uses, so the SDK's AmazonElasticLoadBalancingV2Client could stand in behind the interface.

public sealed record CreateLoadBalancerRequest
{
    public required string Name { get; init; }

    public IReadOnlyList<string> Subnets { get; init; } = [];

    public IReadOnlyList<string> SecurityGroups { get; init; } = [];

    /// <summary><c>internet-facing</c> or <c>internal</c>.</summary>
    public string? Scheme { get; init; }

    /// <summary><c>application</c>, <c>network</c> or <c>gateway</c>.</summary>
    public string? Type { get; init; }

    public string? IpAddressType { get; init; }

    public IReadOnlyList<ElbTag> Tags { get; init; } = [];
}

public sealed record DescribeLoadBalancersRequest
{
    public IReadOnlyList<string> LoadBalancerArns { get; init; } = [];

    public IReadOnlyList<string> Names { get; init; } = [];

    public string? Marker { get; init; }

    public int? PageSize { get; init; }
}

public sealed record DeleteLoadBalancerRequest(string LoadBalancerArn);

public sealed record DescribeLoadBalancerAttributesRequest(string LoadBalancerArn);

public sealed record ModifyLoadBalancerAttributesRequest(string LoadBalancerArn, IReadOnlyList<LoadBalancerAttribute> Attributes);

public sealed record CreateTargetGroupRequest
{
    public required string Name { get; init; }

    public string? Protocol { get; init; }

    public int? Port { get; init; }

    public string? VpcId { get; init; }

    public string? HealthCheckProtocol { get; init; }

    public string? HealthCheckPort { get; init; }

    public bool? HealthCheckEnabled { get; init; }

    public string? HealthCheckPath { get; init; }

    public int? HealthCheckIntervalSeconds { get; init; }

    public int? HealthCheckTimeoutSeconds { get; init; }

    public int? HealthyThresholdCount { get; init; }

    public int? UnhealthyThresholdCount { get; init; }

    public Matcher? Matcher { get; init; }

    /// <summary><c>instance</c>, <c>ip</c>, <c>lambda</c> or <c>alb</c>.</summary>
    public string? TargetType { get; init; }

    public IReadOnlyList<ElbTag> Tags { get; init; } = [];
}

public sealed record DescribeTargetGroupsRequest
{
    public string? LoadBalancerArn { get; init; }

    public IReadOnlyList<string> TargetGroupArns { get; init; } = [];

    public IReadOnlyList<string> Names { get; init; } = [];

    public string? Marker { get; init; }

    public int? PageSize { get; init; }
}

public sealed record DeleteTargetGroupRequest(string TargetGroupArn);

public sealed record RegisterTargetsRequest(string TargetGroupArn, IReadOnlyList<TargetDescription> Targets);

public sealed record DeregisterTargetsRequest(string TargetGroupArn, IReadOnlyList<TargetDescription> Targets);

public sealed record DescribeTargetHealthRequest
{
    public required string TargetGroupArn { get; init; }

    public IReadOnlyList<TargetDescription> Targets { get; init; } = [];
}

public sealed record CreateListenerRequest
{
    public required string LoadBalancerArn { get; init; }

    public string? Protocol { get; init; }

    public int? Port { get; init; }

    public string? SslPolicy { get; init; }

    public IReadOnlyList<ListenerCertificate> Certificates { get; init; } = [];

    public required IReadOnlyList<ListenerAction> DefaultActions { get; init; }

    public IReadOnlyList<ElbTag> Tags { get; init; } = [];
}

public sealed record DescribeListenersRequest
{
    public string? LoadBalancerArn { get; init; }

    public IReadOnlyList<string> ListenerArns { get; init; } = [];

    public string? Marker { get; init; }

    public int? PageSize { get; init; }
}

public sealed record DeleteListenerRequest(string ListenerArn);

public sealed record AddTagsRequest(IReadOnlyList<string> ResourceArns, IReadOnlyList<ElbTag> Tags);

public sealed record DescribeTagsRequest(IReadOnlyList<string> ResourceArns);

// ---------- Responses ----------

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
