using System.Globalization;
using System.Net;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Route53;

public sealed partial class Route53Service
{
    private SandboxResponse ListResourceRecordSets(SandboxRequest request) => _world.Read(world =>
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

    private SandboxResponse ChangeResourceRecordSets(SandboxRequest request)
    {
        var root = Xml.ParseBody(request);
        var batch = root.ChildElement("ChangeBatch") ?? throw new SandboxServiceException("InvalidInput", "ChangeBatch is required.");
        var comment = batch.Child("Comment");
        var changes = batch.ChildElement("Changes")?.ChildElements("Change").Select(ReadChange).ToList() ?? [];
        if (changes.Count == 0)
        {
            throw new SandboxServiceException("InvalidInput", "1 validation error detected: Value '[]' at 'changeBatch.changes' failed to satisfy constraint: Member must have length greater than or equal to 1");
        }

        var change = _world.Write(world =>
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

        return _world.Read(world => Ok(new XElement(Ns + "ChangeResourceRecordSetsResponse", ChangeInfo(change, world.Now))));
    }

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

    private static string RecordOrder(Route53RecordSet record) => ReversedLabels(record.Name) + "\u0000" + record.Type + "\u0000" + record.SetIdentifier;
}
