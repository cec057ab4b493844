using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.CertificateManager;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class CertificateManagerClientTests
{
    [Fact]
    public async Task DescribeCertificate_reads_the_issued_regional_and_the_expired_certificates()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var acm = sandbox.Clients.CertificatesInRegion;

        var issued = (await acm.DescribeCertificateAsync(new DescribeCertificateRequest(SandboxSeed.RegionalCertificateArn), Ct)).Certificate;
        var expired = (await acm.DescribeCertificateAsync(new DescribeCertificateRequest(SandboxSeed.ExpiredCertificateArn), Ct)).Certificate;

        Assert.Equal(("*." + SandboxSeed.DemoDomain, "ISSUED"), (issued.DomainName, issued.Status));
        Assert.True(issued.IsIssued);
        Assert.True(issued.Covers(SandboxSeed.DemoApiHostName));
        Assert.Contains(SandboxSeed.DemoDomain, issued.SubjectAlternativeNames);
        Assert.True(issued.NotAfter > DateTimeOffset.UtcNow);
        Assert.Equal("EXPIRED", expired.Status);
        Assert.True(expired.NotAfter < DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task The_us_east_1_client_reads_the_cloudfront_certificate()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var certificate = (await sandbox.Clients.CertificatesInUsEast1.DescribeCertificateAsync(
            new DescribeCertificateRequest(SandboxSeed.CloudFrontCertificateArn), Ct)).Certificate;
        var all = await sandbox.Clients.CertificatesInUsEast1.ListAllCertificatesAsync(new ListCertificatesRequest(), Ct).ToListAsync(Ct);

        Assert.True(certificate.IsIssued);
        Assert.True(certificate.Covers(SandboxSeed.DemoApiHostName));
        Assert.Contains(all, c => c.CertificateArn == SandboxSeed.CloudFrontCertificateArn);
        Assert.All(all, c => Assert.StartsWith("arn:aws:acm:us-east-1:", c.CertificateArn, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListCertificates_pages_with_NextToken_and_filters_by_status()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var acm = sandbox.Clients.CertificatesInRegion;

        var first = await acm.ListCertificatesAsync(new ListCertificatesRequest { MaxItems = 1 }, Ct);
        var second = await acm.ListCertificatesAsync(new ListCertificatesRequest { MaxItems = 1, NextToken = first.NextToken }, Ct);
        var all = await acm.ListAllCertificatesAsync(new ListCertificatesRequest { MaxItems = 1 }, Ct).ToListAsync(Ct);
        var issuedOnly = await acm.ListAllCertificatesAsync(new ListCertificatesRequest { CertificateStatuses = ["ISSUED"] }, Ct).ToListAsync(Ct);

        Assert.Single(first.CertificateSummaryList);
        Assert.NotNull(first.NextToken);
        Assert.NotEqual(first.CertificateSummaryList[0].CertificateArn, Assert.Single(second.CertificateSummaryList).CertificateArn);
        Assert.Equal(all.Count, all.Select(c => c.CertificateArn).Distinct().Count());
        Assert.Contains(all, c => c.CertificateArn == SandboxSeed.RegionalCertificateArn);
        Assert.Contains(all, c => c.CertificateArn == SandboxSeed.ExpiredCertificateArn);
        Assert.Contains(all, c => c.CertificateArn == SandboxSeed.OtherDomainCertificateArn);
        Assert.DoesNotContain(issuedOnly, c => c.CertificateArn == SandboxSeed.ExpiredCertificateArn);
        Assert.All(issuedOnly, c => Assert.Equal("ISSUED", c.Status));
        Assert.Contains(issuedOnly, c => c.CertificateArn == SandboxSeed.RegionalCertificateArn && c.Covers(SandboxSeed.DemoApiHostName));
    }

    [Fact]
    public async Task An_unknown_certificate_fails_with_ResourceNotFoundException()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        var ex = await ExpectErrorAsync(
            () => sandbox.Clients.CertificatesInRegion.DescribeCertificateAsync(
                new DescribeCertificateRequest($"arn:aws:acm:{Region}:{SandboxSeed.AccountId}:certificate/00000000-0000-4000-8000-000000000000"), Ct),
            "ResourceNotFoundException");

        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);
    }
}
