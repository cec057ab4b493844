using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>OpenTelemetry export, bound from the <c>Observability</c> section.</summary>
public sealed class ObservabilityOptions : IValidatableObject
{
    public const string SectionName = "Observability";

    /// <summary>
    /// OTLP collector to send traces and metrics to (e.g. http://otel-collector:4317). Unset: the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> environment variable decides; when neither is set nothing is exported.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport: <c>Grpc</c> (port 4317) or <c>HttpProtobuf</c> (port 4318).</summary>
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;

    /// <summary>The <c>service.name</c> resource attribute; the instance role and machine name tell instances apart.</summary>
    [Required]
    public string ServiceName { get; set; } = "privateapiedge";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(OtlpEndpoint) && !Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Observability:OtlpEndpoint must be an absolute URL.", [nameof(OtlpEndpoint)]);
        }
    }
}

public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
