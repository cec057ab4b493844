using System.Security.Cryptography;
using System.Text;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.EndpointTest;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// What a step sees of its deployment, and the only way it persists: <see cref="RecordIntentAsync"/> before a
/// create call, <see cref="RecordOutputAsync"/> after it. Both are saved before they return.
/// </summary>
public sealed class StepContext
{
    private readonly LeasedDeployment _run;
    private readonly Lazy<AwsClients> _aws;

    // When this execution last persisted an intent or output: right after a create call, so a wait computed
    // from it starts where AWS's own clock for the operation started (not at the step's start).
    private DateTimeOffset? _lastWriteAt;

    internal StepContext(LeasedDeployment run, string stepName, Lazy<AwsClients> aws)
    {
        _run = run;
        _aws = aws;
        StepName = stepName;
        Phase = run.Deployment.Phase;
    }

    public Guid DeploymentId => _run.Deployment.Id;

    public DeploymentRequest Request => _run.Deployment.Request;

    public DeploymentPhase Phase { get; }

    public string StepName { get; }

    public DateTimeOffset Now => _run.Now;

    public TimeProvider Time => _run.Time;

    /// <summary>AWS clients for this execution of the step (the deployment's region and role; calls counted for this step).</summary>
    public AwsClients Aws => _aws.Value;

    private DeploymentStep Record => _run.Deployment.Step(Phase, StepName);

    /// <summary>When this step first started (for step-level time budgets such as "VPC origin within 45 min").</summary>
    public DateTimeOffset StartedAt => Record.StartedAt ?? Now;

    public int Executions => Record.Executions;

    public string? Intent(string resource) => Record.Intents.GetValueOrDefault(resource);

    public string? Output(string key) => Record.Outputs.GetValueOrDefault(key);

    /// <summary>Outputs of a provisioning step (in teardown: what the step of the same name created).</summary>
    public IReadOnlyDictionary<string, string> ProvisioningOutputs(string step) =>
        _run.Deployment.FindStep(DeploymentPhase.Provision, step)?.Outputs ?? new Dictionary<string, string>();

    public IReadOnlyDictionary<string, string> ProvisioningIntents(string step) =>
        _run.Deployment.FindStep(DeploymentPhase.Provision, step)?.Intents ?? new Dictionary<string, string>();

    /// <summary>What the endpoint test of this deployment checks (the deployment's own answer).</summary>
    public EndpointTestTarget EndpointTestTarget() => _run.Deployment.EndpointTestTarget();

    public string? OutputOf(string step, string key) => ProvisioningOutputs(step).GetValueOrDefault(key);

    public string RequiredOutputOf(string step, string key) => OutputOf(step, key)
        ?? throw new InvalidOperationException($"Step '{step}' has no output '{key}', which step '{StepName}' needs.");

    /// <summary>
    /// A deterministic idempotency key for one resource of this deployment (≤ 40 chars: fits EC2 ClientToken,
    /// CloudFront CallerReference, and ELB/API names after a short prefix).
    /// </summary>
    public string IdempotencyKey(string resource) => IdempotencyKeys.For(DeploymentId, StepName, resource);

    /// <summary>Tracking tags plus the user's tags, for everything this step creates.</summary>
    public IReadOnlyDictionary<string, string> Tags(string? resource = null)
    {
        var tags = new Dictionary<string, string>(Request.Tags, StringComparer.Ordinal)
        {
            [TrackingTags.Deployment] = DeploymentId.ToString(),
            [TrackingTags.Step] = StepName,
        };
        if (resource is not null)
        {
            tags[TrackingTags.Resource] = resource;
        }

        return tags;
    }

    /// <summary>Persists the intent to create <paramref name="resource"/> and returns its idempotency key (the same on every run).</summary>
    public async Task<string> RecordIntentAsync(string resource, CancellationToken cancellationToken)
    {
        var existing = Intent(resource);
        if (existing is not null)
        {
            return existing;
        }

        var key = IdempotencyKey(resource);
        await _run.ChangeAsync(d => d.RecordIntent(StepName, resource, key, _run.Now), cancellationToken);
        _lastWriteAt = Now;
        return key;
    }

    public async Task RecordOutputAsync(string key, string value, CancellationToken cancellationToken)
    {
        if (Output(key) == value)
        {
            return;
        }

        await _run.ChangeAsync(d => d.RecordOutput(StepName, key, value, _run.Now), cancellationToken);
        _lastWriteAt = Now;
    }

    public Task RemoveOutputAsync(string key, CancellationToken cancellationToken) =>
        Output(key) is null
            ? Task.CompletedTask
            : _run.ChangeAsync(d => d.RemoveOutput(StepName, key, _run.Now), cancellationToken);

    /// <summary>Stores the latest endpoint test result on the deployment (the step and the on-demand test share it).</summary>
    public Task RecordEndpointTestAsync(string resultJson, CancellationToken cancellationToken) =>
        _run.ChangeAsync(d => d.RecordEndpointTest(resultJson, _run.Now), cancellationToken);

    /// <summary>Adds a line to the deployment log (saved with the step's next change).</summary>
    public void Log(string message, DeploymentLogLevel level = DeploymentLogLevel.Info) => _run.Log(StepName, level, message);

    /// <summary>Poll again after <paramref name="delay"/>, under the configured poll-interval scale and minimum.</summary>
    public StepOutcome WaitFor(TimeSpan delay, string reason) => StepOutcome.Wait(Now + PollSchedule.Scaled(delay, _run.Options), reason);

    /// <summary>Poll again on the operation's schedule: first when it is expected to be done, then backing off.</summary>
    public StepOutcome WaitFor(PollSchedule schedule, string reason)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        // On the step's first execution the operation began with its create call (just before the last write);
        // on later executions (polls) the step's start is the origin and the schedule is already backing off.
        var now = Now;
        var origin = Executions == 1 && _lastWriteAt is { } written ? written : StartedAt;
        return StepOutcome.Wait(now + schedule.NextDelay(now - origin, _run.Options), reason);
    }
}

public static class IdempotencyKeys
{
    public static string For(Guid deploymentId, string step, string resource)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{deploymentId:N}/{step}/{resource}"));
        return "pae-" + Convert.ToHexStringLower(hash)[..32];
    }
}
