namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>The steps of architecture.md §2; the same names are used for their teardown counterparts.</summary>
public static class StepNames
{
    public const string Preflight = "preflight";
    public const string SecurityGroups = "security-groups";
    public const string VpcEndpoint = "vpc-endpoint";
    public const string PrivateApi = "private-api";
    public const string ApiDomain = "api-domain";
    public const string TargetGroup = "target-group";
    public const string LoadBalancer = "load-balancer";
    public const string VpcOrigin = "vpc-origin";
    public const string OriginSecurity = "origin-security";
    public const string Distribution = "distribution";
    public const string DnsRecords = "dns-records";
    public const string TargetHealth = "target-health";
    public const string EndpointTest = "endpoint-test";
}
