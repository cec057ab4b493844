namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// Names of step outputs other steps (and teardown, and the UI) read. Each key says what it holds on its own
/// (<c>ApiDeploymentId</c>, not <c>DeploymentId</c>, which reads as the portal's deployment).
/// </summary>
public static class OutputKeys
{
    public const string Account = "Account";
    public const string ReuseVpcEndpointId = "ReuseVpcEndpointId";
    public const string PreflightReport = "PreflightReport";
    public const string AlbSecurityGroupId = "AlbSecurityGroupId";
    public const string EndpointSecurityGroupId = "EndpointSecurityGroupId";
    public const string VpcEndpointId = "VpcEndpointId";
    public const string VpcEndpointReused = "VpcEndpointReused";
    public const string ReusedEndpointSecurityGroupIds = "ReusedEndpointSecurityGroupIds";
    public const string EndpointIps = "EndpointIps";
    public const string RestApiId = "RestApiId";
    public const string StageName = "StageName";
    public const string ApiAdopted = "ApiAdopted";
    public const string ApiConfigured = "ApiConfigured";
    public const string ApiDeploymentId = "ApiDeploymentId";
    public const string ApiDomainName = "ApiDomainName";
    public const string RegionalDomainName = "RegionalDomainName";
    public const string TargetGroupArn = "TargetGroupArn";
    public const string TargetsRegistered = "TargetsRegistered";
    public const string LoadBalancerArn = "LoadBalancerArn";
    public const string LoadBalancerDnsName = "LoadBalancerDnsName";
    public const string ListenerArn = "ListenerArn";
    public const string VpcOriginId = "VpcOriginId";
    public const string VpcOriginArn = "VpcOriginArn";
    public const string CloudFrontSecurityGroupId = "CloudFrontSecurityGroupId";
    public const string PrefixListId = "PrefixListId";
    public const string CloudFrontRuleAddedByUs = "CloudFrontRuleAddedByUs";
    public const string DistributionId = "DistributionId";
    public const string DistributionDomainName = "DistributionDomainName";
    public const string DistributionArn = "DistributionArn";
    public const string ChangeId = "ChangeId";
    public const string RecordTypes = "RecordTypes";
    public const string EndpointTestStatus = "EndpointTestStatus";
    public const string EndpointTestLatencyMilliseconds = "EndpointTestLatencyMilliseconds";
    public const string LoadBalancerDeleteRequested = "LoadBalancerDeleteRequested";

    /// <summary>Keys stored before they were renamed to say what they hold, and their current names.</summary>
    private static readonly Dictionary<string, string> FormerNames = new(StringComparer.Ordinal)
    {
        ["Report"] = PreflightReport,
        ["Reused"] = VpcEndpointReused,
        ["Adopted"] = ApiAdopted,
        ["Configured"] = ApiConfigured,
        ["DeploymentId"] = ApiDeploymentId,
        ["DomainName"] = ApiDomainName,
        ["Status"] = EndpointTestStatus,
        ["LatencyMilliseconds"] = EndpointTestLatencyMilliseconds,
        ["DeleteRequested"] = LoadBalancerDeleteRequested,
    };

    /// <summary>
    /// A step's stored outputs under the current names: deployments saved before a rename still tear down and
    /// display as before (the next output the step records saves them under the new names).
    /// </summary>
    public static Dictionary<string, string> UnderCurrentNames(Dictionary<string, string> outputs)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        if (!outputs.Keys.Any(FormerNames.ContainsKey))
        {
            return outputs;
        }

        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in outputs)
        {
            current[FormerNames.GetValueOrDefault(key, key)] = value;
        }

        return current;
    }
}
