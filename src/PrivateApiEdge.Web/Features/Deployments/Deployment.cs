using System.Text.Json;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>
/// One request to put a private API behind a CloudFront domain, and everything it created. State changes go
/// through guarded methods; the provisioning engine calls them while it holds the deployment's lease.
/// </summary>
public sealed partial class Deployment
{
    private readonly List<DeploymentStep> _steps = [];
    private string _requestJson = "{}";
    private DeploymentRequest? _request;

    private Deployment()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string DomainName { get; private set; } = "";

    public string Region { get; private set; } = "";

    public string Owner { get; private set; } = "";

    public DeploymentStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>True when the current teardown was started automatically after a failed provisioning.</summary>
    public bool IsRollback { get; private set; }

    public string? FailedStep { get; private set; }

    public string? Error { get; private set; }

    /// <summary>When the engine asked to be woken up next (a waiting step's poll time); null when nothing waits.</summary>
    public DateTimeOffset? ScheduledWakeAt { get; private set; }

    /// <summary>The run holding the advance lock; written only through conditional updates (see DeploymentLease).</summary>
    public Guid? LeaseId { get; private set; }

    public DateTimeOffset? LeaseExpiresAt { get; private set; }

    /// <summary>User commands (resume, retry, teardown) are numbered; the service writes them, the engine applies them.</summary>
    public long CommandSequence { get; private set; }

    public DeploymentAction RequestedAction { get; private set; }

    public string? RequestedStep { get; private set; }

    public long AppliedCommandSequence { get; private set; }

    public string? LastEndpointTestJson { get; private set; }

    public DeploymentRequest Request => _request ??= JsonSerializer.Deserialize<DeploymentRequest>(_requestJson)
        ?? throw new InvalidOperationException($"Deployment {Id} has no request.");

    public IReadOnlyList<DeploymentStep> Steps => _steps;

    /// <summary>AWS call attempts made by the deployment's steps so far (both phases).</summary>
    public int AwsCalls => _steps.Sum(s => s.AwsCalls);

    public DeploymentPhase Phase => Status.Phase();

    public IEnumerable<DeploymentStep> ActiveSteps => _steps.Where(s => s.Phase == Phase);

    /// <summary>The status is settled (see <see cref="DeploymentStatusRules.IsSettled"/>): the engine runs no step until a command.</summary>
    public bool IsFinished => Status.IsSettled();

    public static Deployment Create(Guid id, DeploymentRequest request, string owner, IEnumerable<string> provisioningSteps, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deployment = new Deployment
        {
            Id = id,
            Name = request.Name,
            DomainName = request.DomainName,
            Region = request.Region,
            Owner = owner,
            CreatedAt = now,
            UpdatedAt = now,
            Status = DeploymentStatus.Pending,
            _requestJson = JsonSerializer.Serialize(request),
            _request = request,
        };
        foreach (var name in provisioningSteps)
        {
            deployment._steps.Add(new DeploymentStep(id, DeploymentPhase.Provision, name));
        }

        return deployment;
    }

    public DeploymentStep? FindStep(DeploymentPhase phase, string name) =>
        _steps.FirstOrDefault(s => s.Phase == phase && s.Name == name);

    public DeploymentStep Step(DeploymentPhase phase, string name) =>
        FindStep(phase, name) ?? throw new InvalidOperationException($"Deployment {Id} has no {phase} step '{name}'.");

    /// <summary>Called by the engine right after it took the lease.</summary>
    internal void BeginAdvance(DateTimeOffset now)
    {
        if (Status == DeploymentStatus.Pending)
        {
            Status = DeploymentStatus.Provisioning;
        }

        // Whoever ran these steps before us is gone (we hold the lease now); their intents let us adopt, not duplicate.
        foreach (var step in ActiveSteps)
        {
            step.MarkInterrupted();
        }

        if (ScheduledWakeAt <= now)
        {
            ScheduledWakeAt = null;
        }

        UpdatedAt = now;
    }

    internal void StartStep(string name, DateTimeOffset now)
    {
        Step(Phase, name).MarkStarted(now);
        UpdatedAt = now;
    }

    internal void CompleteStep(string name, IReadOnlyDictionary<string, string> outputs, DateTimeOffset now)
    {
        var step = Step(Phase, name);
        foreach (var (key, value) in outputs)
        {
            step.SetOutput(key, value);
        }

        step.MarkSucceeded(now);
        UpdatedAt = now;
    }

    internal void WaitStep(string name, DateTimeOffset until, string reason, DateTimeOffset now)
    {
        Step(Phase, name).MarkWaiting(until < now ? now : until, reason);
        UpdatedAt = now;
    }

    internal void FailStep(string name, string error, DateTimeOffset now)
    {
        Step(Phase, name).MarkFailed(error, now);
        UpdatedAt = now;
    }

    internal void SkipStep(string name, string reason, DateTimeOffset now)
    {
        Step(Phase, name).MarkSkipped(reason, now);
        UpdatedAt = now;
    }

