using System.Xml.Linq;
using PrivateApiEdge.Sandbox.State;
using static PrivateApiEdge.Sandbox.Core.Protocols.Ec2Protocol;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>EC2 response shapes, with the model's <c>locationName</c>s.</summary>
internal static class Ec2Shapes
{
    public static XElement TagSet(IEnumerable<SandboxTag> tags) =>
        Set("tagSet", tags, t => [E("key", t.Key), E("value", t.Value)]);

    public static IEnumerable<object?> Vpc(Ec2Vpc vpc) =>
    [
        E("vpcId", vpc.Id),
        E("ownerId", vpc.AccountId),
        E("state", "available"),
        E("cidrBlock", vpc.CidrBlock),
        Set("cidrBlockAssociationSet", [vpc], v =>
            [E("associationId", "vpc-cidr-assoc-" + v.Id[4..]), E("cidrBlock", v.CidrBlock), E("cidrBlockState", E("state", "associated"))]),
        E("dhcpOptionsId", "dopt-" + vpc.Id[4..]),
        E("instanceTenancy", "default"),
        E("isDefault", Bool(vpc.IsDefault)),
        TagSet(vpc.Tags),
    ];

    public static IEnumerable<object?> Subnet(Ec2Subnet subnet, int usedAddresses)
    {
        var cidr = Ipv4Cidr.Parse(subnet.CidrBlock);
        return
        [
            E("subnetId", subnet.Id),
            E("subnetArn", subnet.Arn),
            E("state", "available"),
            E("ownerId", subnet.AccountId),
            E("vpcId", subnet.VpcId),
            E("cidrBlock", subnet.CidrBlock),
            E("availableIpAddressCount", Number(cidr.Size - 5 - usedAddresses)),
            E("availabilityZone", subnet.AvailabilityZone),
            E("availabilityZoneId", subnet.AvailabilityZoneId),
            E("defaultForAz", "false"),
            E("mapPublicIpOnLaunch", "false"),
            E("assignIpv6AddressOnCreation", "false"),
            E("ipv6CidrBlockAssociationSet"),
            TagSet(subnet.Tags),
        ];
    }

    public static IEnumerable<object?> InternetGateway(Ec2InternetGateway gateway) =>
    [
        E("internetGatewayId", gateway.Id),
        E("ownerId", gateway.AccountId),
        Set("attachmentSet", gateway.AttachedVpcId is null ? [] : new[] { gateway.AttachedVpcId }, v => [E("vpcId", v), E("state", "available")]),
        TagSet(gateway.Tags),
    ];

    public static IEnumerable<object?> SecurityGroup(Ec2SecurityGroup group, Func<string, Ec2SecurityGroup?> findGroup) =>
    [
        E("ownerId", group.AccountId),
        E("groupId", group.Id),
        E("groupName", group.GroupName),
        E("groupDescription", group.Description),
        IpPermissions("ipPermissions", group.Rules.Where(r => !r.IsEgress), findGroup),
        IpPermissions("ipPermissionsEgress", group.Rules.Where(r => r.IsEgress), findGroup),
        E("vpcId", group.VpcId),
        E("securityGroupArn", group.Arn),
        TagSet(group.Tags),
    ];

    /// <summary>Rules grouped back into IpPermissions by protocol and port range, as DescribeSecurityGroups shows them.</summary>
    private static XElement IpPermissions(string name, IEnumerable<Ec2SecurityGroupRule> rules, Func<string, Ec2SecurityGroup?> findGroup) =>
        Set(name, rules.GroupBy(r => (r.IpProtocol, r.FromPort, r.ToPort)), permission =>
        [
            E("ipProtocol", permission.Key.IpProtocol),
            permission.Key.IpProtocol == "-1" || permission.Key.FromPort is null ? null : E("fromPort", Number(permission.Key.FromPort.Value)),
            permission.Key.IpProtocol == "-1" || permission.Key.ToPort is null ? null : E("toPort", Number(permission.Key.ToPort.Value)),
            Set("groups", permission.Where(r => r.ReferencedGroupId is not null), r =>
            [
                r.Description is null ? null : E("description", r.Description),
                E("userId", r.ReferencedGroupOwnerId),
                E("groupId", r.ReferencedGroupId),
                findGroup(r.ReferencedGroupId!) is { } peer ? E("groupName", peer.GroupName) : null,
                findGroup(r.ReferencedGroupId!) is { } peerVpc ? E("vpcId", peerVpc.VpcId) : null,
            ]),
            Set("ipRanges", permission.Where(r => r.CidrIpv4 is not null), r =>
                [r.Description is null ? null : E("description", r.Description), E("cidrIp", r.CidrIpv4)]),
            Set("ipv6Ranges", permission.Where(r => r.CidrIpv6 is not null), r =>
                [r.Description is null ? null : E("description", r.Description), E("cidrIpv6", r.CidrIpv6)]),
            Set("prefixListIds", permission.Where(r => r.PrefixListId is not null), r =>
                [r.Description is null ? null : E("description", r.Description), E("prefixListId", r.PrefixListId)]),
        ]);

