using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class ExistingApiRule : IPreflightRule
{
    private const string Check = "existing-api";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        if (request.ExistingApi is not { } wanted)
        {
            yield break;
        }

        if (facts.ExistingApi is not { } api)
        {
            yield return PreflightFinding.Fail(Check, $"REST API {wanted.RestApiId} was not found in {request.Region}.", "Pick an existing REST API of this account and region.");
            yield break;
        }

        if (!api.IsPrivate)
        {
            yield return PreflightFinding.Fail(Check, $"REST API {wanted.RestApiId} is not PRIVATE.", "Pick a private REST API, or let the portal create the hello API.");
        }
        else if (!api.StageExists)
        {
            yield return PreflightFinding.Fail(Check, $"REST API {wanted.RestApiId} has no stage '{wanted.StageName}'.", "Deploy the API to that stage, or pick an existing stage.");
        }
        else
        {
            yield return PreflightFinding.Pass(Check, $"Private REST API {wanted.RestApiId} stage '{wanted.StageName}' will be exposed (its resource policy must allow the endpoint).");
        }
    }
}
