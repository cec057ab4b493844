using System.Net;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Route53;

namespace PrivateApiEdge.UnitTests.Aws.Route53;

public sealed class Route53ClientTests : IDisposable
{
    private const string Ns = "https://route53.amazonaws.com/doc/2013-04-01/";
    private static readonly AwsModel Model = AwsModel.Load("route53");
    private readonly AwsTestPipeline _pipeline = new();
    private readonly Route53Client _client;

    public Route53ClientTests()
    {
        _client = new Route53Client(_pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.Route53));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _pipeline.Dispose();

    private void Respond(HttpStatusCode status, string body, string? operation = null)
    {
        if (operation is not null)
        {
            Model.Operation(operation).AssertResponseConforms(body);
        }

        _pipeline.Transport.Respond(status, body);
    }

    private void AssertConforms(string operation, int request = 0)
    {
        var recorded = _pipeline.Transport.Requests[request];
        Model.Operation(operation).AssertRequestConforms(recorded.Message, recorded.Body);
        if (!string.IsNullOrEmpty(recorded.Body))
        {
            Model.Operation(operation).AssertRequestMemberOrder(recorded.Body);
        }
    }

    private static string Zone(string id, string name, bool isPrivate = false) =>
        $"<HostedZone><Id>/hostedzone/{id}</Id><Name>{name}</Name><CallerReference>ref-{id}</CallerReference><Config><Comment>zone</Comment><PrivateZone>{(isPrivate ? "true" : "false")}</PrivateZone></Config><ResourceRecordSetCount>4</ResourceRecordSetCount></HostedZone>";

    private static string ChangeInfo(string status) =>
        $"<ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>{status}</Status><SubmittedAt>2026-11-25T01:20:00.000Z</SubmittedAt><Comment>pae</Comment></ChangeInfo>";

    private static string Error(string code, string message) =>
        $"""<?xml version="1.0"?><ErrorResponse xmlns="{Ns}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>r-{code}</RequestId></ErrorResponse>""";

