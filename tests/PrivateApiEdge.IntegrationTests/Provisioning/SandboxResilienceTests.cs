using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

public sealed class SandboxResilienceTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(21)]
    [InlineData(34)]
    [InlineData(55)]
    public async Task A_crash_at_a_save_then_resume_creates_each_resource_exactly_once(int crashAt)
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo($"crash{crashAt}"));
        sandbox.CrashAt(crashAt);
        try
        {
            await sandbox.RunUntilSettledAsync(id);
        }
        catch (DeploymentPersistenceException)
        {
            // The simulated crash; what follows is the next job run.
        }

        sandbox.StopCrashing();
        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.True(status == DeploymentStatus.Succeeded, $"{deployment.FailedStep}: {deployment.Error}");
        var ours = (await sandbox.InventoryAsync()).Where(r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString()).ToList();
        var duplicated = ours.Where(r => !r.Type.Contains("rule", StringComparison.OrdinalIgnoreCase) && !r.Type.Contains("record", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => (r.Type, Resource: r.Tags.GetValueOrDefault(TrackingTags.Resource)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Type}/{g.Key.Resource} x{g.Count()}")
            .ToList();
        Assert.Empty(duplicated);

        await sandbox.RequestTeardownAsync(id);
        Assert.Equal(DeploymentStatus.TornDown, await sandbox.RunUntilSettledAsync(id));
        Assert.DoesNotContain(await sandbox.InventoryAsync(), r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString());
    }

    [Theory]
    [InlineData(OutputKeys.AlbSecurityGroupId)]
    [InlineData(OutputKeys.EndpointSecurityGroupId)]
    [InlineData(OutputKeys.VpcEndpointId)]
    [InlineData(OutputKeys.RestApiId)]
    [InlineData(OutputKeys.TargetGroupArn)]
    [InlineData(OutputKeys.LoadBalancerArn)]
    [InlineData(OutputKeys.VpcOriginId)]
    [InlineData(OutputKeys.DistributionId)]
    [InlineData(OutputKeys.ChangeId)]
    public async Task A_crash_between_a_create_and_recording_its_id_is_resumed_by_adopting_the_resource(string outputKey)
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("adopt"));
        sandbox.CrashWhenRecording(outputKey);
        await Assert.ThrowsAsync<DeploymentPersistenceException>(() => sandbox.RunUntilSettledAsync(id));
        var crashed = await sandbox.LoadAsync(id);
        Assert.DoesNotContain(crashed.Steps, s => s.Outputs.ContainsKey(outputKey));
        Assert.Contains(crashed.Steps, s => s.HasCreatedAnything);

        sandbox.StopCrashing();
        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        Assert.True(status == DeploymentStatus.Succeeded, $"{deployment.FailedStep}: {deployment.Error}");
        var ours = (await sandbox.InventoryAsync()).Where(r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == id.ToString()).ToList();
        var duplicated = ours.Where(r => !r.Type.Contains("rule", StringComparison.OrdinalIgnoreCase) && !r.Type.Contains("record", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => (r.Type, Resource: r.Tags.GetValueOrDefault(TrackingTags.Resource)))
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key.Type}/{g.Key.Resource} x{g.Count()}");
        Assert.Empty(duplicated);
        var recorded = deployment.Steps.SelectMany(s => s.Outputs).Where(o => o.Key == outputKey).Select(o => o.Value).Single();
        Assert.Contains(ours, r => r.Id == recorded || r.Arn == recorded || outputKey == OutputKeys.ChangeId);
    }

    [Fact]
    public async Task A_second_deployment_in_the_vpc_reuses_the_endpoint_and_its_teardown_leaves_the_first_working()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var first = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("first"));
        Assert.Equal(DeploymentStatus.Succeeded, await sandbox.RunUntilSettledAsync(first));
        var firstEndpoint = (await sandbox.LoadAsync(first)).Step(DeploymentPhase.Provision, StepNames.VpcEndpoint).Outputs[OutputKeys.VpcEndpointId];

        var second = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo("second"));
        var secondStatus = await sandbox.RunUntilSettledAsync(second);
        var secondDeployment = await sandbox.LoadAsync(second);
        Assert.True(secondStatus == DeploymentStatus.Succeeded, $"{secondDeployment.FailedStep}: {secondDeployment.Error}");
        var endpointStep = secondDeployment.Step(DeploymentPhase.Provision, StepNames.VpcEndpoint);
        Assert.Equal(firstEndpoint, endpointStep.Outputs[OutputKeys.VpcEndpointId]);
        Assert.Equal("true", endpointStep.Outputs[OutputKeys.VpcEndpointReused]);

        await sandbox.RequestTeardownAsync(second);
        Assert.Equal(DeploymentStatus.TornDown, await sandbox.RunUntilSettledAsync(second));

        var inventory = await sandbox.InventoryAsync();
        Assert.Contains(inventory, r => r.Id == firstEndpoint);
        Assert.DoesNotContain(inventory, r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == second.ToString());
        await sandbox.RequestRetryAsync(first, StepNames.EndpointTest);
        Assert.Equal(DeploymentStatus.Succeeded, await sandbox.RunUntilSettledAsync(first));
        var retest = DeploymentService.LastEndpointTest(await sandbox.LoadAsync(first));
        Assert.True(retest!.Passed, $"{retest.StatusCode} {retest.FailingHop}: {retest.Diagnosis}");
    }
}
