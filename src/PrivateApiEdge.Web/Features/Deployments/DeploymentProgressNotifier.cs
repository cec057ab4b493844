using System.Collections.Concurrent;

namespace PrivateApiEdge.Web.Features.Deployments;

/// <summary>Something visible happened to a deployment (a step started, waited, finished; the status changed).</summary>
public sealed record DeploymentProgressEvent(
    Guid DeploymentId,
    DeploymentStatus Status,
    DeploymentPhase Phase,
    string? Step,
    StepStatus? StepStatus,
    string Message,
    DateTimeOffset At);

/// <summary>
/// Live progress feed. The engine publishes after it has persisted a change, so a subscriber that re-reads the
/// deployment sees at least what the event says. The in-process version serves one instance; a PostgreSQL
/// LISTEN/NOTIFY version can replace it for scale-out without changing subscribers.
/// </summary>
public interface IDeploymentProgressNotifier
{
    /// <summary>Calls <paramref name="callback"/> for every event of one deployment until the result is disposed.</summary>
    IDisposable Subscribe(Guid deploymentId, Func<DeploymentProgressEvent, Task> callback);

    /// <summary>Calls <paramref name="callback"/> for every event of every deployment (dashboards).</summary>
    IDisposable SubscribeAll(Func<DeploymentProgressEvent, Task> callback);

    Task PublishAsync(DeploymentProgressEvent progress);
}

/// <summary>Single-instance notifier: subscribers live in this process' memory.</summary>
public sealed class InProcessDeploymentProgressNotifier(ILogger<InProcessDeploymentProgressNotifier> logger) : IDeploymentProgressNotifier
{
    private readonly ConcurrentDictionary<Subscription, byte> _subscriptions = new();

    public IDisposable Subscribe(Guid deploymentId, Func<DeploymentProgressEvent, Task> callback) => Add(deploymentId, callback);

    public IDisposable SubscribeAll(Func<DeploymentProgressEvent, Task> callback) => Add(null, callback);

    public async Task PublishAsync(DeploymentProgressEvent progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        foreach (var subscription in _subscriptions.Keys)
        {
            if (subscription.DeploymentId is { } id && id != progress.DeploymentId)
            {
                continue;
            }

            try
            {
                await subscription.Callback(progress);
            }
#pragma warning disable CA1031 // A broken subscriber (e.g. a closed circuit) must not stop the engine or the other subscribers.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "A progress subscriber for deployment {DeploymentId} failed", progress.DeploymentId);
            }
        }
    }

    private Subscription Add(Guid? deploymentId, Func<DeploymentProgressEvent, Task> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var subscription = new Subscription(this, deploymentId, callback);
        _subscriptions[subscription] = 0;
        return subscription;
    }

    private sealed class Subscription(InProcessDeploymentProgressNotifier owner, Guid? deploymentId, Func<DeploymentProgressEvent, Task> callback) : IDisposable
    {
        public Guid? DeploymentId { get; } = deploymentId;

        public Func<DeploymentProgressEvent, Task> Callback { get; } = callback;

        public void Dispose() => owner._subscriptions.TryRemove(this, out _);
    }
}
