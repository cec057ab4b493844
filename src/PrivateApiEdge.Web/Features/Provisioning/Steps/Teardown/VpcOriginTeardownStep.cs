using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes the VPC origin (retrying while CloudFront still counts it in use) and waits until it is gone.</summary>
public sealed class VpcOriginTeardownStep : ITeardownStep
{
    public string Name => StepNames.VpcOrigin;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var cloudFront = context.Aws.CloudFront;
        var id = context.OutputOf(StepNames.VpcOrigin, OutputKeys.VpcOriginId);
        if (id is null && context.OutputOf(StepNames.LoadBalancer, OutputKeys.LoadBalancerArn) is { } albArn)
        {
            await foreach (var summary in cloudFront.ListAllVpcOriginsAsync(new ListVpcOriginsRequest(), cancellationToken))
            {
                if (summary.OriginEndpointArn == albArn)
                {
                    id = summary.Id;
                    break;
                }
            }
        }

        if (id is null)
        {
            return StepOutcome.Done();
        }

        var current = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => cloudFront.GetVpcOriginAsync(new GetVpcOriginRequest(id), cancellationToken));
        if (current is null)
        {
            context.Log($"VPC origin {id} is gone.");
            return StepOutcome.Done();
        }

        if (current.VpcOrigin.Status is "Deploying" or "Deleting")
        {
            return context.WaitOrGiveUp(new PollSchedule(WaitNames.VpcOriginDeployed, TimeSpan.FromSeconds(20)), TimeSpan.FromMinutes(60), $"VPC origin {id} ({current.VpcOrigin.Status})");
        }

        try
        {
            await cloudFront.DeleteVpcOriginAsync(new DeleteVpcOriginRequest(id, current.ETag), cancellationToken);
            context.Log($"Deleting VPC origin {id}.");
            return context.WaitFor(TimeSpan.FromSeconds(10), $"VPC origin {id} to be deleted");
        }
        catch (AwsApiException ex) when (AwsErrors.IsNotFound(ex))
        {
            return StepOutcome.Done();
        }
        catch (AwsApiException ex) when (ex.Is(CloudFrontErrorCodes.CannotDeleteEntityWhileInUse, CloudFrontErrorCodes.PreconditionFailed, CloudFrontErrorCodes.InvalidIfMatchVersion, CloudFrontErrorCodes.IllegalDelete))
        {
            return context.WaitOrGiveUp(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(30), $"VPC origin {id} to be deletable ({ex.ErrorCode})");
        }
    }
}
