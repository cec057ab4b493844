using System.Net;
using System.Xml.Linq;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>Writers for the rest-xml protocol (Route 53, CloudFront).</summary>
public static class RestXmlProtocol
{
    public static SandboxResponse Ok(HttpStatusCode status, XElement root) => Xml.Response(status, root);

    /// <summary>Same shape as awsQuery errors: <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static SandboxResponse Error(string requestId, XNamespace ns, SandboxServiceException error) =>
        QueryProtocol.Error(requestId, ns, error);
}
