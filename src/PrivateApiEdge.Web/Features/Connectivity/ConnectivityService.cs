using System.Diagnostics;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.Web.Features.Connectivity;

/// <summary>Answers "can the portal reach the AWS it is configured for?" for the start page and health checks.</summary>
public sealed class ConnectivityService(CurrentAwsMode endpoint, IHttpClientFactory httpClients, TimeProvider time)
{
    public async Task<ConnectivityResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (!endpoint.IsSandbox)
        {
            return new ConnectivityResult(AwsMode.Aws, Reachable: true, "Configured for AWS; calls use the SDK credential chain.", TimeSpan.Zero, time.GetUtcNow());
        }

        if (endpoint.BaseAddress is null)
        {
            return new ConnectivityResult(AwsMode.Sandbox, Reachable: false, "The sandbox has not started yet.", TimeSpan.Zero, time.GetUtcNow());
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            using var client = httpClients.CreateClient();
            using var response = await client.GetAsync(new Uri(endpoint.BaseAddress, "_sandbox/health"), cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            return response.IsSuccessStatusCode
                ? new ConnectivityResult(AwsMode.Sandbox, true, $"Sandbox answered at {endpoint.BaseAddress}", elapsed, time.GetUtcNow())
                : new ConnectivityResult(AwsMode.Sandbox, false, $"Sandbox answered HTTP {(int)response.StatusCode}", elapsed, time.GetUtcNow());
        }
        catch (HttpRequestException ex)
        {
            return new ConnectivityResult(AwsMode.Sandbox, false, $"Sandbox unreachable: {ex.Message}", Stopwatch.GetElapsedTime(started), time.GetUtcNow());
        }
    }
}

public sealed record ConnectivityResult(AwsMode Mode, bool Reachable, string Message, TimeSpan Latency, DateTimeOffset CheckedAt);
