using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class ProvisioningEngineTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_deployment_runs_every_step_once_and_succeeds()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();

        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        var deployment = await harness.LoadAsync(id);
        Assert.All(deployment.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.All(deployment.Steps, s => Assert.Equal(1, s.Attempts));
        Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
        Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.CreateCalls);
    }

    [Fact]
    public async Task Every_step_starts_only_after_all_its_dependencies_finished()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();

        await harness.RunUntilSettledAsync(id);

        foreach (var step in StepPlan.Provisioning)
        {
            foreach (var dependency in step.DependsOn)
            {
                Assert.True(
                    harness.Journal.Last(DeploymentPhase.Provision, dependency, "done") < harness.Journal.First(DeploymentPhase.Provision, step.Name, "start"),
                    $"{step.Name} started before {dependency} finished");
            }
        }
    }

    [Fact]
    public async Task Independent_steps_run_at_the_same_time()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var privateApiStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var targetGroupStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each waits for the other to have started: this only finishes if both run concurrently.
        harness.Behaviors[StepNames.PrivateApi].Gate = async ct =>
        {
            privateApiStarted.TrySetResult();
            await targetGroupStarted.Task.WaitAsync(Timeout, ct);
        };
        harness.Behaviors[StepNames.TargetGroup].Gate = async ct =>
        {
            targetGroupStarted.TrySetResult();
            await privateApiStarted.Task.WaitAsync(Timeout, ct);
        };
        var id = await harness.CreateDeploymentAsync();

        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
    }

    [Fact]
    public async Task A_waiting_step_ends_the_advance_and_asks_to_be_woken_at_its_poll_time()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 2;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(20);
        var id = await harness.CreateDeploymentAsync();

        var first = await harness.AdvanceOnceAsync(id);

        Assert.Equal(DeploymentStatus.Provisioning, first.Status);
        Assert.Equal(harness.Time.GetUtcNow().AddSeconds(20), first.NextWakeAt);
        var deployment = await harness.LoadAsync(id);
        Assert.Equal(StepStatus.Waiting, deployment.Step(DeploymentPhase.Provision, StepNames.VpcEndpoint).Status);
        Assert.Equal(StepStatus.Pending, deployment.Step(DeploymentPhase.Provision, StepNames.TargetGroup).Status);

        var early = await harness.AdvanceOnceAsync(id);
        Assert.Null(early.NextWakeAt);
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.VpcEndpoint, "wait"));

        Assert.Equal(DeploymentStatus.Succeeded, await harness.RunUntilSettledAsync(id));
        Assert.Equal(2, harness.Journal.Count(DeploymentPhase.Provision, StepNames.VpcEndpoint, "wait"));
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.VpcEndpoint, "create"));
    }

    [Fact]
    public async Task Only_one_advance_runs_a_deployment_at_a_time()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var inside = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Behaviors[StepNames.Preflight].Gate = async ct =>
        {
            inside.TrySetResult();
            await release.Task.WaitAsync(Timeout, ct);
        };
        var id = await harness.CreateDeploymentAsync();
        var first = harness.CreateEngine().AdvanceAsync(id, CancellationToken.None);
        await inside.Task.WaitAsync(Timeout, TestContext.Current.CancellationToken);

        var second = await harness.CreateEngine().AdvanceAsync(id, CancellationToken.None);
        release.SetResult();
        var firstResult = await first;

        Assert.Equal(AdvanceOutcome.Busy, second.Outcome);
        Assert.Equal(DeploymentStatus.Succeeded, firstResult.Status);
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.Preflight, "start"));
    }

    [Fact]
    public async Task A_lease_left_by_a_dead_run_blocks_until_it_expires_then_the_interrupted_step_adopts_its_resource()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        // A run that died right after creating the first resource: intent saved, resource made, id not saved, lease kept.
        await using (var db = harness.Database.CreateDbContext())
        {
            var deployment = await db.Deployments.Include(d => d.Steps).SingleAsync(d => d.Id == id, TestContext.Current.CancellationToken);
            deployment.BeginAdvance(harness.Time.GetUtcNow());
            deployment.StartStep(StepNames.SecurityGroups, harness.Time.GetUtcNow());
            deployment.RecordIntent(StepNames.SecurityGroups, "resource", IdempotencyKeys.For(id, StepNames.SecurityGroups, "resource"), harness.Time.GetUtcNow());
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseId, Guid.NewGuid())
                .SetProperty(d => d.LeaseExpiresAt, harness.Time.GetUtcNow().AddMinutes(5)), TestContext.Current.CancellationToken);
        }

        harness.Cloud.Create(StepNames.SecurityGroups, IdempotencyKeys.For(id, StepNames.SecurityGroups, "resource"));

        var blocked = await harness.CreateEngine().AdvanceAsync(id, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromMinutes(6));
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(AdvanceOutcome.Busy, blocked.Outcome);
        Assert.Equal(DeploymentStatus.Succeeded, status);
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.SecurityGroups, "adopt"));
        Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
    }

    [Fact]
    public async Task A_crash_at_any_save_then_resume_completes_without_leaking_or_duplicating_a_resource()
    {
        int totalSaves;
        await using (var clean = await EngineHarness.CreateAsync())
        {
            var counter = new CrashAtSaveInterceptor(int.MaxValue);
            clean.Database.AddInterceptor(counter);
            var id = await clean.CreateDeploymentAsync();
            var before = counter.Saves;
            Assert.Equal(DeploymentStatus.Succeeded, await clean.RunUntilSettledAsync(id));
            totalSaves = counter.Saves - before;
        }

        Assert.True(totalSaves > StepPlan.Provisioning.Count * 3, $"only {totalSaves} saves");
        for (var crashAt = 1; crashAt <= totalSaves; crashAt++)
        {
            await using var harness = await EngineHarness.CreateAsync();
            harness.Behaviors[StepNames.VpcOrigin].Waits = 1;
            var id = await harness.CreateDeploymentAsync();
            harness.Database.AddInterceptor(new CrashAtSaveInterceptor(crashAt));

            var crashed = false;
            try
            {
                await harness.RunUntilSettledAsync(id);
            }
            catch (DeploymentPersistenceException)
            {
                crashed = true;
            }

            harness.Database.ClearInterceptors();
            var status = await harness.RunUntilSettledAsync(id);

            Assert.Equal(DeploymentStatus.Succeeded, status);
            Assert.True(crashed || crashAt > totalSaves - 2, $"no crash at save {crashAt}");
            var perStep = harness.Cloud.Resources.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(StepPlan.Teardown, s => Assert.Equal(1, perStep.GetValueOrDefault(s.Name)));
            Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
            var deployment = await harness.LoadAsync(id);
            Assert.All(deployment.Steps.Where(s => s.HasCreatedAnything), s => Assert.True(harness.Cloud.Exists(s.Outputs["id"]), $"{s.Name} lost its resource id (crash at save {crashAt})"));
        }
    }

    [Fact]
    public async Task A_failed_step_fails_the_deployment_and_resume_runs_it_again()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.ApiDomain].Failures = 1;
        var id = await harness.CreateDeploymentAsync();

        var failed = await harness.RunUntilSettledAsync(id);
        var afterFailure = await harness.LoadAsync(id);
        await harness.RequestAsync(id, DeploymentAction.Resume);
        var resumed = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Failed, failed);
        Assert.Equal(StepNames.ApiDomain, afterFailure.FailedStep);
        Assert.Contains("failed on purpose", afterFailure.Error, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Pending, afterFailure.Step(DeploymentPhase.Provision, StepNames.Distribution).Status);
        Assert.Equal(DeploymentStatus.Succeeded, resumed);
        var deployment = await harness.LoadAsync(id);
        Assert.Equal(2, deployment.Step(DeploymentPhase.Provision, StepNames.ApiDomain).Attempts);
        Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
    }

    [Fact]
    public async Task Retrying_one_step_runs_only_that_step_again()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);

        await harness.RequestAsync(id, DeploymentAction.RetryStep, StepNames.EndpointTest);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        Assert.Equal(2, harness.Journal.Count(DeploymentPhase.Provision, StepNames.EndpointTest, "start"));
        Assert.Equal(1, harness.Journal.Count(DeploymentPhase.Provision, StepNames.Distribution, "start"));
    }

    [Fact]
    public async Task Transient_aws_errors_become_waits_and_the_step_then_succeeds()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.TargetGroup].TransientErrors = 3;
        var id = await harness.CreateDeploymentAsync();

        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        var step = (await harness.LoadAsync(id)).Step(DeploymentPhase.Provision, StepNames.TargetGroup);
        Assert.Equal(4, step.Executions);
        Assert.Equal(0, step.ConsecutiveTransientErrors);
    }

    [Fact]
    public async Task A_step_that_keeps_getting_throttled_fails_with_the_aws_error()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Options.MaxConsecutiveTransientErrors = 2;
        harness.Behaviors[StepNames.TargetGroup].TransientErrors = 10;
        var id = await harness.CreateDeploymentAsync();

        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Failed, status);
        Assert.Contains("Throttling", (await harness.LoadAsync(id)).Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_events_are_published_for_each_step_and_the_final_status()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        var events = new List<DeploymentProgressEvent>();
        using var subscription = harness.Notifier.Subscribe(id, e =>
        {
            lock (events)
            {
                events.Add(e);
            }

            return Task.CompletedTask;
        });

        await harness.RunUntilSettledAsync(id);

        Assert.All(StepPlan.Provisioning, s => Assert.Contains(events, e => e.Step == s.Name && e.StepStatus == StepStatus.Succeeded));
        Assert.Equal(DeploymentStatus.Succeeded, events[^1].Status);
    }

    [Fact]
    public async Task Every_change_is_logged_and_timed()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.Distribution].Waits = 1;
        harness.Behaviors[StepNames.Distribution].WaitDelay = TimeSpan.FromMinutes(3);
        var id = await harness.CreateDeploymentAsync();

        await harness.RunUntilSettledAsync(id);

        await using var db = harness.Database.CreateDbContext();
        var log = await db.DeploymentLog.Where(l => l.DeploymentId == id).OrderBy(l => l.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(log, l => l.Step == StepNames.Distribution && l.Message.StartsWith("Waiting until", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Message == "Deployment is Succeeded.");
        var distribution = (await harness.LoadAsync(id)).Step(DeploymentPhase.Provision, StepNames.Distribution);
        Assert.Equal(TimeSpan.FromMinutes(3), distribution.Duration);
    }
}
