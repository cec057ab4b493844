using Hangfire;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The Hangfire job behind every deployment: advances it once, then schedules itself for the earliest wait.
/// ID-only and idempotent: duplicate or retried runs are safe (the engine's lease lets one advance at a time).
/// </summary>
public sealed class AdvanceDeploymentJob(ProvisioningEngine engine, IBackgroundJobClient jobs, TimeProvider time, ILogger<AdvanceDeploymentJob> logger)
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
            }
        }
    }
}
