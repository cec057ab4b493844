using PrivateApiEdge.Web.Aws.Route53;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps;

/// <summary>Alias A (+ AAAA with IPv6) to the distribution, in sync on every Route 53 server.</summary>
public sealed class DnsRecordsStep : IProvisioningStep
{
    /// <summary>The hosted zone id of every CloudFront distribution, for alias targets.</summary>
    public const string CloudFrontHostedZoneId = "Z2FDTNDATAQYW2";

    public string Name => StepNames.DnsRecords;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var route53 = context.Aws.Route53;
        var changeId = context.Output(OutputKeys.ChangeId);
        if (changeId is null)
        {
            // UPSERT is idempotent: a run that died after sending it simply sends it again.
            var types = RecordTypes(context);
            await context.RecordIntentAsync("records", cancellationToken);
            var target = new AliasTarget(CloudFrontHostedZoneId, context.RequiredOutputOf(StepNames.Distribution, OutputKeys.DistributionDomainName), false);
            var changes = types.Select(type => new Change(ChangeAction.Upsert, new ResourceRecordSet { Name = context.Request.DomainName, Type = type, AliasTarget = target })).ToList();
            var submitted = await route53.ChangeResourceRecordSetsAsync(
                new ChangeResourceRecordSetsRequest(context.Request.HostedZoneId, new ChangeBatch(changes, $"PrivateApiEdge {context.Request.Name}")), cancellationToken);
            changeId = submitted.ChangeInfo.Id;
            await context.RecordOutputAsync(OutputKeys.RecordTypes, string.Join(',', types), cancellationToken);
            await context.RecordOutputAsync(OutputKeys.ChangeId, changeId, cancellationToken);
            context.Log($"Upserted alias {string.Join(" + ", types)} {context.Request.DomainName} → {target.DnsName}.");
        }

        var change = await route53.GetChangeAsync(new GetChangeRequest(changeId), cancellationToken);
        return change.ChangeInfo.IsInSync
            ? StepOutcome.Done()
            : context.WaitOrGiveUp(new PollSchedule(WaitNames.Route53Change, TimeSpan.FromSeconds(5)), TimeSpan.FromMinutes(10), "the DNS change to be in sync");
    }

    public static IReadOnlyList<string> RecordTypes(StepContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.EnableIpv6 ? ["A", "AAAA"] : ["A"];
    }
}
