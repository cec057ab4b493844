using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class SubnetsRule : IPreflightRule
{
    private const string Check = "subnets";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        var found = facts.Subnets.Select(s => s.SubnetId).ToHashSet(StringComparer.Ordinal);
        var missing = request.SubnetIds.Where(id => !found.Contains(id)).ToList();
        if (missing.Count > 0)
        {
            yield return PreflightFinding.Fail(Check, $"Subnet(s) not found: {string.Join(", ", missing)}.", "Pick existing subnets of the VPC.");
        }

        var foreign = facts.Subnets.Where(s => s.VpcId != request.VpcId).Select(s => s.SubnetId).ToList();
        if (foreign.Count > 0)
        {
            yield return PreflightFinding.Fail(Check, $"Subnet(s) {string.Join(", ", foreign)} are not in VPC {request.VpcId}.",
                "Pick only subnets of the chosen VPC.");
        }

        var zones = facts.Subnets.Where(s => s.VpcId == request.VpcId).Select(s => s.AvailabilityZone).Distinct(StringComparer.Ordinal).Count();
        if (request.SubnetIds.Count < 2 || zones < 2)
        {
            yield return PreflightFinding.Fail(Check, $"{request.SubnetIds.Count} subnet(s) in {zones} availability zone(s); an ALB needs subnets in at least two zones.",
                "Pick at least two subnets in different availability zones.");
        }
        else if (missing.Count == 0 && foreign.Count == 0)
        {
            yield return PreflightFinding.Pass(Check, $"{request.SubnetIds.Count} subnets in {zones} availability zones of {request.VpcId}.");
        }
    }
}
