using System.Globalization;
using System.Net;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Route53;

/// <summary>Route 53 (rest-xml, 2013-04-01, global): hosted zones, record sets, change status.</summary>
public sealed class Route53Service : ISandboxService
{
    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly XNamespace Ns = Namespace;
    private readonly RestRouteTable _routes;

    public Route53Service()
    {
        _routes = new RestRouteTable()
            .Add("GET", "/2013-04-01/hostedzone", SandboxOperation.Sync("ListHostedZones", ListHostedZones))
            .Add("GET", "/2013-04-01/hostedzone/{Id}", SandboxOperation.Sync("GetHostedZone", GetHostedZone))
            .Add("GET", "/2013-04-01/hostedzonesbyname", SandboxOperation.Sync("ListHostedZonesByName", ListHostedZonesByName))
            .Add("GET", "/2013-04-01/hostedzone/{Id}/rrset", SandboxOperation.Sync("ListResourceRecordSets", ListResourceRecordSets))
            .Add("POST", "/2013-04-01/hostedzone/{Id}/rrset", SandboxOperation.Sync("ChangeResourceRecordSets", ChangeResourceRecordSets))
            .Add("GET", "/2013-04-01/change/{Id}", SandboxOperation.Sync("GetChange", GetChange));
    }

    public string SigningName => "route53";

    public SandboxProtocol Protocol => SandboxProtocol.RestXml;

    public string XmlNamespace => Namespace;

    public SandboxErrorCode ThrottlingError { get; } = new("Throttling", 400, "Rate exceeded");

    public SandboxOperation? Resolve(SandboxRequest request) => _routes.Match(request);

    private static SandboxResponse ListHostedZones(SandboxRequest request) => request.World.Read(world =>
    {
        var zones = VisibleZones(world, request).OrderBy(z => z.Id, StringComparer.Ordinal).ToList();
        var maxItems = MaxItems(request, 100);
        var marker = request.Query["marker"].ToString();
        var start = string.IsNullOrEmpty(marker) ? 0 : zones.FindIndex(z => z.Id == Route53State.BareZoneId(marker));
        if (start < 0)
        {
            throw new SandboxServiceException("InvalidInput", $"Invalid marker: {marker}");
        }

        var page = zones.Skip(start).Take(maxItems).ToList();
        var truncated = start + page.Count < zones.Count;
        return Ok(new XElement(Ns + "ListHostedZonesResponse",
            new XElement(Ns + "HostedZones", page.Select(HostedZone)),
            new XElement(Ns + "Marker", marker),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            truncated ? new XElement(Ns + "NextMarker", zones[start + page.Count].Id) : null,
            new XElement(Ns + "MaxItems", maxItems.ToString(CultureInfo.InvariantCulture))));
    });

    private static SandboxResponse GetHostedZone(SandboxRequest request) => request.World.Read(world =>
    {
        var zone = Zone(world, request, request.PathParameters["Id"]);
        return Ok(new XElement(Ns + "GetHostedZoneResponse",
            HostedZone(zone),
            zone.PrivateZone
                ? new XElement(Ns + "VPCs", zone.VpcIds.Select(v => new XElement(Ns + "VPC",
                    new XElement(Ns + "VPCRegion", zone.VpcRegion), new XElement(Ns + "VPCId", v))))
                : new XElement(Ns + "DelegationSet",
                    new XElement(Ns + "NameServers", zone.NameServers.Select(n => new XElement(Ns + "NameServer", n.TrimEnd('.')))))));
    });