    internal void RecordIntent(string stepName, string resource, string idempotencyKey, DateTimeOffset now)
    {
        Step(Phase, stepName).SetIntent(resource, idempotencyKey);
        UpdatedAt = now;
    }

    internal void RecordOutput(string stepName, string key, string value, DateTimeOffset now)
    {
        Step(Phase, stepName).SetOutput(key, value);
        UpdatedAt = now;
    }

    internal void RemoveOutput(string stepName, string key, DateTimeOffset now)
    {
        Step(Phase, stepName).RemoveOutput(key);
        UpdatedAt = now;
    }

    internal void CountAwsCalls(string stepName, int calls) => Step(Phase, stepName).CountAwsCalls(calls);

    /// <summary>Derives the deployment status from its active steps once nothing is running.</summary>
    internal void Settle(DateTimeOffset now)
    {
        var active = ActiveSteps.ToList();
        if (active.Any(s => s.Status == StepStatus.Running))
        {
            return;
        }

        var failed = active.FirstOrDefault(s => s.Status == StepStatus.Failed);
        if (failed is not null)
        {
            Status = Phase == DeploymentPhase.Provision ? DeploymentStatus.Failed : DeploymentStatus.TeardownFailed;
            FailedStep = failed.Name;
            Error = failed.Error;
            ScheduledWakeAt = null;
            CompletedAt = now;
        }
        else if (active.All(s => s.IsComplete))
        {
            Status = Phase == DeploymentPhase.Provision ? DeploymentStatus.Succeeded : DeploymentStatus.TornDown;
            FailedStep = null;
            Error = null;
            ScheduledWakeAt = null;
            CompletedAt = now;
        }
        else
        {
            Status = Phase == DeploymentPhase.Provision ? DeploymentStatus.Provisioning : DeploymentStatus.TearingDown;
        }

        UpdatedAt = now;
    }

    /// <summary>Failed steps of the current phase run again; completed ones keep their resources.</summary>
    internal void Resume(DateTimeOffset now)
    {
        if (!CanResume)
        {
            throw InvalidTransition("resume");
        }

        foreach (var step in ActiveSteps.Where(s => s.Status == StepStatus.Failed))
        {
            step.ResetForRetry();
        }

        Reopen(now);
    }

    /// <summary>One step of the current phase runs again (a failed one, or e.g. the endpoint test).</summary>
    internal void RetryStep(string name, DateTimeOffset now)
    {
        if (Status.WhyCannotRetryStep() is not null)
        {
            throw InvalidTransition($"retry step '{name}'");
        }

        var step = Step(Phase, name);
        if (step.Status is StepStatus.Running or StepStatus.Pending)
        {
            return;
        }

        step.ResetForRetry();
        Reopen(now);
    }

    /// <summary>Switches to the teardown phase; teardown steps already done (an earlier attempt) stay done.</summary>
    internal void BeginTeardown(IEnumerable<string> teardownSteps, bool isRollback, DateTimeOffset now)
    {
        if (!Status.CanTearDown())
        {
            throw InvalidTransition("tear down");
        }

        if (ActiveSteps.Any(s => s.Status == StepStatus.Running))
        {
            throw new InvalidOperationException("Cannot start teardown while a provisioning step is running.");
        }

        foreach (var name in teardownSteps)
        {
            var step = FindStep(DeploymentPhase.Teardown, name);
            if (step is null)
            {
                _steps.Add(new DeploymentStep(Id, DeploymentPhase.Teardown, name));
            }
            else if (step.Status == StepStatus.Failed)
            {
                step.ResetForRetry();
            }
        }

        IsRollback = isRollback;
        Status = DeploymentStatus.TearingDown;
        Reopen(now);
    }

    internal void MarkCommandApplied(long sequence) => AppliedCommandSequence = Math.Max(AppliedCommandSequence, sequence);

    internal void SetScheduledWake(DateTimeOffset? wakeAt) => ScheduledWakeAt = wakeAt;

    internal void RecordEndpointTest(string resultJson, DateTimeOffset now)
    {
        LastEndpointTestJson = resultJson;
        UpdatedAt = now;
    }

    private void Reopen(DateTimeOffset now)
    {
        if (Status is DeploymentStatus.Failed or DeploymentStatus.Succeeded)
        {
            Status = DeploymentStatus.Provisioning;
        }
        else if (Status == DeploymentStatus.TeardownFailed)
        {
            Status = DeploymentStatus.TearingDown;
        }

        FailedStep = null;
        Error = null;
        CompletedAt = null;
        UpdatedAt = now;
    }

    private InvalidOperationException InvalidTransition(string action) =>
        new($"Cannot {action} deployment '{Name}' while it is {Status}.");
}

public enum DeploymentStatus
{
    Pending,
    Provisioning,
    Succeeded,
    Failed,
    TearingDown,
    TornDown,
    TeardownFailed,
}

/// <summary>What the user last asked the engine to do with a deployment.</summary>
public enum DeploymentAction
{
    None,
    Resume,
    RetryStep,
    Teardown,
}
