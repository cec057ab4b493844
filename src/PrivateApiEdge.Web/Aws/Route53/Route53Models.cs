namespace PrivateApiEdge.Web.Aws.Route53;

// Shaped like AWSSDK.Route53's types for the operations the portal uses. Ids are returned without their
// "/hostedzone/" or "/change/" prefix, and accepted with or without it.

public sealed record GetHostedZoneRequest(string Id);

public sealed record GetHostedZoneResponse(HostedZone HostedZone, IReadOnlyList<string> NameServers);

public sealed record ListHostedZonesByNameRequest(string? DnsName = null, string? HostedZoneId = null, int? MaxItems = null);

public sealed record ListHostedZonesByNameResponse(IReadOnlyList<HostedZone> HostedZones, bool IsTruncated, string? NextDnsName, string? NextHostedZoneId);

public sealed record ListResourceRecordSetsRequest(string HostedZoneId)
{
    public string? StartRecordName { get; init; }

    public string? StartRecordType { get; init; }

    public string? StartRecordIdentifier { get; init; }

    public int? MaxItems { get; init; }
}

public sealed record ListResourceRecordSetsResponse(
    IReadOnlyList<ResourceRecordSet> ResourceRecordSets,
    bool IsTruncated,
    string? NextRecordName,
    string? NextRecordType,
    string? NextRecordIdentifier);

public sealed record ChangeResourceRecordSetsRequest(string HostedZoneId, ChangeBatch ChangeBatch);

public sealed record ChangeResourceRecordSetsResponse(ChangeInfo ChangeInfo);

public sealed record GetChangeRequest(string Id);

public sealed record GetChangeResponse(ChangeInfo ChangeInfo);
