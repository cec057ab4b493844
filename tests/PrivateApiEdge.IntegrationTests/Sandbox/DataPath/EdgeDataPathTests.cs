using System.Net;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.DataPath;

public sealed class EdgeDataPathTests
{
    private const string FailedHop = "X-Sandbox-Failed-Hop";

    [Fact]
    public async Task A_fully_built_chain_answers_200_with_the_api_body_and_cloudfront_headers()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(EdgeChains.HelloBody, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Matches(@"^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$", response.Headers.GetValues("Via").Single());
        Assert.Equal("Miss from cloudfront", response.Headers.GetValues("X-Cache").Single());
        Assert.Single(response.Headers.GetValues("X-Amz-Cf-Pop"));
        Assert.Single(response.Headers.GetValues("X-Amz-Cf-Id"));
        Assert.False(response.Headers.Contains(FailedHop));
    }

    [Fact]
    public async Task A_host_without_an_alias_record_fails_at_dns()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        await EdgeChains.CreateFullChainAsync(sandbox);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, "nothing." + SandboxSeed.DemoDomain);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("dns:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alias_record_in_the_private_zone_only_does_not_resolve_for_viewers()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        await EdgeTeardownTests.ChangeAliasRecordAsync(sandbox, "DELETE", chain.DistributionDomainName);
        await EdgeTeardownTests.ChangeAliasRecordAsync(sandbox, "UPSERT", chain.DistributionDomainName, SandboxSeed.PrivateHostedZoneId);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("dns:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_distribution_answers_403()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        using var disabled = await sandbox.CloudFrontAsync(HttpMethod.Put, $"/2020-05-31/distribution/{chain.DistributionId}/config",
            CloudFrontDocuments.DistributionConfig("edge-ref", chain.Host, chain.VpcOriginId, chain.Alb.DnsName, enabled: false), chain.DistributionETag);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Error from cloudfront", response.Headers.GetValues("X-Cache").Single());
        Assert.StartsWith("distribution:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_certificate_that_does_not_cover_the_host_answers_502()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, listenerCertificateArn: SandboxSeed.OtherDomainCertificateArn);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("listener-certificate:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_prefix_list_rule_on_the_cloudfront_security_group_the_request_times_out_with_504()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        sandbox.RevokeAll(chain.CloudFrontSecurityGroupId, egress: false);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("prefix list", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_load_balancer_rule_for_the_cloudfront_security_group_the_request_times_out_with_504()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        sandbox.RevokeAll(chain.Alb.LoadBalancerSecurityGroupId, egress: false);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("CloudFront-VPCOrigins-Service-SG", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_endpoint_rule_for_the_load_balancer_the_request_times_out_with_504()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        sandbox.RevokeAll(chain.Alb.EndpointSecurityGroupId, egress: false);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.StartsWith("security-groups:", Hop(response), StringComparison.Ordinal);
        Assert.Contains(chain.Alb.EndpointId, Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_group_without_targets_answers_503()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        await sandbox.ElbOkAsync("DeregisterTargets", [("TargetGroupArn", chain.Alb.TargetGroupArn),
            .. chain.Alb.EndpointIps.SelectMany((ip, i) => new[] { ($"Targets.member.{i + 1}.Id", ip), ($"Targets.member.{i + 1}.Port", "443") })]);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.StartsWith("target-group:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_target_group_speaking_http_to_the_endpoint_answers_502()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, targetProtocol: "HTTP");

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.StartsWith("target-group:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unhealthy_targets_from_a_200_only_matcher_still_get_traffic_because_the_alb_fails_open()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, matcher: "200");

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Without_an_api_gateway_custom_domain_for_the_host_api_gateway_answers_403_Forbidden()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        using var deleted = await sandbox.ApiGatewayAsync(HttpMethod.Delete, $"/domainnames/{chain.Host}");
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("ForbiddenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("""{"message":"Forbidden"}""", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("api-domain:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_policy_for_another_endpoint_answers_403()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, policyEndpointId: "vpce-0aaaaaaaaaaaaaaaa");

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.StartsWith("User: anonymous is not authorized to perform: execute-api:Invoke", body["Message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("resource-policy:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_path_without_a_method_answers_403_Missing_Authentication_Token()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, "nowhere");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("MissingAuthenticationTokenException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.StartsWith("method:", Hop(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vpc_origin_deleted_from_under_a_distribution_is_refused_so_the_chain_stays_whole()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox);
        using var got = await sandbox.CloudFrontAsync(HttpMethod.Get, $"/2020-05-31/vpc-origin/{chain.VpcOriginId}");

        using var delete = await sandbox.CloudFrontAsync(HttpMethod.Delete, $"/2020-05-31/vpc-origin/{chain.VpcOriginId}", ifMatch: ETagOf(got));
        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_data_path_asks_for_the_viewer_host()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        using var response = await sandbox.PlainClient().GetAsync(new Uri("/_sandbox/edge/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_viewer_in_a_blocked_country_gets_403_from_the_distribution_and_others_get_the_api()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, restrictions: CloudFrontDocuments.GeoRestrictions("blacklist", "RU", "KP"));

        using var blocked = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, viewerCountry: "ru");
        using var allowed = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, viewerCountry: "DE");
        using var unplaced = await EdgeChains.ViewerGetAsync(sandbox, chain.Host);

        Assert.Equal(HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.StartsWith("distribution:", Hop(blocked), StringComparison.Ordinal);
        Assert.Contains("RU", Hop(blocked), StringComparison.Ordinal);
        Assert.Equal("Error from cloudfront", blocked.Headers.GetValues("X-Cache").Single());
        Assert.Contains("configured to block access from your country", await blocked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(EdgeChains.HelloBody, await allowed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.OK, unplaced.StatusCode);
    }

    [Fact]
    public async Task An_allow_list_serves_only_its_countries()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, restrictions: CloudFrontDocuments.GeoRestrictions("whitelist", "DE", "FR"));

        using var listed = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, viewerCountry: "FR");
        using var other = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, viewerCountry: "US");

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.StartsWith("distribution:", Hop(other), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lifting_the_restriction_serves_the_country_again()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateFullChainAsync(sandbox, restrictions: CloudFrontDocuments.GeoRestrictions("whitelist", "DE"));
        using var lifted = await sandbox.CloudFrontAsync(HttpMethod.Put, $"/2020-05-31/distribution/{chain.DistributionId}/config",
            CloudFrontDocuments.DistributionConfig("edge-ref", chain.Host, chain.VpcOriginId, chain.Alb.DnsName, restrictions: CloudFrontDocuments.GeoRestrictions("none")),
            chain.DistributionETag);
        Assert.Equal(HttpStatusCode.OK, lifted.StatusCode);

        using var response = await EdgeChains.ViewerGetAsync(sandbox, chain.Host, viewerCountry: "US");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Germany")]
    [InlineData("D1")]
    public async Task A_viewer_country_that_is_no_country_code_is_refused(string country)
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        using var response = await EdgeChains.ViewerGetAsync(sandbox, SandboxSeed.DemoApiHostName, viewerCountry: country);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("X-Sandbox-Viewer-Country", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static string Hop(HttpResponseMessage response) => response.Headers.GetValues(FailedHop).Single();

}
