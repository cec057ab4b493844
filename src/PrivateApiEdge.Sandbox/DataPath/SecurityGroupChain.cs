using System.Net;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// Evaluates whether security groups let TCP traffic through, the way EC2 does: a flow needs an egress rule on
/// the sender's groups and an ingress rule on the receiver's groups (stateful, so replies need nothing).
/// </summary>
public static class SecurityGroupChain
{
    public static bool AllowsEgress(
        IEdgeNetwork network,
        string region,
        IEnumerable<string> senderGroupIds,
        int port,
        IReadOnlyList<string> receiverIps,
        IReadOnlyList<string> receiverGroupIds)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(senderGroupIds);
        return senderGroupIds
            .Select(id => network.FindSecurityGroup(region, id))
            .OfType<SecurityGroupView>()
            .SelectMany(group => group.Egress)
            .Any(rule => rule.CoversTcpPort(port) && Admits(rule, receiverIps, receiverGroupIds, prefixListId: null));
    }

    public static bool AllowsIngress(
        IEdgeNetwork network,
        string region,
        IEnumerable<string> receiverGroupIds,
        int port,
        IReadOnlyList<string> senderIps,
        IReadOnlyList<string> senderGroupIds,
        string? senderPrefixListId = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(receiverGroupIds);
        return receiverGroupIds
            .Select(id => network.FindSecurityGroup(region, id))
            .OfType<SecurityGroupView>()
            .SelectMany(group => group.Ingress)
            .Any(rule => rule.CoversTcpPort(port) && Admits(rule, senderIps, senderGroupIds, senderPrefixListId));
    }

    private static bool Admits(
        SecurityGroupRuleView rule, IReadOnlyList<string> peerIps, IReadOnlyList<string> peerGroupIds, string? prefixListId) =>
        rule.GroupIds.Any(peerGroupIds.Contains)
        || (prefixListId is not null && rule.PrefixListIds.Contains(prefixListId))
        || rule.CidrBlocks.Any(cidr => peerIps.Any(ip => CidrContains(cidr, ip)));

    public static bool CidrContains(string cidr, string ip) =>
        IPNetwork.TryParse(cidr, out var network) && IPAddress.TryParse(ip, out var address) && network.Contains(address);
}
