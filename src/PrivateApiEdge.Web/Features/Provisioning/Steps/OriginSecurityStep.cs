using PrivateApiEdge.Web.Aws.Ec2;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>
/// CloudFront's own SG (created with the first VPC origin in the VPC) gets 443 from the origin-facing prefix list,
/// and our ALB SG gets 443 from that SG. We never create or delete CloudFront's SG, only add our rules.
/// </summary>
public sealed class OriginSecurityStep : IProvisioningStep
{
    public const string CloudFrontGroupName = "CloudFront-VPCOrigins-Service-SG";
    public const string OriginFacingPrefixList = "com.amazonaws.global.cloudfront.origin-facing";

    public string Name => StepNames.OriginSecurity;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ec2 = context.Aws.Ec2;
        var groups = await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest
        {
            Filters = [new Ec2Filter("group-name", CloudFrontGroupName), new Ec2Filter("vpc-id", context.Request.VpcId)],
        }, cancellationToken);
        if (groups.SecurityGroups.Count == 0)
        {
            return context.WaitOrGiveUp(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(15), $"CloudFront to create {CloudFrontGroupName} in {context.Request.VpcId}");
        }

        var cloudFrontGroup = groups.SecurityGroups[0].GroupId;
        await context.RecordOutputAsync(OutputKeys.CloudFrontSecurityGroupId, cloudFrontGroup, cancellationToken);

        var prefixLists = await ec2.DescribeManagedPrefixListsAsync(new DescribeManagedPrefixListsRequest
        {
            Filters = [new Ec2Filter("prefix-list-name", OriginFacingPrefixList)],
        }, cancellationToken);
        if (prefixLists.PrefixLists.Count == 0)
        {
            return StepOutcome.Failed($"The managed prefix list {OriginFacingPrefixList} was not found in {context.Request.Region}.");
        }

        var prefixList = prefixLists.PrefixLists[0].PrefixListId;
        await context.RecordOutputAsync(OutputKeys.PrefixListId, prefixList, cancellationToken);

        // Another deployment in this VPC may have added the same rule; only a rule we added is ours to remove.
        await context.RecordIntentAsync("cloudfront-sg-rule", cancellationToken);
        var added = await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest(cloudFrontGroup, [IpPermission.TcpFromPrefixList(443, prefixList, "CloudFront origin-facing")]), cancellationToken),
            Ec2ErrorCodes.InvalidPermissionDuplicate);
        if (added)
        {
            await context.RecordOutputAsync(OutputKeys.CloudFrontRuleAddedByUs, "true", cancellationToken);
        }

        var albGroup = context.RequiredOutputOf(StepNames.SecurityGroups, OutputKeys.AlbSecurityGroupId);
        await context.RecordIntentAsync("alb-sg-rule", cancellationToken);
        await IdempotentAwsCalls.IgnoreDuplicateAsync(() => ec2.AuthorizeSecurityGroupIngressAsync(
            new AuthorizeSecurityGroupIngressRequest(albGroup, [IpPermission.TcpFromGroup(443, cloudFrontGroup, "HTTPS from CloudFront VPC origins")]), cancellationToken),
            Ec2ErrorCodes.InvalidPermissionDuplicate);
        context.Log($"Security-group chain: {prefixList} → {cloudFrontGroup} → {albGroup} → endpoint.");
        return StepOutcome.Done();
    }
}
