using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PrivateApiEdge.Sandbox.Core.Protocols;

/// <summary>Readers and writers for the JSON protocols: <c>json</c> 1.1 (ACM) and <c>rest-json</c> (API Gateway).</summary>
public static class JsonProtocol
{
    public const string Json11ContentType = "application/x-amz-json-1.1";
    public const string RestJsonContentType = "application/json";

    /// <summary>The operation of a json 1.1 request: <c>X-Amz-Target: CertificateManager.DescribeCertificate</c> → <c>DescribeCertificate</c>.</summary>
    public static string? TargetOperation(SandboxRequest request, string targetPrefix)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Headers["X-Amz-Target"].ToString();
        return target.StartsWith(targetPrefix + ".", StringComparison.Ordinal) ? target[(targetPrefix.Length + 1)..] : null;
    }

    /// <summary>The body as a JSON object; an empty body is an empty object.</summary>
    public static JsonObject ReadObject(SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body.Length == 0)
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(request.Body) as JsonObject
                ?? throw new SandboxServiceException("SerializationException", "Request body must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new SandboxServiceException("SerializationException", ex.Message);
        }
    }

    /// <summary>Epoch seconds (with fraction), the JSON protocols' default timestamp format.</summary>
    public static double EpochSeconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds() / 1000.0;

    public static SandboxResponse Json11(JsonNode body) =>
        new(HttpStatusCode.OK, Json11ContentType, body.ToJsonString());

    public static SandboxResponse RestJson(HttpStatusCode status, JsonNode? body) =>
        new(status, RestJsonContentType, body?.ToJsonString() ?? "{}");

    /// <summary>json 1.1 error: <c>{"__type":"ResourceNotFoundException","message":"..."}</c>.</summary>
    public static SandboxResponse Json11Error(SandboxServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = new JsonObject { ["__type"] = error.Code, ["message"] = error.Message };
        return new SandboxResponse(error.Status, Json11ContentType, body.ToJsonString());
    }

    /// <summary>rest-json error: the code in <c>x-amzn-ErrorType</c>, the message in the body.</summary>
    public static SandboxResponse RestJsonError(SandboxServiceException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var body = new JsonObject { ["message"] = error.Message };
        return new SandboxResponse(error.Status, RestJsonContentType, body.ToJsonString())
            .WithHeader("x-amzn-ErrorType", error.Code);
    }
}
