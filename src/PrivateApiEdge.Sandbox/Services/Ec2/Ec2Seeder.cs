using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>Plants the demo VPCs, subnets, internet gateways, default security groups and the CloudFront prefix lists.</summary>
internal sealed class Ec2Seeder(IOptions<SandboxOptions>? options = null) : ISandboxSeeder
{
    public int Order => 0;

    public void Seed(SandboxWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var ec2 = world.Part<Ec2State>();
        var now = world.Now;
        const string Region = SandboxSeed.DefaultRegion;
        var zones = SandboxSeed.AvailabilityZones(Region);

        AddVpc(ec2, SandboxSeed.VpcId, SandboxSeed.VpcCidr, "demo-vpc", dnsHostnames: true, now);
        AddSubnet(ec2, SandboxSeed.SubnetAId, SandboxSeed.VpcId, SandboxSeed.SubnetACidr, zones[0], "demo-private-a", now);
        AddSubnet(ec2, SandboxSeed.SubnetBId, SandboxSeed.VpcId, SandboxSeed.SubnetBCidr, zones[1], "demo-private-b", now);
        AddSubnet(ec2, SandboxSeed.SubnetCId, SandboxSeed.VpcId, SandboxSeed.SubnetCCidr, zones[2], "demo-private-c", now);
        AddInternetGateway(ec2, SandboxSeed.InternetGatewayId, SandboxSeed.VpcId, now);
        AddDefaultSecurityGroup(ec2, SandboxSeed.DefaultSecurityGroupId, SandboxSeed.VpcId, now);
        for (var i = 1; i <= (options?.Value.ExtraDemoSubnets ?? 0); i++)
        {
            AddSubnet(ec2, SandboxSeed.ExtraSubnetId(i), SandboxSeed.VpcId, SandboxSeed.ExtraSubnetCidr(i), zones[i % zones.Count], $"demo-extra-{i}", now);
        }

        AddVpc(ec2, SandboxSeed.VpcWithoutDnsHostnamesId, SandboxSeed.VpcWithoutDnsHostnamesCidr, "trap-no-dns-hostnames", dnsHostnames: false, now);
        AddSubnet(ec2, SandboxSeed.VpcWithoutDnsHostnamesSubnetAId, SandboxSeed.VpcWithoutDnsHostnamesId, "10.30.1.0/24", zones[0], "trap-no-dns-a", now);
        AddSubnet(ec2, SandboxSeed.VpcWithoutDnsHostnamesSubnetBId, SandboxSeed.VpcWithoutDnsHostnamesId, "10.30.2.0/24", zones[1], "trap-no-dns-b", now);
        AddInternetGateway(ec2, SandboxSeed.VpcWithoutDnsHostnamesInternetGatewayId, SandboxSeed.VpcWithoutDnsHostnamesId, now);
        AddDefaultSecurityGroup(ec2, "sg-0d3e000000000d002", SandboxSeed.VpcWithoutDnsHostnamesId, now);

        AddVpc(ec2, SandboxSeed.VpcWithoutInternetGatewayId, SandboxSeed.VpcWithoutInternetGatewayCidr, "trap-no-igw", dnsHostnames: true, now);
        AddSubnet(ec2, SandboxSeed.VpcWithoutInternetGatewaySubnetAId, SandboxSeed.VpcWithoutInternetGatewayId, "10.40.1.0/24", zones[0], "trap-no-igw-a", now);
        AddSubnet(ec2, SandboxSeed.VpcWithoutInternetGatewaySubnetBId, SandboxSeed.VpcWithoutInternetGatewayId, "10.40.2.0/24", zones[1], "trap-no-igw-b", now);
        AddDefaultSecurityGroup(ec2, "sg-0d3e000000000d003", SandboxSeed.VpcWithoutInternetGatewayId, now);

        foreach (var (region, id) in SandboxSeed.CloudFrontOriginFacingPrefixListIds)
        {
            ec2.PrefixLists.Add(new Ec2ManagedPrefixList
            {
                Id = id,
                Arn = $"arn:aws:ec2:{region}:aws:prefix-list/{id}",
                AccountId = "AWS",
                Region = region,
                Name = SandboxSeed.CloudFrontOriginFacingPrefixListName,
                MaxEntries = 55,
                Entries = ["3.172.0.0/18", "13.32.0.0/15", "18.64.0.0/14", "52.84.0.0/15", "64.252.64.0/18", "130.176.0.0/16"],
                CreatedAt = now,
                VisibleAt = now,
                Seeded = true,
            });
        }
    }

    private static void AddVpc(Ec2State ec2, string id, string cidr, string name, bool dnsHostnames, DateTimeOffset now) =>
        ec2.Vpcs.Add(new Ec2Vpc
        {
            Id = id,
            Arn = Arn("vpc", id),
            Region = SandboxSeed.DefaultRegion,
            CidrBlock = cidr,
            EnableDnsSupport = true,
            EnableDnsHostnames = dnsHostnames,
            Tags = [new SandboxTag("Name", name)],
            CreatedAt = now,
            VisibleAt = now,
            Seeded = true,
        });

    private static void AddSubnet(Ec2State ec2, string id, string vpcId, string cidr, (string Name, string ZoneId) zone, string name, DateTimeOffset now) =>
        ec2.Subnets.Add(new Ec2Subnet
        {
            Id = id,
            Arn = Arn("subnet", id),
            Region = SandboxSeed.DefaultRegion,
            VpcId = vpcId,
            CidrBlock = cidr,
            AvailabilityZone = zone.Name,
            AvailabilityZoneId = zone.ZoneId,
            Tags = [new SandboxTag("Name", name)],
            CreatedAt = now,
            VisibleAt = now,
            Seeded = true,
        });

    private static void AddInternetGateway(Ec2State ec2, string id, string vpcId, DateTimeOffset now) =>
        ec2.InternetGateways.Add(new Ec2InternetGateway
        {
            Id = id,
            Arn = Arn("internet-gateway", id),
            Region = SandboxSeed.DefaultRegion,
            AttachedVpcId = vpcId,
            CreatedAt = now,
            VisibleAt = now,
            Seeded = true,
        });

    private static void AddDefaultSecurityGroup(Ec2State ec2, string id, string vpcId, DateTimeOffset now)
    {
        var group = new Ec2SecurityGroup
        {
            Id = id,
            Arn = Arn("security-group", id),
            Region = SandboxSeed.DefaultRegion,
            GroupName = "default",
            Description = "default VPC security group",
            VpcId = vpcId,
            CreatedAt = now,
            VisibleAt = now,
            Seeded = true,
        };
        group.Rules.Add(new Ec2SecurityGroupRule { RuleId = "sgr-" + id[3..], IsEgress = true, IpProtocol = "-1", CidrIpv4 = "0.0.0.0/0" });
        group.Rules.Add(new Ec2SecurityGroupRule
        {
            RuleId = "sgr-" + id[3..^1] + "f",
            IpProtocol = "-1",
            ReferencedGroupId = id,
            ReferencedGroupOwnerId = SandboxSeed.AccountId,
        });
        ec2.SecurityGroups.Add(group);
    }

    private static string Arn(string kind, string id) => $"arn:aws:ec2:{SandboxSeed.DefaultRegion}:{SandboxSeed.AccountId}:{kind}/{id}";
}
