using Hangfire;
using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The Hangfire job behind every deployment: advances it once, then schedules itself for the earliest wait.
/// ID-only and idempotent: duplicate or retried runs are safe (the engine's lease lets one advance at a time).
/// With <see cref="ProvisioningOptions.PreciseWakeUp"/> an in-process timer also enqueues it at the exact due time;
/// the scheduled job stays as the durable fallback.
/// </summary>
/// <remarks>
/// Hangfire keeps a scheduled job's due time in whole seconds (truncated), so a job scheduled for 10.7 s is queued
/// as soon as its poller ticks after 10.0 s. An advance that runs before the wait it was scheduled for finds
/// nothing due and, the wake being scheduled already, schedules nothing: the deployment would stall for good.
/// So the job is scheduled for the next whole second and carries its due time; a run that still comes early
/// (clocks of several instances disagree) puts itself back instead of advancing.
/// </remarks>
public sealed class AdvanceDeploymentJob(
    ProvisioningEngine engine,
    IBackgroundJobClient jobs,
    PreciseWakeUpTimers wakeUpTimers,
    TimeProvider time,
    IOptions<ProvisioningOptions> options,
    ILogger<AdvanceDeploymentJob> logger)
{
    /// <summary>The scheduled form: advances only once <paramref name="dueAt"/> has passed on this instance's clock.</summary>
    public async Task RunAsync(Guid deploymentId, DateTimeOffset dueAt, CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() < dueAt)
        {
            logger.LogDebug("Advance of deployment {DeploymentId} ran before its due time {DueAt}; scheduled again", deploymentId, dueAt);
            Schedule(deploymentId, dueAt);
            return;
        }

        await RunAsync(deploymentId, cancellationToken);
    }

    public async Task RunAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        var result = await engine.AdvanceAsync(deploymentId, cancellationToken);
        switch (result.Outcome)
        {
            case AdvanceOutcome.NotFound:
                logger.LogWarning("Deployment {DeploymentId} no longer exists; nothing to advance", deploymentId);
                return;
            case AdvanceOutcome.Busy:
                logger.LogDebug("Deployment {DeploymentId} is being advanced by another run", deploymentId);
                if (result.NextWakeAt is { } leaseExpiry)
                {
                    Schedule(deploymentId, leaseExpiry);
                }

                return;
        }

        if (result.RunAgain)
        {
            jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, CancellationToken.None));
        }

        if (result.NextWakeAt is { } wakeAt)
        {
            var delay = wakeAt - time.GetUtcNow();
            if (delay <= TimeSpan.Zero)
            {
                jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, CancellationToken.None));
            }
            else
            {
                Schedule(deploymentId, wakeAt);
                if (options.Value.PreciseWakeUp)
                {
                    wakeUpTimers.WakeAt(deploymentId, wakeAt);
                }
            }
        }
    }

    /// <summary>The next whole second at or after <paramref name="at"/>: Hangfire's second-granular schedule never queues it early.</summary>
    internal static DateTimeOffset ScheduleTime(DateTimeOffset at)
    {
        var remainder = at.UtcTicks % TimeSpan.TicksPerSecond;
        return remainder == 0 ? at : at.AddTicks(TimeSpan.TicksPerSecond - remainder);
    }

    private void Schedule(Guid deploymentId, DateTimeOffset dueAt) =>
        jobs.Schedule<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, dueAt, CancellationToken.None), ScheduleTime(dueAt));
}
