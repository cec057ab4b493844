using System.Net;
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
    [Fact]
    public async Task Acm_is_available_in_the_session_region_and_in_us_east_1_for_cloudfront_certificates()
    {
        using var pipeline = new AwsTestPipeline();
        pipeline.Transport.Respond(HttpStatusCode.OK, """{"CertificateSummaryList":[]}""", "application/x-amz-json-1.1");
        var deploymentId = Guid.NewGuid();

        var clients = pipeline.Factory.Create(new AwsSession("eu-west-1", DeploymentId: deploymentId));
        await clients.CertificatesInRegion.ListCertificatesAsync(new ListCertificatesRequest(), TestContext.Current.CancellationToken);
        await clients.CertificatesInUsEast1.ListCertificatesAsync(new ListCertificatesRequest(), TestContext.Current.CancellationToken);

        Assert.Equal(["acm.eu-west-1.amazonaws.com", "acm.us-east-1.amazonaws.com"], pipeline.Transport.Requests.Select(r => r.Message.RequestUri!.Host));
        Assert.Equal(2, pipeline.Meter.GetSnapshot(deploymentId).Calls);
        Assert.IsType<CloudFrontClient>(clients.CloudFront);
        Assert.IsType<Route53Client>(clients.Route53);
    }

    [Fact]
    public void One_factory_builds_every_api_client_of_a_session_with_nothing_registered_per_api()
    {
        using var pipeline = new AwsTestPipeline();

        var clients = pipeline.Factory.Create(new AwsSession("eu-west-1"));

        Assert.IsType<CloudFrontClient>(clients.CloudFront);
        Assert.IsType<Route53Client>(clients.Route53);
        Assert.IsType<CertificateManagerClient>(clients.CertificatesInRegion);
        Assert.IsType<CertificateManagerClient>(clients.CertificatesInUsEast1);
        Assert.IsType<ElasticLoadBalancingClient>(clients.ElasticLoadBalancing);
        Assert.IsType<ApiGatewayClient>(clients.ApiGateway);
        Assert.IsType<Ec2Client>(clients.Ec2);
        Assert.IsType<StsClient>(clients.Sts);
    }
}
