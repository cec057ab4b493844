using System.Net;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.CertificateManager;

public sealed class CertificateManagerClientTests : IDisposable
{
    private const string Arn = "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012";
    private static readonly AwsModel Model = AwsModel.Load("acm");
    private readonly AwsTestPipeline _pipeline = new();
    private readonly CertificateManagerClient _client;

    public CertificateManagerClientTests()
    {
        _client = new CertificateManagerClient(_pipeline.Factory.Connect(AwsTestPipeline.Session("us-east-1"), AwsService.CertificateManager));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _pipeline.Dispose();

    private void Respond(HttpStatusCode status, string body, string? operation = null)
    {
        if (operation is not null)
        {
            Model.Operation(operation).AssertResponseConforms(body);
        }

        _pipeline.Transport.Respond(status, body, "application/x-amz-json-1.1");
    }

    private void AssertConforms(string operation, int request = 0)
    {
        var recorded = _pipeline.Transport.Requests[request];
        Model.Operation(operation).AssertRequestConforms(recorded.Message, recorded.Body);
    }

    [Fact]
    public async Task DescribeCertificate_sends_the_arn_and_reads_status_names_and_validity()
    {
        Respond(HttpStatusCode.OK, $$$"""{"Certificate":{"CertificateArn":"{{{Arn}}}","DomainName":"*.example.com","SubjectAlternativeNames":["*.example.com","example.com"],"Status":"ISSUED","Type":"AMAZON_ISSUED","KeyAlgorithm":"RSA_2048","NotBefore":1764028800.0,"NotAfter":1798156800.5,"InUseBy":["arn:aws:cloudfront::123456789012:distribution/E1"],"RenewalEligibility":"ELIGIBLE","DomainValidationOptions":[{"DomainName":"*.example.com","ValidationStatus":"SUCCESS","ValidationMethod":"DNS"}]}}""", "DescribeCertificate");

        var certificate = (await _client.DescribeCertificateAsync(new DescribeCertificateRequest(Arn), Ct)).Certificate;

        AssertConforms("DescribeCertificate");
        Assert.Equal("acm.us-east-1.amazonaws.com", _pipeline.Transport.OnlyRequest.Message.RequestUri!.Host);
        Assert.True(certificate.IsIssued);
        Assert.True(certificate.Covers("api.example.com"));
        Assert.True(certificate.Covers("example.com."));
        Assert.False(certificate.Covers("a.b.example.com"));
        Assert.False(certificate.Covers("api.example.org"));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1798156800500), certificate.NotAfter);
        Assert.Equal(["arn:aws:cloudfront::123456789012:distribution/E1"], certificate.InUseBy);
    }

    [Theory]
    [InlineData("ResourceNotFoundException")]
    [InlineData("InvalidArnException")]
    public async Task DescribeCertificate_errors_carry_the_json_type(string code)
    {
        Respond(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.acm#{{code}}","message":"Could not find certificate {{Arn}}."}""");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => _client.DescribeCertificateAsync(new DescribeCertificateRequest(Arn), Ct));

        Assert.Equal((code, "acm", "DescribeCertificate"), (error.ErrorCode, error.Service, error.Operation));
        Assert.StartsWith("Could not find certificate", error.AwsMessage, StringComparison.Ordinal);
        Assert.Single(_pipeline.Transport.Requests);
    }

    [Fact]
    public async Task ThrottlingException_is_retried()
    {
        Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
        Respond(HttpStatusCode.OK, $$$"""{"Certificate":{"CertificateArn":"{{{Arn}}}","DomainName":"example.com","Status":"PENDING_VALIDATION"}}""", "DescribeCertificate");

        var certificate = (await _client.DescribeCertificateAsync(new DescribeCertificateRequest(Arn), Ct)).Certificate;

        Assert.False(certificate.IsIssued);
        Assert.Equal(2, _pipeline.Transport.Requests.Count);
    }

    [Fact]
    public async Task ListAllCertificates_sends_status_and_key_type_filters_and_follows_next_token()
    {
        Respond(HttpStatusCode.OK, $$"""{"NextToken":"page-2","CertificateSummaryList":[{"CertificateArn":"{{Arn}}","DomainName":"*.example.com","SubjectAlternativeNameSummaries":["*.example.com"],"HasAdditionalSubjectAlternativeNames":false,"Status":"ISSUED","Type":"AMAZON_ISSUED","KeyAlgorithm":"RSA_2048","InUse":true,"NotAfter":1798156800.0}]}""", "ListCertificates");
        Respond(HttpStatusCode.OK, """{"CertificateSummaryList":[{"CertificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/ec","DomainName":"api.example.com","Status":"ISSUED","KeyAlgorithm":"EC_prime256v1"}]}""", "ListCertificates");

        var certificates = await _client.ListAllCertificatesAsync(
            new ListCertificatesRequest
            {
                CertificateStatuses = ["ISSUED"],
                Includes = new CertificateFilters { KeyTypes = ["RSA_2048", "EC_prime256v1"] },
                MaxItems = 50,
            },
            Ct).ToListAsync(Ct);

        AssertConforms("ListCertificates", 0);
        AssertConforms("ListCertificates", 1);
        Assert.Equal(["*.example.com", "api.example.com"], certificates.Select(c => c.DomainName));
        Assert.True(certificates.All(c => c.Covers("api.example.com")));
        Assert.Contains("\"NextToken\":\"page-2\"", _pipeline.Transport.Requests[1].Body, StringComparison.Ordinal);
        Assert.Contains("\"keyTypes\":[\"RSA_2048\",\"EC_prime256v1\"]", _pipeline.Transport.Requests[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("NextToken", _pipeline.Transport.Requests[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListCertificates_without_filters_sends_an_empty_object()
    {
        Respond(HttpStatusCode.OK, """{"CertificateSummaryList":[]}""", "ListCertificates");

        var page = await _client.ListCertificatesAsync(new ListCertificatesRequest(), Ct);

        AssertConforms("ListCertificates");
        Assert.Equal("{}", _pipeline.Transport.OnlyRequest.Body);
        Assert.Empty(page.CertificateSummaryList);
        Assert.Null(page.NextToken);
    }
}
