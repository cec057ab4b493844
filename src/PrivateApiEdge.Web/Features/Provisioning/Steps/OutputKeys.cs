namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Names of step outputs other steps (and teardown, and the UI) read.</summary>
public static class OutputKeys
{
    public const string Account = "Account";
    public const string ReuseVpcEndpointId = "ReuseVpcEndpointId";
    public const string PreflightReport = "Report";
    public const string AlbSecurityGroupId = "AlbSecurityGroupId";
    public const string EndpointSecurityGroupId = "EndpointSecurityGroupId";
    public const string VpcEndpointId = "VpcEndpointId";
    public const string VpcEndpointReused = "Reused";
    public const string ReusedEndpointSecurityGroupIds = "ReusedEndpointSecurityGroupIds";
    public const string EndpointIps = "EndpointIps";
    public const string RestApiId = "RestApiId";
    public const string StageName = "StageName";
    public const string ApiAdopted = "Adopted";
    public const string ApiConfigured = "Configured";
    public const string ApiDeploymentId = "DeploymentId";
    public const string ApiDomainName = "DomainName";
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
    public const string EndpointTestStatus = "Status";
    public const string EndpointTestLatency = "LatencyMilliseconds";
}
