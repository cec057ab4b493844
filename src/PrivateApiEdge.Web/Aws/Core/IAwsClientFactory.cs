using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Aws.Sts;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Builds the set of AWS clients for one <see cref="AwsSession"/> (region + credentials + metering).</summary>
public interface IAwsClientFactory
{
    AwsClients Create(AwsSession session);
}

/// <summary>Every AWS API the portal uses, bound to one session. Fakes in unit tests construct it directly.</summary>
/// <remarks>
/// ACM appears twice: <c>CertificatesInRegion</c> holds the ALB and API Gateway certificate, while CloudFront
/// viewer certificates live only in us-east-1 (<c>CertificatesInUsEast1</c>).
/// </remarks>
public sealed record AwsClients(
    ICloudFrontClient CloudFront,
    IRoute53Client Route53,
    ICertificateManagerClient CertificatesInRegion,
    ICertificateManagerClient CertificatesInUsEast1,
    IElasticLoadBalancingClient ElasticLoadBalancing,
    IApiGatewayClient ApiGateway,
    IEc2Client Ec2,
    IStsClient Sts);
