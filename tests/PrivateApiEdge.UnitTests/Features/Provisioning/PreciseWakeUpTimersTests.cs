using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class PreciseWakeUpTimersTests
{
    [Fact]
    public void The_advance_is_enqueued_at_the_due_time_and_not_before()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));
        var jobs = new RecordingJobClient();
        using var wakeUps = new PreciseWakeUpTimers(jobs, time, NullLogger<PreciseWakeUpTimers>.Instance);
        var id = Guid.NewGuid();

        wakeUps.WakeAt(id, time.GetUtcNow() + TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromMilliseconds(2000));
        Assert.Empty(jobs.Jobs);
        time.Advance(TimeSpan.FromMilliseconds(1));

        var (job, state) = Assert.Single(jobs.Jobs);
        Assert.IsType<EnqueuedState>(state);
        Assert.Equal(nameof(AdvanceDeploymentJob.RunAsync), job.Method.Name);
        Assert.Equal(id, job.Args[0]);
        Assert.Equal(0, wakeUps.Pending);
    }

    [Fact]
    public void An_earlier_wake_replaces_a_later_one_and_a_later_one_does_not_postpone()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));
        var jobs = new RecordingJobClient();
        using var wakeUps = new PreciseWakeUpTimers(jobs, time, NullLogger<PreciseWakeUpTimers>.Instance);
        var id = Guid.NewGuid();
        var start = time.GetUtcNow();

        wakeUps.WakeAt(id, start + TimeSpan.FromSeconds(5));
        wakeUps.WakeAt(id, start + TimeSpan.FromSeconds(2));
        wakeUps.WakeAt(id, start + TimeSpan.FromSeconds(8));
        time.Advance(TimeSpan.FromMilliseconds(2001));
        Assert.Single(jobs.Jobs);
        time.Advance(TimeSpan.FromSeconds(10));

        Assert.Single(jobs.Jobs);
    }

    [Fact]
    public async Task The_job_arms_the_precise_timer_and_keeps_the_scheduled_job_as_fallback()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(45);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        using var wakeUps = new PreciseWakeUpTimers(jobs, harness.Time, NullLogger<PreciseWakeUpTimers>.Instance);
        var job = harness.CreateJob(jobs, wakeUps);

        await job.RunAsync(id, TestContext.Current.CancellationToken);
        Assert.IsType<ScheduledState>(Assert.Single(jobs.Jobs).State);
        harness.Time.Advance(TimeSpan.FromSeconds(45.001));

        Assert.Equal(2, jobs.Jobs.Count);
        Assert.IsType<EnqueuedState>(jobs.Jobs[1].State);
        Assert.Equal(id, jobs.Jobs[1].Job.Args[0]);
    }

    [Fact]
    public async Task Precise_wake_ups_can_be_switched_off()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Options.PreciseWakeUp = false;
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        using var wakeUps = new PreciseWakeUpTimers(jobs, harness.Time, NullLogger<PreciseWakeUpTimers>.Instance);
        var job = harness.CreateJob(jobs, wakeUps);

        await job.RunAsync(id, TestContext.Current.CancellationToken);

        Assert.Equal(0, wakeUps.Pending);
        Assert.IsType<ScheduledState>(Assert.Single(jobs.Jobs).State);
    }

    [Fact]
    public async Task A_duplicate_wake_up_does_no_harm()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(10);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var job = harness.CreateJob(jobs);
        await job.RunAsync(id, TestContext.Current.CancellationToken);
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        // The precise timer's advance and the scheduled fallback arrive together, then the fallback once more late.
        await Task.WhenAll(
            job.RunAsync(id, TestContext.Current.CancellationToken),
            job.RunAsync(id, TestContext.Current.CancellationToken));
        await job.RunAsync(id, TestContext.Current.CancellationToken);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Equal(DeploymentStatus.Succeeded, status);
        var deployment = await harness.LoadAsync(id);
        var endpoint = deployment.Steps.Single(s => s.Phase == DeploymentPhase.Provision && s.Name == StepNames.VpcEndpoint);
        Assert.Equal(1, endpoint.Attempts);
        Assert.Equal(2, endpoint.Executions);
        Assert.Equal(StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
    }

    [Fact]
    public async Task A_lost_in_process_timer_is_covered_by_the_scheduled_job()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(10);
        var id = await harness.CreateDeploymentAsync();
        var jobs = new RecordingJobClient();
        var wakeUps = new PreciseWakeUpTimers(jobs, harness.Time, NullLogger<PreciseWakeUpTimers>.Instance);
        var job = harness.CreateJob(jobs, wakeUps);
        await job.RunAsync(id, TestContext.Current.CancellationToken);

        // The process restarts before the timer fires: only Hangfire's scheduled job is left, and it runs late.
        wakeUps.Dispose();
        harness.Time.Advance(TimeSpan.FromSeconds(25));
        var scheduled = Assert.Single(jobs.Jobs);
        Assert.IsType<ScheduledState>(scheduled.State);
        await job.RunAsync((Guid)scheduled.Job.Args[0], TestContext.Current.CancellationToken);

        var endpoint = (await harness.LoadAsync(id)).Steps.Single(s => s.Phase == DeploymentPhase.Provision && s.Name == StepNames.VpcEndpoint);
        Assert.Equal(StepStatus.Succeeded, endpoint.Status);
    }
}
