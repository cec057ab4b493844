namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>What the engine tells about one change of a deployment.</summary>
/// <param name="Step">The step it concerns; null for the deployment as a whole.</param>
/// <param name="StepStatus">The step's new status, for live pages.</param>
/// <param name="Level">Level of the log line.</param>
/// <param name="Log">The line for the deployment log; null when the change is not logged.</param>
/// <param name="Headline">The short message live pages show.</param>
public sealed record DeploymentChangeNote(string? Step, StepStatus? StepStatus, DeploymentLogLevel Level, string? Log, string Headline);
