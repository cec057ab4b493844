using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class CallerIdentityRule : IPreflightRule
{
    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        const string Check = "caller-identity";
        yield return facts.Caller is { } caller
            ? PreflightFinding.Pass(Check, $"Calling AWS as {caller.Arn} (account {caller.Account}).")
            : PreflightFinding.Fail(Check, $"The AWS caller identity is unknown: {facts.LookupErrors.GetValueOrDefault(Check, "STS did not answer")}.",
                "Configure credentials (environment, profile or role) that may call sts:GetCallerIdentity.");
    }
}
