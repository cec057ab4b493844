using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>IP target group over HTTPS with an HTTPS health check accepting 200 and 403, targets = the endpoint's IPs.</summary>
public sealed class TargetGroupStep : IProvisioningStep
{
    public string Name => StepNames.TargetGroup;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var elb = context.Aws.ElasticLoadBalancing;
        var name = ResourceNames.TargetGroup(context.Request.Name);
        var arn = context.Output(OutputKeys.TargetGroupArn);
        if (arn is null)
        {
            if (context.Intent("target-group") is not null)
            {
                var existing = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [name] }, cancellationToken));
                arn = existing is { TargetGroups.Count: > 0 } ? existing.TargetGroups[0].TargetGroupArn : null;
            }

            if (arn is null)
            {
                await context.RecordIntentAsync("target-group", cancellationToken);
                var created = await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
                {
                    Name = name,
                    Protocol = "HTTPS",
                    Port = 443,
                    VpcId = context.Request.VpcId,
                    TargetType = "ip",
                    // The ALB default is an HTTP health check; the endpoint only speaks HTTPS, and answers 403 without an API Host.
                    HealthCheckProtocol = "HTTPS",
                    HealthCheckPath = "/",
                    Matcher = new Matcher("200,403"),
                    Tags = context.ElbTags("target-group"),
                }, cancellationToken);
                arn = created.TargetGroups[0].TargetGroupArn;
                context.Log($"Created target group {name}.");
            }

            await context.RecordOutputAsync(OutputKeys.TargetGroupArn, arn, cancellationToken);
        }

        var ips = context.RequiredOutputOf(StepNames.VpcEndpoint, OutputKeys.EndpointIps).Split(',', StringSplitOptions.RemoveEmptyEntries);
        await elb.RegisterTargetsAsync(new RegisterTargetsRequest(arn, ips.Select(ip => new TargetDescription(ip, 443)).ToList()), cancellationToken);
        context.Log($"Registered {ips.Length} endpoint IP(s) as targets.");
        return StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.TargetsRegistered] = string.Join(',', ips) });
    }
}
