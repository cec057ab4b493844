using System.Globalization;

namespace PrivateApiEdge.Sandbox.Services.Route53;

/// <summary>Builds hosted zones with the SOA and NS records Route 53 creates for every zone.</summary>
public static class Route53Zones
{
    public static Route53HostedZone NewZone(string id, string domain, string callerReference, bool privateZone, DateTimeOffset now)
    {
        var name = Route53State.NormalizeName(domain);
        var suffix = (Math.Abs(id.GetHashCode(StringComparison.Ordinal)) % 1000).ToString("D3", CultureInfo.InvariantCulture);
        var nameServers = privateZone
            ? new List<string> { "ns-0.awsdns-00.com." }
            : [$"ns-{suffix}.awsdns-10.com.", $"ns-1{suffix}.awsdns-20.org.", $"ns-2{suffix}.awsdns-30.co.uk.", $"ns-5{suffix}.awsdns-40.net."];
        return new Route53HostedZone
        {
            Id = id,
            Arn = $"arn:aws:route53:::hostedzone/{id}",
            Region = "global",
            Name = name,
            CallerReference = callerReference,
            PrivateZone = privateZone,
            NameServers = nameServers,
            Records =
            [
                new Route53RecordSet { Name = name, Type = "NS", Ttl = 172800, Values = nameServers },
                new Route53RecordSet
                {
                    Name = name,
                    Type = "SOA",
                    Ttl = 900,
                    Values = [$"{nameServers[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400"],
                },
            ],
            CreatedAt = now,
            VisibleAt = now,
        };
    }
}
