using System.Globalization;
using System.Net;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;

namespace PrivateApiEdge.Sandbox.Services.ApiGateway;

/// <summary>
/// API Gateway's fixed control-plane quotas (developer guide, "Quotas": CreateRestApi 1 per 3 s, CreateDeployment
/// 1 per 5 s, Create/DeleteDomainName and DeleteRestApi 1 per 30 s), per account and region. The windows are scaled
/// by the latency profile (off for <c>instant</c>, a thirtieth for <c>fast</c> so CreateDomainName is 1 per second,
/// real for <c>realistic</c>) so tests stay quick while the portal still meets <c>TooManyRequestsException</c>
/// with <c>Retry-After</c>.
/// </summary>
public sealed class ControlPlaneRateLimiter(SandboxLatencyProfile latencyProfile)
{
    private static readonly Dictionary<string, TimeSpan> Quotas = new(StringComparer.Ordinal)
    {
        ["CreateRestApi"] = TimeSpan.FromSeconds(3),
        ["CreateDeployment"] = TimeSpan.FromSeconds(5),
        ["CreateDomainName"] = TimeSpan.FromSeconds(30),
        ["DeleteDomainName"] = TimeSpan.FromSeconds(30),
        ["DeleteRestApi"] = TimeSpan.FromSeconds(30),
    };

    private readonly double _scale = latencyProfile switch
    {
        SandboxLatencyProfile.Instant => 0,
        SandboxLatencyProfile.Fast => 1.0 / 30,
        _ => 1,
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Region, string Operation), DateTimeOffset> _lastAccepted = [];

    /// <summary>Throws <c>TooManyRequestsException</c> (429, Retry-After) when the operation's window is still open.</summary>
    public void Admit(string region, string operation, DateTimeOffset now)
    {
        if (_scale == 0 || !Quotas.TryGetValue(operation, out var quota))
        {
            return;
        }

        var window = quota * _scale;
        lock (_gate)
        {
            if (_lastAccepted.TryGetValue((region, operation), out var last) && now - last < window)
            {
                var wait = window - (now - last);
                var error = new SandboxServiceException("TooManyRequestsException", "Too Many Requests", HttpStatusCode.TooManyRequests);
                error.Headers["Retry-After"] = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                throw error;
            }

            _lastAccepted[(region, operation)] = now;
        }
    }
}