    [Fact]
    public async Task GetHostedZone_accepts_a_prefixed_id_and_reads_the_zone_and_name_servers()
    {
        Respond(HttpStatusCode.OK, $"""<GetHostedZoneResponse xmlns="{Ns}">{Zone("Z1D633PJN98FT9", "example.com.")}<DelegationSet><NameServers><NameServer>ns-1.awsdns-01.org</NameServer><NameServer>ns-2.awsdns-02.com</NameServer></NameServers></DelegationSet></GetHostedZoneResponse>""", "GetHostedZone");

        var zone = await _client.GetHostedZoneAsync(new GetHostedZoneRequest("/hostedzone/Z1D633PJN98FT9"), Ct);

        AssertConforms("GetHostedZone");
        Assert.Equal("/2013-04-01/hostedzone/Z1D633PJN98FT9", _pipeline.Transport.OnlyRequest.Message.RequestUri!.AbsolutePath);
        Assert.Equal(new HostedZone("Z1D633PJN98FT9", "example.com.", "ref-Z1D633PJN98FT9", false, "zone", 4), zone.HostedZone);
        Assert.Equal(["ns-1.awsdns-01.org", "ns-2.awsdns-02.com"], zone.NameServers);
        Assert.Contains("/us-east-1/route53/aws4_request", Assert.Single(_pipeline.Transport.OnlyRequest.Message.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHostedZone_of_an_unknown_zone_fails_with_NoSuchHostedZone()
    {
        _pipeline.Transport.Respond(HttpStatusCode.NotFound, Error("NoSuchHostedZone", "No hosted zone found with ID: Z9"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.GetHostedZoneAsync(new GetHostedZoneRequest("Z9"), Ct));

        Assert.Equal(("NoSuchHostedZone", HttpStatusCode.NotFound, "r-NoSuchHostedZone"), (error.ErrorCode, error.StatusCode, error.RequestId));
    }

    [Fact]
    public async Task ListAllHostedZonesByName_pages_with_next_dns_name_and_zone_id()
    {
        Respond(HttpStatusCode.OK, $"""<ListHostedZonesByNameResponse xmlns="{Ns}"><HostedZones>{Zone("Z1", "example.com.")}{Zone("Z2", "example.com.", isPrivate: true)}</HostedZones><DNSName>example.com</DNSName><IsTruncated>true</IsTruncated><NextDNSName>example.org.</NextDNSName><NextHostedZoneId>/hostedzone/Z3</NextHostedZoneId><MaxItems>2</MaxItems></ListHostedZonesByNameResponse>""", "ListHostedZonesByName");
        Respond(HttpStatusCode.OK, $"""<ListHostedZonesByNameResponse xmlns="{Ns}"><HostedZones>{Zone("Z3", "example.org.")}</HostedZones><IsTruncated>false</IsTruncated><MaxItems>2</MaxItems></ListHostedZonesByNameResponse>""", "ListHostedZonesByName");

        var zones = await _client.ListAllHostedZonesByNameAsync(new ListHostedZonesByNameRequest("example.com"), Ct).ToListAsync(Ct);

        Assert.Equal(["Z1", "Z2", "Z3"], zones.Select(z => z.Id));
        Assert.True(zones[1].PrivateZone);
        AssertConforms("ListHostedZonesByName", 0);
        AssertConforms("ListHostedZonesByName", 1);
        Assert.Equal("?dnsname=example.com", _pipeline.Transport.Requests[0].Message.RequestUri!.Query);
        Assert.Equal("?dnsname=example.org.&hostedzoneid=Z3", _pipeline.Transport.Requests[1].Message.RequestUri!.Query);
    }

    [Fact]
    public async Task ListAllResourceRecordSets_pages_with_name_type_and_identifier_and_reads_alias_targets()
    {
        Respond(HttpStatusCode.OK, $"""<ListResourceRecordSetsResponse xmlns="{Ns}"><ResourceRecordSets><ResourceRecordSet><Name>api.example.com.</Name><Type>A</Type><AliasTarget><HostedZoneId>Z2FDTNDATAQYW2</HostedZoneId><DNSName>d111111abcdef8.cloudfront.net.</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget></ResourceRecordSet></ResourceRecordSets><IsTruncated>true</IsTruncated><NextRecordName>api.example.com.</NextRecordName><NextRecordType>AAAA</NextRecordType><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>""", "ListResourceRecordSets");
        Respond(HttpStatusCode.OK, $"""<ListResourceRecordSetsResponse xmlns="{Ns}"><ResourceRecordSets><ResourceRecordSet><Name>www.example.com.</Name><Type>CNAME</Type><TTL>300</TTL><ResourceRecords><ResourceRecord><Value>example.net</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>1</MaxItems></ListResourceRecordSetsResponse>""", "ListResourceRecordSets");

        var records = await _client.ListAllResourceRecordSetsAsync(new ListResourceRecordSetsRequest("Z1") { StartRecordName = "api.example.com", MaxItems = 1 }, Ct).ToListAsync(Ct);

        AssertConforms("ListResourceRecordSets", 0);
        AssertConforms("ListResourceRecordSets", 1);
        Assert.Equal("?name=api.example.com.&type=AAAA&maxitems=1", _pipeline.Transport.Requests[1].Message.RequestUri!.Query);
        Assert.Equal(new AliasTarget(AliasTarget.CloudFrontHostedZoneId, "d111111abcdef8.cloudfront.net.", false), records[0].AliasTarget);
        Assert.Equal((300L, "example.net"), (records[1].Ttl, records[1].ResourceRecords.Single()));
    }

    [Fact]
    public async Task ChangeResourceRecordSets_upserts_alias_records_in_the_route53_namespace()
    {
        Respond(HttpStatusCode.OK, $"""<ChangeResourceRecordSetsResponse xmlns="{Ns}">{ChangeInfo("PENDING")}</ChangeResourceRecordSetsResponse>""", "ChangeResourceRecordSets");
        var alias = new AliasTarget(AliasTarget.CloudFrontHostedZoneId, "d111111abcdef8.cloudfront.net", false);

        var change = await _client.ChangeResourceRecordSetsAsync(
            new ChangeResourceRecordSetsRequest("/hostedzone/Z1", new ChangeBatch(
                [
                    new Change(ChangeAction.Upsert, new ResourceRecordSet { Name = "api.example.com", Type = "A", AliasTarget = alias }),
                    new Change(ChangeAction.Upsert, new ResourceRecordSet { Name = "api.example.com", Type = "AAAA", AliasTarget = alias }),
                ],
                "PrivateApiEdge deployment 1")),
            Ct);

        AssertConforms("ChangeResourceRecordSets");
        Assert.Equal("/2013-04-01/hostedzone/Z1/rrset/", _pipeline.Transport.OnlyRequest.Message.RequestUri!.AbsolutePath);
        Assert.Contains("<Action>UPSERT</Action>", _pipeline.Transport.OnlyRequest.Body, StringComparison.Ordinal);
        Assert.Equal(new ChangeInfo("C2682N5HXP0BZ4", "PENDING", new DateTimeOffset(2026, 11, 25, 1, 20, 0, TimeSpan.Zero), "pae"), change.ChangeInfo);
    }

    [Fact]
    public async Task ChangeResourceRecordSets_creates_and_deletes_plain_records()
    {
        Respond(HttpStatusCode.OK, $"""<ChangeResourceRecordSetsResponse xmlns="{Ns}">{ChangeInfo("PENDING")}</ChangeResourceRecordSetsResponse>""");

        await _client.ChangeResourceRecordSetsAsync(
            new ChangeResourceRecordSetsRequest("Z1", new ChangeBatch(
            [
                new Change(ChangeAction.Create, new ResourceRecordSet { Name = "txt.example.com", Type = "TXT", Ttl = 60, ResourceRecords = ["\"owner=pae\""] }),
                new Change(ChangeAction.Delete, new ResourceRecordSet { Name = "old.example.com", Type = "CNAME", Ttl = 300, ResourceRecords = ["example.net"] }),
            ])),
            Ct);

        AssertConforms("ChangeResourceRecordSets");
    }

    [Fact]
    public async Task An_invalid_change_batch_reports_every_message_and_is_not_retried()
    {
        _pipeline.Transport.Respond(HttpStatusCode.BadRequest, $"""<?xml version="1.0"?><InvalidChangeBatch xmlns="{Ns}"><Messages><Message>[Tried to create resource record set [name='txt.example.com.', type='TXT'] but it already exists]</Message></Messages><RequestId>r-icb</RequestId></InvalidChangeBatch>""");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.ChangeResourceRecordSetsAsync(
            new ChangeResourceRecordSetsRequest("Z1", new ChangeBatch([new Change(ChangeAction.Create, new ResourceRecordSet { Name = "txt.example.com", Type = "TXT", Ttl = 60, ResourceRecords = ["\"x\""] })])),
            Ct));

        Assert.Equal(("InvalidChangeBatch", "r-icb"), (error.ErrorCode, error.RequestId));
        Assert.Contains("already exists", error.AwsMessage, StringComparison.Ordinal);
        Assert.Single(_pipeline.Transport.Requests);
    }

    [Fact]
    public async Task A_create_is_not_resent_after_a_server_error_but_an_upsert_is()
    {
        _pipeline.Transport.Respond(HttpStatusCode.InternalServerError, Error("InternalFailure", "oops"));
        var create = new ChangeBatch([new Change(ChangeAction.Create, new ResourceRecordSet { Name = "a.example.com", Type = "A", Ttl = 60, ResourceRecords = ["10.0.0.1"] })]);
        var upsert = create with { Changes = [create.Changes[0] with { Action = ChangeAction.Upsert }] };

        await Assert.ThrowsAsync<AwsApiException>(() => _client.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest("Z1", create), Ct));
        var createAttempts = _pipeline.Transport.Requests.Count;
        await Assert.ThrowsAsync<AwsApiException>(() => _client.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest("Z1", upsert), Ct));

        Assert.Equal(1, createAttempts);
        Assert.Equal(1 + 3, _pipeline.Transport.Requests.Count);
    }

    [Fact]
    public async Task Route53_throttling_codes_are_retried()
    {
        _pipeline.Transport.Respond(HttpStatusCode.BadRequest, Error("PriorRequestNotComplete", "The request was rejected because Route 53 was still processing a prior request."));
        _pipeline.Transport.Respond(HttpStatusCode.BadRequest, Error("Throttling", "Rate exceeded"));
        Respond(HttpStatusCode.OK, $"""<GetChangeResponse xmlns="{Ns}">{ChangeInfo("INSYNC")}</GetChangeResponse>""", "GetChange");

        var change = await _client.GetChangeAsync(new GetChangeRequest("/change/C2682N5HXP0BZ4"), Ct);

        Assert.True(change.ChangeInfo.IsInSync);
        Assert.Equal(3, _pipeline.Transport.Requests.Count);
        AssertConforms("GetChange", 2);
        Assert.Equal("/2013-04-01/change/C2682N5HXP0BZ4", _pipeline.Transport.Requests[2].Message.RequestUri!.AbsolutePath);
    }
}
