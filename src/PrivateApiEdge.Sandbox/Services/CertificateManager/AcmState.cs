using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CertificateManager;

public sealed class AcmCertificate : SandboxResource
{
    public string DomainName { get; set; } = string.Empty;
    public List<string> SubjectAlternativeNames { get; set; } = [];

    /// <summary>PENDING_VALIDATION, ISSUED, INACTIVE, EXPIRED, VALIDATION_TIMED_OUT, REVOKED, FAILED.</summary>
    public string Status { get; set; } = "ISSUED";

    /// <summary>AMAZON_ISSUED or IMPORTED.</summary>
    public string Type { get; set; } = "AMAZON_ISSUED";
    public string KeyAlgorithm { get; set; } = "RSA_2048";
    public DateTimeOffset NotBefore { get; set; }
    public DateTimeOffset NotAfter { get; set; }

    /// <summary>ARNs of the resources using the certificate (load balancers, distributions, API Gateway domains);
    /// the services that attach a certificate add their ARN here and remove it when they let go.</summary>
    public List<string> InUseBy { get; set; } = [];

    [JsonIgnore]
    public override string ResourceType => "acm:certificate";

    /// <summary>An ISSUED certificate past NotAfter reads as EXPIRED, as ACM reports it.</summary>
    public string StatusAt(DateTimeOffset now) => Status == "ISSUED" && now > NotAfter ? "EXPIRED" : Status;

    /// <summary>Whether the certificate's names cover a host name (one wildcard label at the left, as TLS matches).</summary>
    public bool Covers(string hostName)
    {
        ArgumentNullException.ThrowIfNull(hostName);
        return SubjectAlternativeNames.Append(DomainName).Any(name => NameMatches(name, hostName));
    }

    public static bool NameMatches(string certificateName, string hostName)
    {
        ArgumentNullException.ThrowIfNull(certificateName);
        ArgumentNullException.ThrowIfNull(hostName);
        hostName = hostName.TrimEnd('.');
        if (certificateName.StartsWith("*.", StringComparison.Ordinal))
        {
            var dot = hostName.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 && string.Equals(hostName[(dot + 1)..], certificateName[2..], StringComparison.OrdinalIgnoreCase);
        }

        return string.Equals(certificateName, hostName, StringComparison.OrdinalIgnoreCase);
    }

    public override IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>
    {
        ["domainName"] = DomainName,
        ["status"] = StatusAt(now),
    };
}

/// <summary>ACM's part of the world: certificates per region. Other services look certificates up by ARN.</summary>
public sealed class AcmState : SandboxStatePart
{
    public List<AcmCertificate> Certificates { get; set; } = [];

    public override IEnumerable<SandboxResource> Resources() => Certificates;

    public AcmCertificate? Find(string arn) => Certificates.FirstOrDefault(c => c.Arn == arn);
}
