using System.Net;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class AwsErrorsTests
{
    private static AwsApiException Error(string code, HttpStatusCode status) => new("svc", "Op", code, "message", status, null);

    [Theory]
    [InlineData(CloudFrontErrorCodes.EntityNotFound, HttpStatusCode.NotFound)]
    [InlineData(CloudFrontErrorCodes.NoSuchDistribution, HttpStatusCode.NotFound)]
    [InlineData(ApiGatewayErrorCodes.NotFound, HttpStatusCode.NotFound)]
    [InlineData(Route53ErrorCodes.NoSuchHostedZone, HttpStatusCode.NotFound)]
    [InlineData(ElasticLoadBalancingErrorCodes.LoadBalancerNotFound, HttpStatusCode.BadRequest)]
    [InlineData(Ec2ErrorCodes.InvalidGroupNotFound, HttpStatusCode.BadRequest)]
    [InlineData(Ec2ErrorCodes.InvalidSecurityGroupRuleIdNotFound, HttpStatusCode.BadRequest)]
    public void The_services_own_not_found_codes_mean_gone(string code, HttpStatusCode status) =>
        Assert.True(AwsErrors.IsNotFound(Error(code, status)));

    [Theory]
    [InlineData("Http404")]            // a 404 with an HTML page or no body: the route is missing, not the resource
    [InlineData("NotFound")]           // a bare status name is no service's code
    [InlineData("UnknownOperationException")]
    [InlineData("AccessDenied")]
    public void A_404_without_a_services_not_found_code_does_not_mean_gone(string code) =>
        Assert.False(AwsErrors.IsNotFound(Error(code, HttpStatusCode.NotFound)));
}
