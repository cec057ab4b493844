using System.Diagnostics.CodeAnalysis;

namespace PrivateApiEdge.Web.Aws.Ec2;

// Our own records for what the portal reads from EC2 answers; members named as in the EC2 model.

public sealed record Ec2Tag(string Key, string Value);

/// <summary>One rule set of a security group, as in the model's IpPermission (protocol "-1" means all).</summary>
[SuppressMessage("Naming", "CA1711", Justification = "The EC2 model's shape name; a firewall rule, not a .NET permission.")]
public sealed record IpPermission
{
    public required string IpProtocol { get; init; }

    public int? FromPort { get; init; }

    public int? ToPort { get; init; }

    /// <summary>Source (ingress) or destination (egress) security groups.</summary>
    public IReadOnlyList<UserIdGroupPair> UserIdGroupPairs { get; init; } = [];

    public IReadOnlyList<PrefixListId> PrefixListIds { get; init; } = [];

    public IReadOnlyList<IpRange> IpRanges { get; init; } = [];

    /// <summary>TCP on one port, e.g. 443, from or to another security group.</summary>
    public static IpPermission TcpFromGroup(int port, string groupId, string? description = null) => new()
    {
        IpProtocol = "tcp",
        FromPort = port,
        ToPort = port,
        UserIdGroupPairs = [new UserIdGroupPair(groupId, description)],
    };

    /// <summary>TCP on one port from a managed prefix list (e.g. CloudFront's origin-facing list).</summary>
    public static IpPermission TcpFromPrefixList(int port, string prefixListId, string? description = null) => new()
    {
        IpProtocol = "tcp",
        FromPort = port,
        ToPort = port,
        PrefixListIds = [new PrefixListId(prefixListId, description)],
    };
}

public sealed record UserIdGroupPair(string GroupId, string? Description = null);

public sealed record PrefixListId(string Id, string? Description = null);

public sealed record IpRange(string CidrIp, string? Description = null);

public sealed record Vpc(string VpcId, string? CidrBlock, string? State, bool IsDefault, string? OwnerId, IReadOnlyList<Ec2Tag> Tags);

public sealed record Subnet(
    string SubnetId,
    string? VpcId,
    string? AvailabilityZone,
    string? AvailabilityZoneId,
    string? CidrBlock,
    string? State,
    bool MapPublicIpOnLaunch,
    IReadOnlyList<Ec2Tag> Tags);

public sealed record InternetGatewayAttachment(string? VpcId, string? State);

public sealed record InternetGateway(string InternetGatewayId, IReadOnlyList<InternetGatewayAttachment> Attachments, IReadOnlyList<Ec2Tag> Tags);

public sealed record SecurityGroup(
    string GroupId,
    string? GroupName,
    string? Description,
    string? VpcId,
    string? OwnerId,
    IReadOnlyList<IpPermission> IpPermissions,
    IReadOnlyList<IpPermission> IpPermissionsEgress,
    IReadOnlyList<Ec2Tag> Tags);

/// <summary>A rule EC2 created or revoked; its id lets teardown revoke exactly the rules a deployment added.</summary>
public sealed record SecurityGroupRule(
    string SecurityGroupRuleId,
    string? GroupId,
    bool IsEgress,
    string? IpProtocol,
    int? FromPort,
    int? ToPort,
    string? CidrIpv4,
    string? PrefixListId,
    string? ReferencedGroupId);

public sealed record ManagedPrefixList(string PrefixListId, string? PrefixListName, string? State, string? AddressFamily, int? MaxEntries, string? OwnerId);

public sealed record DnsEntry(string? DnsName, string? HostedZoneId);

public sealed record VpcEndpoint
{
    public required string VpcEndpointId { get; init; }

    public string? VpcEndpointType { get; init; }

    public string? VpcId { get; init; }

    public string? ServiceName { get; init; }

    /// <summary>
    /// <c>Pending</c>, <c>Available</c>, <c>Deleting</c>, <c>Deleted</c>, <c>Failed</c>... as sent: the model spells them
    /// capitalised while live EC2 answers in lower case, so compare ignoring case (see <see cref="IsAvailable"/>).
    /// </summary>
    public string? State { get; init; }

    public bool IsAvailable => string.Equals(State, "available", StringComparison.OrdinalIgnoreCase);

    public IReadOnlyList<string> SubnetIds { get; init; } = [];

    public IReadOnlyList<string> SecurityGroupIds { get; init; } = [];

    public IReadOnlyList<string> NetworkInterfaceIds { get; init; } = [];

    public IReadOnlyList<DnsEntry> DnsEntries { get; init; } = [];

    public bool PrivateDnsEnabled { get; init; }

    public string? OwnerId { get; init; }

    public IReadOnlyList<Ec2Tag> Tags { get; init; } = [];
}

public sealed record NetworkInterface(
    string NetworkInterfaceId,
    string? SubnetId,
    string? VpcId,
    string? AvailabilityZone,
    string? PrivateIpAddress,
    IReadOnlyList<string> PrivateIpAddresses,
    string? Status,
    string? InterfaceType,
    IReadOnlyList<string> SecurityGroupIds);

public sealed record UnsuccessfulItem(string? ResourceId, string? ErrorCode, string? ErrorMessage);
