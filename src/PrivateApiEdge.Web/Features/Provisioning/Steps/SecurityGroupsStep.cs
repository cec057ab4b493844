using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>The ALB SG and the endpoint SG; endpoint ← 443 from the ALB, ALB → 443 to the endpoint.</summary>
public sealed class SecurityGroupsStep : IProvisioningStep
{
    public string Name => StepNames.SecurityGroups;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var request = context.Request;
        var albGroup = await EnsureGroupAsync(context, "alb-sg", OutputKeys.AlbSecurityGroupId, ResourceNames.AlbSecurityGroup(request.Name),
            $"PrivateApiEdge {request.Name}: internal ALB", cancellationToken);
        var endpointGroup = await EnsureGroupAsync(context, "endpoint-sg", OutputKeys.EndpointSecurityGroupId, ResourceNames.EndpointSecurityGroup(request.Name),
            $"PrivateApiEdge {request.Name}: execute-api endpoint", cancellationToken);

        // Both rules live on our own groups and go with them; a duplicate means an earlier run already added it.
        await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest(endpointGroup, [IpPermission.TcpFromGroup(443, albGroup, "HTTPS from the ALB")]), cancellationToken),
            Ec2ErrorCodes.InvalidPermissionDuplicate);
        await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeSecurityGroupEgressAsync(
            new AuthorizeSecurityGroupEgressRequest(albGroup, [IpPermission.TcpFromGroup(443, endpointGroup, "HTTPS to the execute-api endpoint")]), cancellationToken),
            Ec2ErrorCodes.InvalidPermissionDuplicate);
        return StepOutcome.Done();
    }

    private static async Task<string> EnsureGroupAsync(StepContext context, string resource, string outputKey, string groupName, string description, CancellationToken cancellationToken)
    {
        if (context.Output(outputKey) is { } known)
        {
            return known;
        }

        var ec2 = context.Aws.Ec2;
        if (context.Intent(resource) is not null)
        {
            // Group names are unique per VPC: the name is this create's idempotency key.
            var existing = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
            {
                Filters = [new Ec2Filter("vpc-id", context.Request.VpcId), new Ec2Filter("group-name", groupName), context.DeploymentFilter()],
            }, cancellationToken);
            if (existing.SecurityGroups.Count > 0)
            {
                context.Log($"Adopted security group {existing.SecurityGroups[0].GroupId} created by an earlier run.");
                await context.RecordOutputAsync(outputKey, existing.SecurityGroups[0].GroupId, cancellationToken);
                return existing.SecurityGroups[0].GroupId;
            }
        }

        await context.RecordIntentAsync(resource, cancellationToken);
        var created = await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = groupName,
            Description = description,
            VpcId = context.Request.VpcId,
            Tags = context.Ec2Tags(resource),
        }, cancellationToken);
        await context.RecordOutputAsync(outputKey, created.GroupId, cancellationToken);
        context.Log($"Created security group {created.GroupId} ({groupName}).");
        return created.GroupId;
    }
}
