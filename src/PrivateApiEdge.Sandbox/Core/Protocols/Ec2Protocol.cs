using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>Writers for the <c>ec2</c> protocol: <c>&lt;{Action}Response xmlns=...&gt;&lt;requestId/&gt;...</c>.</summary>
public static class Ec2Protocol
{
    public const string Namespace = "http://ec2.amazonaws.com/doc/2016-11-15/";
    public static readonly XNamespace Ns = Namespace;

    /// <summary>An element in the EC2 namespace; null children are skipped, so optional members can be passed inline.</summary>
    public static XElement E(string name, params object?[] content) => new(Ns + name, content.Where(c => c is not null));

    /// <summary>A list in EC2's shape: <c>&lt;name&gt;&lt;item&gt;..&lt;/item&gt;&lt;/name&gt;</c>.</summary>
    public static XElement Set<T>(string name, IEnumerable<T> items, Func<T, IEnumerable<object?>> item) =>
        E(name, items.Select(i => E("item", item(i).ToArray())));

    public static XElement StringSet(string name, IEnumerable<string> items) =>
        E(name, items.Select(i => E("item", i)));

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Timestamp(DateTimeOffset value) => Xml.Timestamp(value);

    public static SandboxResponse Ok(SandboxRequest request, params object?[] content)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = E(request.Operation + "Response", [E("requestId", request.RequestId), .. content]);
        return Xml.Response(HttpStatusCode.OK, root);
    }

    public static SandboxResponse Error(string requestId, SandboxServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var root = new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
            new XElement("RequestID", requestId));
        return Xml.Response(error.Status, root);
    }
}
