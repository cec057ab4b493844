using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.Sandbox.Services.CertificateManager;

/// <summary>Plants the demo certificates and the certificate traps.</summary>
internal sealed class AcmSeeder : ISandboxSeeder
{
    public int Order => 10;

    public void Seed(SandboxWorld world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var acm = world.Part<AcmState>();
        var now = world.Now;
        acm.Certificates.Add(Certificate(SandboxSeed.CloudFrontCertificateArn, SandboxSeed.DemoDomain, now.AddDays(-30), now.AddDays(365)));
        acm.Certificates.Add(Certificate(SandboxSeed.RegionalCertificateArn, SandboxSeed.DemoDomain, now.AddDays(-30), now.AddDays(365)));
        var expired = Certificate(SandboxSeed.ExpiredCertificateArn, SandboxSeed.DemoDomain, now.AddDays(-400), now.AddDays(-5));
        expired.Status = "EXPIRED";
        acm.Certificates.Add(expired);
        acm.Certificates.Add(Certificate(SandboxSeed.OtherDomainCertificateArn, SandboxSeed.OtherDomain, now.AddDays(-30), now.AddDays(365)));
        acm.Certificates.Add(Certificate(SandboxSeed.OtherDomainCloudFrontCertificateArn, SandboxSeed.OtherDomain, now.AddDays(-30), now.AddDays(365)));
    }

    private static AcmCertificate Certificate(string arn, string domain, DateTimeOffset notBefore, DateTimeOffset notAfter) => new()
    {
        Id = arn[(arn.LastIndexOf('/') + 1)..],
        Arn = arn,
        Region = arn.Split(':')[3],
        DomainName = "*." + domain,
        SubjectAlternativeNames = ["*." + domain, domain],
        Status = "ISSUED",
        NotBefore = notBefore,
        NotAfter = notAfter,
        CreatedAt = notBefore,
        VisibleAt = notBefore,
        Seeded = true,
    };
}
