using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>What one advance did and when the engine wants to run again.</summary>
/// <param name="Outcome">Whether the advance ran at all.</param>
/// <param name="Status">The deployment's status afterwards (null when not found).</param>
/// <param name="NextWakeAt">Schedule an advance at this time (earliest waiting step; when busy, the holder's lease expiry); null: nothing to schedule.</param>
/// <param name="RunAgain">A user command or a due wake arrived while this advance held the lease: enqueue one now.</param>
public sealed record AdvanceResult(AdvanceOutcome Outcome, DeploymentStatus? Status, DateTimeOffset? NextWakeAt, bool RunAgain)
{
    public static AdvanceResult NotFound { get; } = new(AdvanceOutcome.NotFound, null, null, false);

    public static AdvanceResult Busy { get; } = new(AdvanceOutcome.Busy, null, null, false);
}

public enum AdvanceOutcome
{
    Advanced,

    /// <summary>
    /// Another advance holds the deployment; it will schedule whatever comes next unless it died, which a look
    /// after its lease expiry finds out.
    /// </summary>
    Busy,
    NotFound,
}
