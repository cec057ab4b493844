using PrivateApiEdge.Sandbox.Services.CertificateManager;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.Services.Route53;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.DataPath;

/// <summary>
/// <see cref="IEdgeNetwork"/> over the world's EC2, ACM and Route 53 parts. Only usable inside
/// <see cref="SandboxWorld.Read{T}"/> or <see cref="SandboxWorld.Write{T}"/>, like the parts themselves.
/// </summary>
public sealed class WorldEdgeNetwork(SandboxWorld world) : IEdgeNetwork
{
    public string AccountId => Seed.SandboxSeed.AccountId;

    private Ec2State Ec2 => world.Part<Ec2State>();

    public SubnetView? FindSubnet(string region, string subnetId) =>
        Ec2.FindSubnet(region, subnetId) is { } subnet && subnet.IsVisible(world.Now)
            ? new SubnetView(subnet.Id, subnet.VpcId, subnet.AvailabilityZone, subnet.CidrBlock)
            : null;

    public SecurityGroupView? FindSecurityGroup(string region, string groupId)
    {
        var group = Ec2.FindSecurityGroup(region, groupId);
        if (group is null)
        {
            return null;
        }

        SecurityGroupRuleView View(Ec2SecurityGroupRule rule) => new(
            rule.IpProtocol, rule.FromPort, rule.ToPort,
            rule.CidrIpv4 is null ? [] : [rule.CidrIpv4],
            rule.ReferencedGroupId is null ? [] : [rule.ReferencedGroupId],
            rule.PrefixListId is null ? [] : [rule.PrefixListId]);
        return new SecurityGroupView(group.Id, group.GroupName, group.VpcId,
            [.. group.Rules.Where(r => !r.IsEgress).Select(View)],
            [.. group.Rules.Where(r => r.IsEgress).Select(View)]);
    }

    public NetworkInterfaceView AllocateNetworkInterface(
        string region, string subnetId, IReadOnlyList<string> securityGroupIds, string description, string requesterId, string ownerResourceId)
    {
        var eni = Ec2.AllocateNetworkInterface(region, AccountId, subnetId, securityGroupIds, description, "interface", requesterId, ownerResourceId, world.Now);
        return new NetworkInterfaceView(eni.Id, eni.PrivateIpAddress, eni.SubnetId);
    }

    public void ReleaseNetworkInterface(string region, string networkInterfaceId) => Ec2.ReleaseNetworkInterface(region, networkInterfaceId);

    public VpcEndpointView? FindVpcEndpointByPrivateIp(string region, string privateIp)
    {
        var ec2 = Ec2;
        var eni = ec2.NetworkInterfaces.FirstOrDefault(n => n.Region == region && n.PrivateIpAddress == privateIp);
        var endpoint = eni is null ? null : ec2.LiveVpcEndpoints(world.Now).FirstOrDefault(e => e.NetworkInterfaceIds.Contains(eni.Id));
        if (endpoint is null)
        {
            return null;
        }

        var ips = endpoint.NetworkInterfaceIds.Select(id => ec2.FindNetworkInterface(region, id)?.PrivateIpAddress).OfType<string>().ToList();
        return new VpcEndpointView(endpoint.Id, endpoint.VpcId, endpoint.ServiceName, endpoint.State(world.Now), [.. endpoint.GroupIds], ips);
    }

    public string EnsureCloudFrontServiceSecurityGroup(string region, string vpcId) =>
        Ec2.EnsureCloudFrontVpcOriginsSecurityGroup(region, AccountId, vpcId, world.Now).Id;

    public void RemoveCloudFrontServiceSecurityGroup(string region, string vpcId) =>
        Ec2.DeleteCloudFrontVpcOriginsSecurityGroup(region, vpcId);

    public string? FindCloudFrontServiceSecurityGroup(string region, string vpcId) =>
        Ec2.FindCloudFrontVpcOriginsSecurityGroup(region, vpcId)?.Id;

    public string? FindPrefixListId(string region, string prefixListName) =>
        Ec2.PrefixLists.FirstOrDefault(p => p.Region == region && p.Name == prefixListName)?.Id;

    public CertificateView? FindCertificate(string certificateArn) =>
        world.Part<AcmState>().Find(certificateArn) is { } certificate
            ? new CertificateView(certificate.Arn, certificate.Region, certificate.StatusAt(world.Now), certificate.DomainName,
                [.. certificate.SubjectAlternativeNames])
            : null;

    public AliasRecordView? FindAliasRecord(string hostName)
    {
        var name = Route53State.NormalizeName(hostName);
        var record = world.Part<Route53State>().HostedZones
            .Where(zone => !zone.PrivateZone && (name == zone.Name || name.EndsWith("." + zone.Name, StringComparison.Ordinal)))
            .OrderByDescending(zone => zone.Name.Length)
            .Take(1)
            .SelectMany(zone => zone.Records)
            .FirstOrDefault(r => r.Name == name && r.Type == "A" && r.AliasTarget is not null);
        return record is null
            ? null
            : new AliasRecordView(record.Name, record.Type, record.AliasTarget!.DnsName.TrimEnd('.'), record.AliasTarget.HostedZoneId);
    }
}
