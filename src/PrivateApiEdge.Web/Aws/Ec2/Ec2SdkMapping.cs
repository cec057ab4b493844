using Amazon.EC2;
using Amazon.Runtime;
using Sdk = Amazon.EC2.Model;

namespace PrivateApiEdge.Web.Aws.Ec2;

/// <summary>Maps our EC2 records to AWSSDK.EC2 types and back, so <see cref="Ec2Client"/> holds only the operations.</summary>
internal static class Ec2SdkMapping
{
    // AWSSDK.EC2 writes an empty list as a bare "Name=" parameter, and EC2 refuses any request carrying one with
    // 400 InvalidRequest (its query protocol never serialises empty lists: smithy-lang/smithy#2269,
    // aws-sdk-js-v3#6119). So every list we hand the SDK is null when there is nothing in it.
    internal static List<T>? List<T>(IReadOnlyCollection<T> items) => items.Count == 0 ? null : [.. items];

    internal static List<Sdk.Filter>? Filters(IReadOnlyList<Ec2Filter> filters) =>
        filters.Count == 0 ? null : filters.Select(f => new Sdk.Filter { Name = f.Name, Values = List(f.Values) }).ToList();

    internal static List<Sdk.TagSpecification>? TagSpecifications(ResourceType resourceType, IReadOnlyList<Ec2Tag> tags) =>
        tags.Count == 0
            ? null
            : [new Sdk.TagSpecification { ResourceType = resourceType, Tags = tags.Select(t => new Sdk.Tag(t.Key, t.Value)).ToList() }];

    internal static List<Ec2Tag> Tags(List<Sdk.Tag>? tags) => (tags ?? []).Select(t => new Ec2Tag(t.Key, t.Value)).ToList();

    internal static Sdk.IpPermission ToSdk(IpPermission permission) => new()
    {
        IpProtocol = permission.IpProtocol,
        FromPort = permission.FromPort,
        ToPort = permission.ToPort,
        UserIdGroupPairs = permission.UserIdGroupPairs.Count == 0
            ? null
            : permission.UserIdGroupPairs.Select(p => new Sdk.UserIdGroupPair { GroupId = p.GroupId, Description = p.Description }).ToList(),
        PrefixListIds = permission.PrefixListIds.Count == 0
            ? null
            : permission.PrefixListIds.Select(p => new Sdk.PrefixListId { Id = p.Id, Description = p.Description }).ToList(),
        Ipv4Ranges = permission.IpRanges.Count == 0
            ? null
            : permission.IpRanges.Select(r => new Sdk.IpRange { CidrIp = r.CidrIp, Description = r.Description }).ToList(),
    };

    internal static IpPermission FromSdk(Sdk.IpPermission permission) => new()
    {
        IpProtocol = permission.IpProtocol,
        FromPort = permission.FromPort,
        ToPort = permission.ToPort,
        UserIdGroupPairs = (permission.UserIdGroupPairs ?? []).Select(p => new UserIdGroupPair(p.GroupId, p.Description)).ToList(),
        PrefixListIds = (permission.PrefixListIds ?? []).Select(p => new PrefixListId(p.Id, p.Description)).ToList(),
        IpRanges = (permission.Ipv4Ranges ?? []).Select(r => new IpRange(r.CidrIp, r.Description)).ToList(),
    };

    internal static SecurityGroupRule FromSdk(Sdk.SecurityGroupRule rule) => new(
        rule.SecurityGroupRuleId,
        rule.GroupId,
        rule.IsEgress ?? false,
        rule.IpProtocol,
        rule.FromPort,
        rule.ToPort,
        rule.CidrIpv4,
        rule.PrefixListId,
        rule.ReferencedGroupInfo?.GroupId);

    internal static VpcEndpoint FromSdk(Sdk.VpcEndpoint endpoint) => new()
    {
        VpcEndpointId = endpoint.VpcEndpointId,
        VpcEndpointType = endpoint.VpcEndpointType?.Value,
        VpcId = endpoint.VpcId,
        ServiceName = endpoint.ServiceName,
        State = endpoint.State?.Value,
        SubnetIds = endpoint.SubnetIds ?? [],
        SecurityGroupIds = (endpoint.Groups ?? []).Select(g => g.GroupId).ToList(),
        NetworkInterfaceIds = endpoint.NetworkInterfaceIds ?? [],
        DnsEntries = (endpoint.DnsEntries ?? []).Select(d => new DnsEntry(d.DnsName, d.HostedZoneId)).ToList(),
        PrivateDnsEnabled = endpoint.PrivateDnsEnabled ?? false,
        OwnerId = endpoint.OwnerId,
        Tags = Tags(endpoint.Tags),
    };
}
