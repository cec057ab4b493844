using System.Net;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;

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

    /// <summary>The resource is not there (any service's spelling): for teardown, already deleted.</summary>
    public static bool IsNotFound(AwsApiException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return ex.StatusCode == HttpStatusCode.NotFound
            || ex.ErrorCode.EndsWith("NotFound", StringComparison.Ordinal)
            || ex.ErrorCode.EndsWith("NotFoundException", StringComparison.Ordinal)
            || ex.ErrorCode.StartsWith("NoSuch", StringComparison.Ordinal)
            || ex.ErrorCode.EndsWith(".NotFound", StringComparison.Ordinal)
            || ex.ErrorCode is CloudFrontErrorCodes.EntityNotFound or Ec2ErrorCodes.InvalidGroupNotFound or Ec2ErrorCodes.InvalidVpcEndpointIdNotFound or Ec2ErrorCodes.InvalidPermissionNotFound;
    }
}
