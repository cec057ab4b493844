using System.Globalization;
using System.Net;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Core.Protocols;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.Route53;

/// <summary>Route 53 (rest-xml, 2013-04-01, global): hosted zones, record sets, change status. Record sets and
/// their change batches are in <c>Route53Service.RecordSets.cs</c>.</summary>
public sealed partial class Route53Service : ISandboxService
{
    public const string Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly XNamespace Ns = Namespace;
    private readonly SandboxWorld _world;
    private readonly RestRouteTable _routes;

    public Route53Service(SandboxWorld world)
    {
        _world = world;
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

    private SandboxResponse ListHostedZones(SandboxRequest request) => _world.Read(world =>
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

    private SandboxResponse GetHostedZone(SandboxRequest request) => _world.Read(world =>
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

    private SandboxResponse ListHostedZonesByName(SandboxRequest request) => _world.Read(world =>
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

    private SandboxResponse GetChange(SandboxRequest request) => _world.Read(world =>
    {
        var id = request.PathParameters["Id"];
        var bare = id[(id.LastIndexOf('/') + 1)..];
        var change = world.Part<Route53State>().Changes.FirstOrDefault(c => c.Id == bare)
            ?? throw new SandboxServiceException("NoSuchChange", $"Could not find resource with ID: {bare}", HttpStatusCode.NotFound);
        return Ok(new XElement(Ns + "GetChangeResponse", ChangeInfo(change, world.Now)));
    });

    private static XElement HostedZone(Route53HostedZone zone) => new(Ns + "HostedZone",
        new XElement(Ns + "Id", "/hostedzone/" + zone.Id),
        new XElement(Ns + "Name", zone.Name),
        new XElement(Ns + "CallerReference", zone.CallerReference),
        new XElement(Ns + "Config",
            zone.Comment is null ? null : new XElement(Ns + "Comment", zone.Comment),
            new XElement(Ns + "PrivateZone", zone.PrivateZone ? "true" : "false")),
        new XElement(Ns + "ResourceRecordSetCount", zone.Records.Count.ToString(CultureInfo.InvariantCulture)));

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

    /// <summary>Route 53 returns <c>*</c> as <c>\052</c>.</summary>
    private static string DisplayName(string name) => name.Replace("*", "\\052", StringComparison.Ordinal);

    private static SandboxResponse Ok(XElement root) => RestXmlProtocol.Ok(HttpStatusCode.OK, root);
}
