using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Internal ALB in the user's subnets, active, with an HTTPS:443 listener (regional cert) forwarding to the target group.</summary>
public sealed class LoadBalancerStep : IProvisioningStep
{
    public const string SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06";

    public string Name => StepNames.LoadBalancer;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var elb = context.Aws.ElasticLoadBalancing;
        var name = ResourceNames.LoadBalancer(context.Request.Name);
        var arn = context.Output(OutputKeys.LoadBalancerArn);
        if (arn is null)
        {
            if (context.Intent("load-balancer") is not null)
            {
                var existing = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = [name] }, cancellationToken));
                arn = existing is { LoadBalancers.Count: > 0 } ? existing.LoadBalancers[0].LoadBalancerArn : null;
            }

            if (arn is null)
            {
                await context.RecordIntentAsync("load-balancer", cancellationToken);
                var created = await elb.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
                {
                    Name = name,
                    Type = "application",
                    Scheme = "internal",
                    Subnets = context.Request.SubnetIds,
                    SecurityGroups = [context.RequiredOutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId)],
                    Tags = context.ElbTags("load-balancer"),
                }, cancellationToken);
                arn = created.LoadBalancers[0].LoadBalancerArn;
                context.Log($"Created internal ALB {name}.");
            }

            await context.RecordOutputAsync(OutputKeys.LoadBalancerArn, arn, cancellationToken);
        }

        var described = await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [arn] }, cancellationToken);
        var loadBalancer = described.LoadBalancers.Single();
        switch (loadBalancer.State?.Code)
        {
            case LoadBalancerState.Active:
                break;
            case LoadBalancerState.Provisioning or null:
                return context.WaitOrGiveUp(new PollSchedule(WaitNames.LoadBalancerActive, TimeSpan.FromSeconds(15)), TimeSpan.FromMinutes(15), $"ALB {name} to become active");
            default:
                return StepOutcome.Failed($"ALB {name} is {loadBalancer.State.Code}: {loadBalancer.State.Reason}");
        }

        await context.RecordOutputAsync(OutputKeys.LoadBalancerDnsName, loadBalancer.DnsName ?? "", cancellationToken);
        await elb.ModifyLoadBalancerAttributesAsync(new ModifyLoadBalancerAttributesRequest(arn,
            [new LoadBalancerAttribute(LoadBalancerAttribute.DropInvalidHeaderFieldsEnabled, "true")]), cancellationToken);

        var listeners = await elb.DescribeAllListenersAsync(new DescribeListenersRequest { LoadBalancerArn = arn }, cancellationToken).ToListAsync(cancellationToken);
        var listener = listeners.FirstOrDefault(l => l.Port == 443);
        if (listener is null)
        {
            var created = await elb.CreateListenerAsync(new CreateListenerRequest
            {
                LoadBalancerArn = arn,
                Protocol = "HTTPS",
                Port = 443,
                SslPolicy = SslPolicy,
                Certificates = [new ListenerCertificate(context.Request.RegionalCertificateArn)],
                DefaultActions = [ListenerAction.Forward(context.RequiredOutputOf(StepNames.TargetGroup, OutputKeys.TargetGroupArn))],
                Tags = context.ElbTags("listener"),
            }, cancellationToken);
            listener = created.Listeners[0];
            context.Log("Created the HTTPS:443 listener.");
        }

        return StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.ListenerArn] = listener.ListenerArn });
    }
}
