using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Features.Preflight;

namespace PrivateApiEdge.Web.Features.Provisioning.Steps.Teardown;

/// <summary>Deletes our alias records, with their exact current values (Route 53 DELETE semantics).</summary>
public sealed class DnsRecordsTeardownStep : ITeardownStep
{
    public string Name => StepNames.DnsRecords;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var route53 = context.Aws.Route53;
        var request = context.Request;
        var distributionDomain = context.OutputOf(StepNames.Distribution, OutputKeys.DistributionDomainName);
        if (context.Output(OutputKeys.ChangeId) is null)
        {
            var page = await IdempotentAwsCalls.OrNullIfNotFoundAsync(() => route53.ListResourceRecordSetsAsync(
                new ListResourceRecordSetsRequest(request.HostedZoneId) { StartRecordName = request.DomainName, MaxItems = 10 }, cancellationToken));
            // Only records that point at our distribution are ours; anything else at the name is left alone.
            var ours = page?.ResourceRecordSets
                .Where(r => DomainNames.Normalize(r.Name) == DomainNames.Normalize(request.DomainName) && r.Type is "A" or "AAAA"
                    && r.AliasTarget is { } alias && distributionDomain is not null && DomainNames.Normalize(alias.DnsName) == DomainNames.Normalize(distributionDomain))
                .ToList() ?? [];
            if (ours.Count == 0)
            {
                context.Log("No alias record of ours is left.");
                return StepOutcome.Done();
            }

            var submitted = await route53.ChangeResourceRecordSetsAsync(new ChangeResourceRecordSetsRequest(request.HostedZoneId,
                new ChangeBatch(ours.Select(r => new Change(ChangeAction.Delete, r)).ToList(), $"PrivateApiEdge {request.Name} teardown")), cancellationToken);
            await context.RecordOutputAsync(OutputKeys.ChangeId, submitted.ChangeInfo.Id, cancellationToken);
            context.Log($"Deleted alias {string.Join(" + ", ours.Select(r => r.Type))} {request.DomainName}.");
        }

        var change = await route53.GetChangeAsync(new GetChangeRequest(context.Output(OutputKeys.ChangeId)!), cancellationToken);
        return change.ChangeInfo.IsInSync ? StepOutcome.Done() : context.WaitOrGiveUp(new PollSchedule(WaitNames.Route53Change, TimeSpan.FromSeconds(5)), TimeSpan.FromMinutes(10), "the DNS deletion to be in sync");
    }
}
