using System.Security.Cryptography;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

/// <summary>
/// EC2's part of the world. Other services read it (inside <see cref="SandboxWorld.Read{T}"/>/<c>Write</c>) and use
/// its methods for what AWS services do on their own in a VPC: CloudFront's managed security group, ELB and
/// VPC-endpoint network interfaces.
/// </summary>
public sealed class Ec2State : SandboxStatePart
{
    /// <summary>The tag CloudFront puts on the security group and ENIs it manages for VPC origins.</summary>
    public const string CloudFrontVpcOriginTagKey = "aws.cloudfront.vpcorigin";
    public const string CloudFrontVpcOriginsSecurityGroupName = "CloudFront-VPCOrigins-Service-SG";

    public List<Ec2Vpc> Vpcs { get; set; } = [];
    public List<Ec2Subnet> Subnets { get; set; } = [];
    public List<Ec2InternetGateway> InternetGateways { get; set; } = [];
    public List<Ec2SecurityGroup> SecurityGroups { get; set; } = [];
    public List<Ec2NetworkInterface> NetworkInterfaces { get; set; } = [];
    public List<Ec2VpcEndpoint> VpcEndpoints { get; set; } = [];
    public List<Ec2ManagedPrefixList> PrefixLists { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() =>
        Vpcs.Cast<SandboxResource>().Concat(Subnets).Concat(InternetGateways).Concat(SecurityGroups)
            .Concat(SecurityGroups.SelectMany(g => g.Rules.Select(r => new Ec2SecurityGroupRuleView(g, r))))
            .Concat(NetworkInterfaces).Concat(VpcEndpoints).Concat(PrefixLists);

    public Ec2Vpc? FindVpc(string region, string vpcId) => Vpcs.FirstOrDefault(v => v.Region == region && v.Id == vpcId);

    public Ec2Subnet? FindSubnet(string region, string subnetId) => Subnets.FirstOrDefault(s => s.Region == region && s.Id == subnetId);

    public Ec2SecurityGroup? FindSecurityGroup(string region, string groupId) =>
        SecurityGroups.FirstOrDefault(g => g.Region == region && g.Id == groupId);

    public Ec2NetworkInterface? FindNetworkInterface(string region, string eniId) =>
        NetworkInterfaces.FirstOrDefault(n => n.Region == region && n.Id == eniId);

    /// <summary>The VPC endpoints that still exist (deleted ones linger only until their delete lifecycle ends).</summary>
    public IEnumerable<Ec2VpcEndpoint> LiveVpcEndpoints(DateTimeOffset now) =>
        VpcEndpoints.Where(e => e.State(now) != "deleted");

    /// <summary>Drops endpoints whose delete lifecycle has finished.</summary>
    public void PurgeDeleted(DateTimeOffset now) => VpcEndpoints.RemoveAll(e => e.State(now) == "deleted");

    /// <summary>Creates a security group with AWS's default egress rule (all traffic to 0.0.0.0/0).</summary>
    public Ec2SecurityGroup AddSecurityGroup(string region, string accountId, string vpcId, string name, string description, DateTimeOffset now)
    {
        var id = SandboxWorld.NewId("sg");
        var group = new Ec2SecurityGroup
        {
            Id = id,
            Arn = $"arn:aws:ec2:{region}:{accountId}:security-group/{id}",
            AccountId = accountId,
            Region = region,
            GroupName = name,
            Description = description,
            VpcId = vpcId,
            CreatedAt = now,
            VisibleAt = now,
        };
        group.Rules.Add(new Ec2SecurityGroupRule { RuleId = SandboxWorld.NewId("sgr"), IsEgress = true, IpProtocol = "-1", CidrIpv4 = "0.0.0.0/0" });
        SecurityGroups.Add(group);
        return group;
    }

    /// <summary>
    /// What CloudFront does with the first VPC origin in a VPC: creates <c>CloudFront-VPCOrigins-Service-SG</c>
    /// tagged <c>aws.cloudfront.vpcorigin=enabled</c> (no ingress rules; the customer adds the prefix-list rule).
    /// Returns the existing group when there is one.
    /// </summary>
    public Ec2SecurityGroup EnsureCloudFrontVpcOriginsSecurityGroup(string region, string accountId, string vpcId, DateTimeOffset now)
    {
        var existing = FindCloudFrontVpcOriginsSecurityGroup(region, vpcId);
        if (existing is not null)
        {
            // A group a failed cleanup left behind is CloudFront's again once a new VPC origin uses it.
            existing.ServiceCleanupError = null;
            return existing;
        }

        var group = AddSecurityGroup(region, accountId, vpcId, CloudFrontVpcOriginsSecurityGroupName,
            "CloudFront VPC Origins Service security group", now);
        group.Tags.Add(new SandboxTag(CloudFrontVpcOriginTagKey, "enabled"));
        return group;
    }

    public Ec2SecurityGroup? FindCloudFrontVpcOriginsSecurityGroup(string region, string vpcId) =>
        SecurityGroups.FirstOrDefault(g => g.Region == region && g.VpcId == vpcId
            && g.GroupName == CloudFrontVpcOriginsSecurityGroupName && g.Tag(CloudFrontVpcOriginTagKey) == "enabled");

    /// <summary>
    /// What CloudFront does after the last VPC origin in a VPC is gone: deletes its group, through EC2's own rules.
    /// EC2 refuses to delete a group that another group's rule references (<c>DependencyViolation</c>), so while a
    /// customer rule still points at it the group stays, marked with the error CloudFront got; returns false then.
    /// </summary>
    public bool DeleteCloudFrontVpcOriginsSecurityGroup(string region, string vpcId)
    {
        var group = FindCloudFrontVpcOriginsSecurityGroup(region, vpcId);
        if (group is null)
        {
            return false;
        }

        if (DependencyViolation(group) is { } error)
        {
            group.ServiceCleanupError = $"DependencyViolation: {error}";
            return false;
        }

        return SecurityGroups.Remove(group);
    }

    /// <summary>EC2's message when <paramref name="group"/> cannot be deleted because a network interface uses it or
    /// another group's rule references it; null when it can go.</summary>
    public string? DependencyViolation(Ec2SecurityGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        var inUse = NetworkInterfaces.Any(n => n.GroupIds.Contains(group.Id))
            || SecurityGroups.Any(g => g.Id != group.Id && g.Rules.Any(r => r.ReferencedGroupId == group.Id));
        return inUse ? $"resource {group.Id} has a dependent object" : null;
    }

    /// <summary>
    /// Creates a network interface with a free private IP of the subnet, as AWS services do for their own
    /// resources (ALB nodes, endpoint ENIs). <paramref name="ownerResourceId"/> ties it to that resource.
    /// </summary>
    public Ec2NetworkInterface AllocateNetworkInterface(
        string region, string accountId, string subnetId, IEnumerable<string> groupIds, string description,
        string interfaceType, string? requesterId, string ownerResourceId, DateTimeOffset now)
    {
        var subnet = FindSubnet(region, subnetId)
            ?? throw new SandboxServiceException("InvalidSubnetID.NotFound", $"The subnet ID '{subnetId}' does not exist");
        var used = NetworkInterfaces.Where(n => n.SubnetId == subnet.Id).Select(n => n.PrivateIpAddress).ToHashSet(StringComparer.Ordinal);
        var free = Ipv4Cidr.Parse(subnet.CidrBlock).UsableAddresses().Where(a => !used.Contains(a)).Take(64).ToList();
        if (free.Count == 0)
        {
            throw new SandboxServiceException("InsufficientFreeAddressesInSubnet", $"Insufficient free IP addresses in subnet '{subnet.Id}'.");
        }

        var id = SandboxWorld.NewId("eni");
        var eni = new Ec2NetworkInterface
        {
            Id = id,
            Arn = $"arn:aws:ec2:{region}:{accountId}:network-interface/{id}",
            AccountId = accountId,
            Region = region,
            SubnetId = subnet.Id,
            VpcId = subnet.VpcId,
            AvailabilityZone = subnet.AvailabilityZone,
            AvailabilityZoneId = subnet.AvailabilityZoneId,
            PrivateIpAddress = free[RandomNumberGenerator.GetInt32(free.Count)],
            GroupIds = [.. groupIds],
            Description = description,
            InterfaceType = interfaceType,
            RequesterId = requesterId,
            RequesterManaged = requesterId is not null,
            OwnerResourceId = ownerResourceId,
            MacAddress = "02:" + string.Join(':', Enumerable.Range(0, 5).Select(_ => SandboxWorld.NewHex(2))),
            CreatedAt = now,
            VisibleAt = now,
        };
        NetworkInterfaces.Add(eni);
        return eni;
    }

    public bool ReleaseNetworkInterface(string region, string eniId) =>
        NetworkInterfaces.RemoveAll(n => n.Region == region && n.Id == eniId) > 0;

    /// <summary>Releases every ENI created for a resource (an ALB, an endpoint).</summary>
    public int ReleaseNetworkInterfacesOf(string ownerResourceId) =>
        NetworkInterfaces.RemoveAll(n => n.OwnerResourceId == ownerResourceId);

    /// <summary>Every resource in a region carrying tags: what CreateTags/DeleteTags may address.</summary>
    public SandboxResource? FindTaggable(string region, string resourceId) =>
        Resources().FirstOrDefault(r => r.Id == resourceId && (r.Region == region || r.Region == "global"));
}