    private static SandboxResponse ListHostedZonesByName(SandboxRequest request) => request.World.Read(world =>
    {
        var dnsName = request.Query["dnsname"].ToString();
        var hostedZoneId = request.Query["hostedzoneid"].ToString();
        if (hostedZoneId.Length > 0 && dnsName.Length == 0)
        {
            throw new SandboxServiceException("InvalidInput", "The parameter HostedZoneId requires a value for the parameter DNSName.");
        }

        var maxItems = MaxItems(request, 100);
        var zones = VisibleZones(world, request)
            .OrderBy(z => ReversedLabels(z.Name), StringComparer.Ordinal).ThenBy(z => z.Id, StringComparer.Ordinal)
            .ToList();
        var start = 0;
        if (dnsName.Length > 0)
        {
            var key = ReversedLabels(Route53State.NormalizeName(dnsName));
            var bareId = hostedZoneId.Length > 0 ? Route53State.BareZoneId(hostedZoneId) : null;
            start = zones.FindIndex(z =>
            {
                var order = string.CompareOrdinal(ReversedLabels(z.Name), key);
                return order > 0 || (order == 0 && (bareId is null || string.CompareOrdinal(z.Id, bareId) >= 0));
            });
            start = start < 0 ? zones.Count : start;
        }

        var page = zones.Skip(start).Take(maxItems).ToList();
        var truncated = start + page.Count < zones.Count;
        var next = truncated ? zones[start + page.Count] : null;
        return Ok(new XElement(Ns + "ListHostedZonesByNameResponse",
            new XElement(Ns + "HostedZones", page.Select(HostedZone)),
            dnsName.Length > 0 ? new XElement(Ns + "DNSName", dnsName) : null,
            hostedZoneId.Length > 0 ? new XElement(Ns + "HostedZoneId", hostedZoneId) : null,
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            next is null ? null : new XElement(Ns + "NextDNSName", next.Name),
            next is null ? null : new XElement(Ns + "NextHostedZoneId", next.Id),
            new XElement(Ns + "MaxItems", maxItems.ToString(CultureInfo.InvariantCulture))));
    });

    private static SandboxResponse ListResourceRecordSets(SandboxRequest request) => request.World.Read(world =>
    {
        var zone = Zone(world, request, request.PathParameters["Id"]);
        var maxItems = MaxItems(request, 300);
        var startName = request.Query["name"].ToString();
        var startType = request.Query["type"].ToString();
        if (startType.Length > 0 && startName.Length == 0)
        {
            throw new SandboxServiceException("InvalidInput", "The parameter StartRecordType requires a value for the parameter StartRecordName.");
        }

        var records = zone.Records.OrderBy(RecordOrder, StringComparer.Ordinal).ToList();
        var start = 0;
        if (startName.Length > 0)
        {
            var key = ReversedLabels(Route53State.NormalizeName(startName)) + "\u0000" + startType;
            start = records.FindIndex(r => string.CompareOrdinal(RecordOrder(r), key) >= 0);
            start = start < 0 ? records.Count : start;
        }

        var page = records.Skip(start).Take(maxItems).ToList();
        var truncated = start + page.Count < records.Count;
        var next = truncated ? records[start + page.Count] : null;
        return Ok(new XElement(Ns + "ListResourceRecordSetsResponse",
            new XElement(Ns + "ResourceRecordSets", page.Select(RecordSet)),
            new XElement(Ns + "IsTruncated", truncated ? "true" : "false"),
            next is null ? null : new XElement(Ns + "NextRecordName", DisplayName(next.Name)),
            next is null ? null : new XElement(Ns + "NextRecordType", next.Type),
            new XElement(Ns + "MaxItems", maxItems.ToString(CultureInfo.InvariantCulture))));
    });

