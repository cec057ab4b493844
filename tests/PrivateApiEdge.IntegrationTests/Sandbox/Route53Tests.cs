using System.Net;
using System.Text;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class Route53Tests
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetHostedZone_accepts_bare_and_prefixed_ids_and_shows_the_public_demo_zone()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");

        var (bareStatus, bare) = await GetAsync(route53, $"/2013-04-01/hostedzone/{SandboxSeed.PublicHostedZoneId}");
        var (prefixedStatus, prefixed) = await GetAsync(route53, $"/2013-04-01/hostedzone/{Uri.EscapeDataString("/hostedzone/" + SandboxSeed.PublicHostedZoneId)}");

        Assert.Equal(HttpStatusCode.OK, bareStatus);
        Assert.Equal(HttpStatusCode.OK, prefixedStatus);
        var zone = bare.Element(Ns + "HostedZone")!;
        Assert.Equal("/hostedzone/" + SandboxSeed.PublicHostedZoneId, zone.Element(Ns + "Id")!.Value);
        Assert.Equal(SandboxSeed.DemoDomain + ".", zone.Element(Ns + "Name")!.Value);
        Assert.Equal("false", zone.Element(Ns + "Config")!.Element(Ns + "PrivateZone")!.Value);
        Assert.NotEmpty(bare.Element(Ns + "DelegationSet")!.Element(Ns + "NameServers")!.Elements());
        Assert.Equal(zone.ToString(), prefixed.Element(Ns + "HostedZone")!.ToString());
    }

    [Fact]
    public async Task An_unknown_zone_is_NoSuchHostedZone_with_status_404()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");

        var (status, error) = await GetAsync(route53, "/2013-04-01/hostedzone/Z000000NOTTHERE");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("ErrorResponse", error.Name.LocalName);
        Assert.Equal("NoSuchHostedZone", error.Element(Ns + "Error")!.Element(Ns + "Code")!.Value);
        Assert.Equal("Sender", error.Element(Ns + "Error")!.Element(Ns + "Type")!.Value);
        Assert.False(string.IsNullOrEmpty(error.Element(Ns + "RequestId")!.Value));
    }

    [Fact]
    public async Task ListHostedZonesByName_finds_the_public_and_the_private_zone_and_pages_by_name_and_id()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");

        var (_, first) = await GetAsync(route53, $"/2013-04-01/hostedzonesbyname?dnsname={SandboxSeed.DemoDomain}&maxitems=1");
        Assert.Equal("true", first.Element(Ns + "IsTruncated")!.Value);
        var nextName = first.Element(Ns + "NextDNSName")!.Value;
        var nextId = first.Element(Ns + "NextHostedZoneId")!.Value;
        var (_, second) = await GetAsync(route53, $"/2013-04-01/hostedzonesbyname?dnsname={nextName}&hostedzoneid={nextId}&maxitems=1");

        var zones = first.Descendants(Ns + "HostedZone").Concat(second.Descendants(Ns + "HostedZone")).ToList();
        Assert.Equal(
            [("/hostedzone/" + SandboxSeed.PublicHostedZoneId, "false"), ("/hostedzone/" + SandboxSeed.PrivateHostedZoneId, "true")],
            zones.Select(z => (z.Element(Ns + "Id")!.Value, z.Element(Ns + "Config")!.Element(Ns + "PrivateZone")!.Value)).Order());
    }

    [Fact]
    public async Task An_alias_to_cloudfront_goes_PENDING_then_INSYNC_and_lists_with_its_alias_target()
    {
        await using var sandbox = await SandboxFixture.StartAsync("fast");
        using var route53 = sandbox.Client("route53", "us-east-1");
        var name = $"alias{Guid.NewGuid():N}"[..16] + "." + SandboxSeed.DemoDomain;

        var (status, changed) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("UPSERT", name, "d111111abcdef8.cloudfront.net"));

        Assert.Equal(HttpStatusCode.OK, status);
        var info = changed.Element(Ns + "ChangeInfo")!;
        Assert.Equal("PENDING", info.Element(Ns + "Status")!.Value);
        var changeId = info.Element(Ns + "Id")!.Value;
        Assert.StartsWith("/change/", changeId, StringComparison.Ordinal);

        await Eventually.HoldsAsync(
            async () => (await GetAsync(route53, "/2013-04-01/change/" + changeId["/change/".Length..])).Body
                .Element(Ns + "ChangeInfo")!.Element(Ns + "Status")!.Value == "INSYNC",
            $"change {changeId} to be INSYNC");

        var (_, list) = await GetAsync(route53, $"/2013-04-01/hostedzone/{SandboxSeed.PublicHostedZoneId}/rrset?name={name}&type=A&maxitems=1");
        var record = Assert.Single(list.Descendants(Ns + "ResourceRecordSet"));
        Assert.Equal(name + ".", record.Element(Ns + "Name")!.Value);
        Assert.Equal(SandboxSeed.CloudFrontHostedZoneId, record.Element(Ns + "AliasTarget")!.Element(Ns + "HostedZoneId")!.Value);
        Assert.Equal("d111111abcdef8.cloudfront.net.", record.Element(Ns + "AliasTarget")!.Element(Ns + "DNSName")!.Value);
    }

    [Fact]
    public async Task Create_of_an_existing_record_and_a_delete_that_does_not_match_exactly_are_InvalidChangeBatch()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");
        var name = "api." + SandboxSeed.DemoDomain;
        await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("CREATE", name, "d111111abcdef8.cloudfront.net"));

        var (createStatus, create) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("CREATE", name, "d111111abcdef8.cloudfront.net"));
        var (deleteStatus, delete) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("DELETE", name, "d999999zzzzzz9.cloudfront.net"));
        var (missingStatus, missing) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("DELETE", "nothere." + SandboxSeed.DemoDomain, "d111111abcdef8.cloudfront.net"));
        var (exactStatus, _) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("DELETE", name, "d111111abcdef8.cloudfront.net."));

        Assert.Equal(HttpStatusCode.BadRequest, createStatus);
        Assert.Equal("InvalidChangeBatch", Code(create));
        Assert.Equal($"[Tried to create resource record set [name='{name}.', type='A'] but it already exists]", Message(create));
        Assert.Equal(HttpStatusCode.BadRequest, deleteStatus);
        Assert.Equal($"[Tried to delete resource record set [name='{name}.', type='A'] but the values provided do not match the current values]", Message(delete));
        Assert.Equal(HttpStatusCode.BadRequest, missingStatus);
        Assert.Equal($"[Tried to delete resource record set [name='nothere.{SandboxSeed.DemoDomain}.', type='A'] but it was not found]", Message(missing));
        Assert.Equal(HttpStatusCode.OK, exactStatus);
    }

    [Fact]
    public async Task ListResourceRecordSets_pages_with_StartRecordName_and_Type()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");
        await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("CREATE", "a." + SandboxSeed.DemoDomain, "d1.cloudfront.net"));
        await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("CREATE", "b." + SandboxSeed.DemoDomain, "d2.cloudfront.net"));

        var names = new List<string>();
        var path = $"/2013-04-01/hostedzone/{SandboxSeed.PublicHostedZoneId}/rrset?maxitems=1";
        while (true)
        {
            var (_, page) = await GetAsync(route53, path);
            names.AddRange(page.Descendants(Ns + "ResourceRecordSet").Select(r => r.Element(Ns + "Name")!.Value + " " + r.Element(Ns + "Type")!.Value));
            if (page.Element(Ns + "IsTruncated")!.Value != "true")
            {
                break;
            }

            path = $"/2013-04-01/hostedzone/{SandboxSeed.PublicHostedZoneId}/rrset?maxitems=1&name={page.Element(Ns + "NextRecordName")!.Value}&type={page.Element(Ns + "NextRecordType")!.Value}";
        }

        Assert.Equal(
            [$"{SandboxSeed.DemoDomain}. NS", $"{SandboxSeed.DemoDomain}. SOA", $"a.{SandboxSeed.DemoDomain}. A", $"b.{SandboxSeed.DemoDomain}. A"],
            names);
    }

    [Fact]
    public async Task A_cname_cannot_share_its_name_with_another_record_type()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var route53 = sandbox.Client("route53", "us-east-1");
        var name = "shared." + SandboxSeed.DemoDomain;
        await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, AliasChange("CREATE", name, "d1.cloudfront.net"));

        var (status, error) = await ChangeAsync(route53, SandboxSeed.PublicHostedZoneId, $"""
            <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><ChangeBatch><Changes>
            <Change><Action>CREATE</Action><ResourceRecordSet><Name>{name}</Name><Type>CNAME</Type><TTL>60</TTL>
            <ResourceRecords><ResourceRecord><Value>elsewhere.example.org</Value></ResourceRecord></ResourceRecords></ResourceRecordSet></Change>
            </Changes></ChangeBatch></ChangeResourceRecordSetsRequest>
            """);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("InvalidChangeBatch", Code(error));
        Assert.Contains("conflicting RRSet of type  A", Message(error), StringComparison.Ordinal);
    }

    private static string AliasChange(string action, string name, string target) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ChangeResourceRecordSetsRequest xmlns="https://route53.amazonaws.com/doc/2013-04-01/">
          <ChangeBatch><Changes><Change><Action>{action}</Action><ResourceRecordSet>
            <Name>{name}</Name><Type>A</Type>
            <AliasTarget><HostedZoneId>{SandboxSeed.CloudFrontHostedZoneId}</HostedZoneId><DNSName>{target}</DNSName><EvaluateTargetHealth>false</EvaluateTargetHealth></AliasTarget>
          </ResourceRecordSet></Change></Changes></ChangeBatch>
        </ChangeResourceRecordSetsRequest>
        """;

    internal static async Task<(HttpStatusCode Status, XElement Body)> GetAsync(HttpClient route53, string path)
    {
        using var response = await route53.GetAsync(path, Ct);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!);
    }

    internal static async Task<(HttpStatusCode Status, XElement Body)> ChangeAsync(HttpClient route53, string zoneId, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        using var response = await route53.PostAsync($"/2013-04-01/hostedzone/{zoneId}/rrset/", content, Ct);
        return (response.StatusCode, XDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).Root!);
    }

    private static string Code(XElement error) => error.Element(Ns + "Error")!.Element(Ns + "Code")!.Value;

    private static string Message(XElement error) => error.Element(Ns + "Error")!.Element(Ns + "Message")!.Value;
}
