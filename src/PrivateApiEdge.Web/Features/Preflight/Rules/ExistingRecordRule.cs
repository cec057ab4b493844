using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class ExistingRecordRule : IPreflightRule
{
    private const string Check = "dns-record";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        var cname = facts.ExistingRecords.FirstOrDefault(r => r.Type == "CNAME");
        if (cname is not null)
        {
            yield return PreflightFinding.Fail(Check, $"{request.DomainName} is a CNAME to {cname.Value}; an alias A record cannot sit next to it.",
                "Delete the CNAME record (after moving its traffic), then run preflight again.");
            yield break;
        }

        var ours = facts.ExistingRecords.Where(r => r.Type is "A" or "AAAA").ToList();
        if (ours.Count == 0)
        {
            yield return PreflightFinding.Pass(Check, $"No A/AAAA record exists yet for {request.DomainName}.");
        }
        else if (request.AllowRecordOverwrite)
        {
            yield return PreflightFinding.Warn(Check, $"{request.DomainName} already has {string.Join(", ", ours.Select(r => $"{r.Type} → {r.Value}"))}; it will be replaced.",
                "Uncheck \"overwrite existing record\" to keep it.");
        }
        else
        {
            yield return PreflightFinding.Fail(Check, $"{request.DomainName} already has {string.Join(", ", ours.Select(r => $"{r.Type} → {r.Value}"))}.",
                "Accept overwriting the existing record, or pick another domain name.");
        }
    }
}
