using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

public sealed class SandboxProvisioningTests
{
    [Fact]
    public async Task A_deployment_provisions_against_the_sandbox_passes_the_endpoint_test_and_tears_down_without_leaks()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var seededBefore = (await sandbox.InventoryAsync(seeded: true)).Select(r => r.Id).Order().ToList();
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo());

        var provisioned = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.True(provisioned == DeploymentStatus.Succeeded, $"{deployment.FailedStep}: {deployment.Error}");
        var test = DeploymentService.LastEndpointTest(deployment);
        Assert.NotNull(test);
        Assert.True(test.Passed, $"{test.StatusCode} {test.FailingHop}: {test.Diagnosis}");
        Assert.Contains("Hello from API GW", test.Body, StringComparison.Ordinal);
        Assert.All(deployment.Steps.Where(s => s.Name != StepNames.EndpointTest), s => Assert.True(s.AwsCalls > 0, $"{s.Name} counted no AWS call"));
        Assert.Equal(deployment.Steps.Sum(s => s.AwsCalls), deployment.AwsCalls);
        var ours = (await sandbox.InventoryAsync()).Where(r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString()).ToList();
        Assert.Contains(ours, r => r.Type.Contains("distribution", StringComparison.OrdinalIgnoreCase));
        Assert.All(ours, r => Assert.Equal("payments", r.Tags.GetValueOrDefault("team")));

        await sandbox.RequestTeardownAsync(id);
        var tornDown = await sandbox.RunUntilSettledAsync(id);

        deployment = await sandbox.LoadAsync(id);
        Assert.True(tornDown == DeploymentStatus.TornDown, $"{deployment.FailedStep}: {deployment.Error}");
        var left = (await sandbox.InventoryAsync()).Where(r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString()).ToList();
        Assert.Empty(left.Select(r => $"{r.Type} {r.Id}"));
        Assert.Equal(seededBefore, (await sandbox.InventoryAsync(seeded: true)).Select(r => r.Id).Order().ToList());
    }

    [Theory]
    [InlineData(GeoRestrictionType.Block, "blacklist", "RU", "DE")]
    [InlineData(GeoRestrictionType.Allow, "whitelist", "DE", "US")]
    public async Task A_geo_restriction_ends_up_on_the_distribution_and_cloudfront_answers_403_where_it_blocks(
        GeoRestrictionType type, string cloudFrontType, string listed, string other)
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var request = DeploymentRequests.Demo("geo") with { GeoRestriction = new GeoRestriction(type, [listed, "KP"]) };
        var id = await sandbox.CreateDeploymentAsync(request);

        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.True(status == DeploymentStatus.Succeeded, $"{deployment.FailedStep}: {deployment.Error}");
        var distributionId = deployment.Steps.Single(s => s.Name == StepNames.Distribution).Outputs[OutputKeys.DistributionId];
        var config = await sandbox.Aws.CloudFront.GetDistributionConfigAsync(new Web.Aws.CloudFront.GetDistributionConfigRequest(distributionId), TestContext.Current.CancellationToken);
        var geo = config.DistributionConfig.Config.Restrictions?.GeoRestriction;
        Assert.Equal(cloudFrontType, geo?.RestrictionType);
        Assert.Equal([listed, "KP"], geo?.Items);

        using var blocked = await sandbox.ViewerGetAsync(request.DomainName, type == GeoRestrictionType.Block ? listed : other);
        using var served = await sandbox.ViewerGetAsync(request.DomainName, type == GeoRestrictionType.Block ? other : listed);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, blocked.StatusCode);
        Assert.StartsWith("distribution:", blocked.Headers.GetValues("X-Sandbox-Failed-Hop").Single(), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task Without_a_geo_restriction_the_distribution_is_sent_restriction_type_none()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("nogeo"));

        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.True(status == DeploymentStatus.Succeeded, $"{deployment.FailedStep}: {deployment.Error}");
        var distributionId = deployment.Steps.Single(s => s.Name == StepNames.Distribution).Outputs[OutputKeys.DistributionId];
        var config = await sandbox.Aws.CloudFront.GetDistributionConfigAsync(new Web.Aws.CloudFront.GetDistributionConfigRequest(distributionId), TestContext.Current.CancellationToken);
        Assert.Equal("none", config.DistributionConfig.Config.Restrictions?.GeoRestriction.RestrictionType);
    }

    [Fact]
    public async Task A_failing_preflight_creates_nothing()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var before = (await sandbox.InventoryAsync()).Select(r => r.Id).Order().ToList();
        var request = DeploymentRequests.Demo() with
        {
            VpcId = PrivateApiEdge.Sandbox.Seed.SandboxSeed.VpcWithoutDnsHostnamesId,
            SubnetIds = [PrivateApiEdge.Sandbox.Seed.SandboxSeed.VpcWithoutDnsHostnamesSubnetAId, PrivateApiEdge.Sandbox.Seed.SandboxSeed.VpcWithoutDnsHostnamesSubnetBId],
        };
        var id = await sandbox.CreateDeploymentAsync(request);

        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.Equal(DeploymentStatus.Failed, status);
        Assert.Equal(StepNames.Preflight, deployment.FailedStep);
        Assert.Contains("enableDnsHostnames", deployment.Error, StringComparison.Ordinal);
        Assert.Equal(before, (await sandbox.InventoryAsync()).Select(r => r.Id).Order().ToList());
    }

    [Fact]
    public async Task Provisioning_and_teardown_complete_with_a_fifth_of_all_calls_failing()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        await sandbox.AddFaultAsync(new SandboxFaultRule { Kind = SandboxFaultKinds.Throttle, Rate = 0.2 });
        await sandbox.AddFaultAsync(new SandboxFaultRule { Kind = SandboxFaultKinds.InternalError, Rate = 0.05 });
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("faulty"));

        var provisioned = await sandbox.RunUntilSettledAsync(id);
        var afterProvision = await sandbox.LoadAsync(id);
        await sandbox.RequestTeardownAsync(id);
        var tornDown = await sandbox.RunUntilSettledAsync(id);
        await sandbox.ClearFaultsAsync();

        Assert.True(provisioned == DeploymentStatus.Succeeded, $"{afterProvision.FailedStep}: {afterProvision.Error}");
        var afterTeardown = await sandbox.LoadAsync(id);
        Assert.True(tornDown == DeploymentStatus.TornDown, $"{afterTeardown.FailedStep}: {afterTeardown.Error}");
        Assert.DoesNotContain(await sandbox.InventoryAsync(), r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString());
    }
}
