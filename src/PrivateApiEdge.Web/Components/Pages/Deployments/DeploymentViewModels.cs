using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

// Plain view models of the deployment page. Components take these, never the engine's types, so they render in
// bUnit without a database; DeploymentViewMapper is the one place that maps the engine's state onto them.

public enum StepState
{
    Pending,
    Running,

    /// <summary>Waiting for AWS (e.g. a distribution to deploy); no worker is held.</summary>
    Waiting,
    Succeeded,
    Failed,

    /// <summary>Not needed for this deployment (or already gone during teardown).</summary>
    Skipped,
}

public sealed record StepLogEntry(DateTimeOffset At, string Message, bool IsError = false);

public sealed record StepView
{
    public required string Key { get; init; }

    public required string Title { get; init; }

    public StepState State { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public int Attempts { get; init; }

    /// <summary>The latest word on the step: why it waits, or the error.</summary>
    public string? Message { get; init; }

    /// <summary>How long this step usually takes; drives the progress bar and the estimate of long waits.</summary>
    public TimeSpan? TypicalDuration { get; init; }

    public IReadOnlyList<StepLogEntry> Log { get; init; } = [];

    public bool IsActive => State is StepState.Running or StepState.Waiting;

    public TimeSpan? Elapsed(DateTimeOffset now) =>
        StartedAt is { } started ? (FinishedAt ?? now) - started : null;

    /// <summary>0..1 while active, capped below 1 so a slow step never looks finished.</summary>
    public double? Progress(DateTimeOffset now) =>
        IsActive && TypicalDuration is { TotalSeconds: > 0 } typical && Elapsed(now) is { } elapsed
            ? Math.Min(elapsed / typical, 0.95)
            : null;

    public TimeSpan? EstimatedRemaining(DateTimeOffset now) =>
        IsActive && TypicalDuration is { } typical && Elapsed(now) is { } elapsed && typical > elapsed ? typical - elapsed : null;
}

/// <summary>A resource the deployment created or adopted.</summary>
/// <param name="Kind">One of the <see cref="AwsConsoleLinks"/> kind constants.</param>
/// <param name="Id">Id, ARN or name.</param>
/// <param name="ConsoleUrl">Its page in the AWS console, when there is one.</param>
/// <param name="Shared">Reused, not created: teardown leaves it in place.</param>
/// <param name="Deleted">Gone after teardown; kept in the list as a record.</param>
public sealed record ResourceView(string Kind, string Id, string? ConsoleUrl, bool Shared = false, bool Deleted = false);

public sealed record OutputView(string Label, string Value, string TestId);

public sealed record AwsCallCountView(string Service, string Operation, int Calls, int Failures);

public sealed record EndpointTestView(
    bool Passed,
    int? StatusCode,
    TimeSpan Latency,
    DateTimeOffset At,
    string? Body,
    string? Error,
    IReadOnlyDictionary<string, string> Headers);

public sealed record DeploymentView
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string DomainName { get; init; }

    public required string Region { get; init; }

    public DeploymentStatus Status { get; init; }

    public string? Owner { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? Error { get; init; }

    public IReadOnlyList<StepView> Steps { get; init; } = [];

    public IReadOnlyList<ResourceView> Resources { get; init; } = [];

    public IReadOnlyList<OutputView> Outputs { get; init; } = [];

    public IReadOnlyList<AwsCallCountView> AwsCalls { get; init; } = [];

    public EndpointTestView? EndpointTest { get; init; }
}
