using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight;

/// <summary>One check over already-gathered facts: plain C#, no AWS calls, so every rule is unit-testable.</summary>
public interface IPreflightRule
{
    IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts);
}
