using System.Net;
using System.Text;

namespace PrivateApiEdge.Sandbox.Core;

/// <summary>What an operation handler answers; the dispatcher adds the request-id headers and writes it.</summary>
public sealed class SandboxResponse
{
    public SandboxResponse(HttpStatusCode status, string contentType, string body)
    {
        Status = status;
        ContentType = contentType;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public string ContentType { get; }

    public string Body { get; }

    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public SandboxResponse WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    public static SandboxResponse Empty(HttpStatusCode status) => new(status, string.Empty, string.Empty);

    internal byte[] BodyBytes() => Encoding.UTF8.GetBytes(Body);
}
