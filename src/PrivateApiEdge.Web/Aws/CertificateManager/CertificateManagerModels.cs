namespace PrivateApiEdge.Web.Aws.CertificateManager;

// Shaped like AWSSDK.CertificateManager's types for DescribeCertificate and ListCertificates. Enumerations stay
// strings, as the SDK's ConstantClass values do (ISSUED, PENDING_VALIDATION, EXPIRED, ...).

public sealed record DescribeCertificateRequest(string CertificateArn);

public sealed record DescribeCertificateResponse(CertificateDetail Certificate);

public sealed record ListCertificatesRequest
{
    public IReadOnlyList<string> CertificateStatuses { get; init; } = [];

    public CertificateFilters? Includes { get; init; }

    public string? NextToken { get; init; }

    public int? MaxItems { get; init; }
}

public sealed record ListCertificatesResponse(IReadOnlyList<CertificateSummary> CertificateSummaryList, string? NextToken);
