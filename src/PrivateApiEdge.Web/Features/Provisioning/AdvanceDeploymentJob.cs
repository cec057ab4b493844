using Hangfire;
using Microsoft.Extensions.Options;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The Hangfire job behind every deployment: advances it once, then schedules itself for the earliest wait.
/// ID-only and idempotent: duplicate or retried runs are safe (the engine's lease lets one advance at a time).
/// With <see cref="ProvisioningOptions.PreciseWakeUp"/> an in-process timer also enqueues it at the exact due time;
/// the scheduled job stays as the durable fallback.
/// </summary>
public sealed class AdvanceDeploymentJob(
    ProvisioningEngine engine,
    IBackgroundJobClient jobs,
    TimeProvider time,
    ILogger<AdvanceDeploymentJob> logger,
    DeploymentWakeUps? wakeUps = null,
    IOptions<ProvisioningOptions>? options = null)
{
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
                jobs.Schedule<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, CancellationToken.None), delay);
                if (wakeUps is not null && (options?.Value.PreciseWakeUp ?? true))
                {
                    wakeUps.WakeAt(deploymentId, wakeAt);
                }
            }
        }
    }
}
