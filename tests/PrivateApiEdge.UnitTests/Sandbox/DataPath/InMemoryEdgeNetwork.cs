using PrivateApiEdge.Sandbox.DataPath;

namespace PrivateApiEdge.UnitTests.Sandbox.DataPath;

/// <summary>An <see cref="IEdgeNetwork"/> holding only security groups, for the chain rules.</summary>
internal sealed class InMemoryEdgeNetwork : IEdgeNetwork
{
    private readonly Dictionary<string, SecurityGroupView> _groups = new(StringComparer.Ordinal);

    public string AccountId => "111122223333";

    public void Add(string groupId, IReadOnlyList<SecurityGroupRuleView> ingress, IReadOnlyList<SecurityGroupRuleView> egress) =>
        _groups[groupId] = new SecurityGroupView(groupId, groupId, "vpc-1", ingress, egress);

    public static SecurityGroupRuleView Tcp(int port, string? group = null, string? cidr = null, string? prefixList = null) =>
        new("tcp", port, port, cidr is null ? [] : [cidr], group is null ? [] : [group], prefixList is null ? [] : [prefixList]);

    public SecurityGroupView? FindSecurityGroup(string region, string groupId) => _groups.GetValueOrDefault(groupId);

    public SubnetView? FindSubnet(string region, string subnetId) => null;

    public NetworkInterfaceView AllocateNetworkInterface(
        string region, string subnetId, IReadOnlyList<string> securityGroupIds, string description, string requesterId, string ownerResourceId) =>
        throw new InvalidOperationException("The chain rules never allocate interfaces.");

    public void ReleaseNetworkInterface(string region, string networkInterfaceId) =>
        throw new InvalidOperationException("The chain rules never release interfaces.");

    public VpcEndpointView? FindVpcEndpointByPrivateIp(string region, string privateIp) => null;

    public string EnsureCloudFrontServiceSecurityGroup(string region, string vpcId) =>
        throw new InvalidOperationException("The chain rules never create groups.");

    public void RemoveCloudFrontServiceSecurityGroup(string region, string vpcId) =>
        throw new InvalidOperationException("The chain rules never delete groups.");

    public string? FindCloudFrontServiceSecurityGroup(string region, string vpcId) => null;

    public string? FindPrefixListId(string region, string prefixListName) => null;

    public CertificateView? FindCertificate(string certificateArn) => null;

    public AliasRecordView? FindAliasRecord(string hostName) => null;
}
