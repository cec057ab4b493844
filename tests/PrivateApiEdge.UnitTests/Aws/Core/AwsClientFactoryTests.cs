using System.Net;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsClientFactoryTests
{
    private static ServiceCollection ThisBranchesClients(AwsTestPipeline pipeline)
    {
        var services = new ServiceCollection();
        services.AddSingleton(pipeline.Factory);
        services.AddSingleton<IAwsServiceClientFactory<ICloudFrontClient>, CloudFrontClientFactory>();
        services.AddSingleton<IAwsServiceClientFactory<IRoute53Client>, Route53ClientFactory>();
        services.AddSingleton<IAwsServiceClientFactory<ICertificateManagerClient>, CertificateManagerClientFactory>();
        return services;
    }

    [Fact]
    public async Task Acm_is_available_in_the_session_region_and_in_us_east_1_for_cloudfront_certificates()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.OK, """{"CertificateSummaryList":[]}""", "application/x-amz-json-1.1");
        var services = ThisBranchesClients(pipeline);
        services.AddSingleton<IAwsServiceClientFactory<IElasticLoadBalancingClient>, UnusedClientFactory<IElasticLoadBalancingClient>>();
        services.AddSingleton<IAwsServiceClientFactory<IApiGatewayClient>, UnusedClientFactory<IApiGatewayClient>>();
        services.AddSingleton<IAwsServiceClientFactory<IEc2Client>, UnusedClientFactory<IEc2Client>>();
        services.AddSingleton<IAwsServiceClientFactory<IStsClient>, UnusedClientFactory<IStsClient>>();
        using var provider = services.BuildServiceProvider();
        var deploymentId = Guid.NewGuid();

        var clients = new AwsClientFactory(provider).Create(new AwsSession("eu-west-1", DeploymentId: deploymentId));
        await clients.CertificatesInRegion.ListCertificatesAsync(new ListCertificatesRequest(), TestContext.Current.CancellationToken);
        await clients.CertificatesInUsEast1.ListCertificatesAsync(new ListCertificatesRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(["acm.eu-west-1.amazonaws.com", "acm.us-east-1.amazonaws.com"], pipeline.Transport.Requests.Select(r => r.Message.RequestUri!.Host));
        Assert.Equal(2, pipeline.Meter.GetSnapshot(deploymentId).Calls);
        Assert.IsType<CloudFrontClient>(clients.CloudFront);
        Assert.IsType<Route53Client>(clients.Route53);
    }

    [Fact]
    public void A_missing_api_factory_is_named_when_a_session_is_created()
    {
        using var pipeline = new AwsTestPipeline();
        using var provider = ThisBranchesClients(pipeline).BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => new AwsClientFactory(provider).Create(new AwsSession("eu-west-1")));

        Assert.Contains(nameof(IElasticLoadBalancingClient), error.Message, StringComparison.Ordinal);
    }

    private sealed class UnusedClientFactory<T> : IAwsServiceClientFactory<T>
        where T : class
    {
        public T Create(AwsSession session) => DispatchProxy.Create<T, UnusedClientProxy>();
    }
}

/// <summary>Stands in for an API this test does not call; any call fails the test.</summary>
public class UnusedClientProxy : DispatchProxy
{
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
        throw new InvalidOperationException($"{targetMethod?.Name} was not expected in this test.");
}
