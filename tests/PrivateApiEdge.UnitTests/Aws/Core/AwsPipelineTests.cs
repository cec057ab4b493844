using System.Net;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsPipelineTests
{
    private static readonly AwsOperation Read = new("GetDistribution");

    [Fact]
    public async Task Requests_are_signed_for_the_service_and_its_signing_region()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.OK, "<ok/>");
        var connection = pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.CloudFront);

        using var response = await connection.SendAsync(new HttpRequestMessage(HttpMethod.Get, "2020-05-31/distribution/E1"), Read, TestContext.Current.CancellationToken);

        var sent = pipeline.Transport.OnlyRequest.Message;
        Assert.Equal(new Uri("https://cloudfront.amazonaws.com/2020-05-31/distribution/E1"), sent.RequestUri);
        var authorization = Assert.Single(sent.Headers.GetValues("Authorization"));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", authorization, StringComparison.Ordinal);
        Assert.Contains("/us-east-1/cloudfront/aws4_request", authorization, StringComparison.Ordinal);
        Assert.True(sent.Headers.Contains("X-Amz-Date"));
    }

    [Fact]
    public async Task A_regional_service_signs_for_the_session_region()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.OK, "{}", "application/x-amz-json-1.1");
        var connection = pipeline.Factory.Connect(AwsTestPipeline.Session("eu-central-1"), AwsService.CertificateManager);

        using var response = await connection.SendAsync(new HttpRequestMessage(HttpMethod.Post, string.Empty) { Content = new StringContent("{}") }, new AwsOperation("ListCertificates"), TestContext.Current.CancellationToken);

        var sent = pipeline.Transport.OnlyRequest.Message;
        Assert.Equal("acm.eu-central-1.amazonaws.com", sent.RequestUri!.Host);
        Assert.Contains("/eu-central-1/acm/aws4_request", Assert.Single(sent.Headers.GetValues("Authorization")), StringComparison.Ordinal);
    }
}
