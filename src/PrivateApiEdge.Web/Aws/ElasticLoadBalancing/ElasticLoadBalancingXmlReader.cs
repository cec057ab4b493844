using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// Reads ELBv2 XML answers: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;</c>, lists as <c>&lt;member&gt;</c>
/// elements. Elements are matched by local name (as the SDKs do), so the model's namespace is not required.
/// </summary>
internal static class ElasticLoadBalancingXmlReader
{
    public static DescribeLoadBalancersResponse DescribeLoadBalancers(XElement xml)
    {
        var result = Result(xml, "DescribeLoadBalancers");
        return new(Members(result, "LoadBalancers").Select(LoadBalancer).ToList(), Text(result, "NextMarker"));
    }

    public static CreateLoadBalancerResponse CreateLoadBalancer(XElement xml) =>
        new(Members(Result(xml, "CreateLoadBalancer"), "LoadBalancers").Select(LoadBalancer).ToList());

    public static DescribeLoadBalancerAttributesResponse DescribeLoadBalancerAttributes(XElement xml) =>
        new(Attributes(Result(xml, "DescribeLoadBalancerAttributes")));

    public static ModifyLoadBalancerAttributesResponse ModifyLoadBalancerAttributes(XElement xml) =>
        new(Attributes(Result(xml, "ModifyLoadBalancerAttributes")));

    public static CreateTargetGroupResponse CreateTargetGroup(XElement xml) =>
        new(Members(Result(xml, "CreateTargetGroup"), "TargetGroups").Select(TargetGroup).ToList());

    public static DescribeTargetGroupsResponse DescribeTargetGroups(XElement xml)
    {
        var result = Result(xml, "DescribeTargetGroups");
        return new(Members(result, "TargetGroups").Select(TargetGroup).ToList(), Text(result, "NextMarker"));
    }

    public static DescribeTargetHealthResponse DescribeTargetHealth(XElement xml) =>
        new(Members(Result(xml, "DescribeTargetHealth"), "TargetHealthDescriptions").Select(TargetHealthDescription).ToList());

    public static CreateListenerResponse CreateListener(XElement xml) =>
        new(Members(Result(xml, "CreateListener"), "Listeners").Select(Listener).ToList());

    public static DescribeListenersResponse DescribeListeners(XElement xml)
    {
        var result = Result(xml, "DescribeListeners");
        return new(Members(result, "Listeners").Select(Listener).ToList(), Text(result, "NextMarker"));
    }

    public static DescribeTagsResponse DescribeTags(XElement xml) =>
        new(Members(Result(xml, "DescribeTags"), "TagDescriptions")
            .Select(d => new TagDescription(Text(d, "ResourceArn") ?? "", Tags(d)))
            .ToList());

    private static XElement Result(XElement root, string action) =>
        root.Child(action + "Result") ?? throw new FormatException($"{action} response has no <{action}Result> element.");

    private static LoadBalancer LoadBalancer(XElement e) => new()
    {
        LoadBalancerArn = Text(e, "LoadBalancerArn") ?? "",
        DnsName = Text(e, "DNSName"),
        CanonicalHostedZoneId = Text(e, "CanonicalHostedZoneId"),
        CreatedTime = e.Timestamp("CreatedTime"),
        LoadBalancerName = Text(e, "LoadBalancerName"),
        Scheme = Text(e, "Scheme"),
        VpcId = Text(e, "VpcId"),
        State = e.Child("State") is { } state
            ? new LoadBalancerState(Text(state, "Code"), Text(state, "Reason"))
            : null,
        Type = Text(e, "Type"),
        AvailabilityZones = Members(e, "AvailabilityZones")
            .Select(z => new AvailabilityZone(Text(z, "ZoneName"), Text(z, "SubnetId")))
            .ToList(),
        SecurityGroups = Members(e, "SecurityGroups").Select(m => m.Value).ToList(),
        IpAddressType = Text(e, "IpAddressType"),
    };

    private static TargetGroup TargetGroup(XElement e) => new()
    {
        TargetGroupArn = Text(e, "TargetGroupArn") ?? "",
        TargetGroupName = Text(e, "TargetGroupName"),
        Protocol = Text(e, "Protocol"),
        Port = Int(e, "Port"),
        VpcId = Text(e, "VpcId"),
        HealthCheckProtocol = Text(e, "HealthCheckProtocol"),
        HealthCheckPort = Text(e, "HealthCheckPort"),
        HealthCheckPath = Text(e, "HealthCheckPath"),
        Matcher = e.Child("Matcher") is { } matcher
            ? new Matcher(Text(matcher, "HttpCode"), Text(matcher, "GrpcCode"))
            : null,
        LoadBalancerArns = Members(e, "LoadBalancerArns").Select(m => m.Value).ToList(),
        TargetType = Text(e, "TargetType"),
    };

    private static TargetHealthDescription TargetHealthDescription(XElement e)
    {
        var target = e.Child("Target");
        var health = e.Child("TargetHealth");
        return new(
            new TargetDescription(target is null ? "" : Text(target, "Id") ?? "", target is null ? null : Int(target, "Port"), target is null ? null : Text(target, "AvailabilityZone")),
            Text(e, "HealthCheckPort"),
            health is null ? null : new TargetHealth(Text(health, "State"), Text(health, "Reason"), Text(health, "Description")));
    }

    private static Listener Listener(XElement e) => new()
    {
        ListenerArn = Text(e, "ListenerArn") ?? "",
        LoadBalancerArn = Text(e, "LoadBalancerArn"),
        Port = Int(e, "Port"),
        Protocol = Text(e, "Protocol"),
        Certificates = Members(e, "Certificates")
            .Select(c => new ListenerCertificate(Text(c, "CertificateArn") ?? "", Bool(c, "IsDefault")))
            .ToList(),
        SslPolicy = Text(e, "SslPolicy"),
        DefaultActions = Members(e, "DefaultActions")
            .Select(a => new ListenerAction(Text(a, "Type") ?? "", Text(a, "TargetGroupArn"), Int(a, "Order")))
            .ToList(),
    };

    private static List<LoadBalancerAttribute> Attributes(XElement result) =>
        Members(result, "Attributes").Select(a => new LoadBalancerAttribute(Text(a, "Key") ?? "", Text(a, "Value") ?? "")).ToList();

    private static List<ElbTag> Tags(XElement parent) =>
        Members(parent, "Tags").Select(t => new ElbTag(Text(t, "Key") ?? "", Text(t, "Value"))).ToList();

    private static IReadOnlyList<XElement> Members(XElement parent, string list) => parent.ListItems(list, "member");

    private static string? Text(XElement parent, string name) => parent.Text(name);

    private static int? Int(XElement parent, string name) => parent.Number(name);

    private static bool? Bool(XElement parent, string name) => parent.Bool(name);
}
