using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>
/// The error an AWS API answered with, independent of its wire protocol. <paramref name="IsAwsError"/> is false when
/// the answer carried no AWS error code (an HTML page from a proxy or an endpoint without the route): the code is then
/// made from the HTTP status and the message describes the answer instead of repeating its body.
/// </summary>
public sealed record AwsErrorInfo(string Code, string Message, string? RequestId, bool IsAwsError = true);

/// <summary>
/// Reads AWS error answers in all four protocols: REST-XML and Query (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;</c>),
/// EC2 (<c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;</c>), REST-JSON (<c>x-amzn-ErrorType</c> header, <c>message</c>) and
/// JSON 1.1 (<c>__type</c>). Route 53's <c>&lt;InvalidChangeBatch&gt;</c> (its root is the code) is handled too.
/// </summary>
public static class AwsErrorParser
{
    private static readonly string[] RequestIdHeaders = ["x-amzn-RequestId", "x-amz-request-id", "x-amz-id-2"];

    /// <summary>Buffers and parses the body of a failed response; the content stays readable afterwards.</summary>
    public static async Task<AwsErrorInfo> ParseAsync(AwsProtocol protocol, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return Parse(protocol, response.StatusCode, response.Headers, body);
    }

    public static AwsErrorInfo Parse(AwsProtocol protocol, HttpStatusCode status, HttpResponseHeaders headers, string? body)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var headerRequestId = RequestIdHeaders.Select(name => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null)
            .FirstOrDefault(value => !string.IsNullOrEmpty(value));
        string? headerType = headers.TryGetValues("x-amzn-ErrorType", out var types) ? types.FirstOrDefault() : null;

        var parsed = protocol switch
        {
            AwsProtocol.Json or AwsProtocol.RestJson => ParseJson(body, headerType),
            _ => ParseXml(body),
        };

        var code = parsed.Code ?? (headerType is null ? null : CleanJsonType(headerType));
        return code is null
            ? new AwsErrorInfo(FallbackCode(status), NotAnAwsError(status, body), parsed.RequestId ?? headerRequestId, IsAwsError: false)
            : new AwsErrorInfo(code, parsed.Message ?? string.Empty, parsed.RequestId ?? headerRequestId);
    }

    /// <summary>What an operation's caller is told when a 404 carries no AWS error: the route is not there.</summary>
    public static string UnimplementedOperation(string operation, Uri? endpoint) =>
        $"this endpoint{(endpoint is null ? string.Empty : $" ({endpoint.GetLeftPart(UriPartial.Authority)})")} does not implement {operation}: it answered HTTP 404 without an AWS error code";

    // Never the body itself: an HTML error page in a step log tells the user nothing and can be kilobytes long.
    private static string NotAnAwsError(HttpStatusCode status, string? body)
    {
        var what = string.IsNullOrWhiteSpace(body) ? "an empty body"
            : body.Contains("<html", StringComparison.OrdinalIgnoreCase) ? "an HTML page"
            : $"{body.Length} characters that are not an AWS error";
        return $"HTTP {(int)status} without an AWS error code ({what})";
    }

    // Without an AWS error (no body, some 5xx from load balancers, an HTML page) the status is all there is. A 404 gets
    // no "NotFound" code: without the service's own code it does not say the resource is gone.
    private static string FallbackCode(HttpStatusCode status) => status switch
    {
        HttpStatusCode.TooManyRequests => "TooManyRequestsException",
        HttpStatusCode.ServiceUnavailable => "ServiceUnavailable",
        HttpStatusCode.InternalServerError => "InternalFailure",
        HttpStatusCode.Forbidden => "AccessDenied",
        _ => $"Http{(int)status}",
    };

    private static (string? Code, string? Message, string? RequestId) ParseXml(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return default;
        }

        XElement root;
        try
        {
            root = AwsXml.Parse(body);
        }
        catch (XmlException)
        {
            return (null, body.Length > 500 ? body[..500] : body, null);
        }

        var requestId = root.Child("RequestId")?.Value ?? root.Child("RequestID")?.Value;
        var error = root.Name.LocalName switch
        {
            "ErrorResponse" => root.Child("Error"),
            "Response" => root.Child("Errors")?.Child("Error"),
            "Error" => root,
            _ => null,
        };

        if (error is not null)
        {
            return (error.Child("Code")?.Value, error.Child("Message")?.Value, requestId ?? error.Child("RequestId")?.Value);
        }

        // Route 53 answers InvalidChangeBatch with the code as root element and a list of messages. Any other root
        // (an HTML page that happens to be well-formed XML) is no AWS error.
        if (root.Child("Messages") is null && root.Child("Message") is null)
        {
            return (null, null, requestId);
        }

        var messages = root.Child("Messages")?.Children("Message").Select(m => m.Value).ToList();
        var message = messages is { Count: > 0 } ? string.Join("; ", messages) : root.Child("Message")?.Value;
        return (root.Name.LocalName, message, requestId);
    }

    private static (string? Code, string? Message, string? RequestId) ParseJson(string? body, string? headerType)
    {
        string? code = headerType is null ? null : CleanJsonType(headerType);
        string? message = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
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

                        if (code is null && (property.NameEquals("__type") || property.NameEquals("code") || property.NameEquals("Code")))
                        {
                            code = CleanJsonType(property.Value.GetString()!);
                        }
                        else if (message is null && (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase) || property.NameEquals("errorMessage")))
                        {
                            message = property.Value.GetString();
                        }
                    }
                }
            }
            catch (JsonException)
            {
                message = body.Length > 500 ? body[..500] : body;
            }
        }

        return (code, message, null);
    }

    // "com.amazonaws.acm#ResourceNotFoundException" and "NotFoundException:http://internal.amazon.com/..." both mean the part in between.
    private static string CleanJsonType(string value)
    {
        var hash = value.LastIndexOf('#');
        if (hash >= 0)
        {
            value = value[(hash + 1)..];
        }

        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return (colon >= 0 ? value[..colon] : value).Trim();
    }
}
