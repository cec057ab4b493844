using System.Collections.Frozen;
using System.Net;
using Polly.Timeout;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// What AWS documents as retryable: the throttling and transient error codes of the SDKs' "standard" retry mode
/// (botocore <c>_retry.json</c>, AWS SDK retry behavior guide), HTTP 5xx and 429, timeouts and connection errors.
/// </summary>
public static class AwsRetryClassifier
{
    public static FrozenSet<string> ThrottlingCodes { get; } = new[]
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static FrozenSet<string> TransientCodes { get; } = new[]
    {
        "RequestTimeout", "RequestTimeoutException", "InternalError", "InternalFailure", "InternalServerError",
        "ServiceUnavailable", "ServiceUnavailableException",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsThrottling(HttpStatusCode status, string? errorCode) =>
        status == HttpStatusCode.TooManyRequests || (errorCode is not null && ThrottlingCodes.Contains(errorCode));

    public static bool IsTransient(HttpStatusCode status, string? errorCode) =>
        (int)status >= 500 || (errorCode is not null && TransientCodes.Contains(errorCode));

    /// <summary>Whether a failed attempt may be retried for an operation of <paramref name="mode"/>.</summary>
    public static bool ShouldRetry(AwsRetryMode mode, HttpStatusCode status, string? errorCode)
    {
        // A throttled request was rejected before AWS acted on it, so even a non-idempotent create is safe to resend.
        if (IsThrottling(status, errorCode))
        {
            return true;
        }

        return mode == AwsRetryMode.Idempotent && IsTransient(status, errorCode);
    }

    public static bool ShouldRetry(AwsRetryMode mode, Exception exception) => exception switch
    {
        // The connection never opened (DNS, refused, TLS): the request was not delivered.
        HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError } => true,

        // The request may have reached AWS: only resend when doing it twice is harmless. The pipeline asks only
        // while the caller's token is live, so a cancellation here is a transport timeout (e.g. ConnectTimeout).
        HttpRequestException or TimeoutRejectedException or OperationCanceledException => mode == AwsRetryMode.Idempotent,
        _ => false,
    };
}
