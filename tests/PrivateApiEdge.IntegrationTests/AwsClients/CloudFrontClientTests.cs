using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;
using AwsClientSet = PrivateApiEdge.Web.Aws.Core.AwsClients;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class CloudFrontClientTests
{
    private static async Task<(LoadBalancer Alb, VpcOrigin Origin)> DeployedVpcOriginAsync(AwsClientSet clients, string name)
    {
        var alb = await CreateInternalAlbAsync(clients, name, await CreateSecurityGroupAsync(clients, name));
        var origin = await CreateVpcOriginAsync(clients, name, alb.LoadBalancerArn);
        var deployed = await Eventually.ReturnsAsync(() => clients.CloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(origin.Id), Ct), o => o.VpcOrigin.Status == "Deployed", $"VPC origin {origin.Id} to be Deployed");
        Assert.Equal("Deployed", deployed.VpcOrigin.Status);
        return (alb, deployed.VpcOrigin);
    }

    private static async Task<GetDistributionResponse> DeployedAsync(ICloudFrontClient cloudFront, string id)
    {
        var deployed = await Eventually.ReturnsAsync(() => cloudFront.GetDistributionAsync(new GetDistributionRequest(id), Ct), d => d.Distribution.Status == "Deployed", $"distribution {id} to be Deployed");
        Assert.Equal("Deployed", deployed.Distribution.Status);
        return deployed;
    }

    [Fact]
    public async Task A_vpc_origin_goes_from_Deploying_to_Deployed_and_is_listed_across_pages()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "alb", await CreateSecurityGroupAsync(sandbox.Clients, "alb"));

        var created = await cloudFront.CreateVpcOriginAsync(new CreateVpcOriginRequest(
            new VpcOriginEndpointConfig { Name = "first", Arn = alb.LoadBalancerArn, OriginSslProtocols = ["TLSv1.2"] },
            [new Tag("Project", "PrivateApiEdge")]), Ct);
        var second = await CreateVpcOriginAsync(sandbox.Clients, "second", alb.LoadBalancerArn);
        var deployed = await Eventually.ReturnsAsync(() => cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(created.VpcOrigin.Id), Ct), o => o.VpcOrigin.Status == "Deployed", $"VPC origin {created.VpcOrigin.Id} to be Deployed");
        var page = await cloudFront.ListVpcOriginsAsync(new ListVpcOriginsRequest(MaxItems: 1), Ct);
        var all = await cloudFront.ListAllVpcOriginsAsync(new ListVpcOriginsRequest(), Ct).ToListAsync(Ct);
        var tags = await cloudFront.ListTagsForResourceAsync(new ListTagsForResourceRequest(created.VpcOrigin.Arn), Ct);

        Assert.Equal($"arn:aws:cloudfront::{SandboxSeed.AccountId}:vpcorigin/{created.VpcOrigin.Id}", created.VpcOrigin.Arn);
        Assert.True(created.VpcOrigin.Status is "Deploying" or "Deployed", created.VpcOrigin.Status);
        Assert.False(string.IsNullOrEmpty(created.ETag));
        Assert.Equal(("Deployed", alb.LoadBalancerArn, "https-only"), (deployed.VpcOrigin.Status, deployed.VpcOrigin.EndpointConfig.Arn, deployed.VpcOrigin.EndpointConfig.OriginProtocolPolicy));
        Assert.Equal(["TLSv1.2"], deployed.VpcOrigin.EndpointConfig.OriginSslProtocols);
        Assert.False(string.IsNullOrEmpty(deployed.ETag));
        Assert.True(page.IsTruncated);
        Assert.Single(page.Items);
        Assert.NotNull(page.NextMarker);
        Assert.Equal(new[] { created.VpcOrigin.Id, second.Id }.Order().ToList(), all.Select(o => o.Id).Order().ToList());
        Assert.Contains(new Tag("Project", "PrivateApiEdge"), tags.Tags);
    }

    [Fact]
    public async Task Deleting_a_vpc_origin_needs_its_current_etag()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (_, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "origin");
        var current = await cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(origin.Id), Ct);

        var stale = await ExpectErrorAsync(() => cloudFront.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(origin.Id, "E2QWRUHAPOMQZL"), Ct), "PreconditionFailed");
        var missing = await ExpectErrorAsync(() => cloudFront.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(origin.Id, ""), Ct), "InvalidIfMatchVersion");
        var deleted = await cloudFront.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(origin.Id, current.ETag), Ct);
        var gone = await Assert.ThrowsAsync<PrivateApiEdge.Web.Aws.Core.AwsApiException>(async () =>
            await Eventually.ReturnsAsync(() => cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(origin.Id), Ct), _ => false, $"the read of deleted VPC origin {origin.Id} to fail"));

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True(deleted.VpcOrigin is null || deleted.VpcOrigin.Id == origin.Id);
        Assert.Equal(("EntityNotFound", HttpStatusCode.NotFound), (gone.ErrorCode, gone.StatusCode));
    }

    [Fact]
    public async Task A_distribution_with_tags_deploys_is_disabled_with_its_etag_and_deleted()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "dist");

        var created = await cloudFront.CreateDistributionWithTagsAsync(new CreateDistributionWithTagsRequest(
            DistributionConfig(SandboxSeed.DemoApiHostName, origin.Id, alb.DnsName!), [new Tag("Project", "PrivateApiEdge")]), Ct);
        var id = created.Distribution.Id;
        await cloudFront.TagResourceAsync(new TagResourceRequest(created.Distribution.Arn, [new Tag("DeploymentId", sandbox.DeploymentId.ToString())]), Ct);
        var tags = await cloudFront.ListTagsForResourceAsync(new ListTagsForResourceRequest(created.Distribution.Arn), Ct);
        var deployed = await DeployedAsync(cloudFront, id);

        Assert.Matches("^E[A-Z0-9]{12,13}$", id);
        Assert.Equal($"arn:aws:cloudfront::{SandboxSeed.AccountId}:distribution/{id}", created.Distribution.Arn);
        Assert.Matches(@"^d[a-z0-9]{12,13}\.cloudfront\.net$", created.Distribution.DomainName);
        Assert.True(created.Distribution.Status is "InProgress" or "Deployed", created.Distribution.Status);
        Assert.Equal($"/2020-05-31/distribution/{id}", new Uri(created.Location!).AbsolutePath);
        Assert.Equal(
            [new Tag("DeploymentId", sandbox.DeploymentId.ToString()), new Tag("Project", "PrivateApiEdge")],
            tags.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
        Assert.Equal([SandboxSeed.DemoApiHostName], deployed.Distribution.DistributionConfig.Aliases);
        Assert.True(deployed.Distribution.DistributionConfig.Enabled);

        var notDisabled = await ExpectErrorAsync(() => cloudFront.DeleteDistributionAsync(new DeleteDistributionRequest(id, deployed.ETag), Ct), "DistributionNotDisabled");
        var config = await cloudFront.GetDistributionConfigAsync(new GetDistributionConfigRequest(id), Ct);
        var disabled = await cloudFront.UpdateDistributionAsync(new UpdateDistributionRequest(id, config.DistributionConfig.WithEnabled(false), config.ETag), Ct);
        var stale = await ExpectErrorAsync(
            () => cloudFront.UpdateDistributionAsync(new UpdateDistributionRequest(id, config.DistributionConfig.WithEnabled(false), config.ETag), Ct), "PreconditionFailed");
        var redeployed = await DeployedAsync(cloudFront, id);
        await cloudFront.DeleteDistributionAsync(new DeleteDistributionRequest(id, redeployed.ETag), Ct);
        var gone = await ExpectErrorAsync(() => cloudFront.GetDistributionAsync(new GetDistributionRequest(id), Ct), "NoSuchDistribution");

        Assert.Equal(HttpStatusCode.Conflict, notDisabled.StatusCode);
        Assert.Equal(config.DistributionConfig.CallerReference, created.Distribution.DistributionConfig.CallerReference);
        Assert.NotEqual(config.ETag, disabled.ETag);
        Assert.False(disabled.Distribution.DistributionConfig.Enabled);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.False(redeployed.Distribution.DistributionConfig.Enabled);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_vpc_origin_a_distribution_uses_cannot_be_deleted()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "inuse");
        await cloudFront.CreateDistributionAsync(new CreateDistributionRequest(DistributionConfig(null, origin.Id, alb.DnsName!)), Ct);
        var current = await cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(origin.Id), Ct);

        var ex = await ExpectErrorAsync(() => cloudFront.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(origin.Id, current.ETag), Ct), "CannotDeleteEntityWhileInUse");

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
    }

    [Fact]
    public async Task An_alias_already_on_a_distribution_fails_with_CNAMEAlreadyExists_and_is_found_by_alias()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "cname");
        var first = await cloudFront.CreateDistributionAsync(new CreateDistributionRequest(DistributionConfig(SandboxSeed.DemoApiHostName, origin.Id, alb.DnsName!)), Ct);

        var ex = await ExpectErrorAsync(
            () => cloudFront.CreateDistributionAsync(new CreateDistributionRequest(DistributionConfig(SandboxSeed.DemoApiHostName, origin.Id, alb.DnsName!)), Ct),
            "CNAMEAlreadyExists");
        var holder = await cloudFront.FindDistributionByAliasAsync("API.demo.example.com.", Ct);
        var nobody = await cloudFront.FindDistributionByAliasAsync("other." + SandboxSeed.DemoDomain, Ct);

        Assert.Equal(HttpStatusCode.Conflict, ex.StatusCode);
        Assert.Equal(first.Distribution.Id, holder?.Id);
        Assert.Null(nobody);
    }

    [Fact]
    public async Task Resending_a_create_with_the_same_caller_reference_returns_the_same_distribution()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "idem");
        var config = DistributionConfig(null, origin.Id, alb.DnsName!);

        var first = await sandbox.Clients.CloudFront.CreateDistributionAsync(new CreateDistributionRequest(config), Ct);
        var second = await sandbox.Clients.CloudFront.CreateDistributionAsync(new CreateDistributionRequest(config), Ct);

        Assert.Equal(first.Distribution.Id, second.Distribution.Id);
    }

    [Fact]
    public async Task ListDistributions_pages_with_markers()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "list");
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await cloudFront.CreateDistributionAsync(new CreateDistributionRequest(DistributionConfig(null, origin.Id, alb.DnsName!)), Ct)).Distribution.Id);
        }

        var first = await cloudFront.ListDistributionsAsync(new ListDistributionsRequest(MaxItems: 2), Ct);
        var rest = await cloudFront.ListDistributionsAsync(new ListDistributionsRequest(first.NextMarker, 2), Ct);
        var all = await cloudFront.ListAllDistributionsAsync(new ListDistributionsRequest(), Ct).ToListAsync(Ct);

        Assert.True(first.IsTruncated);
        Assert.Equal(2, first.Items.Count);
        Assert.False(rest.IsTruncated);
        Assert.Single(rest.Items);
        Assert.Equal(ids.Order().ToList(), all.Select(d => d.Id).Order().ToList());
        Assert.All(all, d => Assert.Equal(origin.Id, Assert.Single(d.Origins).VpcOriginConfig?.VpcOriginId));
    }

    [Fact]
    public async Task A_delete_without_if_match_fails_with_InvalidIfMatchVersion_and_a_reused_reference_with_another_config_with_DistributionAlreadyExists()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var cloudFront = sandbox.Clients.CloudFront;
        var (alb, origin) = await DeployedVpcOriginAsync(sandbox.Clients, "refs");
        var config = DistributionConfig(null, origin.Id, alb.DnsName!);
        var created = await cloudFront.CreateDistributionAsync(new CreateDistributionRequest(config), Ct);

        var missing = await ExpectErrorAsync(
            () => cloudFront.DeleteDistributionAsync(new DeleteDistributionRequest(created.Distribution.Id, ""), Ct), "InvalidIfMatchVersion");
        var reused = await ExpectErrorAsync(
            () => cloudFront.CreateDistributionAsync(new CreateDistributionRequest(config with { Comment = "another config" }), Ct), "DistributionAlreadyExists");
        var unknown = await ExpectErrorAsync(
            () => cloudFront.GetDistributionConfigAsync(new GetDistributionConfigRequest("E0000000000000"), Ct), "NoSuchDistribution");

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Under_the_fast_profile_a_vpc_origin_on_an_active_alb_is_seen_Deploying_and_then_Deployed()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync("fast");
        var cloudFront = sandbox.Clients.CloudFront;
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "slow", await CreateSecurityGroupAsync(sandbox.Clients, "slow"));
        var notYet = await ExpectErrorAsync(
            () => cloudFront.CreateVpcOriginAsync(new CreateVpcOriginRequest(new VpcOriginEndpointConfig { Name = "early", Arn = alb.LoadBalancerArn }), Ct), "InvalidArgument");
        await Eventually.ReturnsAsync(
            async () => (await sandbox.Clients.ElasticLoadBalancing.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [alb.LoadBalancerArn] }, Ct)).LoadBalancers.Single(),
            lb => lb.State?.Code == LoadBalancerState.Active,
            "the load balancer to be active");

        var created = await cloudFront.CreateVpcOriginAsync(new CreateVpcOriginRequest(new VpcOriginEndpointConfig { Name = "slow", Arn = alb.LoadBalancerArn }), Ct);
        var deployed = await Eventually.ReturnsAsync(() => cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(created.VpcOrigin.Id), Ct), o => o.VpcOrigin.Status == "Deployed", $"VPC origin {created.VpcOrigin.Id} to be Deployed");

        Assert.Contains("not active", notYet.AwsMessage, StringComparison.Ordinal);
        Assert.Equal("Deploying", created.VpcOrigin.Status);
        Assert.Equal("Deployed", deployed.VpcOrigin.Status);
        Assert.False(string.IsNullOrEmpty(deployed.ETag));
    }
}
