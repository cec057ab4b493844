namespace PrivateApiEdge.Web.Aws.CertificateManager;

// The structures inside ACM's requests and responses, named as in the model's shapes.

public sealed record CertificateDetail
{
    public required string CertificateArn { get; init; }

    public required string DomainName { get; init; }

    public IReadOnlyList<string> SubjectAlternativeNames { get; init; } = [];

    /// <summary>ISSUED, PENDING_VALIDATION, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, FAILED.</summary>
    public required string Status { get; init; }

    /// <summary>AMAZON_ISSUED, IMPORTED, PRIVATE.</summary>
    public string? Type { get; init; }

    public string? KeyAlgorithm { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public IReadOnlyList<string> InUseBy { get; init; } = [];

    public string? FailureReason { get; init; }

    public string? RenewalEligibility { get; init; }

    public bool IsIssued => Status == "ISSUED";

    /// <summary>Whether the certificate names <paramref name="domainName"/>, directly or by a one-label wildcard.</summary>
    public bool Covers(string domainName) => CertificateNames.Cover([DomainName, .. SubjectAlternativeNames], domainName);
}

public sealed record CertificateSummary
{
    public required string CertificateArn { get; init; }

    public required string DomainName { get; init; }

    /// <summary>Up to 100 names; <see cref="HasAdditionalSubjectAlternativeNames"/> says when DescribeCertificate has more.</summary>
    public IReadOnlyList<string> SubjectAlternativeNameSummaries { get; init; } = [];

    public bool HasAdditionalSubjectAlternativeNames { get; init; }

    public string? Status { get; init; }

    public string? Type { get; init; }

    public string? KeyAlgorithm { get; init; }

    public bool? InUse { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public bool Covers(string domainName) => CertificateNames.Cover([DomainName, .. SubjectAlternativeNameSummaries], domainName);
}

/// <summary>The <c>Includes</c> filter of ListCertificates; by default ACM lists only RSA_2048 certificates.</summary>
public sealed record CertificateFilters
{
    /// <summary>E.g. RSA_2048, EC_prime256v1. Empty keeps ACM's default (RSA_2048 only).</summary>
    public IReadOnlyList<string> KeyTypes { get; init; } = [];

    public IReadOnlyList<string> ExtendedKeyUsage { get; init; } = [];

    public IReadOnlyList<string> KeyUsage { get; init; } = [];
}

internal static class CertificateNames
{
    // "*.example.com" covers "api.example.com" but neither "example.com" nor "a.b.example.com" (RFC 6125 §6.4.3).
    public static bool Cover(IEnumerable<string> names, string domainName)
    {
        var wanted = domainName.Trim().TrimEnd('.').ToLowerInvariant();
        foreach (var raw in names)
        {
            var name = raw.Trim().TrimEnd('.').ToLowerInvariant();
            if (name == wanted)
            {
                return true;
            }

            if (name.StartsWith("*.", StringComparison.Ordinal))
            {
                var dot = wanted.IndexOf('.', StringComparison.Ordinal);
                if (dot > 0 && wanted[(dot + 1)..] == name[2..])
                {
                    return true;
                }
            }
        }

        return false;
    }
}
