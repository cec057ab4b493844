using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class AliasRule : IPreflightRule
{
    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        const string Check = "alias";
        yield return facts.DistributionsWithAlias.Count == 0
            ? PreflightFinding.Pass(Check, $"No CloudFront distribution uses {request.DomainName} yet.")
            : PreflightFinding.Fail(Check, $"{request.DomainName} is already an alternate domain name of distribution(s) {string.Join(", ", facts.DistributionsWithAlias)} (CloudFront would answer CNAMEAlreadyExists).",
                "Remove the alias from that distribution (or pick another domain name).");
    }
}
