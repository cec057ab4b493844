namespace PrivateApiEdge.Web.Features.Api;

/// <summary>
/// Cross-site request forgery guard for the JSON API. The threat is ambient credentials: a page on another site can
/// make the user's browser POST to the portal, and the browser attaches the portal's cookie by itself. Such a page
/// cannot add a custom header, though: a cross-origin request with one needs a CORS preflight, and the portal
/// grants CORS to nobody; an HTML form cannot set headers at all. So a state-changing API call that carries cookies
/// must also carry <see cref="HeaderName"/> (any value). A request without cookies (a script with a bearer token,
/// or the test handler) holds no ambient credential to abuse and needs nothing. A custom header rather than the
/// antiforgery token because scripts and the browser alike can send it without first fetching a token.
/// </summary>
public sealed class ApiCsrfFilter : IEndpointFilter
{
    public const string HeaderName = "X-Requested-By";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var changesState = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));
        if (changesState && request.Cookies.Count > 0 && string.IsNullOrWhiteSpace(request.Headers[HeaderName]))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Missing anti-forgery header",
                detail: $"A request authenticated by a cookie must send the header {HeaderName} (any value) to change anything.");
        }

        return await next(context);
    }
}
