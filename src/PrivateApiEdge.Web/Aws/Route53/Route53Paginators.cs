using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.Route53;

/// <summary>Every item of a paged list, following the <c>Next*</c> members while <c>IsTruncated</c> (<see cref="AwsPaging"/>).</summary>
public static class Route53Paginators
{
    public static IAsyncEnumerable<HostedZone> ListAllHostedZonesByNameAsync(this IRoute53Client client, ListHostedZonesByNameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.ListHostedZonesByNameAsync,
            page => page.HostedZones,
            (last, page) => page.IsTruncated ? last with { DnsName = page.NextDnsName, HostedZoneId = page.NextHostedZoneId } : null,
            cancellationToken);
    }

    public static IAsyncEnumerable<ResourceRecordSet> ListAllResourceRecordSetsAsync(this IRoute53Client client, ListResourceRecordSetsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.ListResourceRecordSetsAsync,
            page => page.ResourceRecordSets,
            (last, page) => page.IsTruncated
                ? last with { StartRecordName = page.NextRecordName, StartRecordType = page.NextRecordType, StartRecordIdentifier = page.NextRecordIdentifier }
                : null,
            cancellationToken);
    }
}