    private static SandboxResponse ChangeResourceRecordSets(SandboxRequest request)
    {
        var root = Xml.ParseBody(request);
        var batch = root.ChildElement("ChangeBatch") ?? throw new SandboxServiceException("InvalidInput", "ChangeBatch is required.");
        var comment = batch.Child("Comment");
        var changes = batch.ChildElement("Changes")?.ChildElements("Change").Select(ReadChange).ToList() ?? [];
        if (changes.Count == 0)
        {
            throw new SandboxServiceException("InvalidInput", "1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        var change = request.World.Write(world =>
        {
            var zone = Zone(world, request, request.PathParameters["Id"]);
            var working = zone.Records.ToList();
            var errors = new List<string>();
            foreach (var (action, record) in changes)
            {
                Apply(zone, working, action, record, errors);
            }

            if (errors.Count > 0)
            {
                throw new SandboxServiceException("InvalidChangeBatch", "[" + string.Join(", ", errors) + "]");
            }

            zone.Records = working;
            var now = world.Now;
            var submitted = new Route53Change
            {
                Id = "C" + SandboxWorld.NewAlphanumeric(20),
                SubmittedAt = now,
                InsyncAt = now + world.Latency.Of(SandboxLifecycles.Route53Change),
                Comment = comment,
            };
            world.Part<Route53State>().Changes.Add(submitted);
            return submitted;
        });

        return request.World.Read(world => Ok(new XElement(Ns + "ChangeResourceRecordSetsResponse", ChangeInfo(change, world.Now))));
    }

    private static SandboxResponse GetChange(SandboxRequest request) => request.World.Read(world =>
    {
        var id = request.PathParameters["Id"];
        var bare = id[(id.LastIndexOf('/') + 1)..];
        var change = world.Part<Route53State>().Changes.FirstOrDefault(c => c.Id == bare)
            ?? throw new SandboxServiceException("NoSuchChange", $"Could not find resource with ID: {bare}", HttpStatusCode.NotFound);
        return Ok(new XElement(Ns + "GetChangeResponse", ChangeInfo(change, world.Now)));
    });

    private static void Apply(Route53HostedZone zone, List<Route53RecordSet> records, string action, Route53RecordSet record, List<string> errors)
    {
        var name = record.Name;
        if (name != zone.Name && !name.EndsWith("." + zone.Name, StringComparison.Ordinal))
        {
            errors.Add($"RRSet with DNS name {DisplayName(name)} is not permitted in zone {zone.Name}");
            return;
        }

        var existing = records.FirstOrDefault(r => r.Name == name && r.Type == record.Type && r.SetIdentifier == record.SetIdentifier);
        var label = $"[name='{DisplayName(name)}', type='{record.Type}'{(record.SetIdentifier is null ? string.Empty : $", set-identifier='{record.SetIdentifier}'")}]";
        switch (action)
        {
            case "CREATE":
                if (existing is not null)
                {
                    errors.Add($"Tried to create resource record set {label} but it already exists");
                    return;
                }

                if (ValidateContent(zone, records, record, errors))
                {
                    records.Add(record);
                }

                return;
            case "UPSERT":
                if (ValidateContent(zone, records, record, errors))
                {
                    if (existing is not null)
                    {
                        records.Remove(existing);
                    }

                    records.Add(record);
                }

                return;
            case "DELETE":
                if (existing is null)
                {
                    errors.Add($"Tried to delete resource record set {label} but it was not found");
                    return;
                }

                if (!SameContent(existing, record))
                {
                    errors.Add($"Tried to delete resource record set {label} but the values provided do not match the current values");
                    return;
                }

                if (existing.Name == zone.Name && existing.Type is "SOA" or "NS")
                {
                    errors.Add(existing.Type == "SOA"
                        ? "A HostedZone must contain exactly one SOA record."
                        : "A HostedZone must contain at least one NS record for the zone itself.");
                    return;
                }

                records.Remove(existing);
                return;
            default:
                errors.Add($"Invalid action {action}");
                return;
        }
    }

    private static bool ValidateContent(Route53HostedZone zone, List<Route53RecordSet> records, Route53RecordSet record, List<string> errors)
    {
        // A CNAME owns its name: no other type may sit beside it (the zone apex keeps its SOA and NS).
        var conflicting = records
            .FirstOrDefault(r => r.Name == record.Name && r.Type != record.Type && (r.Type == "CNAME" || record.Type == "CNAME"));
        if (conflicting is not null)
        {
            errors.Add($"RRSet of type {record.Type} with DNS name {DisplayName(record.Name)} is not permitted because a conflicting RRSet of type  {conflicting.Type} with the same DNS name already exists in zone {zone.Name}");
            return false;
        }

        if (record.AliasTarget is { } alias)
        {
            if (record.Ttl is not null || record.Values.Count > 0)
            {
                errors.Add($"Alias target with TTL or ResourceRecords is not allowed for {DisplayName(record.Name)}");
                return false;
            }

            var target = Route53State.NormalizeName(alias.DnsName);
            if (alias.HostedZoneId == Seed.SandboxSeed.CloudFrontHostedZoneId && !target.EndsWith(".cloudfront.net.", StringComparison.Ordinal))
            {
                errors.Add($"Tried to create an alias that targets {target}, type {record.Type} in zone {alias.HostedZoneId}, but the alias target name does not lie within the target zone");
                return false;
            }

            if (alias.HostedZoneId == zone.Id && records.All(r => r.Name != target || r.Type != record.Type))
            {
                errors.Add($"Tried to create an alias that targets {target}, type {record.Type} in zone {alias.HostedZoneId}, but that target was not found");
                return false;
            }

            return true;
        }

        if (record.Ttl is null || record.Values.Count == 0)
        {
            errors.Add($"Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], but found none in Change with [Name={DisplayName(record.Name)}, Type={record.Type}, SetIdentifier=null]");
            return false;
        }

        if (record.Type == "A" && record.Values.Any(v => !IPAddress.TryParse(v, out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork))
        {
            errors.Add($"ARRDATAIllegalIPv4Address (Value is not a valid IPv4 address) encountered with '{record.Values[0]}'");
            return false;
        }

        return true;
    }

    /// <summary>DELETE must name the record exactly as it is: TTL, values, alias target.</summary>
    private static bool SameContent(Route53RecordSet existing, Route53RecordSet given)
    {
        if (existing.AliasTarget is { } alias)
        {
            return given.AliasTarget is { } other
                && alias.HostedZoneId == other.HostedZoneId
                && Route53State.NormalizeName(alias.DnsName) == Route53State.NormalizeName(other.DnsName)
                && alias.EvaluateTargetHealth == other.EvaluateTargetHealth;
        }

        return given.AliasTarget is null && existing.Ttl == given.Ttl
            && existing.Values.Order(StringComparer.Ordinal).SequenceEqual(given.Values.Order(StringComparer.Ordinal));
    }

    private static (string Action, Route53RecordSet Record) ReadChange(XElement change)
    {
        var action = change.Child("Action") ?? throw new SandboxServiceException("InvalidInput", "Change.Action is required.");
        var set = change.ChildElement("ResourceRecordSet") ?? throw new SandboxServiceException("InvalidInput", "Change.ResourceRecordSet is required.");
        var record = new Route53RecordSet
        {
            Name = Route53State.NormalizeName(set.Child("Name") ?? throw new SandboxServiceException("InvalidInput", "ResourceRecordSet.Name is required.")),
            Type = set.Child("Type") ?? throw new SandboxServiceException("InvalidInput", "ResourceRecordSet.Type is required."),
            SetIdentifier = set.Child("SetIdentifier"),
            Ttl = set.Child("TTL") is { } ttl ? long.Parse(ttl, CultureInfo.InvariantCulture) : null,
            Values = set.ChildElement("ResourceRecords")?.ChildElements("ResourceRecord").Select(r => r.Child("Value") ?? string.Empty).ToList() ?? [],
        };
        if (set.ChildElement("AliasTarget") is { } alias)
        {
            record.AliasTarget = new Route53AliasTarget
            {
                HostedZoneId = alias.Child("HostedZoneId") ?? string.Empty,
                DnsName = alias.Child("DNSName") ?? string.Empty,
                EvaluateTargetHealth = string.Equals(alias.Child("EvaluateTargetHealth"), "true", StringComparison.OrdinalIgnoreCase),
            };
        }

        return (action, record);
    }

    private static XElement HostedZone(Route53HostedZone zone) => new(Ns + "HostedZone",
        new XElement(Ns + "Id", "/hostedzone/" + zone.Id),
        new XElement(Ns + "Name", zone.Name),
        new XElement(Ns + "CallerReference", zone.CallerReference),
        new XElement(Ns + "Config",
            zone.Comment is null ? null : new XElement(Ns + "Comment", zone.Comment),
            new XElement(Ns + "PrivateZone", zone.PrivateZone ? "true" : "false")),
        new XElement(Ns + "ResourceRecordSetCount", zone.Records.Count.ToString(CultureInfo.InvariantCulture)));

    private static XElement RecordSet(Route53RecordSet record) => new(Ns + "ResourceRecordSet",
        new XElement(Ns + "Name", DisplayName(record.Name)),
        new XElement(Ns + "Type", record.Type),
        record.SetIdentifier is null ? null : new XElement(Ns + "SetIdentifier", record.SetIdentifier),
        record.Ttl is null ? null : new XElement(Ns + "TTL", record.Ttl.Value.ToString(CultureInfo.InvariantCulture)),
        record.Values.Count == 0 ? null : new XElement(Ns + "ResourceRecords", record.Values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))),
        record.AliasTarget is not { } alias ? null : new XElement(Ns + "AliasTarget",
            new XElement(Ns + "HostedZoneId", alias.HostedZoneId),
            new XElement(Ns + "DNSName", Route53State.NormalizeName(alias.DnsName)),
            new XElement(Ns + "EvaluateTargetHealth", alias.EvaluateTargetHealth ? "true" : "false")));

