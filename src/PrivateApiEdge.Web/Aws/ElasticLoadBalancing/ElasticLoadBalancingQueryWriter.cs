using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// Turns request records into Query-protocol forms (<c>Action</c>, <c>Version</c>, <c>Name.member.N</c> lists,
/// <c>Struct.Member</c> nesting), as the ELBv2 model's <c>query</c> protocol prescribes.
/// </summary>
internal static class ElasticLoadBalancingQueryWriter
{
    public const string ApiVersion = "2015-12-01";

    public static AwsQuery CreateLoadBalancer(CreateLoadBalancerRequest request) =>
        Start("CreateLoadBalancer")
            .Add("Name", request.Name)
            .AddList("Subnets", request.Subnets)
            .AddList("SecurityGroups", request.SecurityGroups)
            .Add("Scheme", request.Scheme)
            .AddTags(request.Tags)
            .Add("Type", request.Type)
            .Add("IpAddressType", request.IpAddressType);

    public static AwsQuery DescribeLoadBalancers(DescribeLoadBalancersRequest request) =>
        Start("DescribeLoadBalancers")
            .AddList("LoadBalancerArns", request.LoadBalancerArns)
            .AddList("Names", request.Names)
            .Add("Marker", request.Marker)
            .Add("PageSize", request.PageSize);

    public static AwsQuery DeleteLoadBalancer(DeleteLoadBalancerRequest request) =>
        Start("DeleteLoadBalancer").Add("LoadBalancerArn", request.LoadBalancerArn);

    public static AwsQuery DescribeLoadBalancerAttributes(DescribeLoadBalancerAttributesRequest request) =>
        Start("DescribeLoadBalancerAttributes").Add("LoadBalancerArn", request.LoadBalancerArn);

    public static AwsQuery ModifyLoadBalancerAttributes(ModifyLoadBalancerAttributesRequest request) =>
        Start("ModifyLoadBalancerAttributes")
            .Add("LoadBalancerArn", request.LoadBalancerArn)
            .AddStructureList("Attributes", request.Attributes, static (query, prefix, attribute) => query
                .Add(prefix + ".Key", attribute.Key)
                .Add(prefix + ".Value", attribute.Value));

    public static AwsQuery CreateTargetGroup(CreateTargetGroupRequest request) =>
        Start("CreateTargetGroup")
            .Add("Name", request.Name)
            .Add("Protocol", request.Protocol)
            .Add("Port", request.Port)
            .Add("VpcId", request.VpcId)
            .Add("HealthCheckProtocol", request.HealthCheckProtocol)
            .Add("HealthCheckPort", request.HealthCheckPort)
            .Add("HealthCheckEnabled", request.HealthCheckEnabled)
            .Add("HealthCheckPath", request.HealthCheckPath)
            .Add("HealthCheckIntervalSeconds", request.HealthCheckIntervalSeconds)
            .Add("HealthCheckTimeoutSeconds", request.HealthCheckTimeoutSeconds)
            .Add("HealthyThresholdCount", request.HealthyThresholdCount)
            .Add("UnhealthyThresholdCount", request.UnhealthyThresholdCount)
            .Add("Matcher.HttpCode", request.Matcher?.HttpCode)
            .Add("Matcher.GrpcCode", request.Matcher?.GrpcCode)
            .Add("TargetType", request.TargetType)
            .AddTags(request.Tags);

    public static AwsQuery DescribeTargetGroups(DescribeTargetGroupsRequest request) =>
        Start("DescribeTargetGroups")
            .Add("LoadBalancerArn", request.LoadBalancerArn)
            .AddList("TargetGroupArns", request.TargetGroupArns)
            .AddList("Names", request.Names)
            .Add("Marker", request.Marker)
            .Add("PageSize", request.PageSize);

    public static AwsQuery DeleteTargetGroup(DeleteTargetGroupRequest request) =>
        Start("DeleteTargetGroup").Add("TargetGroupArn", request.TargetGroupArn);

    public static AwsQuery RegisterTargets(RegisterTargetsRequest request) =>
        Targets("RegisterTargets", request.TargetGroupArn, request.Targets);

    public static AwsQuery DeregisterTargets(DeregisterTargetsRequest request) =>
        Targets("DeregisterTargets", request.TargetGroupArn, request.Targets);

    public static AwsQuery DescribeTargetHealth(DescribeTargetHealthRequest request) =>
        Targets("DescribeTargetHealth", request.TargetGroupArn, request.Targets);

    public static AwsQuery CreateListener(CreateListenerRequest request) =>
        Start("CreateListener")
            .Add("LoadBalancerArn", request.LoadBalancerArn)
            .Add("Protocol", request.Protocol)
            .Add("Port", request.Port)
            .Add("SslPolicy", request.SslPolicy)
            .AddStructureList("Certificates", request.Certificates, static (query, prefix, certificate) => query
                .Add(prefix + ".CertificateArn", certificate.CertificateArn)
                .Add(prefix + ".IsDefault", certificate.IsDefault))
            .AddStructureList("DefaultActions", request.DefaultActions, static (query, prefix, action) => query
                .Add(prefix + ".Type", action.Type)
                .Add(prefix + ".TargetGroupArn", action.TargetGroupArn)
                .Add(prefix + ".Order", action.Order))
            .AddTags(request.Tags);

    public static AwsQuery DescribeListeners(DescribeListenersRequest request) =>
        Start("DescribeListeners")
            .Add("LoadBalancerArn", request.LoadBalancerArn)
            .AddList("ListenerArns", request.ListenerArns)
            .Add("Marker", request.Marker)
            .Add("PageSize", request.PageSize);

    public static AwsQuery DeleteListener(DeleteListenerRequest request) =>
        Start("DeleteListener").Add("ListenerArn", request.ListenerArn);

    public static AwsQuery AddTags(AddTagsRequest request) =>
        Start("AddTags").AddList("ResourceArns", request.ResourceArns).AddTags(request.Tags);

    public static AwsQuery DescribeTags(DescribeTagsRequest request) =>
        Start("DescribeTags").AddList("ResourceArns", request.ResourceArns);

    private static AwsQuery Targets(string action, string targetGroupArn, IReadOnlyList<TargetDescription> targets) =>
        Start(action)
            .Add("TargetGroupArn", targetGroupArn)
            .AddStructureList("Targets", targets, static (query, prefix, target) => query
                .Add(prefix + ".Id", target.Id)
                .Add(prefix + ".Port", target.Port)
                .Add(prefix + ".AvailabilityZone", target.AvailabilityZone));

    private static AwsQuery Start(string action) => new(action, ApiVersion);

    private static AwsQuery AddTags(this AwsQuery query, IReadOnlyList<ElbTag> tags) =>
        query.AddStructureList("Tags", tags, static (q, prefix, tag) => q
            .Add(prefix + ".Key", tag.Key)
            .Add(prefix + ".Value", tag.Value));
}
