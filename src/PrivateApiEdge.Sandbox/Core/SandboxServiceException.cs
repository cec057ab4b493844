using System.Net;

namespace PrivateApiEdge.Sandbox.Core;

/// <summary>
/// An AWS error as a service returns it. Throw it from an operation handler; the dispatcher writes it in the
/// service's protocol (code, message, status, request id).
/// </summary>
public sealed class SandboxServiceException : Exception
{
    public SandboxServiceException(string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
        : base(message)
    {
        Code = code;
        Status = status;
    }

    public SandboxServiceException()
        : this("InternalFailure", "An internal error occurred.", HttpStatusCode.InternalServerError)
    {
    }

    public SandboxServiceException(string message)
        : this("InternalFailure", message, HttpStatusCode.InternalServerError)
    {
    }

    public SandboxServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "InternalFailure";
        Status = HttpStatusCode.InternalServerError;
    }

    /// <summary>The AWS error code (<c>InvalidGroup.NotFound</c>, <c>ResourceNotFoundException</c>, ...).</summary>
    public string Code { get; }

    public HttpStatusCode Status { get; }

    /// <summary>awsQuery and rest-xml report who is at fault: <c>Sender</c> for 4xx, <c>Receiver</c> for 5xx.</summary>
    public string FaultType => (int)Status >= 500 ? "Receiver" : "Sender";

    /// <summary>Extra headers some errors carry (Retry-After on throttling, for instance).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
