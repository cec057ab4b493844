using System.Net;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// An error answer from an AWS API (or the sandbox), with the service's own error code, so callers can branch
/// on <c>DependencyViolation</c>, <c>PreconditionFailed</c> and friends exactly as with the SDK's exceptions.
/// </summary>
public sealed class AwsApiException : Exception
{
    public AwsApiException(string service, string operation, string errorCode, string message, HttpStatusCode statusCode, string? requestId, Exception? innerException = null)
        : base($"{service} {operation} failed: {errorCode}: {message}", innerException)
    {
        Service = service;
        Operation = operation;
        ErrorCode = errorCode;
        AwsMessage = message;
        StatusCode = statusCode;
        RequestId = requestId;
    }

    /// <summary>SigV4 signing name of the service, e.g. <c>cloudfront</c>, <c>elasticloadbalancing</c>.</summary>
    public string Service { get; }

    /// <summary>Operation name as in the API model, e.g. <c>CreateVpcOrigin</c>.</summary>
    public string Operation { get; }

    /// <summary>AWS error code, e.g. <c>DistributionNotDisabled</c> or <c>InvalidPermission.Duplicate</c>.</summary>
    public string ErrorCode { get; }

    /// <summary>The message AWS sent, without our prefix.</summary>
    public string AwsMessage { get; }

    public HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>
    /// Whether AWS answered with one of <paramref name="codes"/> (ordinal: AWS codes are case-sensitive). Pass the
    /// constants of the API's <c>&lt;Service&gt;ErrorCodes</c> class, never literals (a unit test scans for them).
    /// </summary>
    public bool Is(params ReadOnlySpan<string> codes)
    {
        foreach (var code in codes)
        {
            if (string.Equals(ErrorCode, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
