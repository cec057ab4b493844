namespace PrivateApiEdge.Web.Aws.Route53;

// Shaped like AWSSDK.Route53's types for the operations the portal uses. Ids are returned without their
// "/hostedzone/" or "/change/" prefix, and accepted with or without it.

/// <summary>A hosted zone; <see cref="Id"/> is the bare id (Z1D633PJN98FT9).</summary>
public sealed record HostedZone(string Id, string Name, string CallerReference, bool PrivateZone, string? Comment, long? ResourceRecordSetCount);

public sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth)
{
    /// <summary>The hosted zone id every CloudFront distribution alias points into.</summary>
    public const string CloudFrontHostedZoneId = "Z2FDTNDATAQYW2";
}

public sealed record ResourceRecordSet
{
    /// <summary>Fully qualified name; Route 53 answers with a trailing dot (api.example.com.).</summary>
    public required string Name { get; init; }

    /// <summary>A, AAAA, CNAME, TXT, ...</summary>
    public required string Type { get; init; }

    public string? SetIdentifier { get; init; }

    public long? Ttl { get; init; }

    public IReadOnlyList<string> ResourceRecords { get; init; } = [];

    public AliasTarget? AliasTarget { get; init; }
}

public enum ChangeAction
{
    Create,
    Delete,
    Upsert,
}

public sealed record Change(ChangeAction Action, ResourceRecordSet ResourceRecordSet);

public sealed record ChangeBatch(IReadOnlyList<Change> Changes, string? Comment = null);

/// <summary>A submitted change; <see cref="Status"/> is PENDING until every Route 53 server has it (INSYNC).</summary>
public sealed record ChangeInfo(string Id, string Status, DateTimeOffset SubmittedAt, string? Comment)
{
    public bool IsInSync => Status == "INSYNC";
}

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
