using System.Net;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>Error codes steps branch on.</summary>
public static class AwsErrors
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException", "RequestLimitExceeded",
        "RequestThrottled", "RequestThrottledException", "PriorRequestNotComplete", "ServiceUnavailable",
        "ServiceUnavailableException", "InternalError", "InternalFailure", "InternalServerError", "RequestTimeout",
        "RequestTimeoutException", "SlowDown",
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
            || ex.ErrorCode is "EntityNotFound" or "InvalidGroup.NotFound" or "InvalidVpcEndpointId.NotFound" or "InvalidPermission.NotFound";
    }
}
