using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.UnitTests.Features.EndpointTest;

/// <summary>
/// An answer from API Gateway itself means the chain works, even when it is not the expected one (an adopted API
/// without GET / answers 403 MissingAuthenticationTokenException); a routing refusal does not.
/// </summary>
public sealed class EndpointTesterVerdictTests
{
    [Theory]
    [InlineData("MissingAuthenticationTokenException", """{"message":"Missing Authentication Token"}""", true)]
    [InlineData("ForbiddenException", """{"message":"Forbidden"}""", false)]
    [InlineData("AccessDeniedException", """{"Message":"User: anonymous is not authorized to perform: execute-api:Invoke"}""", false)]
    public async Task Api_gateway_answering_tells_a_working_chain_from_a_routing_failure(string errorType, string body, bool chainWorks)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/_sandbox/edge/", (HttpContext context) =>
        {
            // What API Gateway answers through CloudFront (the sandbox's data path sends the same headers).
            context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
            context.Response.Headers["x-amzn-ErrorType"] = errorType;
            context.Response.Headers["X-Amz-Cf-Id"] = "abc";
            context.Response.Headers[EndpointTester.SandboxFailedHopHeader] = "method: the deployed stage has no GET method on /";
            return Results.Text(body, "application/json", statusCode: 403);
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var tester = new ServiceCollection().AddLogging()
            .AddSingleton(new CurrentAwsMode { Mode = AwsMode.Aws, StandaloneAddress = new Uri(app.Urls.First()) })
            .AddProvisioningServices().BuildServiceProvider().GetRequiredService<IEndpointTester>();

        var result = await tester.TestAsync(new EndpointTestTarget(Guid.NewGuid(), "api.adopted.example.com", null, null, null), null, TestContext.Current.CancellationToken);

        Assert.False(result.Passed);
        Assert.Equal(403, result.StatusCode);
        Assert.True(result.ChainWorks == chainWorks, $"{errorType}: {result.Diagnosis}");
        if (chainWorks)
        {
            Assert.Contains("the chain works", result.Diagnosis, StringComparison.Ordinal);
            Assert.Contains(errorType, result.Diagnosis, StringComparison.Ordinal);
        }
    }
}
