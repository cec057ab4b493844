using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>What one advance of the engine does to the deployment: user commands, step results, settling.</summary>
public sealed partial class Deployment
{
    /// <summary>A provisioning that failed with automatic rollback on, and not rolled back yet.</summary>
    internal bool NeedsRollback => Status == DeploymentStatus.Failed && Request.AutoRollback && !IsRollback;

    /// <summary>
    /// Applies the user's latest command (numbered <paramref name="sequence"/>), or ignores it when the deployment's
    /// status does not allow it; either way the command counts as applied.
    /// </summary>
    internal DeploymentChangeNote ApplyCommand(long sequence, DeploymentAction action, string? step, IEnumerable<string> teardownSteps, DateTimeOffset now)
    {
        string message;
        switch (action)
        {
            case DeploymentAction.Resume when CanResume:
                message = "Resuming from the failed step(s).";
                Resume(now);
                break;
            case DeploymentAction.RetryStep when step is not null && WhyCannotRetryStep(step) is null:
                message = $"Retrying step '{step}'.";
                RetryStep(step, now);
                break;
            case DeploymentAction.Teardown when WhyCannotTearDown() is null:
                message = "Tearing down.";
                BeginTeardown(teardownSteps, isRollback: false, now);
                break;
            default:
                message = $"Ignored '{action}' {step}: not possible while the deployment is {Status}.";
                break;
        }

        MarkCommandApplied(sequence);
        return new DeploymentChangeNote(null, null, DeploymentLogLevel.Info, message, message);
    }

    /// <summary>
    /// Records what one execution of a step came to: its AWS calls, then done, waiting, failed, or (AWS answered
    /// with a transient error) waiting to try again until too many such answers in a row fail it.
    /// </summary>
    internal DeploymentChangeNote ApplyStepExecution(StepExecution execution, ProvisioningOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(options);
        var name = execution.Step;
        var step = Step(Phase, name);
        if (execution.AwsCalls > 0)
        {
            step.CountAwsCalls(execution.AwsCalls);
        }

        switch (execution.Outcome)
        {
            case StepDone done:
                var took = FormatDuration(now - (step.StartedAt ?? now));
                CompleteStep(name, done.Outputs, now);
                return new DeploymentChangeNote(name, StepStatus.Succeeded, DeploymentLogLevel.Info, $"Done in {took}.", $"Step '{name}' done");
            case StepWait wait:
                step.ResetTransientErrors();
                WaitStep(name, wait.Until, wait.Reason, now);
                return new DeploymentChangeNote(name, StepStatus.Waiting, DeploymentLogLevel.Info, $"Waiting until {wait.Until:HH:mm:ss}: {wait.Reason}", wait.Reason);
            case StepFailed failed:
                FailStep(name, failed.Error, now);
                return new DeploymentChangeNote(name, StepStatus.Failed, DeploymentLogLevel.Error, failed.Error, failed.Error);
            case null when execution.TransientError is { } error:
                var count = step.ConsecutiveTransientErrors + 1;
                if (count > options.MaxConsecutiveTransientErrors)
                {
                    var message = $"{error.Service} kept failing ({count} times in a row): {error.ErrorCode}: {error.Message}";
                    FailStep(name, message, now);
                    return new DeploymentChangeNote(name, StepStatus.Failed, DeploymentLogLevel.Error, message, message);
                }

                var reason = $"AWS answered {error.ErrorCode} to {error.Operation}; trying again";
                step.RecordTransientError();
                WaitStep(name, now + options.TransientErrorDelay, reason, now);
                return new DeploymentChangeNote(name, StepStatus.Waiting, DeploymentLogLevel.Warning, reason, reason);
            default:
                throw new InvalidOperationException($"Step '{name}' returned no outcome.");
        }
    }

    /// <summary>Nothing to undo: the provisioning step of the same name created nothing (or has no teardown code).</summary>
    internal DeploymentChangeNote SkipTeardownOfNothing(string name, DateTimeOffset now)
    {
        SkipStep(name, "nothing was created", now);
        return new DeploymentChangeNote(name, StepStatus.Skipped, DeploymentLogLevel.Info, "Nothing to tear down: the step created nothing.", "Nothing to tear down");
    }

    /// <summary><see cref="Settle"/>; a note when the deployment's status changed.</summary>
    internal DeploymentChangeNote? SettleWithNote(DateTimeOffset now)
    {
        var before = Status;
        Settle(now);
        if (Status == before)
        {
            return null;
        }

        return new DeploymentChangeNote(
            null,
            null,
            IsFailure ? DeploymentLogLevel.Error : DeploymentLogLevel.Info,
            FailedStep is null ? $"Deployment is {Status}." : $"Deployment is {Status}: step '{FailedStep}' failed: {Error}",
            $"Deployment is {Status}");
    }

    /// <summary>Tears down what a failed provisioning created, when the request asked for automatic rollback.</summary>
    internal DeploymentChangeNote BeginRollback(IEnumerable<string> teardownSteps, DateTimeOffset now)
    {
        BeginTeardown(teardownSteps, isRollback: true, now);
        return new DeploymentChangeNote(null, null, DeploymentLogLevel.Warning, "Provisioning failed and automatic rollback is on: tearing down what was created.", "Rolling back");
    }

    private static string FormatDuration(TimeSpan duration) =>
        duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes} min {duration.Seconds} s" : $"{duration.TotalSeconds:0.#} s";
}
