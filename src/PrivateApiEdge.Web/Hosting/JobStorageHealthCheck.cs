using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>Healthy when Hangfire's storage answers; reports how many job servers are alive across instances.</summary>
internal sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var monitoring = storage.GetMonitoringApi();
            var servers = monitoring.Servers().Count;
            var processing = monitoring.ProcessingCount();
            return Task.FromResult(HealthCheckResult.Healthy($"{servers} job server(s), {processing} job(s) processing"));
        }
#pragma warning disable CA1031 // Any storage failure means unhealthy; the exception goes into the report.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("job storage unreachable", ex));
        }
    }
}
