using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.CertificateManager;

/// <summary>Every item of a paged list, following <c>NextToken</c> until the last page (<see cref="AwsPaging"/>).</summary>
public static class CertificateManagerPaginators
{
    /// <summary>Every certificate matching the request's filters.</summary>
    public static IAsyncEnumerable<CertificateSummary> ListAllCertificatesAsync(this ICertificateManagerClient client, ListCertificatesRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        return AwsPaging.AllAsync(
            request,
            client.ListCertificatesAsync,
            page => page.CertificateSummaryList,
            (last, page) => AwsPaging.NextWhen(page.NextToken, token => last with { NextToken = token }),
            cancellationToken);
    }
}
