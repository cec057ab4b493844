using System.Xml.Linq;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Route53;

/// <summary>Route 53 2013-04-01 over a signed, retrying, metered <see cref="AwsConnection"/>.</summary>
public sealed class Route53Client : IRoute53Client
{
    private const string Version = "2013-04-01";
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private static readonly AwsOperation GetHostedZone = new("GetHostedZone");
    private static readonly AwsOperation ListHostedZonesByName = new("ListHostedZonesByName");
    private static readonly AwsOperation ListResourceRecordSets = new("ListResourceRecordSets");

    // UPSERT sets the same final state however often it is applied.
    private static readonly AwsOperation ChangeUpserts = new("ChangeResourceRecordSets");

    // A resent CREATE/DELETE that already happened fails with InvalidChangeBatch, which would hide the success.
    private static readonly AwsOperation ChangeCreatesOrDeletes = new("ChangeResourceRecordSets", AwsRetryMode.NotIdempotent);
    private static readonly AwsOperation GetChange = new("GetChange");

    private readonly AwsConnection _connection;

    public Route53Client(AwsConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
    }

    public async Task<GetHostedZoneResponse> GetHostedZoneAsync(GetHostedZoneRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/hostedzone/{{Id}}", ("Id", BareId(request.Id))));
        using var response = await _connection.SendAsync(message, GetHostedZone, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetHostedZoneResponse(
            ReadHostedZone(xml.Child("HostedZone") ?? throw new FormatException("GetHostedZone answered without <HostedZone>.")),
            xml.Child("DelegationSet")?.StringList("NameServers", "NameServer") ?? []);
    }

    public async Task<ListHostedZonesByNameResponse> ListHostedZonesByNameAsync(ListHostedZonesByNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path($"{Version}/hostedzonesbyname")
            .Query(("dnsname", request.DnsName), ("hostedzoneid", request.HostedZoneId is null ? null : BareId(request.HostedZoneId)), ("maxitems", AwsUri.Number(request.MaxItems)));
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _connection.SendAsync(message, ListHostedZonesByName, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListHostedZonesByNameResponse(
            xml.ListItems("HostedZones", "HostedZone").Select(ReadHostedZone).ToList(),
            xml.Bool("IsTruncated") ?? false,
            xml.Text("NextDNSName"),
            xml.Text("NextHostedZoneId") is { } next ? BareId(next) : null);
    }

    public async Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(ListResourceRecordSetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = AwsUri.Path($"{Version}/hostedzone/{{Id}}/rrset", ("Id", BareId(request.HostedZoneId))).Query(
            ("name", request.StartRecordName),
            ("type", request.StartRecordType),
            ("identifier", request.StartRecordIdentifier),
            ("maxitems", AwsUri.Number(request.MaxItems)));
        using var message = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await _connection.SendAsync(message, ListResourceRecordSets, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ListResourceRecordSetsResponse(
            xml.ListItems("ResourceRecordSets", "ResourceRecordSet").Select(ReadRecordSet).ToList(),
            xml.Bool("IsTruncated") ?? false,
            xml.Text("NextRecordName"),
            xml.Text("NextRecordType"),
            xml.Text("NextRecordIdentifier"));
    }

    public async Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var batch = request.ChangeBatch;
        var body = new XElement(
            Ns + "ChangeResourceRecordSetsRequest",
            new XElement(
                Ns + "ChangeBatch",
                AwsXml.Optional(Ns + "Comment", batch.Comment),
                new XElement(Ns + "Changes", batch.Changes.Select(change => new XElement(
                    Ns + "Change",
                    new XElement(Ns + "Action", change.Action.ToString().ToUpperInvariant()),
                    WriteRecordSet(change.ResourceRecordSet))))));
        using var message = new HttpRequestMessage(HttpMethod.Post, AwsUri.Path($"{Version}/hostedzone/{{Id}}/rrset/", ("Id", BareId(request.HostedZoneId))))
        {
            Content = AwsXml.ToContent(body),
        };
        var operation = batch.Changes.All(c => c.Action == ChangeAction.Upsert) ? ChangeUpserts : ChangeCreatesOrDeletes;
        using var response = await _connection.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new ChangeResourceRecordSetsResponse(ReadChangeInfo(xml));
    }

    public async Task<GetChangeResponse> GetChangeAsync(GetChangeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var message = new HttpRequestMessage(HttpMethod.Get, AwsUri.Path($"{Version}/change/{{Id}}", ("Id", BareId(request.Id))));
        using var response = await _connection.SendAsync(message, GetChange, cancellationToken).ConfigureAwait(false);
        var xml = await AwsXml.ReadAsync(response, cancellationToken).ConfigureAwait(false);
        return new GetChangeResponse(ReadChangeInfo(xml));
    }

    /// <summary>"/hostedzone/Z1" and "/change/C1" → "Z1", "C1" (the URI label takes the bare id).</summary>
    public static string BareId(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var slash = id.LastIndexOf('/');
        return slash >= 0 ? id[(slash + 1)..] : id;
    }

    private static XElement WriteRecordSet(ResourceRecordSet recordSet) => new(
        Ns + "ResourceRecordSet",
        new XElement(Ns + "Name", recordSet.Name),
        new XElement(Ns + "Type", recordSet.Type),
        AwsXml.Optional(Ns + "SetIdentifier", recordSet.SetIdentifier),
        AwsXml.Optional(Ns + "TTL", recordSet.Ttl),
        recordSet.ResourceRecords.Count == 0
            ? null
            : new XElement(Ns + "ResourceRecords", recordSet.ResourceRecords.Select(value => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", value)))),
        recordSet.AliasTarget is { } alias
            ? new XElement(
                Ns + "AliasTarget",
                new XElement(Ns + "HostedZoneId", alias.HostedZoneId),
                new XElement(Ns + "DNSName", alias.DnsName),
                new XElement(Ns + "EvaluateTargetHealth", AwsXml.FormatBool(alias.EvaluateTargetHealth)))
            : null);

    private static ResourceRecordSet ReadRecordSet(XElement element) => new()
    {
        Name = element.RequiredText("Name"),
        Type = element.RequiredText("Type"),
        SetIdentifier = element.Text("SetIdentifier"),
        Ttl = element.LargeNumber("TTL"),
        ResourceRecords = element.ListItems("ResourceRecords", "ResourceRecord").Select(r => r.RequiredText("Value")).ToList(),
        AliasTarget = element.Child("AliasTarget") is { } alias
            ? new AliasTarget(alias.RequiredText("HostedZoneId"), alias.RequiredText("DNSName"), alias.Bool("EvaluateTargetHealth") ?? false)
            : null,
    };

    private static HostedZone ReadHostedZone(XElement element) => new(
        BareId(element.RequiredText("Id")),
        element.RequiredText("Name"),
        element.RequiredText("CallerReference"),
        element.Child("Config")?.Bool("PrivateZone") ?? false,
        element.Child("Config")?.Text("Comment"),
        element.LargeNumber("ResourceRecordSetCount"));

    private static ChangeInfo ReadChangeInfo(XElement response)
    {
        var info = response.Child("ChangeInfo") ?? throw new FormatException("Route 53 answered without <ChangeInfo>.");
        return new ChangeInfo(BareId(info.RequiredText("Id")), info.RequiredText("Status"), info.Timestamp("SubmittedAt") ?? default, info.Text("Comment"));
    }
}
