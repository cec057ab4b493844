using System.Net;
using System.Xml.Linq;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>Writers for the awsQuery protocol (STS, ELBv2).</summary>
public static class QueryProtocol
{
    /// <summary><c>&lt;{Op}Response xmlns=ns&gt;&lt;{Op}Result&gt;..&lt;/{Op}Result&gt;&lt;ResponseMetadata&gt;&lt;RequestId/&gt;..</c>.
    /// Build <paramref name="result"/> children with <see cref="XNamespace"/> <paramref name="ns"/>.</summary>
    public static SandboxResponse Ok(SandboxRequest request, XNamespace ns, params object?[] result)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ns);
        var root = new XElement(ns + request.Operation + "Response",
            new XElement(ns + request.Operation + "Result", result.Where(r => r is not null)),
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", request.RequestId)));
        return Xml.Response(HttpStatusCode.OK, root);
    }

    /// <summary>A response without a result element (operations whose output shape is empty).</summary>
    public static SandboxResponse OkEmpty(SandboxRequest request, XNamespace ns)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ns);
        var root = new XElement(ns + request.Operation + "Response",
            new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", request.RequestId)));
        return Xml.Response(HttpStatusCode.OK, root);
    }

    /// <summary><c>&lt;ErrorResponse xmlns=ns&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static SandboxResponse Error(string requestId, XNamespace ns, SandboxServiceException error)
    {
        ArgumentNullException.ThrowIfNull(ns);
        ArgumentNullException.ThrowIfNull(error);
        var root = new XElement(ns + "ErrorResponse",
            new XElement(ns + "Error",
                new XElement(ns + "Type", error.FaultType),
                new XElement(ns + "Code", error.Code),
                new XElement(ns + "Message", error.Message)),
            new XElement(ns + "RequestId", requestId));
        return Xml.Response(error.Status, root);
    }
}
