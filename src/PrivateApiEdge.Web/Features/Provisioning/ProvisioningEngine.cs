using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Advances one deployment as far as it can go right now: takes the deployment's lease, runs every ready step
/// (independent ones concurrently), persists after every change, and returns when the next thing to do is a wait.
/// It never sleeps: the caller schedules the next advance at <see cref="AdvanceResult.NextWakeAt"/>.
/// </summary>
public sealed class ProvisioningEngine(
    IDbContextFactory<PortalDbContext> dbFactory,
    IStepCatalog catalog,
    IDeploymentProgressNotifier notifier,
    TimeProvider time,
    IOptions<ProvisioningOptions> options,
    ILogger<ProvisioningEngine> logger,
    IAwsClientFactory? awsClientFactory = null,
    AwsCallMeter? callMeter = null,
    ProvisioningMetrics? metrics = null)
{
    // The meter reports each call on the calling flow, so the step whose code made it is known exactly, even
    // while independent steps of the same deployment (or other deployments) run at the same time.
    private static readonly AsyncLocal<StepCallCounter?> CurrentStep = new();

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
        if (callMeter is not null)
        {
            callMeter.CallRecorded += CountCall;
        }

        metrics?.AdvanceStarted();
        try
        {
            result = await RunAsync(deploymentId, leaseId, cancellationToken);
        }
        finally
        {
            metrics?.AdvanceEnded();
            if (callMeter is not null)
            {
                callMeter.CallRecorded -= CountCall;
            }

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
        using var run = new EngineRun(db, deployment, leaseId, time, _options, notifier);
        AwsClients? aws = null;
        AwsClients Aws() => aws ??= CreateAwsClients(deployment);

        var statusBefore = deployment.Status;
        await run.MutateAsync(d => d.BeginAdvance(run.Now), cancellationToken);
        if (deployment.Status != statusBefore)
        {
            await run.PublishAsync(null, null, $"Deployment is {deployment.Status}");
        }

        while (true)
        {
            await ApplyPendingCommandAsync(run, cancellationToken);
            if (!deployment.IsFinished)
            {
                await RunReadyStepsAsync(run, Aws, cancellationToken);
            }

            statusBefore = deployment.Status;
            await run.MutateAsync(d => d.Settle(run.Now), cancellationToken);
            if (deployment.Status != statusBefore)
            {
                run.Log(null, deployment.Status is DeploymentStatus.Failed or DeploymentStatus.TeardownFailed ? DeploymentLogLevel.Error : DeploymentLogLevel.Info,
                    deployment.FailedStep is null ? $"Deployment is {deployment.Status}." : $"Deployment is {deployment.Status}: step '{deployment.FailedStep}' failed: {deployment.Error}");
                await run.MutateAsync(_ => { }, cancellationToken);
                await run.PublishAsync(null, null, $"Deployment is {deployment.Status}");
            }

            if (await run.ReadPendingCommandAsync(cancellationToken) is not null)
            {
                continue;
            }

            if (deployment.Status == DeploymentStatus.Failed && deployment.Request.AutoRollback && !deployment.IsRollback)
            {
                run.Log(null, DeploymentLogLevel.Warning, "Provisioning failed and automatic rollback is on: tearing down what was created.");
                await run.MutateAsync(d => d.BeginTeardown(TeardownStepNames(), isRollback: true, run.Now), cancellationToken);
                await run.PublishAsync(null, null, "Rolling back");
                continue;
            }

            break;
        }

        var wake = deployment.IsFinished ? null : StepScheduler.EarliestWake(deployment.ActiveSteps, run.Now);
        var schedule = wake is not null && wake != deployment.ScheduledWakeAt;
        if (schedule)
        {
            await run.MutateAsync(d => d.SetScheduledWake(wake), cancellationToken);
        }

        return new AdvanceResult(AdvanceOutcome.Advanced, deployment.Status, schedule ? wake : null, RunAgain: false);
    }

    private async Task ApplyPendingCommandAsync(EngineRun run, CancellationToken cancellationToken)
    {
        var command = await run.ReadPendingCommandAsync(cancellationToken);
        if (command is null)
        {
            return;
        }

        var deployment = run.Deployment;
        var statusBefore = deployment.Status;
        string message;
        Action<Deployment> apply;
        switch (command.Action)
        {
            case DeploymentAction.Resume when deployment.CanResume:
                message = "Resuming from the failed step(s).";
                apply = d => d.Resume(run.Now);
                break;
            case DeploymentAction.RetryStep when command.Step is not null && deployment.FindStep(deployment.Phase, command.Step) is not null
                && deployment.Status is not (DeploymentStatus.Pending or DeploymentStatus.TornDown):
                message = $"Retrying step '{command.Step}'.";
                apply = d => d.RetryStep(command.Step, run.Now);
                break;
            case DeploymentAction.Teardown when deployment.Status != DeploymentStatus.TornDown:
                message = "Tearing down.";
                apply = d => d.BeginTeardown(TeardownStepNames(), isRollback: false, run.Now);
                break;
            default:
                message = $"Ignored '{command.Action}' {command.Step}: not possible while the deployment is {deployment.Status}.";
                apply = _ => { };
                break;
        }

        run.Log(null, DeploymentLogLevel.Info, message);
        await run.MutateAsync(d =>
        {
            apply(d);
            d.MarkCommandApplied(command.Sequence);
        }, cancellationToken);
        if (deployment.Status != statusBefore)
        {
            await run.PublishAsync(null, null, message);
        }
    }

    private async Task RunReadyStepsAsync(EngineRun run, Func<AwsClients> aws, CancellationToken cancellationToken)
    {
        var deployment = run.Deployment;
        var phase = deployment.Phase;
        var plan = catalog.Plan(phase);
        var running = new Dictionary<string, Task<StepResult>>(StringComparer.Ordinal);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var commandPending = false;
        try
        {
            while (true)
            {
                var launchedOrSkipped = false;
                var skipped = false;
                if (!commandPending)
                {
                    var ready = StepScheduler.ReadySteps(plan, deployment.ActiveSteps, run.Now, running.Keys.ToHashSet(StringComparer.Ordinal));
                    foreach (var name in ready)
                    {
                        if (running.Count >= _options.MaxParallelSteps)
                        {
                            break;
                        }

                        var implementation = catalog.Find(phase, name);
                        if (phase == DeploymentPhase.Teardown && (implementation is null || deployment.FindStep(DeploymentPhase.Provision, name)?.HasCreatedAnything != true))
                        {
                            run.Log(name, DeploymentLogLevel.Info, "Nothing to tear down: the step created nothing.");
                            await run.MutateAsync(d => d.SkipStep(name, "nothing was created", run.Now), cancellationToken);
                            await run.PublishAsync(name, StepStatus.Skipped, "Nothing to tear down");
                            launchedOrSkipped = skipped = true;
                            continue;
                        }

                        if (implementation is null)
                        {
                            await run.MutateAsync(d => d.FailStep(name, "No implementation for this step.", run.Now), cancellationToken);
                            await run.PublishAsync(name, StepStatus.Failed, "No implementation");
                            launchedOrSkipped = true;
                            continue;
                        }

                        await run.MutateAsync(d => d.StartStep(name, run.Now), cancellationToken);
                        await run.PublishAsync(name, StepStatus.Running, $"Step '{name}' started");
                        running[name] = ExecuteStepAsync(run, implementation, aws, stop.Token);
                        launchedOrSkipped = true;
                    }
                }

                if (skipped)
                {
                    // A skip completes a step at once and may unlock others; look again before waiting.
                    continue;
                }

                if (running.Count == 0)
                {
                    if (launchedOrSkipped && !commandPending)
                    {
                        continue;
                    }

                    return;
                }

                var finished = await Task.WhenAny(running.Values);
                var result = await finished;
                running.Remove(result.Step);
                await ApplyOutcomeAsync(run, result, cancellationToken);

                // Teardown (and other commands) must not wait for a long provisioning run: stop launching, drain, return.
                commandPending = await run.ReadPendingCommandAsync(cancellationToken) is not null;
            }
        }
        catch
        {
            await stop.CancelAsync();
            await DrainAsync(running.Values);
            throw;
        }
    }

    private async Task<StepResult> ExecuteStepAsync(EngineRun run, IDeploymentStep step, Func<AwsClients> aws, CancellationToken cancellationToken)
    {
        // Run the step off the caller's stack so independent steps really overlap.
        await Task.Yield();
        var phase = run.Deployment.Phase.ToString();
        using var scope = logger.BeginStepScope(run.Deployment.Id, step.Name);
        using var activity = PortalTelemetry.ActivitySource.StartActivity("deployment.step");
        activity?.SetTag(PortalTelemetry.DeploymentIdTag, run.Deployment.Id.ToString());
        activity?.SetTag(PortalTelemetry.StepTag, step.Name);
        activity?.SetTag(PortalTelemetry.PhaseTag, phase);
        var started = time.GetTimestamp();
        metrics?.StepStarted(step.Name, phase);
        var outcome = "error";
        try
        {
            var result = await ExecuteStepCoreAsync(run, step, aws, cancellationToken);
            outcome = result switch
            {
                { TransientError: not null } => "transient_error",
                { Outcome: StepDone } => "done",
                { Outcome: StepWait } => "wait",
                { Outcome: StepFailed } => "failed",
                _ => "none",
            };
            logger.LogDebug("Step {Step} of deployment {DeploymentId}: {Outcome}", step.Name, run.Deployment.Id, outcome);
            return result;
        }
        finally
        {
            var duration = time.GetElapsedTime(started);
            metrics?.StepEnded(step.Name, phase, outcome, duration);
            activity?.SetTag(PortalTelemetry.OutcomeTag, outcome);
            if (outcome is "failed" or "error")
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    private async Task<StepResult> ExecuteStepCoreAsync(EngineRun run, IDeploymentStep step, Func<AwsClients> aws, CancellationToken cancellationToken)
    {
        var calls = new StepCallCounter();
        CurrentStep.Value = calls;
        var context = new StepContext(run, step.Name, aws);
        try
        {
            var outcome = await step.ExecuteAsync(context, cancellationToken);
            return new StepResult(step.Name, outcome, null, calls);
        }
        catch (DeploymentPersistenceException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (AwsApiException ex) when (AwsErrors.IsTransient(ex))
        {
            return new StepResult(step.Name, null, ex, calls);
        }
#pragma warning disable CA1031 // Any other error of a step is that step's failure, recorded for the user; the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Step {Step} of deployment {DeploymentId} failed", step.Name, run.Deployment.Id);
            return new StepResult(step.Name, StepOutcome.Failed(Describe(ex)), null, calls);
        }
    }

    private async Task ApplyOutcomeAsync(EngineRun run, StepResult result, CancellationToken cancellationToken)
    {
        var name = result.Step;
        var now = run.Now;
        var step = run.Deployment.Step(run.Deployment.Phase, name);
        var calls = Volatile.Read(ref result.Calls.Calls);
        if (calls > 0)
        {
            await run.MutateAsync(d => d.CountAwsCalls(name, calls), cancellationToken);
        }

        switch (result.Outcome)
        {
            case StepDone done:
                run.Log(name, DeploymentLogLevel.Info, $"Done in {FormatDuration(now - (step.StartedAt ?? now))}.");
                await run.MutateAsync(d => d.CompleteStep(name, done.Outputs, now), cancellationToken);
                await run.PublishAsync(name, StepStatus.Succeeded, $"Step '{name}' done");
                break;
            case StepWait wait:
                run.Log(name, DeploymentLogLevel.Info, $"Waiting until {wait.Until:HH:mm:ss}: {wait.Reason}");
                await run.MutateAsync(d =>
                {
                    d.Step(d.Phase, name).ResetTransientErrors();
                    d.WaitStep(name, wait.Until, wait.Reason, now);
                }, cancellationToken);
                await run.PublishAsync(name, StepStatus.Waiting, wait.Reason);
                break;
            case StepFailed failed:
                run.Log(name, DeploymentLogLevel.Error, failed.Error);
                await run.MutateAsync(d => d.FailStep(name, failed.Error, now), cancellationToken);
                await run.PublishAsync(name, StepStatus.Failed, failed.Error);
                break;
            case null when result.TransientError is { } error:
                var count = step.ConsecutiveTransientErrors + 1;
                if (count > _options.MaxConsecutiveTransientErrors)
                {
                    var message = $"{error.Service} kept failing ({count} times in a row): {error.ErrorCode}: {error.AwsMessage}";
                    run.Log(name, DeploymentLogLevel.Error, message);
                    await run.MutateAsync(d => d.FailStep(name, message, now), cancellationToken);
                    await run.PublishAsync(name, StepStatus.Failed, message);
                }
                else
                {
                    var reason = $"AWS answered {error.ErrorCode} to {error.Operation}; trying again";
                    run.Log(name, DeploymentLogLevel.Warning, reason);
                    await run.MutateAsync(d =>
                    {
                        d.Step(d.Phase, name).RecordTransientError();
                        d.WaitStep(name, now + _options.TransientErrorDelay, reason, now);
                    }, cancellationToken);
                    await run.PublishAsync(name, StepStatus.Waiting, reason);
                }

                break;
            default:
                throw new InvalidOperationException($"Step '{name}' returned no outcome.");
        }
    }

    private IEnumerable<string> TeardownStepNames() => catalog.Plan(DeploymentPhase.Teardown).Select(s => s.Name);

    private AwsClients CreateAwsClients(Deployment deployment)
    {
        if (awsClientFactory is null)
        {
            throw new InvalidOperationException("No AWS client factory is registered; steps that call AWS cannot run.");
        }

        // The role (if any) is assumed in the owner's name: the target account's CloudTrail shows whose deployment acted.
        return awsClientFactory.Create(deployment.Request.AwsSessionFor(deployment.Owner, deployment.Id));
    }

    private static async Task DrainAsync(IEnumerable<Task<StepResult>> tasks)
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

    private static string Describe(Exception ex) => ex switch
    {
        AwsApiException aws => $"{aws.Service} {aws.Operation}: {aws.ErrorCode}: {aws.AwsMessage}" + (aws.RequestId is null ? "" : $" (request id {aws.RequestId})"),
        _ => ex.Message,
    };

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s" : $"{duration.TotalSeconds:0.#} s";

    private static void CountCall(AwsCallRecord call)
    {
        if (CurrentStep.Value is { } counter)
        {
            Interlocked.Increment(ref counter.Calls);
        }
    }

    private sealed class StepCallCounter
    {
#pragma warning disable CA1051 // A field, so Interlocked can increment it.
        public int Calls;
#pragma warning restore CA1051
    }

    private sealed record StepResult(string Step, StepOutcome? Outcome, AwsApiException? TransientError, StepCallCounter Calls);
}
