namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>
/// Deterministic names of what a deployment creates: readable in the console, and the idempotency key for APIs
/// without a client token (a resumed step finds its resource by name). Preflight checks they fit AWS limits.
/// </summary>
public static class ResourceNames
{
    public const int LoadBalancerMaxLength = 32;
    public const int TargetGroupMaxLength = 32;
    public const int SecurityGroupMaxLength = 255;
    public const int VpcOriginMaxLength = 64;

    public static string LoadBalancer(string deploymentName) => $"pae-{deploymentName}-alb";

    public static string TargetGroup(string deploymentName) => $"pae-{deploymentName}-tg";

    public static string AlbSecurityGroup(string deploymentName) => $"pae-{deploymentName}-alb";

    public static string EndpointSecurityGroup(string deploymentName) => $"pae-{deploymentName}-vpce";

    public static string VpcOrigin(string deploymentName) => $"pae-{deploymentName}-origin";

    public static string RestApi(string deploymentName) => $"pae-{deploymentName}";

    public const string StageName = "prod";
}
