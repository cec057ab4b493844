using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.Testing.Engine;

/// <summary>How one fake step behaves; everything is off by default (create one resource, done at once).</summary>
public sealed class FakeStepBehavior
{
    public bool CreatesResource { get; set; } = true;

    /// <summary>Reuse this existing resource instead of creating one (records it as an output only).</summary>
    public string? ReuseResourceId { get; set; }

    /// <summary>Answer Wait this many times before Done.</summary>
    public int Waits { get; set; }

    public TimeSpan WaitDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Keep answering Wait until this returns true (a resource that becomes ready outside our control).</summary>
    public Func<bool>? ReadyWhen { get; set; }

    /// <summary>Fail (as a step outcome) this many times before working.</summary>
    public int Failures { get; set; }

    /// <summary>Throw this many transient AWS errors before working.</summary>
    public int TransientErrors { get; set; }

    /// <summary>Awaited at the start of every execution (to hold a step inside the run).</summary>
    public Func<CancellationToken, Task>? Gate { get; set; }
}

/// <summary>A provisioning step that follows the write-ahead rule against <see cref="FakeCloud"/>.</summary>
public sealed class FakeProvisioningStep(string name, FakeCloud cloud, StepJournal journal, FakeStepBehavior behavior) : IProvisioningStep
{
    private int _failures;
    private int _transient;

    public string Name { get; } = name;

    public FakeStepBehavior Behavior { get; } = behavior;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        journal.Add(context.DeploymentId, context.Phase, Name, "start");
        if (Behavior.Gate is { } gate)
        {
            await gate(cancellationToken);
        }

        if (Interlocked.Increment(ref _transient) <= Behavior.TransientErrors)
        {
            throw new PrivateApiEdge.Web.Aws.Core.AwsApiException("fake", "Create", "Throttling", "Rate exceeded", System.Net.HttpStatusCode.BadRequest, "req-1");
        }

        if (Interlocked.Increment(ref _failures) <= Behavior.Failures)
        {
            journal.Add(context.DeploymentId, context.Phase, Name, "fail");
            return StepOutcome.Failed($"{Name} failed on purpose");
        }

        if (Behavior.ReuseResourceId is { } reused)
        {
            await context.RecordOutputAsync("id", reused, cancellationToken);
        }
        else if (Behavior.CreatesResource && context.Output("id") is null)
        {
            var id = context.Intent("resource") is { } key ? cloud.FindByKey(key) : null;
            if (id is null)
            {
                key = await context.RecordIntentAsync("resource", cancellationToken);
                id = cloud.Create(Name, key);
                journal.Add(context.DeploymentId, context.Phase, Name, "create");
            }
            else
            {
                journal.Add(context.DeploymentId, context.Phase, Name, "adopt");
            }

            await context.RecordOutputAsync("id", id, cancellationToken);
        }

        if (context.Executions <= Behavior.Waits || Behavior.ReadyWhen?.Invoke() == false)
        {
            journal.Add(context.DeploymentId, context.Phase, Name, "wait");
            return context.WaitFor(Behavior.WaitDelay, $"{Name} is not ready yet");
        }

        journal.Add(context.DeploymentId, context.Phase, Name, "done");
        return StepOutcome.Done(new Dictionary<string, string> { ["finished"] = "true" });
    }
}

/// <summary>Deletes what the provisioning step of the same name created; a resource already gone counts as deleted.</summary>
public sealed class FakeTeardownStep(string name, FakeCloud cloud, StepJournal journal) : ITeardownStep
{
    public string Name { get; } = name;

    public Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        journal.Add(context.DeploymentId, context.Phase, Name, "start");
        var id = context.OutputOf(Name, "id")
            ?? (context.ProvisioningIntents(Name).TryGetValue("resource", out var key) ? cloud.FindByKey(key) : null);
        if (id is not null && !cloud.Delete(id))
        {
            journal.Add(context.DeploymentId, context.Phase, Name, "already-gone");
        }

        journal.Add(context.DeploymentId, context.Phase, Name, "done");
        return Task.FromResult(StepOutcome.Done());
    }
}
