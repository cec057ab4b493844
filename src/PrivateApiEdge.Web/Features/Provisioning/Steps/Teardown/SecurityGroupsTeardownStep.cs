using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>
/// Removes the two groups' rules on each other, then deletes both, retrying DependencyViolation while the ALB's
/// and the endpoint's network interfaces drain.
/// </summary>
public sealed class SecurityGroupsTeardownStep : ITeardownStep
{
    public string Name => StepNames.SecurityGroups;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var albGroup = context.OutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId);
        var endpointGroup = context.OutputOf(StepNames.SecurityGroups, OutputKeys.EndpointSecurityGroupId);
        var groups = new List<string>();
        if (albGroup is null || endpointGroup is null)
        {
            // A run died between create and record: find what it made by our tag.
            var tagged = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Ec2Filter("vpc-id", context.Request.VpcId), context.DeploymentFilter()],
            }, cancellationToken);
            groups.AddRange(tagged.SecurityGroups.Select(g => g.GroupId));
        }

        groups.AddRange(new[] { albGroup, endpointGroup }.OfType<string>());
        groups = groups.Distinct(StringComparer.Ordinal).ToList();

        if (albGroup is not null && endpointGroup is not null)
        {
            await IdempotentAwsCalls.IgnoreNotFoundAsync(() => ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
            {
                GroupId = endpointGroup,
                IpPermissions = [IpPermission.TcpFromGroup(443, albGroup)],
            }, cancellationToken));
            await IdempotentAwsCalls.IgnoreNotFoundAsync(() => ec2.RevokeSecurityGroupEgressAsync(new RevokeSecurityGroupEgressRequest
            {
                GroupId = albGroup,
                IpPermissions = [IpPermission.TcpFromGroup(443, endpointGroup)],
            }, cancellationToken));
        }

        foreach (var group in groups)
        {
            try
            {
                if (await IdempotentAwsCalls.IgnoreNotFoundAsync(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(group), cancellationToken)))
                {
                    context.Log($"Deleted security group {group}.");
                }
            }
            catch (AwsApiException ex) when (ex.Is(Ec2ErrorCodes.DependencyViolation))
            {
                return context.WaitOrGiveUp(TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(30), $"network interfaces to release security group {group}");
            }
        }

        return StepOutcome.Done();
    }
}
