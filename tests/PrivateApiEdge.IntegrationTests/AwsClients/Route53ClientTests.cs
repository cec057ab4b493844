using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Route53;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class Route53ClientTests
{
    private static ResourceRecordSet Txt(string name, string value) => new()
    {
        Name = name,
        Type = "TXT",
        Ttl = 60,
        ResourceRecords = [$"\"{value}\""],
    };

    [Fact]
    public async Task GetHostedZone_reads_the_public_demo_zone_with_its_name_servers()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var zone = await sandbox.Clients.Route53.GetHostedZoneAsync(new GetHostedZoneRequest("/hostedzone/" + SandboxSeed.PublicHostedZoneId), Ct);

        Assert.Equal((SandboxSeed.PublicHostedZoneId, SandboxSeed.DemoDomain + ".", false), (zone.HostedZone.Id, zone.HostedZone.Name, zone.HostedZone.PrivateZone));
        Assert.NotEmpty(zone.NameServers);
    }

    [Fact]
    public async Task ListHostedZonesByName_pages_through_the_public_and_private_zones_of_the_domain()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var route53 = sandbox.Clients.Route53;

        var first = await route53.ListHostedZonesByNameAsync(new ListHostedZonesByNameRequest(SandboxSeed.DemoDomain, MaxItems: 1), Ct);
        var second = await route53.ListHostedZonesByNameAsync(new ListHostedZonesByNameRequest(first.NextDnsName, first.NextHostedZoneId, MaxItems: 1), Ct);
        var all = await route53.ListAllHostedZonesByNameAsync(new ListHostedZonesByNameRequest(), Ct).ToListAsync(Ct);

        Assert.True(first.IsTruncated);
        Assert.Equal(SandboxSeed.DemoDomain + ".", Assert.Single(first.HostedZones).Name);
        Assert.Equal(SandboxSeed.DemoDomain + ".", Assert.Single(second.HostedZones).Name);
        Assert.Equal(
            [SandboxSeed.PublicHostedZoneId, SandboxSeed.PrivateHostedZoneId],
            new[] { first.HostedZones[0], second.HostedZones[0] }.Select(z => z.Id).Order().ToList());
        Assert.Contains(all, z => z.Id == SandboxSeed.PrivateHostedZoneId && z.PrivateZone);
        Assert.Contains(all, z => z.Id == SandboxSeed.PublicHostedZoneId && !z.PrivateZone);
    }

    [Fact]
    public async Task A_created_record_is_listed_and_its_change_reaches_INSYNC()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var route53 = sandbox.Clients.Route53;
        var name = $"txt-{Guid.NewGuid():N}.{SandboxSeed.DemoDomain}";

        var change = await route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([new Change(ChangeAction.Create, Txt(name, "hello"))], "integration test")), Ct);
        var synced = await Eventually.ReturnsAsync(() => route53.GetChangeAsync(new GetChangeRequest(change.ChangeInfo.Id), Ct), c => c.ChangeInfo.IsInSync, "the change to be INSYNC");
        var listed = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId)
        {
            StartRecordName = name,
            StartRecordType = "TXT",
            MaxItems = 1,
        }, Ct);

        Assert.DoesNotContain("/", change.ChangeInfo.Id, StringComparison.Ordinal);
        Assert.True(change.ChangeInfo.Status is "PENDING" or "INSYNC", change.ChangeInfo.Status);
        Assert.True(synced.ChangeInfo.IsInSync);
        var record = Assert.Single(listed.ResourceRecordSets);
        Assert.Equal((name + ".", "TXT", 60L), (record.Name, record.Type, record.Ttl));
        Assert.Equal(["\"hello\""], record.ResourceRecords);
    }

    [Fact]
    public async Task ListResourceRecordSets_pages_by_next_record_name_and_type()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var route53 = sandbox.Clients.Route53;
        var names = Enumerable.Range(1, 3).Select(i => $"page{i}-{Guid.NewGuid():N}.{SandboxSeed.DemoDomain}").ToList();
        await route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([.. names.Select(n => new Change(ChangeAction.Upsert, Txt(n, "page")))])), Ct);

        var first = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId) { MaxItems = 2 }, Ct);
        var all = await route53.ListAllResourceRecordSetsAsync(new ListResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId) { MaxItems = 2 }, Ct).ToListAsync(Ct);

        Assert.Equal(2, first.ResourceRecordSets.Count);
        Assert.True(first.IsTruncated);
        Assert.NotNull(first.NextRecordName);
        Assert.NotNull(first.NextRecordType);
        Assert.All(names, n => Assert.Contains(all, r => r.Name == n + "." && r.Type == "TXT"));
        Assert.Equal(all.Count, all.Select(r => (r.Name, r.Type)).Distinct().Count());
        Assert.Contains(all, r => r.Type == "SOA");
    }

    [Fact]
    public async Task Creating_an_existing_record_or_deleting_a_missing_one_fails_with_InvalidChangeBatch()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var route53 = sandbox.Clients.Route53;
        var record = Txt($"dup-{Guid.NewGuid():N}.{SandboxSeed.DemoDomain}", "once");
        await route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([new Change(ChangeAction.Create, record)])), Ct);

        var create = await ExpectErrorAsync(() => route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([new Change(ChangeAction.Create, record)])), Ct), "InvalidChangeBatch");
        await ExpectErrorAsync(() => route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([new Change(ChangeAction.Delete, record with { Name = "missing." + SandboxSeed.DemoDomain })])), Ct), "InvalidChangeBatch");
        await route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId,
            new ChangeBatch([new Change(ChangeAction.Delete, record)])), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Contains("already exists", create.AwsMessage, StringComparison.Ordinal);
        var left = await route53.ListResourceRecordSetsAsync(new ListResourceRecordSetsRequest(SandboxSeed.PublicHostedZoneId) { StartRecordName = record.Name, MaxItems = 1 }, Ct);
        Assert.DoesNotContain(left.ResourceRecordSets, r => r.Name == record.Name + ".");
    }

    [Fact]
    public async Task Unknown_zones_and_changes_fail_with_NoSuchHostedZone_and_NoSuchChange()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var zone = await ExpectErrorAsync(() => sandbox.Clients.Route53.GetHostedZoneAsync(new GetHostedZoneRequest("Z0000000000000000000"), Ct), "NoSuchHostedZone");
        var change = await ExpectErrorAsync(() => sandbox.Clients.Route53.GetChangeAsync(new GetChangeRequest("C0000000000000000000"), Ct), "NoSuchChange");

        Assert.Equal(HttpStatusCode.NotFound, zone.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
    }
}
