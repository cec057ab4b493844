using System.ComponentModel.DataAnnotations;

namespace PrivateApiEdge.Web.Aws;

/// <summary>How the portal reaches AWS. Bound from the <c>Aws</c> section.</summary>
public sealed class AwsOptions : IValidatableObject
{
    public const string SectionName = "Aws";

    /// <summary>
    /// <c>Auto</c> (default): talk to real AWS when a credential source or endpoint override is configured,
    /// otherwise start the sandbox. <c>Sandbox</c> or <c>Aws</c> force one or the other.
    /// </summary>
    public AwsMode Mode { get; set; } = AwsMode.Auto;

    /// <summary>Default region for regional services (the form can choose another per deployment).</summary>
    [Required]
    [RegularExpression("^[a-z]{2}(-gov)?-[a-z]+-\\d$", ErrorMessage = "Aws:Region must look like eu-west-1.")]
    public string Region { get; set; } = "eu-west-1";

    /// <summary>
    /// Endpoint overrides by service key (<c>CloudFront</c>, <c>Route53</c>, <c>Acm</c>, <c>ElasticLoadBalancingV2</c>,
    /// <c>ApiGateway</c>, <c>Ec2</c>, <c>Sts</c>); they win over <c>AWS_ENDPOINT_URL_*</c> and the sandbox.
    /// </summary>
    public Dictionary<string, string> Endpoints { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The base URL of a standalone sandbox that the endpoint overrides point at (docker compose, scale-out tests).
    /// The endpoint test then sends its viewer request through that sandbox's data path, because the domains it
    /// hosts resolve nowhere else. Empty for real AWS, LocalStack or moto.
    /// </summary>
    public string? StandaloneSandboxUrl { get; set; }

    /// <summary>How long the /health check waits for STS GetCallerIdentity (AWS mode) before reporting Unhealthy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an AWS health answer is reused, so frequent /health probes cost one STS call per period.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan HealthCheckCacheDuration { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(StandaloneSandboxUrl) && !IsHttpUrl(StandaloneSandboxUrl))
        {
            yield return new ValidationResult("Aws:StandaloneSandboxUrl must be an absolute http(s) URL.", [nameof(StandaloneSandboxUrl)]);
        }

        foreach (var (service, url) in Endpoints)
        {
            if (!IsHttpUrl(url))
            {
                yield return new ValidationResult($"Aws:Endpoints:{service} must be an absolute http(s) URL.", [nameof(Endpoints)]);
            }
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}

public enum AwsMode
{
    Auto,
    Sandbox,
    Aws,
}
