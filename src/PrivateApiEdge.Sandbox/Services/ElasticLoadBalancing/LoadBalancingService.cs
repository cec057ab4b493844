using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.ElasticLoadBalancing;

/// <summary>
/// Elastic Load Balancing v2 (awsQuery, 2015-12-01): application load balancers, target groups, listeners, tags
/// and target health. Its state lives in the world (<see cref="LoadBalancingState"/>); ALB nodes get ENIs in EC2 so
/// security groups in use cannot be deleted. One file per resource (<c>LoadBalancingService.LoadBalancers.cs</c>,
/// <c>.TargetGroups.cs</c>, <c>.TargetHealth.cs</c>, <c>.Listeners.cs</c>, <c>.Tags.cs</c>); what the data path
/// asks is in <c>.DataPath.cs</c>.
/// </summary>
public sealed partial class LoadBalancingService : ISandboxService, ILoadBalancerDirectory
{
    public static readonly XNamespace Ns = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";

    private readonly SandboxWorld _world;
    private readonly WorldEdgeNetwork _network;
    private readonly Dictionary<string, SandboxOperation> _operations;

    public LoadBalancingService(SandboxWorld world)
    {
        _world = world;
        _network = new WorldEdgeNetwork(world);
        _operations = new Dictionary<string, Func<SandboxRequest, XElement>>(StringComparer.Ordinal)
        {
            ["CreateLoadBalancer"] = r => CreateLoadBalancer(r.Form, r.Region, r),
            ["DescribeLoadBalancers"] = r => DescribeLoadBalancers(r.Form, r.Region),
            ["DeleteLoadBalancer"] = r => DeleteLoadBalancer(r.Form),
            ["DescribeLoadBalancerAttributes"] = r => DescribeLoadBalancerAttributes(r.Form),
            ["ModifyLoadBalancerAttributes"] = r => ModifyLoadBalancerAttributes(r.Form),
            ["CreateTargetGroup"] = r => CreateTargetGroup(r.Form, r.Region, r),
            ["DescribeTargetGroups"] = r => DescribeTargetGroups(r.Form, r.Region),
            ["DeleteTargetGroup"] = r => DeleteTargetGroup(r.Form),
            ["ModifyTargetGroup"] = r => ModifyTargetGroup(r.Form),
            ["RegisterTargets"] = r => RegisterTargets(r.Form),
            ["DeregisterTargets"] = r => DeregisterTargets(r.Form),
            ["DescribeTargetHealth"] = r => DescribeTargetHealth(r.Form),
            ["CreateListener"] = r => CreateListener(r.Form, r.Region, r),
            ["DescribeListeners"] = r => DescribeListeners(r.Form),
            ["DeleteListener"] = r => DeleteListener(r.Form),
            ["AddTags"] = r => AddTags(r.Form),
            ["RemoveTags"] = r => RemoveTags(r.Form),
            ["DescribeTags"] = r => DescribeTags(r.Form),
        }.ToDictionary(p => p.Key, p => Operation(p.Key, p.Value), StringComparer.Ordinal);
    }

    public string SigningName => "elasticloadbalancing";

    public SandboxProtocol Protocol => SandboxProtocol.Query;

    public string XmlNamespace => Ns.NamespaceName;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    private LoadBalancingState State => _world.Part<LoadBalancingState>();

    public SandboxOperation? Resolve(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Form["Action"] is { } action && _operations.TryGetValue(action, out var operation) ? operation : null;
    }

    /// <summary>Wraps a handler's <c>&lt;XxxResult&gt;</c> element in the query response, inside a world read
    /// (Describe*) or write.</summary>
    private SandboxOperation Operation(string action, Func<SandboxRequest, XElement> handler) =>
        SandboxOperation.Sync(action, call => action.StartsWith("Describe", StringComparison.Ordinal)
            // Reads take the lock without persisting, so polling never rewrites the state file.
            ? _world.Read(_ => QueryProtocol.Ok(call, Ns, [.. handler(call).Nodes()]))
            : _world.Write(_ => QueryProtocol.Ok(call, Ns, [.. handler(call).Nodes()])));

    private LoadBalancerRecord? FindLoadBalancerResource(string arn) => State.LoadBalancers.FirstOrDefault(lb => lb.Arn == arn);

    private TargetGroupRecord? FindTargetGroupResource(string arn) => State.TargetGroups.FirstOrDefault(tg => tg.Arn == arn);

    private ListenerRecord? FindListenerResource(string arn) => State.Listeners.FirstOrDefault(l => l.Arn == arn);

    private List<string> LoadBalancerArnsOf(string targetGroupArn) =>
        [.. State.Listeners.Where(l => l.ForwardTargetGroupArns.Contains(targetGroupArn)).Select(l => l.LoadBalancerArn).Distinct(StringComparer.Ordinal)];

    private static XElement Member(params object?[] content) =>
        content is [XElement { Name.LocalName: "member" } single] ? single : new XElement(Ns + "member", content);

    private static (List<T> Page, string? NextMarker) Page<T>(List<T> items, QueryParameters p)
    {
        var start = p["Marker"] is { } marker && int.TryParse(marker, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var (page, next) = Paging.Slice(items, start, Math.Clamp(p.Number("PageSize") ?? 400, 1, 400));
        return (page, next?.ToString(CultureInfo.InvariantCulture));
    }

    private static void ValidateName(string name, string what)
    {
        if (name.Length > 32 || !NamePattern().IsMatch(name))
        {
            throw Validation(
                $"{what} name '{name}' can have a maximum of 32 characters, can contain only alphanumeric characters and hyphens, and cannot begin or end with a hyphen");
        }
    }

    private static SandboxServiceException Validation(string message) => new("ValidationError", message);

    private static SandboxServiceException InvalidConfiguration(string message) => new("InvalidConfigurationRequest", message);

    private static SandboxServiceException LoadBalancerNotFound() => new("LoadBalancerNotFound", "One or more load balancers not found");

    private static SandboxServiceException TargetGroupNotFound() => new("TargetGroupNotFound", "One or more target groups not found");

    private static string RandomHex(int length) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(length / 2));

    private static string RandomDigits(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(i => RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10).ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex("^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$")]
    private static partial Regex NamePattern();
}
