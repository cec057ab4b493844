namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Throttling and server-side error codes that several AWS APIs share (each spells them its own way); the
/// per-API <c>&lt;Service&gt;ErrorCodes</c> classes hold the codes only one API sends.
/// </summary>
public static class AwsCommonErrorCodes
{
    public const string Throttling = "Throttling";
    public const string ThrottlingException = "ThrottlingException";
    public const string ThrottledException = "ThrottledException";
    public const string TooManyRequestsException = "TooManyRequestsException";
    public const string RequestLimitExceeded = "RequestLimitExceeded";
    public const string RequestThrottled = "RequestThrottled";
    public const string RequestThrottledException = "RequestThrottledException";
    public const string PriorRequestNotComplete = "PriorRequestNotComplete";
    public const string ServiceUnavailable = "ServiceUnavailable";
    public const string ServiceUnavailableException = "ServiceUnavailableException";
    public const string InternalError = "InternalError";
    public const string InternalFailure = "InternalFailure";
    public const string InternalServerError = "InternalServerError";
    public const string RequestTimeout = "RequestTimeout";
    public const string RequestTimeoutException = "RequestTimeoutException";
    public const string SlowDown = "SlowDown";
}
