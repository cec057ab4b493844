using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class TeardownTests
{
    [Fact]
    public async Task Teardown_of_a_complete_deployment_deletes_everything_in_the_documented_order()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);

        await harness.RequestAsync(id, DeploymentAction.Teardown);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.Empty(harness.Cloud.Resources);
        foreach (var step in StepPlan.Teardown)
        {
            foreach (var dependency in step.DependsOn)
            {
                Assert.True(
                    harness.Journal.Last(DeploymentPhase.Teardown, dependency, "done") < harness.Journal.First(DeploymentPhase.Teardown, step.Name, "start"),
                    $"{step.Name} was torn down before {dependency}");
            }
        }

        Assert.True(harness.Journal.Last(DeploymentPhase.Teardown, StepNames.DnsRecords, "done") < harness.Journal.First(DeploymentPhase.Teardown, StepNames.Distribution, "start"));
        Assert.True(harness.Journal.Last(DeploymentPhase.Teardown, StepNames.VpcOrigin, "done") < harness.Journal.First(DeploymentPhase.Teardown, StepNames.LoadBalancer, "start"));
        Assert.True(harness.Journal.Last(DeploymentPhase.Teardown, StepNames.LoadBalancer, "done") < harness.Journal.First(DeploymentPhase.Teardown, StepNames.TargetGroup, "start"));
        Assert.True(harness.Journal.Last(DeploymentPhase.Teardown, StepNames.VpcEndpoint, "done") < harness.Journal.First(DeploymentPhase.Teardown, StepNames.SecurityGroups, "start"));
    }

    [Fact]
    public async Task Teardown_never_touches_a_reused_resource()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var endpoint = harness.Cloud.Seed("vpce");
        harness.Behaviors[StepNames.VpcEndpoint].ReuseResourceId = endpoint;
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);

        await harness.RequestAsync(id, DeploymentAction.Teardown);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.True(harness.Cloud.Exists(endpoint));
        Assert.Single(harness.Cloud.Resources);
        var step = (await harness.LoadAsync(id)).Step(DeploymentPhase.Teardown, StepNames.VpcEndpoint);
        Assert.Equal(StepStatus.Skipped, step.Status);
    }

    [Fact]
    public async Task A_resource_already_gone_counts_as_deleted()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);
        var distribution = (await harness.LoadAsync(id)).Step(DeploymentPhase.Provision, StepNames.Distribution).Outputs["id"];
        harness.Cloud.Delete(distribution);

        await harness.RequestAsync(id, DeploymentAction.Teardown);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Teardown, StepNames.Distribution, "already-gone"));
        Assert.Empty(harness.Cloud.Resources);
    }

    [Fact]
    public async Task Teardown_of_a_partial_deployment_deletes_what_was_created_including_an_intent_without_an_id()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.LoadBalancer].Failures = 1;
        var id = await harness.CreateDeploymentAsync();
        Assert.Equal(DeploymentStatus.Failed, await harness.RunUntilSettledAsync(id));
        var created = harness.Cloud.Resources.Count;

        await harness.RequestAsync(id, DeploymentAction.Teardown);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.True(created >= 5);
        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.Empty(harness.Cloud.Resources);
        var deployment = await harness.LoadAsync(id);
        Assert.Equal(StepStatus.Skipped, deployment.Step(DeploymentPhase.Teardown, StepNames.Distribution).Status);
        Assert.Equal(StepStatus.Succeeded, deployment.Step(DeploymentPhase.Teardown, StepNames.TargetGroup).Status);
    }

    [Fact]
    public async Task Automatic_rollback_tears_down_after_a_failure()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.Distribution].Failures = 5;
        var id = await harness.CreateDeploymentAsync(DeploymentRequests.Demo() with { AutoRollback = true });

        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.Empty(harness.Cloud.Resources);
        var deployment = await harness.LoadAsync(id);
        Assert.True(deployment.IsRollback);
        Assert.Equal(StepStatus.Failed, deployment.Step(DeploymentPhase.Provision, StepNames.Distribution).Status);
    }

    [Fact]
    public async Task Teardown_requested_while_a_step_waits_stops_provisioning_and_cleans_up()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcOrigin].ReadyWhen = () => false;
        var id = await harness.CreateDeploymentAsync();
        var first = await harness.AdvanceOnceAsync(id);
        Assert.Equal(DeploymentStatus.Provisioning, first.Status);

        await harness.RequestAsync(id, DeploymentAction.Teardown);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.TornDown, status);
        Assert.Empty(harness.Cloud.Resources);
        Assert.Equal(0, harness.Journal.Count(DeploymentPhase.Provision, StepNames.Distribution, "start"));
    }

    [Fact]
    public async Task A_crash_during_teardown_then_resume_leaves_nothing_behind()
    {
        for (var crashAt = 1; crashAt <= 30; crashAt += 3)
        {
            await using var harness = await EngineHarness.CreateAsync();
            var id = await harness.CreateDeploymentAsync();
            await harness.RunUntilSettledAsync(id);
            await harness.RequestAsync(id, DeploymentAction.Teardown);
            harness.Database.AddInterceptor(new CrashAtSaveInterceptor(crashAt));
            try
            {
                await harness.RunUntilSettledAsync(id);
            }
            catch (DeploymentPersistenceException)
            {
                // the simulated crash; the next run resumes
            }

            harness.Database.ClearInterceptors();
            var status = await harness.RunUntilSettledAsync(id);

            Assert.Equal(DeploymentStatus.TornDown, status);
            Assert.Empty(harness.Cloud.Resources);
        }
    }

    [Fact]
    public async Task A_command_that_makes_no_sense_now_is_ignored_and_logged()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);

        await harness.RequestAsync(id, DeploymentAction.Resume);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.Preflight, "start"));
    }
}
