using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Advances one deployment as far as it can go right now: takes the deployment's lease, applies the user's
/// command, runs every ready step (independent ones concurrently, each through the <see cref="StepRunner"/>),
/// applies their results to the deployment, and returns when the next thing to do is a wait.
/// It never sleeps: the caller schedules the next advance at <see cref="AdvanceResult.NextWakeAt"/>.
/// </summary>
public sealed class ProvisioningEngine(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStepCatalog catalog,
    StepRunner stepRunner,
    IDeploymentProgressNotifier notifier,
    ProvisioningMetrics metrics,
    TimeProvider time,
    IOptions<ProvisioningOptions> options,
    ILogger<ProvisioningEngine> logger)
{
    private readonly ProvisioningOptions _options = options.Value;

    public async Task<AdvanceResult> AdvanceAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginDeploymentScope(deploymentId);
        using var activity = PortalTelemetry.ActivitySource.StartActivity("deployment.advance");
        activity?.SetTag(PortalTelemetry.DeploymentIdTag, deploymentId.ToString());
        try
        {
            var result = await AdvanceUnderLeaseAsync(deploymentId, cancellationToken);
            activity?.SetTag(PortalTelemetry.OutcomeTag, result.Outcome.ToString());
            activity?.SetTag("deployment.status", result.Status?.ToString());
            logger.LogDebug("Advance of deployment {DeploymentId}: {Outcome}, status {Status}, next wake {NextWakeAt}", deploymentId, result.Outcome, result.Status, result.NextWakeAt);
            return result;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            activity?.SetTag(PortalTelemetry.OutcomeTag, "error");
            throw;
        }
    }

    private async Task<AdvanceResult> AdvanceUnderLeaseAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        var leaseId = Guid.NewGuid();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (!await DeploymentLease.TryAcquireAsync(db, deploymentId, leaseId, time.GetUtcNow(), _options.LeaseDuration, cancellationToken))
            {
                var holder = await db.Deployments.AsNoTracking().Where(d => d.Id == deploymentId)
                    .Select(d => new { d.LeaseExpiresAt }).SingleOrDefaultAsync(cancellationToken);

                // A live holder takes care of whatever comes next; a dead one (its worker was killed) never will,
                // so the caller looks again once the lease has expired.
                return holder is null ? AdvanceResult.NotFound : AdvanceResult.Busy with { NextWakeAt = holder.LeaseExpiresAt };
            }
        }

        AdvanceResult result;
        metrics.AdvanceStarted();
        try
        {
            result = await RunAsync(deploymentId, leaseId, cancellationToken);
        }
        finally
        {
            metrics.AdvanceEnded();
            await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
            await DeploymentLease.ReleaseAsync(db, deploymentId, leaseId, CancellationToken.None);
        }

        // Something may have arrived between our last look and the release; the busy advance that saw it left it to us.
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var now = time.GetUtcNow();
            var late = await db.Deployments.AsNoTracking()
                .Where(d => d.Id == deploymentId)
                .Select(d => new { d.CommandSequence, d.AppliedCommandSequence, d.ScheduledWakeAt })
                .SingleAsync(cancellationToken);
            if (late.CommandSequence > late.AppliedCommandSequence || late.ScheduledWakeAt <= now)
            {
                result = result with { RunAgain = true };
            }
        }

        return result;
    }

    private async Task<AdvanceResult> RunAsync(Guid deploymentId, Guid leaseId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deployment = await db.Deployments.Include(d => d.Steps).SingleAsync(d => d.Id == deploymentId, cancellationToken);
        using var leased = new LeasedDeployment(db, deployment, leaseId, time, _options, notifier);

        var statusBefore = deployment.Status;
        await leased.ChangeAsync(d => d.BeginAdvance(leased.Now), cancellationToken);
        if (deployment.Status != statusBefore)
        {
            await leased.PublishAsync(null, null, $"Deployment is {deployment.Status}");
        }

        while (true)
        {
            await ApplyPendingCommandAsync(leased, cancellationToken);
            if (!deployment.IsFinished)
            {
                await RunReadyStepsAsync(leased, cancellationToken);
            }

            if (await leased.ApplyAsync(d => d.SettleWithNote(leased.Now), cancellationToken) is { } settled)
            {
                await leased.PublishAsync(settled);
            }

            if (await leased.ReadPendingCommandAsync(cancellationToken) is not null)
            {
                continue;
            }

            if (deployment.NeedsRollback)
            {
                await leased.ApplyAndPublishAsync(d => d.BeginRollback(TeardownStepNames(), leased.Now), cancellationToken);
                continue;
            }

            break;
        }

        var wake = deployment.IsFinished ? null : StepScheduler.EarliestWake(deployment.ActiveSteps, leased.Now);
        var schedule = wake is not null && wake != deployment.ScheduledWakeAt;
        if (schedule)
        {
            await leased.ChangeAsync(d => d.SetScheduledWake(wake), cancellationToken);
        }

        return new AdvanceResult(AdvanceOutcome.Advanced, deployment.Status, schedule ? wake : null, RunAgain: false);
    }

    private async Task ApplyPendingCommandAsync(LeasedDeployment leased, CancellationToken cancellationToken)
    {
        if (await leased.ReadPendingCommandAsync(cancellationToken) is not { } command)
        {
            return;
        }

        var statusBefore = leased.Deployment.Status;
        var note = await leased.ApplyAsync(d => d.ApplyCommand(command.Sequence, command.Action, command.Step, TeardownStepNames(), leased.Now), cancellationToken);
        if (leased.Deployment.Status != statusBefore)
        {
            await leased.PublishAsync(note!);
        }
    }

    /// <summary>
    /// Launches ready steps up to the parallel limit, applies each result as it arrives and launches what it
    /// unlocked, until nothing runs. A user command that arrives meanwhile stops the launching: the running steps
    /// finish and the advance returns to apply it, so a teardown never waits for a long provisioning run.
    /// </summary>
    private async Task RunReadyStepsAsync(LeasedDeployment leased, CancellationToken cancellationToken)
    {
        var plan = catalog.Plan(leased.Deployment.Phase);
        var running = new Dictionary<string, Task<StepExecution>>(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            var launching = true;
            while (true)
            {
                if (launching && await LaunchReadyStepsAsync(leased, plan, running, stop.Token, cancellationToken))
                {
                    // A step completed on the spot (skipped, or no code for it), which may make others ready.
                    continue;
                }

                if (running.Count == 0)
                {
                    return;
                }

                var execution = await await Task.WhenAny(running.Values);
                running.Remove(execution.Step);
                await leased.ApplyAndPublishAsync(d => d.ApplyStepExecution(execution, _options, leased.Now), cancellationToken);
                launching = await leased.ReadPendingCommandAsync(cancellationToken) is null;
            }
        }
        catch
        {
            await stop.CancelAsync();
            await DrainAsync(running.Values);
            throw;
        }
    }

    /// <returns>Whether a step completed without running (so that more may be ready now).</returns>
    private async Task<bool> LaunchReadyStepsAsync(
        LeasedDeployment leased,
        IReadOnlyList<StepDefinition> plan,
        Dictionary<string, Task<StepExecution>> running,
        CancellationToken stepCancellation,
        CancellationToken cancellationToken)
    {
        var deployment = leased.Deployment;
        var phase = deployment.Phase;
        var completedOnTheSpot = false;
        foreach (var name in StepScheduler.ReadySteps(plan, deployment.ActiveSteps, leased.Now, running.Keys.ToHashSet(StringComparer.Ordinal)))
        {
            if (running.Count >= _options.MaxParallelSteps)
            {
                break;
            }

            var step = catalog.Find(phase, name);
            if (phase == DeploymentPhase.Teardown && (step is null || deployment.FindStep(DeploymentPhase.Provision, name)?.HasCreatedAnything != true))
            {
                await leased.ApplyAndPublishAsync(d => d.SkipTeardownOfNothing(name, leased.Now), cancellationToken);
                completedOnTheSpot = true;
                continue;
            }

            if (step is null)
            {
                await leased.ChangeAsync(d => d.FailStep(name, "No implementation for this step.", leased.Now), cancellationToken);
                await leased.PublishAsync(name, StepStatus.Failed, "No implementation");
                completedOnTheSpot = true;
                continue;
            }

            await leased.ChangeAsync(d => d.StartStep(name, leased.Now), cancellationToken);
            await leased.PublishAsync(name, StepStatus.Running, $"Step '{name}' started");
            running[name] = stepRunner.RunAsync(leased, step, stepCancellation);
        }

        return completedOnTheSpot;
    }

    private IEnumerable<string> TeardownStepNames() => catalog.Plan(DeploymentPhase.Teardown).Select(s => s.Name);

    private static async Task DrainAsync(IEnumerable<Task<StepExecution>> tasks)
    {
        foreach (var task in tasks)
        {
            try
            {
                await task;
            }
#pragma warning disable CA1031 // The run is already failing with the first error; the others only need to stop.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
        }
    }
}
