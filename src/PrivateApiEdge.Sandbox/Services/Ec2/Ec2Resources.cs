using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Ec2;

public sealed class Ec2Vpc : SandboxResource
{
    public string CidrBlock { get; set; } = string.Empty;
    public bool EnableDnsSupport { get; set; } = true;
    public bool EnableDnsHostnames { get; set; }
    public bool IsDefault { get; set; }

    [JsonIgnore]
    public override string ResourceType => "ec2:vpc";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["cidrBlock"] = CidrBlock,
        ["enableDnsSupport"] = EnableDnsSupport ? "true" : "false",
        ["enableDnsHostnames"] = EnableDnsHostnames ? "true" : "false",
    };
}

public sealed class Ec2Subnet : SandboxResource
{
    public string VpcId { get; set; } = string.Empty;
    public string CidrBlock { get; set; } = string.Empty;
    public string AvailabilityZone { get; set; } = string.Empty;
    public string AvailabilityZoneId { get; set; } = string.Empty;

    [JsonIgnore]
    public override string ResourceType => "ec2:subnet";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["vpcId"] = VpcId,
        ["cidrBlock"] = CidrBlock,
        ["availabilityZone"] = AvailabilityZone,
    };
}

public sealed class Ec2InternetGateway : SandboxResource
{
    public string? AttachedVpcId { get; set; }

    [JsonIgnore]
    public override string ResourceType => "ec2:internet-gateway";
}

/// <summary>One security group rule: one protocol/port range and exactly one peer (CIDR, prefix list or group).</summary>
public sealed class Ec2SecurityGroupRule
{
    public string RuleId { get; set; } = string.Empty;
    public bool IsEgress { get; set; }
    public string IpProtocol { get; set; } = "-1";
    public int? FromPort { get; set; }
    public int? ToPort { get; set; }
    public string? CidrIpv4 { get; set; }
    public string? CidrIpv6 { get; set; }
    public string? PrefixListId { get; set; }
    public string? ReferencedGroupId { get; set; }
    public string? ReferencedGroupOwnerId { get; set; }
    public string? Description { get; set; }
    public List<SandboxTag> Tags { get; set; } = [];

    /// <summary>Same protocol, ports and peer: what AWS calls a duplicate (descriptions do not count).</summary>
    public bool SameAs(Ec2SecurityGroupRule other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return IsEgress == other.IsEgress && IpProtocol == other.IpProtocol
            && (IpProtocol == "-1" || (FromPort == other.FromPort && ToPort == other.ToPort))
            && CidrIpv4 == other.CidrIpv4 && CidrIpv6 == other.CidrIpv6 && PrefixListId == other.PrefixListId
            && ReferencedGroupId == other.ReferencedGroupId;
    }
}

public sealed class Ec2SecurityGroup : SandboxResource
{
    public string GroupName { get; set; } = string.Empty;
    public string Description { get; set; } = string.Empty;
    public string VpcId { get; set; } = string.Empty;
    public List<Ec2SecurityGroupRule> Rules { get; set; } = [];

    /// <summary>
    /// Set on <c>CloudFront-VPCOrigins-Service-SG</c> when CloudFront's own cleanup (after the VPC's last VPC origin)
    /// could not delete it: EC2's error, as AWS would have answered CloudFront. The group then stays in the account.
    /// </summary>
    public string? ServiceCleanupError { get; set; }

    [JsonIgnore]
    public override string ResourceType => "ec2:security-group";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now)
    {
        var facts = new Dictionary<string, string>
        {
            ["groupName"] = GroupName,
            ["vpcId"] = VpcId,
            ["rules"] = Rules.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (ServiceCleanupError is not null)
        {
            facts["serviceCleanupError"] = ServiceCleanupError;
        }

        return facts;
    }
}

public sealed class Ec2NetworkInterface : SandboxResource
{
    public string SubnetId { get; set; } = string.Empty;
    public string VpcId { get; set; } = string.Empty;
    public string AvailabilityZone { get; set; } = string.Empty;
    public string AvailabilityZoneId { get; set; } = string.Empty;
    public string PrivateIpAddress { get; set; } = string.Empty;
    public List<string> GroupIds { get; set; } = [];
    public string Description { get; set; } = string.Empty;