    public static IEnumerable<object?> SecurityGroupRule(Ec2SecurityGroup group, Ec2SecurityGroupRule rule) =>
    [
        E("securityGroupRuleId", rule.RuleId),
        E("groupId", group.Id),
        E("groupOwnerId", group.AccountId),
        E("isEgress", Bool(rule.IsEgress)),
        E("ipProtocol", rule.IpProtocol),
        E("fromPort", Number(rule.IpProtocol == "-1" ? -1 : rule.FromPort ?? -1)),
        E("toPort", Number(rule.IpProtocol == "-1" ? -1 : rule.ToPort ?? -1)),
        rule.CidrIpv4 is null ? null : E("cidrIpv4", rule.CidrIpv4),
        rule.CidrIpv6 is null ? null : E("cidrIpv6", rule.CidrIpv6),
        rule.PrefixListId is null ? null : E("prefixListId", rule.PrefixListId),
        rule.ReferencedGroupId is null ? null : E("referencedGroupInfo", E("groupId", rule.ReferencedGroupId), E("userId", rule.ReferencedGroupOwnerId)),
        rule.Description is null ? null : E("description", rule.Description),
        TagSet(rule.Tags),
        E("securityGroupRuleArn", $"arn:aws:ec2:{group.Region}:{group.AccountId}:security-group-rule/{rule.RuleId}"),
    ];

    public static IEnumerable<object?> NetworkInterface(Ec2NetworkInterface eni, Func<string, Ec2SecurityGroup?> findGroup)
    {
        var dnsName = $"ip-{eni.PrivateIpAddress.Replace('.', '-')}.{eni.Region}.compute.internal";
        return
        [
            E("networkInterfaceId", eni.Id),
            E("subnetId", eni.SubnetId),
            E("vpcId", eni.VpcId),
            E("availabilityZone", eni.AvailabilityZone),
            E("availabilityZoneId", eni.AvailabilityZoneId),
            E("description", eni.Description),
            E("ownerId", eni.AccountId),
            eni.RequesterId is null ? null : E("requesterId", eni.RequesterId),
            E("requesterManaged", Bool(eni.RequesterManaged)),
            E("status", "in-use"),
            E("macAddress", eni.MacAddress),
            E("privateIpAddress", eni.PrivateIpAddress),
            E("privateDnsName", dnsName),
            E("sourceDestCheck", "true"),
            Set("groupSet", eni.GroupIds, g => [E("groupId", g), E("groupName", findGroup(g)?.GroupName)]),
            Set("privateIpAddressesSet", [eni.PrivateIpAddress], ip => [E("privateIpAddress", ip), E("privateDnsName", dnsName), E("primary", "true")]),
            E("ipv6AddressesSet"),
            E("interfaceType", eni.InterfaceType),
            TagSet(eni.Tags),
        ];
    }

    public static IEnumerable<object?> VpcEndpoint(Ec2VpcEndpoint endpoint, DateTimeOffset now, Func<string, Ec2SecurityGroup?> findGroup) =>
    [
        E("vpcEndpointId", endpoint.Id),
        E("vpcEndpointType", endpoint.VpcEndpointType),
        E("vpcId", endpoint.VpcId),
        E("serviceName", endpoint.ServiceName),
        E("state", endpoint.State(now)),
        E("policyDocument", endpoint.PolicyDocument),
        E("routeTableIdSet"),
        StringSet("subnetIdSet", endpoint.SubnetIds),
        Set("groupSet", endpoint.GroupIds, g => [E("groupId", g), E("groupName", findGroup(g)?.GroupName)]),
        E("ipAddressType", "ipv4"),
        E("dnsOptions", E("dnsRecordIpType", "ipv4")),
        E("privateDnsEnabled", Bool(endpoint.PrivateDnsEnabled)),
        E("requesterManaged", "false"),
        StringSet("networkInterfaceIdSet", endpoint.NetworkInterfaceIds),
        Set("dnsEntrySet", DnsEntries(endpoint), d => [E("dnsName", d.Name), E("hostedZoneId", d.ZoneId)]),
        E("creationTimestamp", Timestamp(endpoint.CreatedAt)),
        TagSet(endpoint.Tags),
        E("ownerId", endpoint.AccountId),
    ];

    /// <summary>The endpoint's DNS names: regional, one per AZ, and (with private DNS) the service's own names.</summary>
    public static IEnumerable<(string Name, string ZoneId)> DnsEntries(Ec2VpcEndpoint endpoint)
    {
        var service = endpoint.ServiceName.Split('.').Last();
        var zone = VpceHostedZoneIds.GetValueOrDefault(endpoint.Region, "Z0SANDBOXVPCE0000000");
        var baseName = $"{endpoint.Id}-{endpoint.DnsSuffix}.{service}.{endpoint.Region}.vpce.amazonaws.com";
        yield return (baseName, zone);
        foreach (var az in endpoint.SubnetIds.Select((_, i) => $"{endpoint.Region}{(char)('a' + i)}"))
        {
            yield return ($"{endpoint.Id}-{endpoint.DnsSuffix}-{az}.{service}.{endpoint.Region}.vpce.amazonaws.com", zone);
        }

        if (endpoint.PrivateDnsEnabled)
        {
            yield return ($"{service}.{endpoint.Region}.amazonaws.com", "ZONEIDPENDING");
            yield return ($"*.{service}.{endpoint.Region}.amazonaws.com", "ZONEIDPENDING");
        }
    }

    /// <summary>The hosted zone ids of the regional <c>vpce.amazonaws.com</c> zones AWS returns in DnsEntries.</summary>
    private static readonly Dictionary<string, string> VpceHostedZoneIds = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "Z7HUB22UULQXV",
        ["eu-west-1"] = "Z38GZ743OKFT7T",
        ["eu-central-1"] = "Z273ZU8SZ5RJPC",
        ["us-west-2"] = "Z1YSA3EXCYUU9Z",
    };
}
