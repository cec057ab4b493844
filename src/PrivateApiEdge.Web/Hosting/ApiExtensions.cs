using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Json;
using PrivateApiEdge.Web.Features.Api;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>The REST API under <c>/api/</c>: problem details for every error, enums as strings, OpenAPI at /openapi/v1.json.</summary>
public static class ApiExtensions
{
    public const string ApiPath = "/api";

    public const string OpenApiPath = "/openapi";

    public static WebApplicationBuilder AddPortalApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "PrivateApiEdge API";
            document.Info.Description = "Deployments of private API Gateway REST APIs behind CloudFront. Sign in to the portal " +
                $"(its cookie works here) and send the header {ApiCsrfFilter.HeaderName} on every POST made with that cookie.";
            return Task.CompletedTask;
        }));

        // A script calling the API wants a status code, not the sign-in page's HTML: answer 401/403 for /api.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            var redirectToLogin = cookie.Events.OnRedirectToLogin;
            var redirectToAccessDenied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context => IsApi(context.HttpContext)
                ? WriteStatusAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                : redirectToLogin(context);
            cookie.Events.OnRedirectToAccessDenied = context => IsApi(context.HttpContext)
                ? WriteStatusAsync(context.HttpContext, StatusCodes.Status403Forbidden)
                : redirectToAccessDenied(context);
        });
        return builder;
    }

    /// <summary>
    /// Errors in the API answer problem details; everywhere else the portal's error and not-found pages. The API's
    /// handlers sit inside the pages' ones, so they write a problem body first and the pages leave the response
    /// alone (they only act on an empty one): a 404 under /api never turns into an HTML page.
    /// </summary>
    public static WebApplication UsePortalErrorHandling(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    public static WebApplication MapPortalApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapDeploymentApi();
        return app;
    }

    /// <summary>The API and its description: both are read by scripts, which want status codes and JSON, not pages.</summary>
    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments(OpenApiPath, StringComparison.OrdinalIgnoreCase);

    /// <summary>An empty body with the status: the API branch's status-code pages then write the problem details.</summary>
    private static Task WriteStatusAsync(HttpContext context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
