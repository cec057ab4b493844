using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CloudFront;

/// <summary>Every item of a paged list, following <c>NextMarker</c> while <c>IsTruncated</c> (<see cref="AwsPaging"/>).</summary>
public static class CloudFrontPaginators
{
    public static IAsyncEnumerable<VpcOriginSummary> ListAllVpcOriginsAsync(this ICloudFrontClient client, ListVpcOriginsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.ListVpcOriginsAsync,
            page => page.Items,
            (last, page) => AwsPaging.NextWhen(page.IsTruncated ? page.NextMarker : null, marker => last with { Marker = marker }),
            cancellationToken);
    }

    public static IAsyncEnumerable<DistributionSummary> ListAllDistributionsAsync(this ICloudFrontClient client, ListDistributionsRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.ListDistributionsAsync,
            page => page.Items,
            (last, page) => AwsPaging.NextWhen(page.IsTruncated ? page.NextMarker : null, marker => last with { Marker = marker }),
            cancellationToken);
    }

    /// <summary>
    /// The distribution in this account that already has <paramref name="domainName"/> as an alternate domain name
    /// (case-insensitive, trailing dot ignored), or null. Creating another with the same alias fails with
    /// <c>CNAMEAlreadyExists</c>; preflight uses this to say which distribution holds it.
    /// </summary>
    public static async Task<DistributionSummary?> FindDistributionByAliasAsync(this ICloudFrontClient client, string domainName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(domainName);
        var wanted = NormalizeAlias(domainName);
        await foreach (var distribution in client.ListAllDistributionsAsync(new ListDistributionsRequest(), cancellationToken).ConfigureAwait(false))
        {
            if (distribution.Aliases.Any(a => NormalizeAlias(a) == wanted))
            {
                return distribution;
            }
        }

        return null;
    }

    private static string NormalizeAlias(string alias) => alias.Trim().TrimEnd('.').ToLowerInvariant();
}