    private static XElement ChangeInfo(Route53Change change, DateTimeOffset now) => new(Ns + "ChangeInfo",
        new XElement(Ns + "Id", "/change/" + change.Id),
        new XElement(Ns + "Status", change.Status(now)),
        new XElement(Ns + "SubmittedAt", Xml.Timestamp(change.SubmittedAt)),
        change.Comment is null ? null : new XElement(Ns + "Comment", change.Comment));

    private static IEnumerable<Route53HostedZone> VisibleZones(SandboxWorld world, SandboxRequest request) =>
        world.Part<Route53State>().HostedZones.Where(z => z.IsVisible(request.Now));

    private static Route53HostedZone Zone(SandboxWorld world, SandboxRequest request, string id) =>
        world.Part<Route53State>().FindZone(id) is { } zone && zone.IsVisible(request.Now)
            ? zone
            : throw new SandboxServiceException("NoSuchHostedZone", $"No hosted zone found with ID: {Route53State.BareZoneId(id)}", HttpStatusCode.NotFound);

    private static int MaxItems(SandboxRequest request, int fallback)
    {
        var text = request.Query["maxitems"].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > 0
            ? Math.Min(value, fallback)
            : throw new SandboxServiceException("InvalidInput", $"Invalid value for parameter maxitems: {text}");
    }

    /// <summary>Route 53 sorts names by their labels from the right: <c>www.example.com.</c> → <c>com.example.www</c>.
    /// Joined with a separator below every name character, so a name sorts before its subdomains.</summary>
    private static string ReversedLabels(string name) =>
        string.Join('\u0001', name.TrimEnd('.').Split('.').Reverse());

    private static string RecordOrder(Route53RecordSet record) => ReversedLabels(record.Name) + "\u0000" + record.Type + "\u0000" + record.SetIdentifier;

    /// <summary>Route 53 returns <c>*</c> as <c>\052</c>.</summary>
    private static string DisplayName(string name) => name.Replace("*", "\\052", StringComparison.Ordinal);

    private static SandboxResponse Ok(XElement root) => RestXmlProtocol.Ok(HttpStatusCode.OK, root);
}
