using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>CloudFront VPC origin for the ALB (https-only, TLS 1.2), deployed (which can take well over 15 minutes).</summary>
public sealed class VpcOriginStep : IProvisioningStep
{
    public string Name => StepNames.VpcOrigin;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var cloudFront = context.Aws.CloudFront;
        var albArn = context.RequiredOutputOf(StepNames.LoadBalancer, OutputKeys.LoadBalancerArn);
        var id = context.Output(OutputKeys.VpcOriginId);
        if (id is null)
        {
            if (context.Intent("vpc-origin") is not null)
            {
                // CreateVpcOrigin takes no token; one VPC origin per ALB is ours by construction.
                await foreach (var summary in cloudFront.ListAllVpcOriginsAsync(new ListVpcOriginsRequest(), cancellationToken))
                {
                    if (summary.OriginEndpointArn == albArn)
                    {
                        id = summary.Id;
                        context.Log($"Adopted VPC origin {id} created by an earlier run.");
                        break;
                    }
                }
            }

            if (id is null)
            {
                await context.RecordIntentAsync("vpc-origin", cancellationToken);
                var created = await cloudFront.CreateVpcOriginAsync(new CreateVpcOriginRequest(new VpcOriginEndpointConfig
                {
                    Name = ResourceNames.VpcOrigin(context.Request.Name),
                    Arn = albArn,
                    HttpPort = 80,
                    HttpsPort = 443,
                    OriginProtocolPolicy = "https-only",
                    OriginSslProtocols = ["TLSv1.2"],
                }, context.CloudFrontTags("vpc-origin")), cancellationToken);
                id = created.VpcOrigin.Id;
                context.Log($"Created VPC origin {id}.");
            }

            await context.RecordOutputAsync(OutputKeys.VpcOriginId, id, cancellationToken);
        }

        var current = await cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(id), cancellationToken);
        return current.VpcOrigin.Status switch
        {
            "Deployed" => StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.VpcOriginArn] = current.VpcOrigin.Arn }),
            "Deploying" => context.WaitOrGiveUp(new PollSchedule(WaitNames.VpcOriginDeployed, TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(45), $"VPC origin {id} to deploy"),
            var status => StepOutcome.Failed($"VPC origin {id} is {status}."),
        };
    }
}
