using System.Net;
using Amazon.EC2;
using Amazon.Runtime;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsSdkCallRunnerTests
{
    [Fact]
    public async Task A_service_error_becomes_AwsApiException_and_is_metered_with_its_code()
    {
        var meter = new AwsCallMeter();
        var deploymentId = Guid.NewGuid();
        var runner = new AwsSdkCallRunner(AwsService.Ec2, meter, deploymentId);
        var sdkError = new AmazonEC2Exception("resource sg-1 has a dependent object", ErrorType.Sender, "DependencyViolation", "req-1", HttpStatusCode.BadRequest);

        var exception = await Assert.ThrowsAsync<AwsApiException>(() => runner.RunAsync<int>("DeleteSecurityGroup", () => throw sdkError));

        Assert.Equal(("ec2", "DeleteSecurityGroup", "DependencyViolation", HttpStatusCode.BadRequest, "req-1"), (exception.Service, exception.Operation, exception.ErrorCode, exception.StatusCode, exception.RequestId));
        Assert.Same(sdkError, exception.InnerException);
        var call = Assert.Single(meter.GetSnapshot(deploymentId).RecentCalls);
        Assert.Equal(("DeleteSecurityGroup", (int?)400, "DependencyViolation"), (call.Operation, call.HttpStatus, call.ErrorCode));
    }

    [Fact]
    public async Task A_transport_failure_is_rethrown_as_is_and_metered_without_a_status()
    {
        var meter = new AwsCallMeter();
        var deploymentId = Guid.NewGuid();
        var runner = new AwsSdkCallRunner(AwsService.Sts, meter, deploymentId);

        await Assert.ThrowsAsync<HttpRequestException>(() => runner.RunAsync("GetCallerIdentity", () => throw new HttpRequestException("connection refused")));

        var call = Assert.Single(meter.GetSnapshot(deploymentId).RecentCalls);
        Assert.Equal(("sts", null, nameof(HttpRequestException)), (call.Service, call.HttpStatus, call.ErrorCode));
    }

    [Fact]
    public async Task A_success_is_metered_as_200()
    {
        var meter = new AwsCallMeter();
        var runner = new AwsSdkCallRunner(AwsService.Ec2, meter);

        var result = await runner.RunAsync("DescribeVpcs", () => Task.FromResult(42));

        Assert.Equal(42, result);
        Assert.True(Assert.Single(meter.GetPortalSnapshot().RecentCalls).Succeeded);
    }
}
