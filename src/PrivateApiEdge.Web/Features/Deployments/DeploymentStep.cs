using System.Text.Json;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// The persisted record of one step of one phase: what it intends to create (idempotency keys written before the
/// create call), what it produced (resource ids), and how it went.
/// </summary>
public sealed class DeploymentStep
{
    private string _intentsJson = "{}";
    private string _outputsJson = "{}";

    private DeploymentStep()
    {
    }

    internal DeploymentStep(Guid deploymentId, DeploymentPhase phase, string name)
    {
        DeploymentId = deploymentId;
        Phase = phase;
        Name = name;
        Status = StepStatus.Pending;
    }

    public Guid DeploymentId { get; private set; }

    public DeploymentPhase Phase { get; private set; }

    public string Name { get; private set; } = "";

    public StepStatus Status { get; private set; }

    /// <summary>How many times the step was started from Pending or Failed (a retry adds one).</summary>
    public int Attempts { get; private set; }

    /// <summary>How many times the step's code ran, including every poll after a Wait.</summary>
    public int Executions { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    public DateTimeOffset? WaitUntil { get; private set; }

    public string? WaitReason { get; private set; }

    public string? Error { get; private set; }

    public int AwsCalls { get; private set; }

    /// <summary>Throttling or 5xx answers in a row; reset by any real outcome.</summary>
    public int ConsecutiveTransientErrors { get; private set; }

    /// <summary>Idempotency keys (ClientToken, CallerReference, deterministic name) recorded before each create call.</summary>
    public IReadOnlyDictionary<string, string> Intents => Read(_intentsJson);

    /// <summary>Resource ids and other results, recorded after each create call.</summary>
    public IReadOnlyDictionary<string, string> Outputs => OutputKeys.UnderCurrentNames(Read(_outputsJson));

    /// <summary>
    /// Whether teardown has anything to undo. Every create is preceded by a recorded intent, so a step without
    /// intents created nothing (a reused endpoint, for example, is only an output).
    /// </summary>
    public bool HasCreatedAnything => Intents.Count > 0;

    public bool IsComplete => Status is StepStatus.Succeeded or StepStatus.Skipped;

    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;

    internal void MarkStarted(DateTimeOffset now)
    {
        if (Status is StepStatus.Pending or StepStatus.Failed)
        {
            Attempts++;
            StartedAt ??= now;
            FinishedAt = null;
            Error = null;
        }

        Executions++;
        Status = StepStatus.Running;
        WaitUntil = null;
        WaitReason = null;
    }

    internal int RecordTransientError() => ++ConsecutiveTransientErrors;

    internal void ResetTransientErrors() => ConsecutiveTransientErrors = 0;

    internal void MarkSucceeded(DateTimeOffset now)
    {
        ConsecutiveTransientErrors = 0;
        Status = StepStatus.Succeeded;
        FinishedAt = now;
        WaitUntil = null;
        WaitReason = null;
    }

    internal void MarkWaiting(DateTimeOffset until, string reason)
    {
        Status = StepStatus.Waiting;
        WaitUntil = until;
        WaitReason = reason;
    }

    internal void MarkFailed(string error, DateTimeOffset now)
    {
        ConsecutiveTransientErrors = 0;
        Status = StepStatus.Failed;
        Error = error;
        FinishedAt = now;
        WaitUntil = null;
        WaitReason = null;
    }

    internal void MarkSkipped(string reason, DateTimeOffset now)
    {
        Status = StepStatus.Skipped;
        WaitReason = reason;
        StartedAt ??= now;
        FinishedAt = now;
    }

    /// <summary>A run died while this step was running; whoever holds the lease now runs it again.</summary>
    internal void MarkInterrupted()
    {
        if (Status == StepStatus.Running)
        {
            Status = StepStatus.Waiting;
            WaitUntil = null;
            WaitReason = "interrupted; resuming";
        }
    }

    internal void ResetForRetry()
    {
        Status = StepStatus.Pending;
        Error = null;
        FinishedAt = null;
        WaitUntil = null;
        WaitReason = null;
    }

    internal void SetIntent(string resource, string idempotencyKey) => _intentsJson = Write(_intentsJson, resource, idempotencyKey);

    internal void SetOutput(string key, string value) => _outputsJson = Write(JsonSerializer.Serialize(Outputs), key, value);

    internal void RemoveOutput(string key) => _outputsJson = Write(JsonSerializer.Serialize(Outputs), key, null);

    internal void CountAwsCalls(int calls) => AwsCalls += calls;

    private static Dictionary<string, string> Read(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private static string Write(string json, string key, string? value)
    {
        var values = Read(json);
        if (value is null)
        {
            values.Remove(key);
        }
        else
        {
            values[key] = value;
        }

        return JsonSerializer.Serialize(new SortedDictionary<string, string>(values, StringComparer.Ordinal));
    }
}

public enum DeploymentPhase
{
    Provision,
    Teardown,
}

public enum StepStatus
{
    Pending,
    Running,

    /// <summary>AWS is working; the step is polled again at <see cref="DeploymentStep.WaitUntil"/> (no worker held).</summary>
    Waiting,
    Succeeded,
    Failed,

    /// <summary>Nothing to do (e.g. a teardown step for a step that never created anything).</summary>
    Skipped,
}
