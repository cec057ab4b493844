using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.Ec2;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

/// <summary>What every client gets from the shared pipeline: metering per deployment and transparent retries.</summary>
public sealed class AwsClientPipelineTests
{
    [Fact]
    public async Task The_call_meter_counts_every_call_of_the_session_by_operation()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();

        await sandbox.Clients.Sts.GetCallerIdentityAsync(Ct);
        await sandbox.Clients.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [SandboxSeed.VpcId] }, Ct);
        await sandbox.Clients.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct);
        await Assert.ThrowsAsync<PrivateApiEdge.Web.Aws.Core.AwsApiException>(
            () => sandbox.Clients.Ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest("sg-0123456789abcdef0"), Ct));

        var snapshot = sandbox.Meter.GetSnapshot(sandbox.DeploymentId);

        Assert.Equal(4, snapshot.Calls);
        Assert.Equal(1, snapshot.Failures);
        Assert.Equal(2, snapshot.Operations.Single(o => o.Operation == "DescribeVpcs").Calls);
        Assert.Equal(1, snapshot.Operations.Single(o => o.Operation == "GetCallerIdentity").Calls);
        Assert.All(snapshot.RecentCalls, c => Assert.Equal(sandbox.DeploymentId, c.DeploymentId));
        Assert.Equal(0, sandbox.Meter.GetSnapshot(Guid.NewGuid()).Calls);
    }

    [Fact]
    public async Task Sessions_of_other_deployments_and_of_the_portal_are_metered_apart()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var other = Guid.NewGuid();

        await sandbox.Clients.CloudFront.ListDistributionsAsync(new(), Ct);
        await sandbox.CreateClients(other).Route53.GetHostedZoneAsync(new(SandboxSeed.PublicHostedZoneId), Ct);
        await sandbox.CreateClients(other).ApiGateway.GetRestApisAsync(new(), Ct);
        await sandbox.CreateClients(null).CertificatesInUsEast1.ListCertificatesAsync(new(), Ct);

        var mine = sandbox.Meter.GetSnapshot(sandbox.DeploymentId);
        var theirs = sandbox.Meter.GetSnapshot(other);

        Assert.Equal("ListDistributions", Assert.Single(mine.Operations).Operation);
        Assert.Equal(["GetHostedZone", "GetRestApis"], theirs.Operations.Select(o => o.Operation).Order().ToList());
        Assert.All(theirs.RecentCalls, c => Assert.Equal(other, c.DeploymentId));
        Assert.Contains(sandbox.Meter.GetPortalSnapshot().Operations, o => o.Operation == "ListCertificates");
        Assert.Equal(4, sandbox.Meter.GetTotalSnapshot().Calls);
    }

    [Theory]
    [InlineData("elasticloadbalancing", "DescribeLoadBalancers")]
    [InlineData("cloudfront", "ListDistributions")]
    [InlineData("route53", "GetHostedZone")]
    [InlineData("apigateway", "GetRestApis")]
    [InlineData("acm", "ListCertificates")]
    public async Task A_throttled_call_is_retried_transparently_and_metered_as_two_attempts(string service, string operation)
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        await sandbox.InjectFaultAsync("throttle", service, operation, count: 1);

        await CallAsync(sandbox, operation);

        var snapshot = sandbox.Meter.GetSnapshot(sandbox.DeploymentId);
        var stats = snapshot.Operations.Single(o => o.Operation == operation);
        Assert.Equal((2, 1), (stats.Calls, stats.Failures));
        Assert.Equal(1, snapshot.Throttled);
        Assert.Single(snapshot.RecentCalls, c => c.Succeeded);
        Assert.Empty(await sandbox.FaultRulesAsync());
    }

    [Theory]
    [InlineData("ec2", "DescribeVpcs")]
    [InlineData("sts", "GetCallerIdentity")]
    public async Task A_throttled_sdk_backed_call_is_retried_inside_the_sdk_and_metered_as_one_call(string service, string operation)
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        await sandbox.InjectFaultAsync("throttle", service, operation, count: 1);

        await CallAsync(sandbox, operation);

        // AwsSdkCallRunner meters one record per SDK call; the SDK's own retry handler absorbed the throttle.
        var stats = sandbox.Meter.GetSnapshot(sandbox.DeploymentId).Operations.Single(o => o.Operation == operation);
        Assert.Equal((1, 0), (stats.Calls, stats.Failures));
        Assert.Empty(await sandbox.FaultRulesAsync());
    }

    private static async Task CallAsync(AwsClientsSandbox sandbox, string operation)
    {
        var clients = sandbox.Clients;
        switch (operation)
        {
            case "DescribeVpcs":
                Assert.NotEmpty((await clients.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest(), Ct)).Vpcs);
                break;
            case "DescribeLoadBalancers":
                Assert.Empty((await clients.ElasticLoadBalancing.DescribeLoadBalancersAsync(new(), Ct)).LoadBalancers);
                break;
            case "ListDistributions":
                Assert.Empty((await clients.CloudFront.ListDistributionsAsync(new(), Ct)).Items);
                break;
            case "GetHostedZone":
                Assert.Equal(SandboxSeed.PublicHostedZoneId, (await clients.Route53.GetHostedZoneAsync(new(SandboxSeed.PublicHostedZoneId), Ct)).HostedZone.Id);
                break;
            case "GetRestApis":
                Assert.Empty((await clients.ApiGateway.GetRestApisAsync(new(), Ct)).Items);
                break;
            case "ListCertificates":
                Assert.NotEmpty((await clients.CertificatesInRegion.ListCertificatesAsync(new(), Ct)).CertificateSummaryList);
                break;
            default:
                Assert.Equal(SandboxSeed.AccountId, (await clients.Sts.GetCallerIdentityAsync(Ct)).Account);
                break;
        }
    }
}
