using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Turns deletion protection off if set, deletes the ALB (its listener goes with it) and waits until it is gone.</summary>
public sealed class LoadBalancerTeardownStep : ITeardownStep
{
    public string Name => StepNames.LoadBalancer;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var elb = context.Aws.ElasticLoadBalancing;
        var arn = context.OutputOf(StepNames.LoadBalancer, OutputKeys.LoadBalancerArn);
        var found = arn is not null
            ? await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [arn] }, cancellationToken))
            : await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [ResourceNames.LoadBalancer(context.Request.Name)] }, cancellationToken));
        if (found is not { LoadBalancers.Count: > 0 })
        {
            context.Log("The load balancer is gone.");
            return StepOutcome.Done();
        }

        arn = found.LoadBalancers[0].LoadBalancerArn;
        if (context.Output(OutputKeys.LoadBalancerDeleteRequested) is null)
        {
            var attributes = await elb.DescribeLoadBalancerAttributesAsync(new DescribeLoadBalancerAttributesRequest(arn), cancellationToken);
            if (attributes.Attributes.Any(a => a.Key == LoadBalancerAttribute.DeletionProtectionEnabled && a.Value == "true"))
            {
                await elb.ModifyLoadBalancerAttributesAsync(new ModifyLoadBalancerAttributesRequest(arn,
                    [new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "false")]), cancellationToken);
                context.Log("Turned deletion protection off.");
            }

            await IdempotentAwsCalls.IgnoreNotFoundAsync(() => elb.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest(arn), cancellationToken));
            await context.RecordOutputAsync(OutputKeys.LoadBalancerDeleteRequested, "true", cancellationToken);
            context.Log($"Deleting load balancer {arn}.");
        }

        return context.WaitOrGiveUp(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), "the load balancer to be deleted");
    }
}
