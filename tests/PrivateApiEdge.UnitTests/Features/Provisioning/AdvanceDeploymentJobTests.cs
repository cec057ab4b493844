using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class AdvanceDeploymentJobTests
{
    [Fact]
    public async Task The_job_schedules_itself_for_the_earliest_wait()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(45);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);

        await job.RunAsync(id, TestContext.Current.CancellationToken);

        var (scheduled, state) = Assert.Single(jobs.Jobs);
        Assert.Equal(nameof(AdvanceDeploymentJob.RunAsync), scheduled.Method.Name);
        Assert.Equal(id, scheduled.Args[0]);
        var schedule = Assert.IsType<ScheduledState>(state);
        Assert.InRange(schedule.EnqueueAt - harness.Time.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(44), TimeSpan.FromSeconds(46));
    }

    [Fact]
    public async Task The_job_is_scheduled_for_the_whole_second_at_or_after_the_wait_and_carries_its_due_time()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Time.Advance(TimeSpan.FromMilliseconds(300));
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromMilliseconds(10_400);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);

        await job.RunAsync(id, TestContext.Current.CancellationToken);

        var (scheduled, state) = Assert.Single(jobs.Jobs);
        var dueAt = Assert.IsType<DateTimeOffset>(scheduled.Args[1]);
        Assert.Equal(harness.Time.GetUtcNow() + TimeSpan.FromMilliseconds(10_400), dueAt);
        var enqueueAt = Assert.IsType<ScheduledState>(state).EnqueueAt;
        Assert.Equal(0, enqueueAt.Ticks % TimeSpan.TicksPerSecond);
        Assert.InRange(enqueueAt, dueAt.UtcDateTime, dueAt.UtcDateTime.AddSeconds(1));
    }

    [Fact]
    public async Task A_scheduled_advance_that_runs_before_its_due_time_schedules_itself_again_and_touches_nothing()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(20);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);
        await job.RunAsync(id, TestContext.Current.CancellationToken);
        var dueAt = (DateTimeOffset)Assert.Single(jobs.Jobs).Job.Args[1];
        var before = await harness.LoadAsync(id);

        harness.Time.Advance(TimeSpan.FromSeconds(19.5));
        await job.RunAsync(id, dueAt, TestContext.Current.CancellationToken);

        Assert.Equal(2, jobs.Jobs.Count);
        Assert.Equal(dueAt, jobs.Jobs[1].Job.Args[1]);
        var after = await harness.LoadAsync(id);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
        Assert.Equal(StepStatus.Waiting, after.Step(DeploymentPhase.Provision, StepNames.VpcEndpoint).Status);

        harness.Time.Advance(TimeSpan.FromSeconds(0.5));
        await job.RunAsync(id, dueAt, TestContext.Current.CancellationToken);

        Assert.Equal(DeploymentStatus.Succeeded, (await harness.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task A_job_that_finds_the_deployment_held_by_a_dead_run_looks_again_when_its_lease_expires()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        var expires = harness.Time.GetUtcNow().AddSeconds(30);
        await using (var db = harness.Database.CreateDbContext())
        {
            await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.LeaseId, Guid.NewGuid())
                .SetProperty(d => d.LeaseExpiresAt, expires), TestContext.Current.CancellationToken);
        }

        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);

        await job.RunAsync(id, TestContext.Current.CancellationToken);

        var (scheduled, _) = Assert.Single(jobs.Jobs);
        Assert.Equal(expires, scheduled.Args[1]);
        Assert.Equal(DeploymentStatus.Pending, (await harness.LoadAsync(id)).Status);

        harness.Time.Advance(TimeSpan.FromSeconds(31));
        await job.RunAsync(id, expires, TestContext.Current.CancellationToken);

        Assert.Equal(DeploymentStatus.Succeeded, (await harness.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task The_job_schedules_nothing_once_the_deployment_is_finished()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);

        await job.RunAsync(id, TestContext.Current.CancellationToken);
        await job.RunAsync(id, TestContext.Current.CancellationToken);

        Assert.Empty(jobs.Jobs);
        Assert.Equal(DeploymentStatus.Succeeded, (await harness.LoadAsync(id)).Status);
    }
}
