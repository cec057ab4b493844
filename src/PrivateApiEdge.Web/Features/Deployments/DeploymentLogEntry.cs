namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>One line of a deployment's log, in the order the engine wrote it.</summary>
public sealed class DeploymentLogEntry
{
    private DeploymentLogEntry()
    {
    }

    public DeploymentLogEntry(Guid deploymentId, DateTimeOffset at, DeploymentPhase? phase, string? step, DeploymentLogLevel level, string message)
    {
        DeploymentId = deploymentId;
        At = at;
        Phase = phase;
        Step = step;
        Level = level;
        Message = message.Length > MaxMessageLength ? message[..MaxMessageLength] : message;
    }

    public const int MaxMessageLength = 2000;

    public long Id { get; private set; }

    public Guid DeploymentId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public DeploymentPhase? Phase { get; private set; }

    public string? Step { get; private set; }

    public DeploymentLogLevel Level { get; private set; }

    public string Message { get; private set; } = "";
}

public enum DeploymentLogLevel
{
    Info,
    Warning,
    Error,
}
