using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>
/// Whether the portal can reach what it provisions with: in sandbox mode the sandbox's health probe; in AWS mode a
/// real STS GetCallerIdentity (signed with the portal's credentials, through the configured endpoint), under a short
/// timeout. The answer is kept for <see cref="AwsOptions.HealthCheckCacheDuration"/> and concurrent probes share one
/// call, so load balancers polling /health on every instance never turn into a stream of STS calls.
/// </summary>
internal sealed class AwsEndpointHealthCheck(
    CurrentAwsMode endpoint,
    IHttpClientFactory httpClients,
    IAwsClientFactory awsClients,
    AwsEndpointResolver endpoints,
    IOptions<AwsOptions> options,
    TimeProvider time) : IHealthCheck, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset At)? _cached;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (endpoint.IsSandbox)
        {
            return await CheckSandboxAsync(cancellationToken);
        }

        var cacheFor = options.Value.HealthCheckCacheDuration;
        if (Fresh(cacheFor) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(cacheFor) is { } justChecked)
            {
                return justChecked;
            }

            var result = await CallStsAsync(cancellationToken);
            _cached = (result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private HealthCheckResult? Fresh(TimeSpan cacheFor) =>
        _cached is { } cached && time.GetUtcNow() - cached.At < cacheFor ? cached.Result : null;

    private async Task<HealthCheckResult> CallStsAsync(CancellationToken cancellationToken)
    {
        var region = options.Value.Region;
        var timeout = options.Value.HealthCheckTimeout;
        var sts = endpoints.Resolve(AwsService.Sts, region);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var identity = await awsClients.Create(new AwsSession(region)).Sts.GetCallerIdentityAsync(deadline.Token);
            return HealthCheckResult.Healthy($"AWS account {identity.Account} as {identity.Arn} (STS at {sts})");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"AWS STS at {sts} did not answer GetCallerIdentity within {timeout.TotalSeconds:0.#} s");
        }
#pragma warning disable CA1031 // Any failure (credentials, network, AWS error) is the answer of a health check, not a crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy($"AWS STS GetCallerIdentity at {sts} failed: {ex.Message}", ex);
        }
    }

    private async Task<HealthCheckResult> CheckSandboxAsync(CancellationToken cancellationToken)
    {
        if (endpoint.BaseAddress is null)
        {
            return HealthCheckResult.Unhealthy("sandbox not started");
        }

        using var client = httpClients.CreateClient();
        using var response = await client.GetAsync(new Uri(endpoint.BaseAddress, "_sandbox/health"), cancellationToken);
        return response.IsSuccessStatusCode
            ? HealthCheckResult.Healthy($"sandbox at {endpoint.BaseAddress}")
            : HealthCheckResult.Unhealthy($"sandbox answered {(int)response.StatusCode}");
    }
}
