using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Small helpers for XML bodies (REST-XML requests and responses, Query/EC2 responses). Reading goes by local
/// name so a client tolerates a missing or different default namespace, as the SDKs do.
/// </summary>
public static class AwsXml
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        OmitXmlDeclaration = false,
        Indent = false,
    };

    public static XElement? Child(this XElement element, string localName)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Elements().FirstOrDefault(e => e.Name.LocalName == localName);
    }

    public static IEnumerable<XElement> Children(this XElement element, string localName)
    {
        ArgumentNullException.ThrowIfNull(element);
        return element.Elements().Where(e => e.Name.LocalName == localName);
    }

    public static string? Text(this XElement element, string localName) => element.Child(localName)?.Value;

    public static string RequiredText(this XElement element, string localName) =>
        element.Child(localName)?.Value
        ?? throw new FormatException($"AWS response element <{element.Name.LocalName}> lacks <{localName}>.");

    public static int? Number(this XElement element, string localName) =>
        element.Text(localName) is { } text ? int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static long? LargeNumber(this XElement element, string localName) =>
        element.Text(localName) is { } text ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this XElement element, string localName) =>
        element.Text(localName) is { } text ? XmlConvert.ToBoolean(text) : null;

    public static DateTimeOffset? Timestamp(this XElement element, string localName) =>
        element.Text(localName) is { } text ? ParseTimestamp(text) : null;

    /// <summary>Items of an AWS list wrapper: <c>&lt;Items&gt;&lt;CNAME&gt;a&lt;/CNAME&gt;...&lt;/Items&gt;</c>.</summary>
    public static IReadOnlyList<XElement> ListItems(this XElement element, string wrapperName, string memberName) =>
        element.Child(wrapperName)?.Children(memberName).ToList() ?? [];

    public static IReadOnlyList<string> StringList(this XElement element, string wrapperName, string memberName) =>
        element.ListItems(wrapperName, memberName).Select(e => e.Value).ToList();

    /// <summary>ISO 8601 with UTC offset, the rest-xml and query timestamp format.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string FormatBool(bool value) => value ? "true" : "false";

    public static string FormatInt(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An element only when the value is present, so optional members are omitted rather than sent empty.</summary>
    public static XElement? Optional(XName name, string? value) => value is null ? null : new XElement(name, value);

    public static XElement? Optional(XName name, bool? value) => value is null ? null : new XElement(name, FormatBool(value.Value));

    public static XElement? Optional(XName name, long? value) => value is null ? null : new XElement(name, FormatInt(value.Value));

    /// <summary>UTF-8 (no BOM) <c>application/xml</c> content for a REST-XML request.</summary>
    public static ByteArrayContent ToContent(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, WriterSettings))
        {
            root.Save(writer);
        }

        var content = new ByteArrayContent(stream.ToArray());
        content.Headers.ContentType = new("application/xml") { CharSet = "utf-8" };
        return content;
    }

    // Answers are data, never documents with DTDs: refusing them rules out entity-expansion tricks from a
    // misbehaving endpoint (an override can point anywhere).
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, Async = true };

    public static async Task<XElement> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = XmlReader.Create(stream, ReaderSettings);
            return await XElement.LoadAsync(reader, LoadOptions.None, cancellationToken).ConfigureAwait(false);
        }
    }

    public static XElement Parse(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), ReaderSettings);
        return XElement.Load(reader);
    }
}
