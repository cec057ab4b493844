using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>EC2 (protocol <c>ec2</c>, API version 2016-11-15): the VPC, security group and VPC endpoint operations.</summary>
public sealed partial class Ec2Service : ISandboxService
{
    private readonly SandboxWorld _world;
    private readonly Dictionary<string, SandboxOperation> _operations;

    public Ec2Service(SandboxWorld world)
    {
        _world = world;
        _operations = new Dictionary<string, Func<SandboxRequest, SandboxResponse>>(StringComparer.Ordinal)
        {
            ["DescribeVpcs"] = DescribeVpcs,
            ["DescribeVpcAttribute"] = DescribeVpcAttribute,
            ["ModifyVpcAttribute"] = ModifyVpcAttribute,
            ["DescribeSubnets"] = DescribeSubnets,
            ["DescribeInternetGateways"] = DescribeInternetGateways,
            ["DescribeAvailabilityZones"] = DescribeAvailabilityZones,
            ["CreateSecurityGroup"] = CreateSecurityGroup,
            ["DescribeSecurityGroups"] = DescribeSecurityGroups,
            ["DeleteSecurityGroup"] = DeleteSecurityGroup,
            ["AuthorizeSecurityGroupIngress"] = r => AuthorizeSecurityGroupRules(r, egress: false),
            ["AuthorizeSecurityGroupEgress"] = r => AuthorizeSecurityGroupRules(r, egress: true),
            ["RevokeSecurityGroupIngress"] = r => RevokeSecurityGroupRules(r, egress: false),
            ["RevokeSecurityGroupEgress"] = r => RevokeSecurityGroupRules(r, egress: true),
            ["DescribeSecurityGroupRules"] = DescribeSecurityGroupRules,
            ["DescribeManagedPrefixLists"] = DescribeManagedPrefixLists,
            ["GetManagedPrefixListEntries"] = GetManagedPrefixListEntries,
            ["CreateVpcEndpoint"] = CreateVpcEndpoint,
            ["DescribeVpcEndpoints"] = DescribeVpcEndpoints,
            ["DeleteVpcEndpoints"] = DeleteVpcEndpoints,
            ["DescribeNetworkInterfaces"] = DescribeNetworkInterfaces,
            ["CreateTags"] = CreateTags,
            ["DeleteTags"] = DeleteTags,
        }.ToDictionary(p => p.Key, p => SandboxOperation.Sync(p.Key, p.Value), StringComparer.Ordinal);
    }

    public string SigningName => "ec2";

    public SandboxProtocol Protocol => SandboxProtocol.Ec2;

    public string XmlNamespace => Ec2Protocol.Namespace;

    public SandboxErrorCode ThrottlingError { get; } = new("RequestLimitExceeded", 503, "Request limit exceeded.");

    public SandboxOperation? Resolve(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Form["Action"] is not { } action || !_operations.TryGetValue(action, out var operation))
        {
            return null;
        }

        Ec2EmptyLists.Refuse(action, request.Form.All);
        return operation;
    }

    private SandboxResponse CreateTags(SandboxRequest request)
    {
        var ids = request.Form.List("ResourceId");
        var tags = request.Form.StructList("Tag").Select(t => new SandboxTag(t.Required("Key"), t["Value"] ?? string.Empty)).ToList();
        _world.Write(world =>
        {
            foreach (var tagList in ids.Select(id => TagListOf(world, request, id)).ToList())
            {
                tagList.RemoveAll(t => tags.Any(n => n.Key == t.Key));
                tagList.AddRange(tags);
            }
        });
        return Ec2Protocol.Ok(request);
    }

    private SandboxResponse DeleteTags(SandboxRequest request)
    {
        var ids = request.Form.List("ResourceId");
        var tags = request.Form.StructList("Tag").Select(t => (Key: t.Required("Key"), Value: t["Value"])).ToList();
        _world.Write(world =>
        {
            foreach (var tagList in ids.Select(id => TagListOf(world, request, id)).ToList())
            {
                // A tag given without a value goes whatever its value; with a value, only on an exact match.
                tagList.RemoveAll(t => tags.Count == 0 || tags.Any(d => d.Key == t.Key && (d.Value is null || d.Value == t.Value)));
            }
        });
        return Ec2Protocol.Ok(request);
    }

    /// <summary>The tags of a resource, or of a security group rule (rules are taggable but live inside their group).</summary>
    private static List<SandboxTag> TagListOf(SandboxWorld world, SandboxRequest request, string id)
    {
        var ec2 = world.Part<Ec2State>();
        if (id.StartsWith("sgr-", StringComparison.Ordinal))
        {
            return ec2.SecurityGroups.Where(g => g.Region == request.Region && g.IsVisible(request.Now))
                .SelectMany(g => g.Rules).FirstOrDefault(r => r.RuleId == id)?.Tags
                ?? throw NotFound(id);
        }

        return ec2.FindTaggable(request.Region, id) is { } resource && resource.IsVisible(request.Now)
            ? resource.Tags
            : throw NotFound(id);
    }

    /// <summary>The NotFound error EC2 gives for an id, by its prefix.</summary>
    internal static SandboxServiceException NotFound(string id)
    {
        var prefix = id.Split('-')[0];
        return prefix switch
        {
            "vpc" => new SandboxServiceException("InvalidVpcID.NotFound", $"The vpc ID '{id}' does not exist"),
            "subnet" => new SandboxServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{id}' does not exist"),
            "sg" => new SandboxServiceException("InvalidGroup.NotFound", $"The security group '{id}' does not exist"),
            "sgr" => new SandboxServiceException("InvalidSecurityGroupRuleId.NotFound", $"The security group rule ID '{id}' does not exist"),
            "igw" => new SandboxServiceException("InvalidInternetGatewayID.NotFound", $"The internetGateway ID '{id}' does not exist"),
            "eni" => new SandboxServiceException("InvalidNetworkInterfaceID.NotFound", $"The networkInterface ID '{id}' does not exist"),
            "vpce" => new SandboxServiceException("InvalidVpcEndpointId.NotFound", $"The Vpc Endpoint Id '{id}' does not exist"),
            "pl" => new SandboxServiceException("InvalidPrefixListID.NotFound", $"The prefix list ID '{id}' does not exist"),
            _ => new SandboxServiceException("InvalidID", $"The ID '{id}' is not valid"),
        };
    }

    private static List<SandboxTag> TagsFor(SandboxRequest request, string resourceType) =>
        request.Form.StructList("TagSpecification")
            .Where(s => string.Equals(s["ResourceType"], resourceType, StringComparison.Ordinal))
            .SelectMany(s => s.StructList("Tag"))
            .Select(t => new SandboxTag(t.Required("Key"), t["Value"] ?? string.Empty))
            .ToList();
}
