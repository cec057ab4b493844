using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Features.Api;

/// <summary>
/// Reads <see cref="CreateDeploymentBody"/> strictly: JSON only, at most <see cref="MaxBytes"/>, no unknown or
/// duplicated properties, enums by name only. Each failure becomes a message keyed by the field it is about, in
/// the same dictionary shape as the validator's, instead of the framework's bare 400.
/// </summary>
public static class DeploymentApiBody
{
    /// <summary>A full request with 40 tags at their maximum size is about 20 KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>The key for errors about the body as a whole (not JSON, empty, too deep).</summary>
    public const string BodyField = "body";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowDuplicateProperties = false,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private static readonly Dictionary<string, string> ExpectedShapes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["subnetIds"] = "an array of strings, e.g. [\"subnet-0123abcd\", \"subnet-4567ef01\"]",
        ["geoRestrictionCountries"] = "an array of strings, e.g. [\"DE\", \"FR\"]",
        ["tags"] = "an array of objects, e.g. [{\"key\": \"team\", \"value\": \"payments\"}]",
        ["enableIpv6"] = "true or false",
        ["overwriteExistingRecord"] = "true or false",
        ["cachePolicy"] = $"one of {string.Join(", ", Enum.GetNames<DeploymentForm.CachePolicyChoice>())} (a string)",
        ["geoRestriction"] = $"one of {string.Join(", ", Enum.GetNames<DeploymentForm.GeoRestrictionKind>())} (a string)",
    };

    /// <summary>The body, or the status and field errors that reject it.</summary>
    public static async Task<(CreateDeploymentBody? Body, int Status, IReadOnlyDictionary<string, string> Errors)> ReadAsync(
        HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Send the deployment as a JSON object (Content-Type: application/json).");
        }

        if (request.ContentLength > MaxBytes)
        {
            return Fail(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes / 1024} KiB.");
        }

        // Chunked bodies carry no length: read at most one byte past the limit to know it was exceeded.
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return Fail(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBytes / 1024} KiB.");
            }
        }

        try
        {
            var body = JsonSerializer.Deserialize<CreateDeploymentBody>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Options);
            return body is null
                ? Fail(StatusCodes.Status400BadRequest, "Send a JSON object with the deployment's fields, not null.")
                : (body, StatusCodes.Status200OK, new Dictionary<string, string>());
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            return (null, StatusCodes.Status400BadRequest, new Dictionary<string, string> { [field] = message });
        }
    }

    /// <summary>Which field a deserializer complaint is about, and a message that does not leak .NET type names.</summary>
    private static (string Field, string Message) Describe(JsonException ex)
    {
        var field = FieldOf(ex.Path);
        var text = ex.Message;
        if (text.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var unknown = UnmappedName(text) ?? field;
            return (unknown, $"'{unknown}' is not a field of a deployment; see /openapi/v1.json for the fields.");
        }

        if (text.Contains("uplicate", StringComparison.Ordinal))
        {
            return (field, "This property appears more than once in the JSON; send it once.");
        }

        if (text.Contains("could not be converted", StringComparison.Ordinal))
        {
            return field == BodyField
                ? (BodyField, "Send a JSON object with the deployment's fields.")
                : (field, $"Expected {ExpectedShapes.GetValueOrDefault(field, "a string")}.");
        }

        var where = ex.LineNumber is { } line ? $" (line {line + 1}, position {ex.BytePositionInLine + 1})" : "";
        return (BodyField, $"The body is not valid JSON{where}.");
    }

    /// <summary>The top-level property a JSON path points into: <c>$.subnetIds[1]</c> → <c>subnetIds</c>.</summary>
    private static string FieldOf(string? path)
    {
        if (path is null || !path.StartsWith("$.", StringComparison.Ordinal))
        {
            return BodyField;
        }

        var rest = path[2..];
        var end = rest.IndexOfAny(['.', '[']);
        var name = end < 0 ? rest : rest[..end];
        return name.Length == 0 ? BodyField : name;
    }

    private static string? UnmappedName(string message)
    {
        const string Prefix = "The JSON property '";
        var start = message.IndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        start += Prefix.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }

    private static (CreateDeploymentBody? Body, int Status, IReadOnlyDictionary<string, string> Errors) Fail(int status, string message) =>
        (null, status, new Dictionary<string, string> { [BodyField] = message });
}
