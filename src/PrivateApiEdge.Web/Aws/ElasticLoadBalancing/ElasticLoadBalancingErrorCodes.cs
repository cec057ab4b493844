namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>ELBv2 error codes (the model's <c>error.code</c>) that provisioning and teardown branch on.</summary>
public static class ElasticLoadBalancingErrorCodes
{
    public const string LoadBalancerNotFound = "LoadBalancerNotFound";
    public const string TargetGroupNotFound = "TargetGroupNotFound";
    public const string ListenerNotFound = "ListenerNotFound";

    /// <summary>A target group still used by a listener or rule, or a load balancer still in use.</summary>
    public const string ResourceInUse = "ResourceInUse";

    /// <summary>E.g. deleting a load balancer whose deletion protection is on.</summary>
    public const string OperationNotPermitted = "OperationNotPermitted";

    /// <summary>The name exists with different settings (same settings return the existing resource).</summary>
    public const string DuplicateLoadBalancerName = "DuplicateLoadBalancerName";

    public const string DuplicateTargetGroupName = "DuplicateTargetGroupName";
    public const string DuplicateListener = "DuplicateListener";
    public const string InvalidTarget = "InvalidTarget";
    public const string Throttling = "Throttling";
}
