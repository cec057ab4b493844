namespace PrivateApiEdge.Web.Aws.CertificateManager;

/// <summary>
/// ACM (JSON 1.1, regional), shaped like AWSSDK.CertificateManager's <c>IAmazonCertificateManager</c> for the
/// read calls preflight and the pickers need. CloudFront viewer certificates live in us-east-1, so
/// <see cref="Core.AwsClients"/> holds one client per region. Error answers throw <see cref="Core.AwsApiException"/>
/// (<c>ResourceNotFoundException</c>, <c>InvalidArnException</c>, <c>ThrottlingException</c>, ...; see
/// <see cref="CertificateManagerErrorCodes"/>). List calls return one page; <see cref="CertificateManagerPaginators"/>
/// follows the pages.
/// </summary>
public interface ICertificateManagerClient
{
    Task<DescribeCertificateResponse> DescribeCertificateAsync(DescribeCertificateRequest request, CancellationToken cancellationToken);

    /// <summary>One page of certificates.</summary>
    Task<ListCertificatesResponse> ListCertificatesAsync(ListCertificatesRequest request, CancellationToken cancellationToken);
}
