using System.Diagnostics;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Runs one execution of one step: its span, metrics and log scope; AWS clients of its own, whose session counts
/// the calls this execution makes (and no other step's or deployment's); and the sorting of what it threw into a
/// transient AWS answer (try again later), the step's failure, or the end of the advance.
/// </summary>
public sealed class StepRunner(IAwsClientFactory awsClientFactory, ProvisioningMetrics metrics, ILogger<StepRunner> logger)
{
    internal async Task<StepExecution> RunAsync(LeasedDeployment leased, IDeploymentStep step, CancellationToken cancellationToken)
    {
        // Run the step off the caller's stack so independent steps really overlap.
        await Task.Yield();
        var deploymentId = leased.Deployment.Id;
        var phase = leased.Deployment.Phase.ToString();
        using var scope = logger.BeginStepScope(deploymentId, step.Name);
        using var activity = PortalTelemetry.ActivitySource.StartActivity("deployment.step");
        activity?.SetTag(PortalTelemetry.DeploymentIdTag, deploymentId.ToString());
        activity?.SetTag(PortalTelemetry.StepTag, step.Name);
        activity?.SetTag(PortalTelemetry.PhaseTag, phase);
        var started = leased.Time.GetTimestamp();
        metrics.StepStarted(step.Name, phase);
        var outcome = "error";
        try
        {
            var execution = await ExecuteAsync(leased, step, cancellationToken);
            outcome = execution switch
            {
                { TransientError: not null } => "transient_error",
                { Outcome: StepDone } => "done",
                { Outcome: StepWait } => "wait",
                { Outcome: StepFailed } => "failed",
                _ => "none",
            };
            logger.LogDebug("Step {Step} of deployment {DeploymentId}: {Outcome}", step.Name, deploymentId, outcome);
            return execution;
        }
        finally
        {
            metrics.StepEnded(step.Name, phase, outcome, leased.Time.GetElapsedTime(started));
            activity?.SetTag(PortalTelemetry.OutcomeTag, outcome);
            if (outcome is "failed" or "error")
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }
        }
    }

    private async Task<StepExecution> ExecuteAsync(LeasedDeployment leased, IDeploymentStep step, CancellationToken cancellationToken)
    {
        var deployment = leased.Deployment;
        var calls = new AwsCallTally();

        // The role (if any) is assumed in the owner's name: the target account's CloudTrail shows whose deployment acted.
        var aws = new Lazy<AwsClients>(() => awsClientFactory.Create(deployment.Request.AwsSessionFor(deployment.Owner, deployment.Id) with { CallTally = calls }));
        var context = new StepContext(leased, step.Name, aws);
        try
        {
            var outcome = await step.ExecuteAsync(context, cancellationToken);
            return new StepExecution(step.Name, outcome, null, calls.Calls);
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
            return new StepExecution(step.Name, null, new TransientAwsError(ex.Service, ex.Operation, ex.ErrorCode, ex.AwsMessage), calls.Calls);
        }
#pragma warning disable CA1031 // Any other error of a step is that step's failure, recorded for the user; the run goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Step {Step} of deployment {DeploymentId} failed", step.Name, deployment.Id);
            return new StepExecution(step.Name, StepOutcome.Failed(Describe(ex)), null, calls.Calls);
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        AwsApiException aws => $"{aws.Service} {aws.Operation}: {aws.ErrorCode}: {aws.AwsMessage}" + (aws.RequestId is null ? "" : $" (request id {aws.RequestId})"),
        _ => ex.Message,
    };
}
