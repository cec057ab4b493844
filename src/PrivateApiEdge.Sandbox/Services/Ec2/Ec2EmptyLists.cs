using System.Text.RegularExpressions;
using PrivateApiEdge.Sandbox.Core;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>
/// EC2's query protocol never serialises an empty list: a list member is only ever <c>Name.1</c>, <c>Name.2</c>...
/// A request carrying the bare list name with an empty value (<c>VpcId=</c>, <c>Filter=</c>, <c>IpPermissions=</c>,
/// as SDKs that serialise empty lists send it) is refused whole with 400 <c>InvalidRequest</c>, before any
/// validation of its own (smithy-lang/smithy#2269, aws-sdk-js-v3#6119, aws-sdk-go-v2#2627).
/// </summary>
internal static partial class Ec2EmptyLists
{
    // The list members of each operation's input (their query names), as in ../shared/aws-api-models/ec2.
    private static readonly Dictionary<string, string[]> TopLevel = new(StringComparer.Ordinal)
    {
        ["DescribeVpcs"] = ["Filter", "VpcId"],
        ["DescribeSubnets"] = ["Filter", "SubnetId"],
        ["DescribeInternetGateways"] = ["Filter", "InternetGatewayId"],
        ["DescribeAvailabilityZones"] = ["Filter", "ZoneName", "ZoneId"],
        ["CreateSecurityGroup"] = ["TagSpecification"],
        ["DescribeSecurityGroups"] = ["Filter", "GroupId", "GroupName"],
        ["AuthorizeSecurityGroupIngress"] = ["IpPermissions", "TagSpecification"],
        ["AuthorizeSecurityGroupEgress"] = ["IpPermissions", "TagSpecification"],
        ["RevokeSecurityGroupIngress"] = ["IpPermissions", "SecurityGroupRuleId"],
        ["RevokeSecurityGroupEgress"] = ["IpPermissions", "SecurityGroupRuleId"],
        ["DescribeSecurityGroupRules"] = ["Filter", "SecurityGroupRuleId"],
        ["DescribeManagedPrefixLists"] = ["Filter", "PrefixListId"],
        ["CreateVpcEndpoint"] = ["RouteTableId", "SubnetId", "SecurityGroupId", "TagSpecification", "SubnetConfiguration"],
        ["DescribeVpcEndpoints"] = ["Filter", "VpcEndpointId"],
        ["DeleteVpcEndpoints"] = ["VpcEndpointId"],
        ["DescribeNetworkInterfaces"] = ["Filter", "NetworkInterfaceId"],
        ["CreateTags"] = ["ResourceId", "Tag"],
        ["DeleteTags"] = ["ResourceId", "Tag"],
    };

    // Lists inside the list structures above (Filter.N.Value, TagSpecification.N.Tag, IpPermissions.N.Groups...).
    private static readonly HashSet<string> Nested = new(StringComparer.Ordinal)
    {
        "Filter.*.Value",
        "TagSpecification.*.Tag",
        "IpPermissions.*.Groups",
        "IpPermissions.*.IpRanges",
        "IpPermissions.*.Ipv6Ranges",
        "IpPermissions.*.PrefixListIds",
    };

    /// <summary>The list parameters of an operation, top-level names and nested paths with <c>*</c> for indexes.</summary>
    internal static IEnumerable<string> ListPaths(string action) =>
        TopLevel.TryGetValue(action, out var names) ? names.Concat(Nested) : Nested;

    /// <summary>Throws EC2's <c>InvalidRequest</c> when a list parameter of the action arrives empty.</summary>
    public static void Refuse(string action, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var lists = ListPaths(action).ToHashSet(StringComparer.Ordinal);
        if (parameters.Any(p => p.Value.Length == 0 && lists.Contains(Index().Replace(p.Key, ".*."))))
        {
            throw new SandboxServiceException("InvalidRequest", "The request received was invalid.");
        }
    }

    [GeneratedRegex(@"\.\d+\.")]
    private static partial Regex Index();
}
