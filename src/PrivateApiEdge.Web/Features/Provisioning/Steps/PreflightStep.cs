using System.Text.Json;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Read-only checks before anything is created; a failure here leaves the account untouched.</summary>
public sealed class PreflightStep : IProvisioningStep
{
    public string Name => StepNames.Preflight;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var facts = await PreflightFactsCollector.CollectAsync(context.Aws, context.Request, context.DeploymentId, cancellationToken);
        var report = PreflightEvaluator.Evaluate(context.Request, facts);
        foreach (var finding in report.Findings.Where(f => f.Severity != PreflightSeverity.Passed))
        {
            context.Log($"{finding.Message} Fix: {finding.FixHint}", finding.Severity == PreflightSeverity.Failed ? DeploymentLogLevel.Error : DeploymentLogLevel.Warning);
        }

        if (!report.Passed)
        {
            return StepOutcome.Failed($"Preflight failed: {report.Summary()}");
        }

        var outputs = new Dictionary<string, string>
        {
            [OutputKeys.Account] = facts.Caller!.Account,
            [OutputKeys.PreflightReport] = JsonSerializer.Serialize(report),
        };
        if (PreflightEvaluator.EndpointToReuse(context.Request, facts) is { } endpoint)
        {
            outputs[OutputKeys.ReuseVpcEndpointId] = endpoint.VpcEndpointId;
            context.Log($"Reusing execute-api endpoint {endpoint.VpcEndpointId}.");
        }

        return StepOutcome.Done(outputs);
    }
}
