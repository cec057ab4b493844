using PrivateApiEdge.Web.Aws.Ec2;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes the endpoint we created and waits until it is gone; a reused endpoint only loses our rule.</summary>
public sealed class VpcEndpointTeardownStep : ITeardownStep
{
    public string Name => StepNames.VpcEndpoint;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        if (context.OutputOf(StepNames.VpcEndpoint, OutputKeys.VpcEndpointReused) == "true"
            || context.ProvisioningIntents(StepNames.VpcEndpoint).ContainsKey("reused-endpoint-rules"))
        {
            return await RevokeOurRuleAsync(context, cancellationToken);
        }

        var id = context.OutputOf(StepNames.VpcEndpoint, OutputKeys.VpcEndpointId);
        var endpoints = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => ec2.DescribeVpcEndpointsAsync(id is not null
            ? new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }
            : new DescribeVpcEndpointsRequest { Filters = [new Ec2Filter("vpc-id", context.Request.VpcId), context.DeploymentFilter()] }, cancellationToken))
            ?? new DescribeVpcEndpointsResponse([]);
        var live = endpoints.VpcEndpoints.Where(e => e.State?.ToLowerInvariant() is not ("deleted")).ToList();
        if (live.Count == 0)
        {
            context.Log("The endpoint is gone.");
            return StepOutcome.Done();
        }

        var deletable = live.Where(e => e.State?.ToLowerInvariant() != "deleting").Select(e => e.VpcEndpointId).ToList();
        if (deletable.Count > 0)
        {
            var result = await ec2.DeleteVpcEndpointsAsync(new DeleteVpcEndpointsRequest(deletable), cancellationToken);
            var failed = result.Unsuccessful.Where(u => u.ErrorCode is not null && !AwsErrors.IsNotFoundCode(u.ErrorCode)).ToList();
            if (failed.Count > 0)
            {
                return StepOutcome.Failed($"Deleting endpoint(s) failed: {string.Join("; ", failed.Select(f => $"{f.ResourceId}: {f.ErrorCode} {f.ErrorMessage}"))}");
            }

            context.Log($"Deleting endpoint(s) {string.Join(", ", deletable)}.");
        }

        return context.WaitOrGiveUp(new PollSchedule(WaitNames.VpcEndpointDeleted, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(20), "the endpoint to be deleted");
    }

    private static async Task<StepOutcome> RevokeOurRuleAsync(StepContext context, CancellationToken cancellationToken)
    {
        var albGroup = context.OutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId);
        var groups = context.OutputOf(StepNames.VpcEndpoint, OutputKeys.ReusedEndpointSecurityGroupIds)?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (albGroup is not null)
        {
            foreach (var group in groups)
            {
                await IdempotentAwsCalls.IgnoreNotFoundAsync(() => context.Aws.Ec2.RevokeSecurityGroupIngressAsync(new RevokeSecurityGroupIngressRequest
                {
                    GroupId = group,
                    IpPermissions = [IpPermission.TcpFromGroup(443, albGroup)],
                }, cancellationToken));
            }
        }

        context.Log("The reused endpoint stays; only our rule on its security group(s) was removed.");
        return StepOutcome.Done();
    }
}
