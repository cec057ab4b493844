using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Preflight.Rules;

internal sealed class ExecuteApiEndpointRule : IPreflightRule
{
    private const string Check = "execute-api-endpoint";

    public IEnumerable<PreflightFinding> Evaluate(DeploymentRequest request, PreflightFacts facts)
    {
        if (request.ExistingVpcEndpointId is { } chosen)
        {
            var endpoint = facts.ExecuteApiEndpoints.FirstOrDefault(e => e.VpcEndpointId == chosen);
            if (endpoint is null)
            {
                yield return PreflightFinding.Fail(Check, $"Endpoint {chosen} is not an execute-api interface endpoint of {request.VpcId}.",
                    "Pick an execute-api endpoint of the VPC, or let the portal create one.");
            }
            else if (!endpoint.PrivateDnsEnabled)
            {
                yield return PreflightFinding.Warn(Check, $"Endpoint {chosen} has private DNS off; the chain works (the ALB targets its IPs) but the VPC cannot call the API by its execute-api name.",
                    "Enable private DNS on the endpoint if workloads in the VPC call the API directly.");
            }
            else
            {
                yield return PreflightFinding.Pass(Check, $"Endpoint {chosen} will be reused (it stays when the deployment is torn down).");
            }

            yield break;
        }

        var reusable = PreflightEvaluator.EndpointToReuse(request, facts);
        yield return reusable is not null
            ? PreflightFinding.Pass(Check, $"The VPC already has execute-api endpoint {reusable.VpcEndpointId} with private DNS; it will be reused and left in place on teardown.")
            : PreflightFinding.Pass(Check, "A new execute-api endpoint with private DNS will be created (only one per VPC may have private DNS).");
    }
}
