using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>The execute-api interface endpoint (reused when the VPC has one), available, with its ENI IPs.</summary>
public sealed class VpcEndpointStep : IProvisioningStep
{
    public string Name => StepNames.VpcEndpoint;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var reuse = context.OutputOf(StepNames.Preflight, OutputKeys.ReuseVpcEndpointId);
        var endpointId = context.Output(OutputKeys.VpcEndpointId)
            ?? (reuse is not null ? await ReuseAsync(context, reuse, cancellationToken) : await CreateAsync(context, cancellationToken));

        var found = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpointId] }, cancellationToken);
        var endpoint = found.VpcEndpoints.SingleOrDefault();
        switch (endpoint?.State?.ToLowerInvariant())
        {
            case "available":
                break;
            case "pending" or "pendingacceptance" or null:
                return context.WaitOrGiveUp(new PollSchedule(WaitNames.VpcEndpointAvailable, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(20), $"endpoint {endpointId} to become available");
            default:
                return StepOutcome.Failed($"Endpoint {endpointId} is {endpoint.State}.");
        }

        var interfaces = await ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }, cancellationToken);
        var ips = interfaces.NetworkInterfaces.Select(n => n.PrivateIpAddress).OfType<string>().Order(StringComparer.Ordinal).ToList();
        if (ips.Count == 0)
        {
            return context.WaitOrGiveUp(new PollSchedule(WaitNames.VpcEndpointAvailable, TimeSpan.FromSeconds(10)), TimeSpan.FromMinutes(20), $"the network interfaces of endpoint {endpointId}");
        }

        return StepOutcome.Done(new Dictionary<string, string> { [OutputKeys.EndpointIps] = string.Join(',', ips) });
    }

    private static async Task<string> ReuseAsync(StepContext context, string endpointId, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var found = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [endpointId] }, cancellationToken);
        var groups = found.VpcEndpoints.Single().SecurityGroupIds;
        var albGroup = context.RequiredOutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId);

        // The endpoint is not ours, but the ALB must reach it: we add (and on teardown remove) only our rule.
        await context.RecordIntentAsync("reused-endpoint-rules", cancellationToken);
        foreach (var group in groups)
        {
            await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeSecurityGroupIngressAsync(
                new AuthorizeSecurityGroupIngressRequest(group, [IpPermission.TcpFromGroup(443, albGroup, $"PrivateApiEdge {context.Request.Name}: HTTPS from the ALB")]), cancellationToken),
                Ec2ErrorCodes.InvalidPermissionDuplicate);
        }

        await context.RecordOutputAsync(OutputKeys.ReusedEndpointSecurityGroupIds, string.Join(',', groups), cancellationToken);
        await context.RecordOutputAsync(OutputKeys.VpcEndpointReused, "true", cancellationToken);
        await context.RecordOutputAsync(OutputKeys.VpcEndpointId, endpointId, cancellationToken);
        context.Log($"Reusing endpoint {endpointId}; allowed HTTPS from the ALB on its security group(s) {string.Join(", ", groups)}.");
        return endpointId;
    }

    private static async Task<string> CreateAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var request = context.Request;
        if (context.Intent("endpoint") is not null)
        {
            var existing = await ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest
            {
                Filters = [new Ec2Filter("vpc-id", request.VpcId), context.DeploymentFilter()],
            }, cancellationToken);
            var adopted = existing.VpcEndpoints.FirstOrDefault(e => e.State?.ToLowerInvariant() is not ("deleted" or "deleting"));
            if (adopted is not null)
            {
                context.Log($"Adopted endpoint {adopted.VpcEndpointId} created by an earlier run.");
                await context.RecordOutputAsync(OutputKeys.VpcEndpointId, adopted.VpcEndpointId, cancellationToken);
                return adopted.VpcEndpointId;
            }
        }

        // ClientToken = the recorded key: a resend after a lost answer returns the same endpoint.
        var token = await context.RecordIntentAsync("endpoint", cancellationToken);
        var created = await ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = request.VpcId,
            ServiceName = PreflightFactsCollector.ExecuteApiServiceName(request.Region),
            VpcEndpointType = "Interface",
            SubnetIds = request.SubnetIds,
            SecurityGroupIds = [context.RequiredOutputOf(StepNames.SecurityGroups, OutputKeys.EndpointSecurityGroupId)],
            PrivateDnsEnabled = true,
            ClientToken = token,
            Tags = context.Ec2Tags("endpoint"),
        }, cancellationToken);
        var id = created.VpcEndpoint.VpcEndpointId;
        await context.RecordOutputAsync(OutputKeys.VpcEndpointId, id, cancellationToken);
        context.Log($"Created execute-api endpoint {id}.");
        return id;
    }
}
