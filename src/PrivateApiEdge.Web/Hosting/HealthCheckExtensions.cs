using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Hosting;

public static class HealthCheckExtensions
{
    public static WebApplicationBuilder AddPortalHealthChecks(this WebApplicationBuilder builder)
    {
        // One instance per host: it caches the AWS answer between probes.
        builder.Services.AddSingleton<AwsEndpointHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<PortalDbContext>("database")
            .AddCheck<JobStorageHealthCheck>("job-storage")
            .AddCheck<AwsEndpointHealthCheck>("aws-endpoint");
        return builder;
    }

    public static WebApplication MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = WriteJsonAsync }).AllowAnonymous();
        return app;
    }

    private static Task WriteJsonAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