    /// <summary><c>vpc_endpoint</c>, <c>interface</c> (ALB ENIs are plain interfaces owned by ELB)...</summary>
    public string InterfaceType { get; set; } = "interface";
    public string? RequesterId { get; set; }
    public bool RequesterManaged { get; set; }

    /// <summary>What the ENI belongs to (a vpce id, an ALB ARN...), so owners can release theirs.</summary>
    public string? OwnerResourceId { get; set; }
    public string MacAddress { get; set; } = string.Empty;

    [JsonIgnore]
    public override string ResourceType => "ec2:network-interface";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["subnetId"] = SubnetId,
        ["privateIpAddress"] = PrivateIpAddress,
        ["owner"] = OwnerResourceId ?? string.Empty,
    };
}

public sealed class Ec2VpcEndpoint : SandboxResource
{
    public string VpcId { get; set; } = string.Empty;
    public string ServiceName { get; set; } = string.Empty;
    public string VpcEndpointType { get; set; } = "Interface";
    public List<string> SubnetIds { get; set; } = [];
    public List<string> GroupIds { get; set; } = [];
    public List<string> NetworkInterfaceIds { get; set; } = [];
    public bool PrivateDnsEnabled { get; set; }
    public string? ClientToken { get; set; }
    public string PolicyDocument { get; set; } = string.Empty;
    public string DnsSuffix { get; set; } = string.Empty;
    public DateTimeOffset ReadyAt { get; set; }
    public DateTimeOffset? DeletingSince { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }

    [JsonIgnore]
    public override string ResourceType => "ec2:vpc-endpoint";

    /// <summary>pending → available after the create lifecycle; deleting → deleted after the delete lifecycle.</summary>
    public string State(DateTimeOffset now) =>
        DeletedAt is { } deleted ? (now >= deleted ? "deleted" : "deleting")
        : now >= ReadyAt ? "available" : "pending";

    public override bool IsGone(DateTimeOffset now) => State(now) == "deleted";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["vpcId"] = VpcId,
        ["serviceName"] = ServiceName,
        ["state"] = State(now),
    };
}

public sealed class Ec2ManagedPrefixList : SandboxResource
{
    public string Name { get; set; } = string.Empty;
    public string AddressFamily { get; set; } = "IPv4";
    public int MaxEntries { get; set; }
    public List<string> Entries { get; set; } = [];

    /// <summary><c>AWS</c> for AWS-managed lists.</summary>
    public string OwnerId { get; set; } = "AWS";

    [JsonIgnore]
    public override string ResourceType => "ec2:prefix-list";
}

/// <summary>
/// A security group rule seen as a resource of its own (it has an id and tags in EC2), so the inventory shows rules
/// added to groups a deployment does not own, such as CloudFront's service group. Built on the fly; shares the
/// rule's tag list.
/// </summary>
public sealed class Ec2SecurityGroupRuleView : SandboxResource
{
    public Ec2SecurityGroupRuleView(Ec2SecurityGroup group, Ec2SecurityGroupRule rule)
    {
        ArgumentNullException.ThrowIfNull(group);
        ArgumentNullException.ThrowIfNull(rule);
        Group = group;
        Rule = rule;
        Id = rule.RuleId;
        Arn = $"arn:aws:ec2:{group.Region}:{group.AccountId}:security-group-rule/{rule.RuleId}";
        AccountId = group.AccountId;
        Region = group.Region;
        Tags = rule.Tags;
        CreatedAt = group.CreatedAt;
        VisibleAt = group.VisibleAt;
        Seeded = group.Seeded;
    }

    [JsonIgnore]
    public Ec2SecurityGroup Group { get; }

    [JsonIgnore]
    public Ec2SecurityGroupRule Rule { get; }

    [JsonIgnore]
    public override string ResourceType => "ec2:security-group-rule";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["groupId"] = Group.Id,
        ["direction"] = Rule.IsEgress ? "egress" : "ingress",
        ["protocol"] = Rule.IpProtocol,
        ["ports"] = Rule.IpProtocol == "-1" ? "all" : $"{Rule.FromPort}-{Rule.ToPort}",
        ["peer"] = Rule.CidrIpv4 ?? Rule.CidrIpv6 ?? Rule.PrefixListId ?? Rule.ReferencedGroupId ?? string.Empty,
    };
}
