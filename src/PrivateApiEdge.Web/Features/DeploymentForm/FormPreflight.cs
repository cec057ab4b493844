using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.DeploymentForm;

/// <summary>
/// The form's "Run preflight" button: the engine's read-only fact lookups and rules, run before anything is
/// stored, so the user sees every check (and its fix) while still on the form.
/// </summary>
public sealed class FormPreflight(IAwsClientFactory clientFactory)
{
    public async Task<PreflightReport> RunAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var aws = clientFactory.Create(new AwsSession(request.Region));
        var facts = await PreflightFactsCollector.CollectAsync(aws, request, deploymentId: null, cancellationToken);
        return PreflightEvaluator.Evaluate(request, facts);
    }
}
