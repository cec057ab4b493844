using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Helpers for JSON 1.1 (ACM) and REST-JSON (API Gateway) bodies.</summary>
public static class AwsJson
{
    /// <summary>Property names as written (AWS JSON members are case-sensitive), nulls omitted.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = new(JsonSerializerDefaults.General)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = null,
    };

    /// <summary>A JSON 1.1 (<c>awsJson1_1</c>) request: always <c>POST /</c>, operation in <c>X-Amz-Target</c>.</summary>
    public static HttpRequestMessage CreateJson11Request(string targetPrefix, string operation, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, string.Empty);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", $"{targetPrefix}.{operation}");
        request.Content = ToContent(body, "application/x-amz-json-1.1");
        return request;
    }

    public static ByteArrayContent ToContent(JsonNode body, string mediaType)
    {
        ArgumentNullException.ThrowIfNull(body);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToJsonString(SerializerOptions)));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }

    public static string? Text(this JsonNode? node, string name) => node?[name]?.GetValue<string>();

    public static bool? Bool(this JsonNode? node, string name) => node?[name]?.GetValue<bool>();

    public static int? Number(this JsonNode? node, string name) => node?[name]?.GetValue<int>();

    public static IReadOnlyList<string> TextList(this JsonNode? node, string name) =>
        node?[name] is JsonArray array ? array.Select(item => item!.GetValue<string>()).ToList() : [];

    public static IReadOnlyList<JsonNode> List(this JsonNode? node, string name) =>
        node?[name] is JsonArray array ? array.Where(item => item is not null).Select(item => item!).ToList() : [];

    /// <summary>JSON 1.1 timestamps are epoch seconds with a fraction (REST-JSON's default too).</summary>
    public static DateTimeOffset? EpochSeconds(this JsonNode? node, string name)
    {
        if (node?[name] is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<double>(out var seconds))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000));
        }

        return value.TryGetValue<string>(out var text)
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            : null;
    }
}
