using System.Globalization;
using System.Xml.Linq;

namespace PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

/// <summary>
/// Reads ELBv2 XML answers: <c>&lt;{Action}Response&gt;&lt;{Action}Result&gt;</c> in the model's namespace, lists as
/// <c>&lt;member&gt;</c> elements, and <c>&lt;ErrorResponse&gt;</c> for failures.
/// </summary>
internal static class ElasticLoadBalancingXmlReader
{
    public static readonly XNamespace Namespace = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    public static DescribeLoadBalancersResponse DescribeLoadBalancers(string xml)
    {
        var result = Result(xml, "DescribeLoadBalancers");
        return new(Members(result, "LoadBalancers").Select(LoadBalancer).ToList(), Text(result, "NextMarker"));
    }

    public static CreateLoadBalancerResponse CreateLoadBalancer(string xml) =>
        new(Members(Result(xml, "CreateLoadBalancer"), "LoadBalancers").Select(LoadBalancer).ToList());

    public static DescribeLoadBalancerAttributesResponse DescribeLoadBalancerAttributes(string xml) =>
        new(Attributes(Result(xml, "DescribeLoadBalancerAttributes")));

    public static ModifyLoadBalancerAttributesResponse ModifyLoadBalancerAttributes(string xml) =>
        new(Attributes(Result(xml, "ModifyLoadBalancerAttributes")));

    public static CreateTargetGroupResponse CreateTargetGroup(string xml) =>
        new(Members(Result(xml, "CreateTargetGroup"), "TargetGroups").Select(TargetGroup).ToList());

    public static DescribeTargetGroupsResponse DescribeTargetGroups(string xml)
    {
        var result = Result(xml, "DescribeTargetGroups");
        return new(Members(result, "TargetGroups").Select(TargetGroup).ToList(), Text(result, "NextMarker"));
    }

    public static DescribeTargetHealthResponse DescribeTargetHealth(string xml) =>
        new(Members(Result(xml, "DescribeTargetHealth"), "TargetHealthDescriptions").Select(TargetHealthDescription).ToList());

    public static CreateListenerResponse CreateListener(string xml) =>
        new(Members(Result(xml, "CreateListener"), "Listeners").Select(Listener).ToList());

    public static DescribeListenersResponse DescribeListeners(string xml)
    {
        var result = Result(xml, "DescribeListeners");
        return new(Members(result, "Listeners").Select(Listener).ToList(), Text(result, "NextMarker"));
    }

    public static DescribeTagsResponse DescribeTags(string xml) =>
        new(Members(Result(xml, "DescribeTags"), "TagDescriptions")
            .Select(d => new TagDescription(Text(d, "ResourceArn") ?? "", Tags(d)))
            .ToList());

    /// <summary>Reads <c>Code</c>, <c>Message</c> and <c>RequestId</c> from an <c>ErrorResponse</c>; null when the body is not one.</summary>
    public static (string Code, string Message, string? RequestId)? Error(string xml)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml);
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }

        // Match by local name: some proxies and older endpoints answer errors without the namespace.
        var error = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
        if (error is null || string.IsNullOrEmpty(code))
        {
            return null;
        }

        var message = error.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value ?? "";
        var requestId = document.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;
        return (code, message, requestId);
    }

    private static XElement Result(string xml, string action)
    {
        var root = XDocument.Parse(xml).Root
            ?? throw new FormatException($"Empty {action} response.");
        return root.Element(Namespace + action + "Result")
            ?? throw new FormatException($"{action} response has no {action}Result element in {Namespace}.");
    }

    private static LoadBalancer LoadBalancer(XElement e) => new()
    {
        LoadBalancerArn = Text(e, "LoadBalancerArn") ?? "",
        DnsName = Text(e, "DNSName"),
        CanonicalHostedZoneId = Text(e, "CanonicalHostedZoneId"),
        CreatedTime = Text(e, "CreatedTime") is { } created
            ? DateTimeOffset.Parse(created, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null,
        LoadBalancerName = Text(e, "LoadBalancerName"),
        Scheme = Text(e, "Scheme"),
        VpcId = Text(e, "VpcId"),
        State = e.Element(Namespace + "State") is { } state
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
        Matcher = e.Element(Namespace + "Matcher") is { } matcher
            ? new Matcher(Text(matcher, "HttpCode"), Text(matcher, "GrpcCode"))
            : null,
        LoadBalancerArns = Members(e, "LoadBalancerArns").Select(m => m.Value).ToList(),
        TargetType = Text(e, "TargetType"),
    };

    private static TargetHealthDescription TargetHealthDescription(XElement e)
    {
        var target = e.Element(Namespace + "Target");
        var health = e.Element(Namespace + "TargetHealth");
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

    private static IEnumerable<XElement> Members(XElement parent, string list) =>
        parent.Element(Namespace + list)?.Elements(Namespace + "member") ?? [];

    private static string? Text(XElement parent, string name) => parent.Element(Namespace + name)?.Value;

    private static int? Int(XElement parent, string name) =>
        Text(parent, name) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    private static bool? Bool(XElement parent, string name) =>
        Text(parent, name) is { } text ? bool.Parse(text) : null;
}
