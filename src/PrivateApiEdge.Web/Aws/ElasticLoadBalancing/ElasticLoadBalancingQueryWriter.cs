using System.Globalization;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// Turns request records into Query-protocol parameters (<c>Action</c>, <c>Version</c>, <c>Name.member.N</c>
/// lists, <c>Struct.Member</c> nesting), as the ELBv2 model's <c>query</c> protocol prescribes.
/// </summary>
internal static class ElasticLoadBalancingQueryWriter
{
    public const string ApiVersion = "2015-12-01";

    public static IReadOnlyList<KeyValuePair<string, string>> CreateLoadBalancer(CreateLoadBalancerRequest request)
    {
        var query = Start("CreateLoadBalancer");
        query.Add("Name", request.Name);
        query.AddList("Subnets", request.Subnets);
        query.AddList("SecurityGroups", request.SecurityGroups);
        query.AddIfSet("Scheme", request.Scheme);
        query.AddTags(request.Tags);
        query.AddIfSet("Type", request.Type);
        query.AddIfSet("IpAddressType", request.IpAddressType);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeLoadBalancers(DescribeLoadBalancersRequest request)
    {
        var query = Start("DescribeLoadBalancers");
        query.AddList("LoadBalancerArns", request.LoadBalancerArns);
        query.AddList("Names", request.Names);
        query.AddIfSet("Marker", request.Marker);
        query.AddIfSet("PageSize", request.PageSize);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DeleteLoadBalancer(DeleteLoadBalancerRequest request)
    {
        var query = Start("DeleteLoadBalancer");
        query.Add("LoadBalancerArn", request.LoadBalancerArn);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeLoadBalancerAttributes(DescribeLoadBalancerAttributesRequest request)
    {
        var query = Start("DescribeLoadBalancerAttributes");
        query.Add("LoadBalancerArn", request.LoadBalancerArn);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> ModifyLoadBalancerAttributes(ModifyLoadBalancerAttributesRequest request)
    {
        var query = Start("ModifyLoadBalancerAttributes");
        query.Add("LoadBalancerArn", request.LoadBalancerArn);
        for (var i = 0; i < request.Attributes.Count; i++)
        {
            var prefix = Member("Attributes", i);
            query.Add(prefix + ".Key", request.Attributes[i].Key);
            query.Add(prefix + ".Value", request.Attributes[i].Value);
        }

        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> CreateTargetGroup(CreateTargetGroupRequest request)
    {
        var query = Start("CreateTargetGroup");
        query.Add("Name", request.Name);
        query.AddIfSet("Protocol", request.Protocol);
        query.AddIfSet("Port", request.Port);
        query.AddIfSet("VpcId", request.VpcId);
        query.AddIfSet("HealthCheckProtocol", request.HealthCheckProtocol);
        query.AddIfSet("HealthCheckPort", request.HealthCheckPort);
        query.AddIfSet("HealthCheckEnabled", request.HealthCheckEnabled);
        query.AddIfSet("HealthCheckPath", request.HealthCheckPath);
        query.AddIfSet("HealthCheckIntervalSeconds", request.HealthCheckIntervalSeconds);
        query.AddIfSet("HealthCheckTimeoutSeconds", request.HealthCheckTimeoutSeconds);
        query.AddIfSet("HealthyThresholdCount", request.HealthyThresholdCount);
        query.AddIfSet("UnhealthyThresholdCount", request.UnhealthyThresholdCount);
        if (request.Matcher is { } matcher)
        {
            query.AddIfSet("Matcher.HttpCode", matcher.HttpCode);
            query.AddIfSet("Matcher.GrpcCode", matcher.GrpcCode);
        }

        query.AddIfSet("TargetType", request.TargetType);
        query.AddTags(request.Tags);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeTargetGroups(DescribeTargetGroupsRequest request)
    {
        var query = Start("DescribeTargetGroups");
        query.AddIfSet("LoadBalancerArn", request.LoadBalancerArn);
        query.AddList("TargetGroupArns", request.TargetGroupArns);
        query.AddList("Names", request.Names);
        query.AddIfSet("Marker", request.Marker);
        query.AddIfSet("PageSize", request.PageSize);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DeleteTargetGroup(DeleteTargetGroupRequest request)
    {
        var query = Start("DeleteTargetGroup");
        query.Add("TargetGroupArn", request.TargetGroupArn);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> RegisterTargets(RegisterTargetsRequest request) =>
        Targets("RegisterTargets", request.TargetGroupArn, request.Targets);

    public static IReadOnlyList<KeyValuePair<string, string>> DeregisterTargets(DeregisterTargetsRequest request) =>
        Targets("DeregisterTargets", request.TargetGroupArn, request.Targets);

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeTargetHealth(DescribeTargetHealthRequest request) =>
        Targets("DescribeTargetHealth", request.TargetGroupArn, request.Targets);

    public static IReadOnlyList<KeyValuePair<string, string>> CreateListener(CreateListenerRequest request)
    {
        var query = Start("CreateListener");
        query.Add("LoadBalancerArn", request.LoadBalancerArn);
        query.AddIfSet("Protocol", request.Protocol);
        query.AddIfSet("Port", request.Port);
        query.AddIfSet("SslPolicy", request.SslPolicy);
        for (var i = 0; i < request.Certificates.Count; i++)
        {
            var prefix = Member("Certificates", i);
            query.Add(prefix + ".CertificateArn", request.Certificates[i].CertificateArn);
            query.AddIfSet(prefix + ".IsDefault", request.Certificates[i].IsDefault);
        }

        for (var i = 0; i < request.DefaultActions.Count; i++)
        {
            var prefix = Member("DefaultActions", i);
            query.Add(prefix + ".Type", request.DefaultActions[i].Type);
            query.AddIfSet(prefix + ".TargetGroupArn", request.DefaultActions[i].TargetGroupArn);
            query.AddIfSet(prefix + ".Order", request.DefaultActions[i].Order);
        }

        query.AddTags(request.Tags);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeListeners(DescribeListenersRequest request)
    {
        var query = Start("DescribeListeners");
        query.AddIfSet("LoadBalancerArn", request.LoadBalancerArn);
        query.AddList("ListenerArns", request.ListenerArns);
        query.AddIfSet("Marker", request.Marker);
        query.AddIfSet("PageSize", request.PageSize);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DeleteListener(DeleteListenerRequest request)
    {
        var query = Start("DeleteListener");
        query.Add("ListenerArn", request.ListenerArn);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> AddTags(AddTagsRequest request)
    {
        var query = Start("AddTags");
        query.AddList("ResourceArns", request.ResourceArns);
        query.AddTags(request.Tags);
        return query;
    }

    public static IReadOnlyList<KeyValuePair<string, string>> DescribeTags(DescribeTagsRequest request)
    {
        var query = Start("DescribeTags");
        query.AddList("ResourceArns", request.ResourceArns);
        return query;
    }

    private static List<KeyValuePair<string, string>> Targets(string action, string targetGroupArn, IReadOnlyList<TargetDescription> targets)
    {
        var query = Start(action);
        query.Add("TargetGroupArn", targetGroupArn);
        for (var i = 0; i < targets.Count; i++)
        {
            var prefix = Member("Targets", i);
            query.Add(prefix + ".Id", targets[i].Id);
            query.AddIfSet(prefix + ".Port", targets[i].Port);
            query.AddIfSet(prefix + ".AvailabilityZone", targets[i].AvailabilityZone);
        }

        return query;
    }

    private static List<KeyValuePair<string, string>> Start(string action) =>
        [new("Action", action), new("Version", ApiVersion)];

    // Query lists are 1-based: Subnets.member.1, Subnets.member.2...
    private static string Member(string list, int index) => $"{list}.member.{(index + 1).ToString(CultureInfo.InvariantCulture)}";

    private static void Add(this List<KeyValuePair<string, string>> query, string name, string value) => query.Add(new(name, value));

    private static void AddIfSet(this List<KeyValuePair<string, string>> query, string name, string? value)
    {
        if (value is not null)
        {
            query.Add(new(name, value));
        }
    }

    private static void AddIfSet(this List<KeyValuePair<string, string>> query, string name, int? value)
    {
        if (value is { } number)
        {
            query.Add(new(name, number.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static void AddIfSet(this List<KeyValuePair<string, string>> query, string name, bool? value)
    {
        if (value is { } flag)
        {
            query.Add(new(name, flag ? "true" : "false"));
        }
    }

    private static void AddList(this List<KeyValuePair<string, string>> query, string name, IReadOnlyList<string> values)
    {
        for (var i = 0; i < values.Count; i++)
        {
            query.Add(new(Member(name, i), values[i]));
        }
    }

    private static void AddTags(this List<KeyValuePair<string, string>> query, IReadOnlyList<ElbTag> tags)
    {
        for (var i = 0; i < tags.Count; i++)
        {
            var prefix = Member("Tags", i);
            query.Add(prefix + ".Key", tags[i].Key);
            query.AddIfSet(prefix + ".Value", tags[i].Value);
        }
    }
}
