using System.Globalization;
using System.Net;
using System.Xml.Linq;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>Shared XML helpers of the XML protocols.</summary>
public static class Xml
{
    public static SandboxResponse Response(HttpStatusCode status, XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), root);
        return new SandboxResponse(status, "text/xml", document.Declaration + document.ToString(SaveOptions.DisableFormatting));
    }

    /// <summary>ISO 8601 with milliseconds, as the XML protocols send timestamps.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Parses a request body, turning malformed XML into the protocol's validation error.</summary>
    public static XElement ParseBody(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return XDocument.Parse(request.BodyText).Root
                ?? throw new SandboxServiceException("MalformedInput", "The XML document is empty.");
        }
        catch (System.Xml.XmlException ex)
        {
            throw new SandboxServiceException("MalformedInput", "Invalid XML: " + ex.Message);
        }
    }

    /// <summary>The value of a child element ignoring its namespace (clients differ in how they qualify children).</summary>
    public static string? Child(this XElement element, string name) => element.Element(element.Name.Namespace + name)?.Value;

    public static XElement? ChildElement(this XElement element, string name) => element.Element(element.Name.Namespace + name);

    public static IEnumerable<XElement> ChildElements(this XElement element, string name) => element.Elements(element.Name.Namespace + name);
}
