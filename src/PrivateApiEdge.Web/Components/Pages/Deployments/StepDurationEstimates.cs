using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

/// <summary>
/// How long the slow steps usually take, for the timeline's progress bars: AWS's typical times, or the sandbox's
/// latency profile (an "about 11 min left" next to a sandbox step that finishes in two seconds would mislead).
/// </summary>
public sealed class StepDurationEstimates
{
    private static readonly Dictionary<string, (TimeSpan Fast, TimeSpan Realistic)> Typical = new(StringComparer.Ordinal)
    {
        ["vpc-endpoint"] = (TimeSpan.FromSeconds(1.5), TimeSpan.FromMinutes(2)),
        ["api-domain"] = (TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(40)),
        ["load-balancer"] = (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(3)),
        ["vpc-origin"] = (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(12)),
        ["distribution"] = (TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(8)),
        ["dns-records"] = (TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(60)),
        ["target-health"] = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(90)),
    };

    private readonly SandboxLatencyProfile _profile;

    public StepDurationEstimates(CurrentAwsMode endpoint, IOptions<SandboxOptions> sandbox)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(sandbox);
        _profile = endpoint.IsSandbox ? sandbox.Value.Profile : SandboxLatencyProfile.Realistic;
    }

    /// <summary>Null for quick steps, and for every step in the instant sandbox.</summary>
    public TimeSpan? For(string step) =>
        _profile == SandboxLatencyProfile.Instant || !Typical.TryGetValue(step, out var typical) ? null
        : _profile == SandboxLatencyProfile.Realistic ? typical.Realistic
        : typical.Fast;
}
