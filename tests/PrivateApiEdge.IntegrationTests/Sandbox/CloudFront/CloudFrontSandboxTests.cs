using System.Net;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.IntegrationTests.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.Ec2;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.CloudFront;

public sealed class CloudFrontSandboxTests
{
    private const string Alias = "api.demo.example.com";

    [Fact]
    public async Task A_vpc_origin_is_created_with_202_etag_and_location_and_deploys_after_its_lifecycle()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("fast", time);
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "vo");
        time.Advance(TimeSpan.FromSeconds(3));

        using var created = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/vpc-origin", CloudFrontDocuments.CreateVpcOrigin("vo-origin", chain.LoadBalancerArn));
        var origin = await XmlAsync(created);

        Assert.Equal(HttpStatusCode.Accepted, created.StatusCode);
        var id = origin.Element(Cf + "Id")!.Value;
        Assert.StartsWith("vo_", id, StringComparison.Ordinal);
        Assert.Equal("Deploying", origin.Element(Cf + "Status")!.Value);
        Assert.Matches("^E[A-Z0-9]{13}$", ETagOf(created));
        Assert.EndsWith($"/2020-05-31/vpc-origin/{id}", created.Headers.Location!.ToString(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(3));
        using var got = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/vpc-origin/{id}");
        Assert.Equal("Deployed", (await XmlAsync(got)).Element(Cf + "Status")!.Value);
    }

    [Fact]
    public async Task A_delayed_consistency_fault_hides_a_new_distribution_from_get_for_a_while()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("instant", time);
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "late");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "late-origin", chain.LoadBalancerArn);
        sandbox.Host.Faults.Add(new PrivateApiEdge.Sandbox.Core.Faults.SandboxFaultRule
        {
            Kind = "delayed-consistency",
            Service = "cloudfront",
            Operation = "CreateDistribution",
            Count = 1,
            DelayMs = 2000,
        });
        var (id, _) = await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig("ref-late", null, originId, chain.DnsName));

        using var hidden = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}");
        time.Advance(TimeSpan.FromSeconds(3));
        using var visible = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
    }

    [Fact]
    public async Task A_vpc_origin_needs_an_internet_gateway_in_the_load_balancers_vpc()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var lb = await sandbox.ElbOkAsync("CreateLoadBalancer", ("Name", "no-igw"), ("Scheme", "internal"),
            ("Subnets.member.1", SandboxSeed.VpcWithoutInternetGatewaySubnetAId), ("Subnets.member.2", SandboxSeed.VpcWithoutInternetGatewaySubnetBId));

        using var refused = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/vpc-origin",
            CloudFrontDocuments.CreateVpcOrigin("no-igw-origin", lb.Descendants(Elb + "LoadBalancerArn").Single().Value));

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidArgument"), (refused.StatusCode, ErrorCode(await XmlAsync(refused))));
    }

    [Fact]
    public async Task CloudFront_creates_its_security_group_with_the_first_vpc_origin_and_removes_it_after_the_last()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var first = await EdgeChains.CreateAlbChainAsync(sandbox, "sg1");
        var second = await EdgeChains.CreateAlbChainAsync(sandbox, "sg2");
        Assert.DoesNotContain(Ec2State.CloudFrontVpcOriginsSecurityGroupName, sandbox.SecurityGroupNames());

        var (firstId, _) = await CreateVpcOriginAsync(sandbox, "sg1-origin", first.LoadBalancerArn);
        var (secondId, _) = await CreateVpcOriginAsync(sandbox, "sg2-origin", second.LoadBalancerArn);
        Assert.Single(sandbox.SecurityGroupNames(), n => n == Ec2State.CloudFrontVpcOriginsSecurityGroupName);

        await DeleteVpcOriginAsync(sandbox, firstId);
        Assert.Contains(Ec2State.CloudFrontVpcOriginsSecurityGroupName, sandbox.SecurityGroupNames());

        await DeleteVpcOriginAsync(sandbox, secondId);
        Assert.DoesNotContain(Ec2State.CloudFrontVpcOriginsSecurityGroupName, sandbox.SecurityGroupNames());
    }

    [Fact]
    public async Task CloudFront_cannot_delete_its_security_group_after_the_last_vpc_origin_while_our_rule_references_it()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "ref");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "ref-origin", chain.LoadBalancerArn);
        var cloudFrontSg = sandbox.World.Read(world => world.Part<Ec2State>().FindCloudFrontVpcOriginsSecurityGroup(Region, SandboxSeed.VpcId)!.Id);
        sandbox.AllowFromGroup(chain.LoadBalancerSecurityGroupId, 443, cloudFrontSg);

        await DeleteVpcOriginAsync(sandbox, originId);

        var left = Assert.Single(sandbox.World.Inventory(), r => r.Type == "ec2:security-group" && r.Id == cloudFrontSg);
        Assert.Equal($"DependencyViolation: resource {cloudFrontSg} has a dependent object", left.Details["serviceCleanupError"]);
        using var ec2 = sandbox.Ec2();
        var refused = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            ec2.DeleteSecurityGroupAsync(new Amazon.EC2.Model.DeleteSecurityGroupRequest { GroupId = cloudFrontSg }, TestContext.Current.CancellationToken));
        Assert.Equal(("DependencyViolation", $"resource {cloudFrontSg} has a dependent object"), (refused.ErrorCode, refused.Message));
    }

    [Fact]
    public async Task Deleting_a_vpc_origin_needs_a_current_if_match()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "ifm");
        var (id, etag) = await CreateVpcOriginAsync(sandbox, "ifm-origin", chain.LoadBalancerArn);

        using var missing = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{id}");
        using var stale = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{id}", ifMatch: "ESTALEETAG00001");
        using var current = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{id}", ifMatch: etag);

        Assert.Equal((HttpStatusCode.BadRequest, "InvalidIfMatchVersion"), (missing.StatusCode, ErrorCode(await XmlAsync(missing))));
        Assert.Equal((HttpStatusCode.PreconditionFailed, "PreconditionFailed"), (stale.StatusCode, ErrorCode(await XmlAsync(stale))));
        Assert.Equal(HttpStatusCode.Accepted, current.StatusCode);
        using var gone = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/vpc-origin/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "EntityNotFound"), (gone.StatusCode, ErrorCode(await XmlAsync(gone))));
    }

    [Fact]
    public async Task A_vpc_origin_a_distribution_uses_cannot_be_deleted()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "inuse");
        var (originId, etag) = await CreateVpcOriginAsync(sandbox, "inuse-origin", chain.LoadBalancerArn);
        await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig("ref-inuse", null, originId, chain.DnsName));

        using var delete = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{originId}", ifMatch: etag);

        Assert.Equal((HttpStatusCode.Conflict, "CannotDeleteEntityWhileInUse"), (delete.StatusCode, ErrorCode(await XmlAsync(delete))));
    }

    [Fact]
    public async Task A_distribution_is_created_with_201_and_deploys_again_after_every_update()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("fast", time);
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "dist");
        time.Advance(TimeSpan.FromSeconds(3));
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "dist-origin", chain.LoadBalancerArn);

        using var created = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution",
            CloudFrontDocuments.DistributionConfig("ref-dist", Alias, originId, chain.DnsName));
        var distribution = await XmlAsync(created);
        var id = distribution.Element(Cf + "Id")!.Value;
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Matches("^E[A-Z0-9]{13}$", id);
        Assert.Matches(@"^d[a-z0-9]{13}\.cloudfront\.net$", distribution.Element(Cf + "DomainName")!.Value);
        Assert.Equal("InProgress", distribution.Element(Cf + "Status")!.Value);
        Assert.EndsWith($"/2020-05-31/distribution/{id}", created.Headers.Location!.ToString(), StringComparison.Ordinal);

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("Deployed", await StatusAsync(sandbox, id));

        using var config = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}/config");
        var body = await XmlAsync(config);
        body.Element(Cf + "Comment")!.Value = "updated";
        using var updated = await sandbox.CloudFrontAsync(HttpMethod.Put, $"/2020-05-31/distribution/{id}/config", body, ETagOf(config));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.NotEqual(ETagOf(config), ETagOf(updated));
        Assert.Equal("InProgress", await StatusAsync(sandbox, id));

        time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("Deployed", await StatusAsync(sandbox, id));
    }

    [Fact]
    public async Task The_same_caller_reference_and_config_returns_the_same_distribution_and_another_config_fails()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "ref");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "ref-origin", chain.LoadBalancerArn);
        var config = CloudFrontDocuments.DistributionConfig("ref-same", Alias, originId, chain.DnsName);

        var first = await CreateDistributionAsync(sandbox, config);
        var again = await CreateDistributionAsync(sandbox, config);
        using var other = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution",
            CloudFrontDocuments.DistributionConfig("ref-same", Alias, originId, chain.DnsName, comment: "different"));

        Assert.Equal(first.Id, again.Id);
        Assert.Equal((HttpStatusCode.Conflict, "DistributionAlreadyExists"), (other.StatusCode, ErrorCode(await XmlAsync(other))));
    }

    [Fact]
    public async Task An_alias_used_by_another_distribution_fails_with_CNAMEAlreadyExists()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "cname");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "cname-origin", chain.LoadBalancerArn);
        await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig("ref-cname-1", Alias, originId, chain.DnsName));

        using var second = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution",
            CloudFrontDocuments.DistributionConfig("ref-cname-2", Alias, originId, chain.DnsName));

        Assert.Equal((HttpStatusCode.Conflict, "CNAMEAlreadyExists"), (second.StatusCode, ErrorCode(await XmlAsync(second))));
    }

    [Fact]
    public async Task Deleting_a_distribution_needs_it_disabled_and_a_current_etag()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "del");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "del-origin", chain.LoadBalancerArn);
        var (id, etag) = await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig("ref-del", Alias, originId, chain.DnsName));

        using var enabled = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/distribution/{id}", ifMatch: etag);
        Assert.Equal((HttpStatusCode.Conflict, "DistributionNotDisabled"), (enabled.StatusCode, ErrorCode(await XmlAsync(enabled))));

        using var disabled = await sandbox.CloudFrontAsync(HttpMethod.Put, $"/2020-05-31/distribution/{id}/config",
            CloudFrontDocuments.DistributionConfig("ref-del", Alias, originId, chain.DnsName, enabled: false), etag);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        using var stale = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/distribution/{id}", ifMatch: etag);
        Assert.Equal((HttpStatusCode.PreconditionFailed, "PreconditionFailed"), (stale.StatusCode, ErrorCode(await XmlAsync(stale))));

        using var deleted = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/distribution/{id}", ifMatch: ETagOf(disabled));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}");
        Assert.Equal((HttpStatusCode.NotFound, "NoSuchDistribution"), (gone.StatusCode, ErrorCode(await XmlAsync(gone))));
    }

    [Fact]
    public async Task Distributions_are_listed_in_pages_with_marker_and_max_items()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "page");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "page-origin", chain.LoadBalancerArn);
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig($"ref-page-{i}", null, originId, chain.DnsName))).Id);
        }

        using var firstPage = await sandbox.CloudFrontAsync(HttpMethod.Get, "/2020-05-31/distribution?MaxItems=2");
        var first = await XmlAsync(firstPage);
        using var secondPage = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution?MaxItems=2&Marker={first.Element(Cf + "NextMarker")!.Value}");
        var second = await XmlAsync(secondPage);

        Assert.Equal("true", first.Element(Cf + "IsTruncated")!.Value);
        Assert.Equal("false", second.Element(Cf + "IsTruncated")!.Value);
        Assert.Equal(ids, first.Descendants(Cf + "DistributionSummary").Concat(second.Descendants(Cf + "DistributionSummary"))
            .Select(s => s.Element(Cf + "Id")!.Value));
    }

    [Fact]
    public async Task Tags_of_a_distribution_created_with_tags_can_be_listed_changed_and_removed()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "tags");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "tags-origin", chain.LoadBalancerArn);
        var withTags = new XElement(Cf + "DistributionConfigWithTags",
            CloudFrontDocuments.DistributionConfig("ref-tags", null, originId, chain.DnsName),
            new XElement(Cf + "Tags", new XElement(Cf + "Items", Tag("privateapiedge:deployment", "d-7"))));
        using var created = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution?WithTags", withTags);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var arn = Uri.EscapeDataString((await XmlAsync(created)).Element(Cf + "ARN")!.Value);

        using var tagged = await sandbox.CloudFrontAsync(HttpMethod.Post, $"/2020-05-31/tagging?Operation=Tag&Resource={arn}",
            new XElement(Cf + "Tags", new XElement(Cf + "Items", Tag("team", "edge"))));
        using var untagged = await sandbox.CloudFrontAsync(HttpMethod.Post, $"/2020-05-31/tagging?Operation=Untag&Resource={arn}",
            new XElement(Cf + "TagKeys", new XElement(Cf + "Items", new XElement(Cf + "Key", "privateapiedge:deployment"))));
        using var listed = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/tagging?Resource={arn}");

        Assert.Equal(HttpStatusCode.NoContent, tagged.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, untagged.StatusCode);
        Assert.Equal(["team=edge"], (await XmlAsync(listed)).Descendants(Cf + "Tag").Select(t => $"{t.Element(Cf + "Key")!.Value}={t.Element(Cf + "Value")!.Value}"));
    }

    [Fact]
    public async Task A_geo_restriction_is_stored_and_returned_by_get_distribution_config_get_distribution_and_list()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "geo");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "geo-origin", chain.LoadBalancerArn);
        var (id, _) = await CreateDistributionAsync(sandbox, CloudFrontDocuments.DistributionConfig(
            "ref-geo", Alias, originId, chain.DnsName, restrictions: CloudFrontDocuments.GeoRestrictions("whitelist", "DE", "FR")));

        using var config = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}/config");
        using var distribution = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}");
        using var list = await sandbox.CloudFrontAsync(HttpMethod.Get, "/2020-05-31/distribution");

        static string Geo(XElement? restrictions) => restrictions!.Element(Cf + "GeoRestriction")!.Element(Cf + "RestrictionType")!.Value + ":"
            + string.Join(",", restrictions.Descendants(Cf + "Location").Select(l => l.Value));
        Assert.Equal("whitelist:DE,FR", Geo((await XmlAsync(config)).Element(Cf + "Restrictions")));
        Assert.Equal("whitelist:DE,FR", Geo((await XmlAsync(distribution)).Element(Cf + "DistributionConfig")!.Element(Cf + "Restrictions")));
        Assert.Equal("whitelist:DE,FR", Geo((await XmlAsync(list)).Descendants(Cf + "DistributionSummary").Single(d => d.Element(Cf + "Id")!.Value == id).Element(Cf + "Restrictions")));
    }

    [Theory]
    [InlineData("whitelist", new string[0], "InvalidGeoRestrictionParameter")]
    [InlineData("none", new[] { "DE" }, "InvalidGeoRestrictionParameter")]
    [InlineData("allowlist", new[] { "DE" }, "InvalidGeoRestrictionParameter")]
    [InlineData("blacklist", new[] { "de" }, "InvalidLocationCode")]
    [InlineData("blacklist", new[] { "DEU" }, "InvalidLocationCode")]
    [InlineData("blacklist", new[] { "DE", "DE" }, "InvalidGeoRestrictionParameter")]
    public async Task An_invalid_geo_restriction_is_refused_with_cloudfronts_code(string type, string[] locations, string code)
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "badgeo");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "badgeo-origin", chain.LoadBalancerArn);

        using var response = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution", CloudFrontDocuments.DistributionConfig(
            "ref-badgeo", Alias, originId, chain.DnsName, restrictions: CloudFrontDocuments.GeoRestrictions(type, locations)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, ErrorCode(await XmlAsync(response)));
    }

    [Fact]
    public async Task A_geo_restriction_whose_quantity_disagrees_with_its_items_is_refused()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "qgeo");
        var (originId, _) = await CreateVpcOriginAsync(sandbox, "qgeo-origin", chain.LoadBalancerArn);
        var restrictions = CloudFrontDocuments.GeoRestrictions("blacklist", "RU");
        restrictions.Descendants(Cf + "Quantity").Single().Value = "2";

        using var response = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution", CloudFrontDocuments.DistributionConfig(
            "ref-qgeo", Alias, originId, chain.DnsName, restrictions: restrictions));

        Assert.Equal("InconsistentQuantities", ErrorCode(await XmlAsync(response)));
    }

    private static XElement Tag(string key, string value) => new(Cf + "Tag", new XElement(Cf + "Key", key), new XElement(Cf + "Value", value));

    internal static async Task<(string Id, string ETag)> CreateVpcOriginAsync(SandboxFixture sandbox, string name, string loadBalancerArn)
    {
        using var response = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/vpc-origin", CloudFrontDocuments.CreateVpcOrigin(name, loadBalancerArn));
        var body = await XmlAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return (body.Element(Cf + "Id")!.Value, ETagOf(response));
    }

    private static async Task DeleteVpcOriginAsync(SandboxFixture sandbox, string id)
    {
        using var got = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/vpc-origin/{id}");
        using var deleted = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{id}", ifMatch: ETagOf(got));
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
    }

    internal static async Task<(string Id, string ETag)> CreateDistributionAsync(SandboxFixture sandbox, XElement config)
    {
        using var response = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution", config);
        var body = await XmlAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, body.ToString());
        return (body.Element(Cf + "Id")!.Value, ETagOf(response));
    }

    private static async Task<string> StatusAsync(SandboxFixture sandbox, string id)
    {
        using var response = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/distribution/{id}");
        return (await XmlAsync(response)).Element(Cf + "Status")!.Value;
    }
}
