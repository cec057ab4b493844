using System.Text.Json;
using System.Text.Json.Serialization;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>REST-JSON timestamps are epoch seconds, possibly fractional (the model's default timestampFormat).</summary>
internal sealed class EpochSecondsJsonConverter : JsonConverter<DateTimeOffset?>
{
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number => DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(reader.GetDouble() * 1000)),
        _ => throw new JsonException($"Expected epoch seconds, got {reader.TokenType}."),
    };

    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } timestamp)
        {
            writer.WriteNumberValue((timestamp - DateTimeOffset.UnixEpoch).TotalSeconds);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
