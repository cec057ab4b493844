using System.Net;
using System.Text.Json;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Aws.ApiGateway;

/// <summary>
/// REST-JSON errors: the type comes from <c>x-amzn-ErrorType</c> (<c>NotFoundException:http://internal...</c>) or
/// the body's <c>__type</c>, the text from <c>message</c>; the HTTP status decides only when both are missing.
/// </summary>
internal static class ApiGatewayErrorReader
{
    public static AwsApiException Read(string operation, HttpResponseMessage response, string body)
    {
        string? type = null;
        string? message = null;
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var types))
        {
            type = types.FirstOrDefault();
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        continue;
                    }

                    if (property.NameEquals("__type"))
                    {
                        type ??= property.Value.GetString();
                    }
                    else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase))
                    {
                        message ??= property.Value.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            message = body;
        }

        var requestId = response.Headers.TryGetValues("x-amzn-RequestId", out var ids) ? ids.FirstOrDefault() : null;
        var code = Sanitize(type) ?? FromStatus(response.StatusCode);
        return new AwsApiException(ApiGatewayClient.SigningName, operation, code, message ?? "", response.StatusCode, requestId);
    }

    // "aws.protocoltests#NotFoundException:http://internal.amazon.com/..." -> "NotFoundException"
    private static string? Sanitize(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            type = type[..colon];
        }

        var hash = type.LastIndexOf('#');
        return hash >= 0 ? type[(hash + 1)..] : type;
    }

    private static string FromStatus(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => "BadRequestException",
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "UnauthorizedException",
        HttpStatusCode.NotFound => "NotFoundException",
        HttpStatusCode.Conflict => "ConflictException",
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailableException",
        _ => status.ToString(),
    };
}
