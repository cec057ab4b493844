namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// What a status alone says about a deployment. Views and notices often hold only the status (a list row, a
/// progress event), so the answers live on the status; <see cref="Deployment"/> answers the same through these.
/// </summary>
public static class DeploymentStatusRules
{
    /// <summary>Nothing runs any more and nothing will until someone asks: succeeded, failed, torn down, teardown failed.</summary>
    public static bool IsSettled(this DeploymentStatus status) =>
        status is DeploymentStatus.Succeeded or DeploymentStatus.Failed or DeploymentStatus.TornDown or DeploymentStatus.TeardownFailed;

    /// <summary>The current phase stopped at a failed step (provisioning or teardown).</summary>
    public static bool IsFailure(this DeploymentStatus status) =>
        status is DeploymentStatus.Failed or DeploymentStatus.TeardownFailed;

    /// <summary>Which phase's steps a deployment in this status runs (or last ran).</summary>
    public static DeploymentPhase Phase(this DeploymentStatus status) =>
        status is DeploymentStatus.TearingDown or DeploymentStatus.TornDown or DeploymentStatus.TeardownFailed
            ? DeploymentPhase.Teardown
            : DeploymentPhase.Provision;

    /// <summary>Why a deployment in this status cannot be resumed; null when it can.</summary>
    public static string? WhyCannotResume(this DeploymentStatus status) =>
        status.IsFailure() ? null : "Only a failed deployment can be resumed.";

    /// <summary>Why no step of a deployment in this status can be retried; null when one can.</summary>
    public static string? WhyCannotRetryStep(this DeploymentStatus status) =>
        status is DeploymentStatus.Pending or DeploymentStatus.TornDown ? $"Cannot retry a step while the deployment is {status}." : null;

    /// <summary>Why a deployment in this status cannot be torn down; null when it can (also mid-provisioning).</summary>
    public static string? WhyCannotTearDown(this DeploymentStatus status) =>
        status == DeploymentStatus.TornDown ? "The deployment is already torn down." : null;

    public static bool CanResume(this DeploymentStatus status) => status.WhyCannotResume() is null;

    public static bool CanTearDown(this DeploymentStatus status) => status.WhyCannotTearDown() is null;
}
