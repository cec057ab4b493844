using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

public sealed class CertificateManagerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DescribeCertificate_shows_the_seeded_regional_certificate_as_issued_for_the_demo_wildcard()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm");

        var (status, body, _) = await CallAsync(acm, "DescribeCertificate", new JsonObject { ["CertificateArn"] = SandboxSeed.RegionalCertificateArn });

        Assert.Equal(HttpStatusCode.OK, status);
        var certificate = body["Certificate"]!;
        Assert.Equal("*." + SandboxSeed.DemoDomain, (string?)certificate["DomainName"]);
        Assert.Equal("ISSUED", (string?)certificate["Status"]);
        Assert.Equal("AMAZON_ISSUED", (string?)certificate["Type"]);
        Assert.Contains(SandboxSeed.DemoDomain, certificate["SubjectAlternativeNames"]!.AsArray().Select(n => (string?)n));
        Assert.True((double)certificate["NotAfter"]! > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Empty(certificate["InUseBy"]!.AsArray());
    }

    [Fact]
    public async Task Certificates_are_per_region_so_the_us_east_1_arn_is_unknown_in_eu_west_1()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm", "eu-west-1");

        var (status, body, _) = await CallAsync(acm, "DescribeCertificate", new JsonObject { ["CertificateArn"] = SandboxSeed.CloudFrontCertificateArn });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("ResourceNotFoundException", (string?)body["__type"]);
        Assert.Contains(SandboxSeed.CloudFrontCertificateArn, (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCertificates_filters_by_status_and_pages_with_NextToken()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm");

        var (_, expired, _) = await CallAsync(acm, "ListCertificates", new JsonObject { ["CertificateStatuses"] = new JsonArray("EXPIRED") });
        var expiredArn = Assert.Single(expired["CertificateSummaryList"]!.AsArray());
        Assert.Equal(SandboxSeed.ExpiredCertificateArn, (string?)expiredArn!["CertificateArn"]);

        var arns = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var request = new JsonObject { ["MaxItems"] = 1, ["Includes"] = new JsonObject { ["keyTypes"] = new JsonArray("RSA_2048") } };
            if (token is not null)
            {
                request["NextToken"] = token;
            }

            var (_, page, _) = await CallAsync(acm, "ListCertificates", request);
            arns.AddRange(page["CertificateSummaryList"]!.AsArray().Select(c => (string)c!["CertificateArn"]!));
            token = (string?)page["NextToken"];
            pages++;
        }
        while (token is not null);

        Assert.Equal(
            [SandboxSeed.RegionalCertificateArn, SandboxSeed.ExpiredCertificateArn, SandboxSeed.OtherDomainCertificateArn],
            arns.Order(StringComparer.Ordinal));
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task The_us_east_1_region_holds_the_cloudfront_certificate_for_the_demo_domain()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm", "us-east-1");

        var (_, body, _) = await CallAsync(acm, "ListCertificates", new JsonObject { ["CertificateStatuses"] = new JsonArray("ISSUED") });

        var demo = body["CertificateSummaryList"]!.AsArray().Single(c => (string?)c!["DomainName"] == "*." + SandboxSeed.DemoDomain);
        Assert.Equal(SandboxSeed.CloudFrontCertificateArn, (string?)demo!["CertificateArn"]);
    }

    [Fact]
    public async Task ListCertificates_Includes_filters_keep_server_certificates_and_drop_other_key_types()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        using var acm = sandbox.Client("acm");

        var (_, server, _) = await CallAsync(acm, "ListCertificates", new JsonObject
        {
            ["CertificateStatuses"] = new JsonArray("ISSUED"),
            ["Includes"] = new JsonObject { ["extendedKeyUsage"] = new JsonArray("TLS_WEB_SERVER_AUTHENTICATION") },
        });
        var (_, ecdsa, _) = await CallAsync(acm, "ListCertificates", new JsonObject
        {
            ["Includes"] = new JsonObject { ["keyTypes"] = new JsonArray("EC_prime256v1") },
        });

        Assert.Equal(
            [SandboxSeed.RegionalCertificateArn, SandboxSeed.OtherDomainCertificateArn],
            server["CertificateSummaryList"]!.AsArray().Select(c => (string)c!["CertificateArn"]!).Order(StringComparer.Ordinal));
        Assert.Empty(ecdsa["CertificateSummaryList"]!.AsArray());
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body, HttpResponseMessage Response)> CallAsync(HttpClient acm, string operation, JsonObject request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.1");
        message.Headers.Add("X-Amz-Target", "CertificateManager." + operation);
        var response = await acm.SendAsync(message, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.Headers.Contains("x-amzn-RequestId"));
        return (response.StatusCode, (JsonNode.Parse(text) as JsonObject)!, response);
    }
}
