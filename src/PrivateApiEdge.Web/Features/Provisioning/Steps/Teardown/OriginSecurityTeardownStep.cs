using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>
/// Removes our rules around CloudFront's SG: the ALB SG's rule referencing it (which would stop CloudFront from
/// deleting its SG), and the prefix-list rule on it if we added it and no other VPC origin in the VPC needs it.
/// </summary>
public sealed class OriginSecurityTeardownStep : ITeardownStep
{
    public string Name => StepNames.OriginSecurity;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var cloudFrontGroup = context.OutputOf(StepNames.OriginSecurity, OutputKeys.CloudFrontSecurityGroupId);
        var albGroup = context.OutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId);
        if (cloudFrontGroup is null)
        {
            return StepOutcome.Done();
        }

        if (albGroup is not null)
        {
            await RevokeAsync(() => ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
            {
                GroupId = albGroup,
                IpPermissions = [IpPermission.TcpFromGroup(443, cloudFrontGroup)],
            }, cancellationToken));
        }

        if (context.OutputOf(StepNames.OriginSecurity, OutputKeys.CloudFrontRuleAddedByUs) == "true"
            && context.OutputOf(StepNames.OriginSecurity, OutputKeys.PrefixListId) is { } prefixList)
        {
            if (await OtherVpcOriginsInVpcAsync(context, cancellationToken))
            {
                context.Log("Other VPC origins in this VPC still use CloudFront's security group; its prefix-list rule stays.");
            }
            else
            {
                await RevokeAsync(() => ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
                {
                    GroupId = cloudFrontGroup,
                    IpPermissions = [IpPermission.TcpFromPrefixList(443, prefixList)],
                }, cancellationToken));
            }
        }

        return StepOutcome.Done();
    }

    private static async Task RevokeAsync(Func<Task> revoke)
    {
        // A rule or group already gone is what we want.
        await IdempotentAwsCalls.IgnoreNotFoundAsync(revoke);
    }

    private static async Task<bool> OtherVpcOriginsInVpcAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ours = context.OutputOf(StepNames.VpcOrigin, OutputKeys.VpcOriginId);
        var albArns = new List<string>();
        await foreach (var origin in context.Aws.CloudFront.ListAllVpcOriginsAsync(new ListVpcOriginsRequest(), cancellationToken))
        {
            if (origin.Id != ours && origin.OriginEndpointArn.Contains(":loadbalancer/", StringComparison.Ordinal))
            {
                albArns.Add(origin.OriginEndpointArn);
            }
        }

        foreach (var arn in albArns)
        {
            var found = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => context.Aws.ElasticLoadBalancing.DescribeLoadBalancersAsync(
                new DescribeLoadBalancersRequest { LoadBalancerArns = [arn] }, cancellationToken));
            if (found?.LoadBalancers.Any(lb => lb.VpcId == context.Request.VpcId) == true)
            {
                return true;
            }
        }

        return false;
    }
}
