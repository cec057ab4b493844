namespace PrivateApiEdge.Web.Aws.Route53;

// The structures inside Route 53's requests and responses, named as in the model's shapes.
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
