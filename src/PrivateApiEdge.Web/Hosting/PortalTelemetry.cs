using System.Diagnostics;

namespace PrivateApiEdge.Web.Hosting;

/// <summary>
/// The portal's own traces and metrics: one <see cref="ActivitySource"/> and one meter, both named
/// <see cref="Name"/> (OpenTelemetry subscribes to them by that name; see <see cref="ObservabilityExtensions"/>).
/// </summary>
public static class PortalTelemetry
{
    public const string Name = "PrivateApiEdge";

    /// <summary>Span tag names shared by traces, metrics and log scopes.</summary>
    public const string DeploymentIdTag = "deployment.id";
    public const string StepTag = "deployment.step";
    public const string PhaseTag = "deployment.phase";
    public const string OutcomeTag = "outcome";

    public static ActivitySource ActivitySource { get; } = new(Name);
}
