namespace PrivateApiEdge.Web.Aws.Route53;

/// <summary>
/// Route 53 (REST-XML, global endpoint, signs as us-east-1): hosted zones, record sets and change status, shaped
/// like AWSSDK.Route53's <c>IAmazonRoute53</c> for these operations. Error answers throw
/// <see cref="Core.AwsApiException"/> with Route 53's code (<c>NoSuchHostedZone</c>, <c>InvalidChangeBatch</c>
/// whose message lists every rejected change, <c>NoSuchChange</c>, <c>InvalidInput</c>, ...; see <see cref="Route53ErrorCodes"/>). List calls return one
/// page; <see cref="Route53Paginators"/> follows the pages.
/// </summary>
public interface IRoute53Client
{
    Task<GetHostedZoneResponse> GetHostedZoneAsync(GetHostedZoneRequest request, CancellationToken cancellationToken);

    /// <summary>One page of hosted zones in DNS-name order, starting at <c>DnsName</c>.</summary>
    Task<ListHostedZonesByNameResponse> ListHostedZonesByNameAsync(ListHostedZonesByNameRequest request, CancellationToken cancellationToken);

    /// <summary>One page of record sets.</summary>
    Task<ListResourceRecordSetsResponse> ListResourceRecordSetsAsync(ListResourceRecordSetsRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Applies a batch atomically. Only all-UPSERT batches are retried after an unknown outcome; a CREATE or
    /// DELETE resent after it succeeded would fail with InvalidChangeBatch, so those are retried only when throttled.
    /// </summary>
    Task<ChangeResourceRecordSetsResponse> ChangeResourceRecordSetsAsync(ChangeResourceRecordSetsRequest request, CancellationToken cancellationToken);

    Task<GetChangeResponse> GetChangeAsync(GetChangeRequest request, CancellationToken cancellationToken);
}
