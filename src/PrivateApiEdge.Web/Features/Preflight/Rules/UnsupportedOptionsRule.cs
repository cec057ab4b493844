using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

/// <summary>Options the form accepts but this version cannot apply yet: refused loudly rather than ignored.</summary>
internal sealed class UnsupportedOptionsRule : IPreflightRule
{
    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        if (request.GeoRestriction is { } geo)
        {
            // The CloudFront client does not model Restrictions yet; a silently unrestricted distribution would be worse.
            yield return PreflightFinding.Fail("geo-restriction", $"Geo restriction ({geo.Type}: {string.Join(", ", geo.CountryCodes)}) cannot be applied by this version of the portal.",
                "Remove the geo restriction, or add it to the distribution in the CloudFront console (or a WAF rule) after deployment.");
        }
    }
}
