using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class HostedZoneRule : IPreflightRule
{
    private const string Check = "hosted-zone";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        if (facts.HostedZone is not { } zone)
        {
            yield return PreflightFinding.Fail(Check, $"Hosted zone {request.HostedZoneId} was not found.", "Pick a public hosted zone of this account.");
            yield break;
        }

        if (zone.IsPrivate)
        {
            yield return PreflightFinding.Fail(Check, $"Hosted zone {zone.Name} is private; viewers on the internet would not resolve the name.",
                $"Pick the public hosted zone for {request.DomainName}.");
            yield break;
        }

        if (!DomainNames.IsInZone(request.DomainName, zone.Name))
        {
            yield return PreflightFinding.Fail(Check, $"{request.DomainName} is not in hosted zone {zone.Name}.", $"Pick the hosted zone that holds {request.DomainName}.");
            yield break;
        }

        // A delegated sub-zone (e.g. api.example.com inside example.com) answers for the name; records in the parent are never seen.
        var longest = facts.CandidateZones.Where(z => !z.IsPrivate && DomainNames.IsInZone(request.DomainName, z.Name))
            .MaxBy(z => DomainNames.Normalize(z.Name).Length);
        if (longest is not null && DomainNames.Normalize(longest.Name).Length > DomainNames.Normalize(zone.Name).Length)
        {
            yield return PreflightFinding.Fail(Check, $"Public zone {longest.Name} ({longest.Id}) is a closer match for {request.DomainName} than {zone.Name}; records in {zone.Name} would not be used.",
                $"Pick hosted zone {longest.Id}.");
            yield break;
        }

        yield return PreflightFinding.Pass(Check, $"{request.DomainName} belongs to public hosted zone {zone.Name}.");
    }
}
