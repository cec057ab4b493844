using System.Net;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using PrivateApiEdge.Web.Aws.Route53;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Error codes steps branch on.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        AwsCommonErrorCodes.Throttling,
        AwsCommonErrorCodes.ThrottlingException,
        AwsCommonErrorCodes.ThrottledException,
        AwsCommonErrorCodes.TooManyRequestsException,
        AwsCommonErrorCodes.RequestLimitExceeded,
        AwsCommonErrorCodes.RequestThrottled,
        AwsCommonErrorCodes.RequestThrottledException,
        AwsCommonErrorCodes.PriorRequestNotComplete,
        AwsCommonErrorCodes.ServiceUnavailable,
        AwsCommonErrorCodes.ServiceUnavailableException,
        AwsCommonErrorCodes.InternalError,
        AwsCommonErrorCodes.InternalFailure,
        AwsCommonErrorCodes.InternalServerError,
        AwsCommonErrorCodes.RequestTimeout,
        AwsCommonErrorCodes.RequestTimeoutException,
        AwsCommonErrorCodes.SlowDown,
    };

    /// <summary>Throttling and server-side errors: worth another try later, not the user's problem.</summary>
    public static bool IsTransient(AwsApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return TransientCodes.Contains(ex.ErrorCode) || (int)ex.StatusCode >= 500 || ex.StatusCode == HttpStatusCode.TooManyRequests;
    }

    // Only the services' own "no such resource" codes mean gone. A bare HTTP 404 does not: an endpoint that does not
    // implement a route (another emulator, a proxy, a wrong URL) answers 404 with an HTML page, and reading that as
    // "already deleted" would let teardown record a resource it never deleted.
    private static readonly HashSet<string> NotFoundCodes = new(StringComparer.Ordinal)
    {
        ApiGatewayErrorCodes.NotFound,
        CertificateManagerErrorCodes.ResourceNotFound,
        CloudFrontErrorCodes.EntityNotFound,
        CloudFrontErrorCodes.NoSuchDistribution,
        Ec2ErrorCodes.InvalidGroupNotFound,
        Ec2ErrorCodes.InvalidPermissionNotFound,
        Ec2ErrorCodes.InvalidVpcEndpointIdNotFound,
        Ec2ErrorCodes.InvalidVpcEndpointNotFound,
        Ec2ErrorCodes.InvalidVpcIdNotFound,
        Ec2ErrorCodes.InvalidSubnetIdNotFound,
        Ec2ErrorCodes.InvalidSecurityGroupRuleIdNotFound,
        Ec2ErrorCodes.InvalidNetworkInterfaceIdNotFound,
        ElasticLoadBalancingErrorCodes.LoadBalancerNotFound,
        ElasticLoadBalancingErrorCodes.TargetGroupNotFound,
        ElasticLoadBalancingErrorCodes.ListenerNotFound,
        Route53ErrorCodes.NoSuchHostedZone,
        Route53ErrorCodes.NoSuchChange,
    };

    /// <summary>The service said the resource is not there, with its own error code: for teardown, already deleted.</summary>
    public static bool IsNotFound(AwsApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return IsNotFoundCode(ex.ErrorCode);
    }

    /// <summary>Whether an error code (of an exception or of a batch call's failed item) is a service's not-found code.</summary>
    public static bool IsNotFoundCode(string? errorCode) => errorCode is not null && NotFoundCodes.Contains(errorCode);
}
