using System.Globalization;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// Request URIs from the API model's <c>requestUri</c> template: labels and query values are RFC 3986
/// percent-encoded (what SigV4 canonicalizes), absent query members are left out, and the result is relative to
/// the endpoint the <see cref="AwsConnection"/> resolved.
/// </summary>
/// <example>
/// <code>AwsUri.Path("/restapis/{restapi_id}/resources", ("restapi_id", request.RestApiId))
///     .Query(("position", request.Position), ("limit", AwsUri.Number(request.Limit)))</code>
/// </example>
public static class AwsUri
{
    /// <summary>Fills <c>{label}</c> placeholders; the leading '/' is dropped so the path stays relative.</summary>
    public static string Path(string template, params ReadOnlySpan<(string Label, string Value)> labels)
    {
        ArgumentNullException.ThrowIfNull(template);
        var path = template.TrimStart('/');
        foreach (var (label, value) in labels)
        {
            path = path.Replace("{" + label + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        return path;
    }

    /// <summary>Appends the present parameters in order (<c>?a=1&amp;b=2</c>, or <c>&amp;</c> after an existing query).</summary>
    public static string Query(this string path, params ReadOnlySpan<(string Name, string? Value)> parameters)
    {
        ArgumentNullException.ThrowIfNull(path);
        var uri = path;
        foreach (var (name, value) in parameters)
        {
            if (value is not null)
            {
                uri += (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + name + "=" + Uri.EscapeDataString(value);
            }
        }

        return uri;
    }

    /// <summary>A numeric query value in invariant culture; null stays null (the parameter is omitted).</summary>
    public static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);
}
