namespace PrivateApiEdge.Web.Aws.Core;

/// <summary>Where an endpoint came from; shown in diagnostics so an unexpected target is easy to explain.</summary>
public enum AwsEndpointSource
{
    Configuration,
    ServiceEnvironmentVariable,
    EnvironmentVariable,
    Sandbox,
    AwsDefault,
}

public sealed record AwsResolvedEndpoint(Uri Address, AwsEndpointSource Source);

/// <summary>
/// Picks the base address for an AWS API, most specific first: <c>Aws:Endpoints:&lt;Key&gt;</c>,
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>, the sandbox (in sandbox mode), then the real
/// regional or global endpoint. Shared by the thin clients and the SDK-based adapters (<c>ServiceURL</c>).
/// </summary>
/// <remarks>
/// The environment variable names and <c>AWS_IGNORE_CONFIGURED_ENDPOINT_URLS</c> follow the AWS SDKs'
/// "service-specific endpoints" feature, so a shell set up for the AWS CLI (e.g. against LocalStack) works as is.
/// The environment is a delegate so tests can vary it without touching the process environment.
/// </remarks>
public sealed class AwsEndpointResolver
{
    private readonly Dictionary<string, string> _configured;
    private readonly Func<string, string?> _environment;
    private readonly CurrentAwsMode _sandbox;

    public AwsEndpointResolver(IReadOnlyDictionary<string, string>? configuredEndpoints, Func<string, string?> environment, CurrentAwsMode sandbox)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(sandbox);
        _configured = configuredEndpoints is null
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, string>(configuredEndpoints, StringComparer.OrdinalIgnoreCase);
        _environment = environment;
        _sandbox = sandbox;
    }

    public Uri Resolve(AwsService service, string region) => ResolveWithSource(service, region).Address;

    public AwsResolvedEndpoint ResolveWithSource(AwsService service, string region)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(region);

        if (_configured.TryGetValue(service.Key, out var configured) && !string.IsNullOrWhiteSpace(configured))
        {
            return new(Parse(configured, $"Aws:Endpoints:{service.Key}"), AwsEndpointSource.Configuration);
        }

        if (!string.Equals(_environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase))
        {
            var serviceVariable = "AWS_ENDPOINT_URL_" + service.EnvironmentSuffix;
            var perService = _environment(serviceVariable);
            if (!string.IsNullOrWhiteSpace(perService))
            {
                return new(Parse(perService, serviceVariable), AwsEndpointSource.ServiceEnvironmentVariable);
            }

            var shared = _environment("AWS_ENDPOINT_URL");
            if (!string.IsNullOrWhiteSpace(shared))
            {
                return new(Parse(shared, "AWS_ENDPOINT_URL"), AwsEndpointSource.EnvironmentVariable);
            }
        }

        if (_sandbox.IsSandbox)
        {
            var sandboxAddress = _sandbox.BaseAddress
                ?? throw new InvalidOperationException("The sandbox has not started yet, so there is no endpoint to call.");
            return new(WithTrailingSlash(sandboxAddress), AwsEndpointSource.Sandbox);
        }

        return new(service.DefaultEndpoint(region), AwsEndpointSource.AwsDefault);
    }

    private static Uri Parse(string value, string origin)
    {
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"{origin} must be an absolute http(s) URL, got '{value}'.");
        }

        return WithTrailingSlash(uri);
    }

    // Relative request paths are appended to the base address, so a base path ("/localstack/") must end in '/'.
    private static Uri WithTrailingSlash(Uri uri) =>
        uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.GetLeftPart(UriPartial.Path) + "/");
}
