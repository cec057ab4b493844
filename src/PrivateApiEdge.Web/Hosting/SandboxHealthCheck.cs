using Microsoft.Extensions.Diagnostics.HealthChecks;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>In sandbox mode, healthy only when the sandbox answers its health probe.</summary>
internal sealed class SandboxHealthCheck(SandboxEndpoint endpoint, IHttpClientFactory httpClients) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!endpoint.IsSandbox)
        {
            return HealthCheckResult.Healthy("AWS mode");
        }

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
