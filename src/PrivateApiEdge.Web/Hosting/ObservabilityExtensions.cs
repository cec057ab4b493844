using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Hosting;

public static class ObservabilityExtensions
{
    /// <summary>Environment variable of the OpenTelemetry specification that turns OTLP export on without config.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces (our <see cref="PortalTelemetry.ActivitySource"/>, ASP.NET Core, outgoing HTTP including
    /// AWS calls) and metrics (our meters, ASP.NET Core, HttpClient), exported over OTLP when an endpoint is
    /// configured. Without one the SDK is not even registered: the instruments stay cheap no-ops until something
    /// (dotnet-counters, a test's listener) listens.
    /// </summary>
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObservabilityOptions>().BindConfiguration(ObservabilityOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(ObservabilityOptions.SectionName).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        var fromEnvironment = Environment.GetEnvironmentVariable(OtlpEndpointVariable);
        if (string.IsNullOrEmpty(options.OtlpEndpoint) && string.IsNullOrEmpty(fromEnvironment))
        {
            return builder;
        }

        var role = InstanceRoles.Of(builder.Configuration).ToString().ToLowerInvariant();
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource
                .AddService(options.ServiceName, serviceInstanceId: $"{Environment.MachineName}-{role}-{Environment.ProcessId}")
                .AddAttributes([new KeyValuePair<string, object>("privateapiedge.instance.role", role)]))
            .WithTracing(tracing => tracing
                .AddSource(PortalTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = context => !context.Request.Path.StartsWithSegments("/_blazor"))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddMeter(PortalTelemetry.Name, AwsCallMeter.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        // Configured values win; otherwise the exporter reads OTEL_EXPORTER_OTLP_* itself (endpoint, headers, protocol).
        if (string.IsNullOrEmpty(options.OtlpEndpoint))
        {
            telemetry.UseOtlpExporter();
        }
        else
        {
            var protocol = options.OtlpProtocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, new Uri(options.OtlpEndpoint));
        }

        return builder;
    }
}
