using System.Net;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsRetryTests
{
    private const string ThrottlingXml = """<ErrorResponse xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>""";
    private const string InternalXml = """<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>oops</Message></Error><RequestId>r-2</RequestId></ErrorResponse>""";

    private static Task<HttpResponseMessage> SendAsync(AwsTestPipeline pipeline, AwsRetryMode mode, Guid? deploymentId = null) =>
        pipeline.Factory.Connect(AwsTestPipeline.Session(deploymentId: deploymentId), AwsService.CloudFront)
            .SendAsync(new HttpRequestMessage(HttpMethod.Post, "2020-05-31/vpc-origin") { Content = new StringContent("<x/>") }, new AwsOperation("CreateVpcOrigin", mode), TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_throttled_request_is_retried_with_a_fresh_signature()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) };
        using var pipeline = new AwsTestPipeline(signingClock: clock);
        pipeline.Transport.Respond(HttpStatusCode.BadRequest, ThrottlingXml).Respond(HttpStatusCode.Accepted, "<VpcOrigin/>");

        using var response = await SendAsync(pipeline, AwsRetryMode.Idempotent);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var attempts = pipeline.Transport.Requests;
        Assert.Equal(2, attempts.Count);
        var dates = attempts.Select(a => Assert.Single(a.Message.Headers.GetValues("X-Amz-Date"))).ToList();
        var signatures = attempts.Select(a => Assert.Single(a.Message.Headers.GetValues("Authorization"))).ToList();
        Assert.NotEqual(dates[0], dates[1]);
        Assert.NotEqual(signatures[0], signatures[1]);
        Assert.Equal("<x/>", attempts[1].Body);
    }

    [Fact]
    public async Task Throttling_is_retried_even_for_an_operation_that_is_not_idempotent()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.BadRequest, ThrottlingXml).Respond(HttpStatusCode.Accepted, "<VpcOrigin/>");

        using var response = await SendAsync(pipeline, AwsRetryMode.NotIdempotent);

        Assert.Equal(2, pipeline.Transport.Requests.Count);
    }

    [Fact]
    public async Task A_server_error_is_retried_only_when_the_operation_is_idempotent()
    {
        using var idempotent = new AwsTestPipeline();
        idempotent.Transport.Respond(HttpStatusCode.InternalServerError, InternalXml).Respond(HttpStatusCode.Accepted, "<VpcOrigin/>");
        using var notIdempotent = new AwsTestPipeline();
        notIdempotent.Transport.Respond(HttpStatusCode.InternalServerError, InternalXml);

        using var response = await SendAsync(idempotent, AwsRetryMode.Idempotent);
        var error = await Assert.ThrowsAsync<AwsApiException>(() => SendAsync(notIdempotent, AwsRetryMode.NotIdempotent));

        Assert.Equal(2, idempotent.Transport.Requests.Count);
        Assert.Single(notIdempotent.Transport.Requests);
        Assert.Equal("InternalError", error.ErrorCode);
        Assert.Equal("r-2", error.RequestId);
    }

    [Fact]
    public async Task A_client_error_is_not_retried_and_surfaces_as_AwsApiException()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.Conflict, """<ErrorResponse><Error><Code>CNAMEAlreadyExists</Code><Message>taken</Message></Error><RequestId>r-3</RequestId></ErrorResponse>""");

        var error = await Assert.ThrowsAsync<AwsApiException>(() => SendAsync(pipeline, AwsRetryMode.Idempotent));

        Assert.Single(pipeline.Transport.Requests);
        Assert.Equal(("cloudfront", "CreateVpcOrigin", "CNAMEAlreadyExists", "taken", HttpStatusCode.Conflict), (error.Service, error.Operation, error.ErrorCode, error.AwsMessage, error.StatusCode));
    }

    [Fact]
    public async Task Throttling_gives_up_after_the_configured_attempts()
    {
        using var pipeline = new AwsTestPipeline(maxRetryAttempts: 3);
        pipeline.Transport.Respond(HttpStatusCode.BadRequest, ThrottlingXml);

        var error = await Assert.ThrowsAsync<AwsApiException>(() => SendAsync(pipeline, AwsRetryMode.Idempotent));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(4, pipeline.Transport.Requests.Count);
    }

    [Fact]
    public async Task A_connection_that_never_opened_is_retried_but_a_broken_response_only_for_idempotent_operations()
    {
        using var refused = new AwsTestPipeline();
        refused.Transport.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "refused")).Respond(HttpStatusCode.Accepted, "<VpcOrigin/>");
        using var broken = new AwsTestPipeline();
        broken.Transport.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "cut"));

        using var response = await SendAsync(refused, AwsRetryMode.NotIdempotent);
        await Assert.ThrowsAsync<HttpRequestException>(() => SendAsync(broken, AwsRetryMode.NotIdempotent));

        Assert.Equal(2, refused.Transport.Requests.Count);
        Assert.Single(broken.Transport.Requests);
    }

    [Fact]
    public async Task Every_attempt_is_metered_against_the_session_deployment()
    {
        var deploymentId = Guid.NewGuid();
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.BadRequest, ThrottlingXml).Respond(HttpStatusCode.Accepted, "<VpcOrigin/>");

        using var response = await SendAsync(pipeline, AwsRetryMode.Idempotent, deploymentId);

        var snapshot = pipeline.Meter.GetSnapshot(deploymentId);
        Assert.Equal(2, snapshot.Calls);
        Assert.Equal(1, snapshot.Failures);
        Assert.Equal(1, snapshot.Throttled);
        var operation = Assert.Single(snapshot.Operations);
        Assert.Equal(("cloudfront", "CreateVpcOrigin", 2), (operation.Service, operation.Operation, operation.Calls));
        Assert.Equal([400, 202], snapshot.RecentCalls.Select(c => c.HttpStatus ?? 0));
        Assert.Equal(["Throttling", null], snapshot.RecentCalls.Select(c => c.ErrorCode));
        Assert.Equal(0, pipeline.Meter.GetPortalSnapshot().Calls);
    }
}
