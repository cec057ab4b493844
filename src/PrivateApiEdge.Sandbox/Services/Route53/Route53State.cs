using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Route53;

public sealed class Route53AliasTarget
{
    public string HostedZoneId { get; set; } = string.Empty;
    public string DnsName { get; set; } = string.Empty;
    public bool EvaluateTargetHealth { get; set; }
}

public sealed class Route53RecordSet
{
    /// <summary>Fully qualified, lower case, with the trailing dot (as Route 53 returns names).</summary>
    public string Name { get; set; } = string.Empty;
    public string Type { get; set; } = string.Empty;
    public string? SetIdentifier { get; set; }
    public long? Ttl { get; set; }
    public List<string> Values { get; set; } = [];
    public Route53AliasTarget? AliasTarget { get; set; }
}

public sealed class Route53HostedZone : SandboxResource
{
    /// <summary>With the trailing dot: <c>demo.example.com.</c></summary>
    public string Name { get; set; } = string.Empty;
    public string CallerReference { get; set; } = string.Empty;
    public string? Comment { get; set; }
    public bool PrivateZone { get; set; }
    public List<string> VpcIds { get; set; } = [];
    public string VpcRegion { get; set; } = string.Empty;
    public List<string> NameServers { get; set; } = [];
    public List<Route53RecordSet> Records { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "route53:hosted-zone";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["name"] = Name,
        ["privateZone"] = PrivateZone ? "true" : "false",
        ["records"] = Records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>A submitted change batch: PENDING until <see cref="InsyncAt"/>, then INSYNC.</summary>
public sealed class Route53Change
{
    public string Id { get; set; } = string.Empty;
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset InsyncAt { get; set; }
    public string? Comment { get; set; }

    public string Status(DateTimeOffset now) => now >= InsyncAt ? "INSYNC" : "PENDING";
}

/// <summary>Route 53's part of the world (global). The data path reads records from it.</summary>
public sealed class Route53State : SandboxStatePart
{
    public List<Route53HostedZone> HostedZones { get; set; } = [];
    public List<Route53Change> Changes { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() =>
        HostedZones.Cast<SandboxResource>().Concat(HostedZones.SelectMany(z => z.Records.Select(r => new Route53RecordSetView(z, r))));

    /// <summary>Accepts the bare id and the <c>/hostedzone/</c> form, as Route 53 does.</summary>
    public Route53HostedZone? FindZone(string id) => HostedZones.FirstOrDefault(z => z.Id == BareZoneId(id));

    public static string BareZoneId(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var slash = id.LastIndexOf('/');
        return slash >= 0 ? id[(slash + 1)..] : id;
    }

    /// <summary>Lower case with the trailing dot; <c>\052</c> (how Route 53 escapes <c>*</c>) becomes <c>*</c>.</summary>
    public static string NormalizeName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.Trim().ToLowerInvariant().Replace("\\052", "*", StringComparison.Ordinal);
        return lower.EndsWith('.') ? lower : lower + ".";
    }
}

/// <summary>A record set seen as a resource, so the inventory shows DNS records a deployment left behind. The zone's
/// own SOA and NS count as seeded when the zone is.</summary>
public sealed class Route53RecordSetView : SandboxResource
{
    public Route53RecordSetView(Route53HostedZone zone, Route53RecordSet record)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(record);
        Zone = zone;
        Record = record;
        Id = $"{zone.Id}/{record.Name}/{record.Type}" + (record.SetIdentifier is null ? string.Empty : "/" + record.SetIdentifier);
        Arn = zone.Arn;
        AccountId = zone.AccountId;
        Region = "global";
        CreatedAt = zone.CreatedAt;
        VisibleAt = zone.VisibleAt;
        Seeded = zone.Seeded && record.Name == zone.Name && record.Type is "SOA" or "NS";
    }

    [JsonIgnore]
    public Route53HostedZone Zone { get; }

    [JsonIgnore]
    public Route53RecordSet Record { get; }

    [JsonIgnore]
    public override string ResourceType => "route53:record-set";

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["zoneId"] = Zone.Id,
        ["name"] = Record.Name,
        ["type"] = Record.Type,
        ["target"] = Record.AliasTarget?.DnsName ?? string.Join(",", Record.Values),
    };
}
