using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes the target group, retrying while the load balancer still holds it.</summary>
public sealed class TargetGroupTeardownStep : ITeardownStep
{
    public string Name => StepNames.TargetGroup;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var elb = context.Aws.ElasticLoadBalancing;
        var arn = context.OutputOf(StepNames.TargetGroup, OutputKeys.TargetGroupArn);
        if (arn is null)
        {
            var found = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => elb.DescribeTargetGroupsAsync(
                new DescribeTargetGroupsRequest { Names = [ResourceNames.TargetGroup(context.Request.Name)] }, cancellationToken));
            if (found is not { TargetGroups.Count: > 0 })
            {
                return StepOutcome.Done();
            }

            arn = found.TargetGroups[0].TargetGroupArn;
        }

        try
        {
            await IdempotentAwsCalls.IgnoreNotFoundAsync(() => elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest(arn), cancellationToken));
            context.Log("Deleted the target group.");
            return StepOutcome.Done();
        }
        catch (AwsApiException ex) when (ex.Is(ElasticLoadBalancingErrorCodes.ResourceInUse))
        {
            return context.WaitOrGiveUp(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), "the load balancer to release the target group");
        }
    }
}
