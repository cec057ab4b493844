using System.Collections.Concurrent;
using System.Diagnostics;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Benchmarks;

/// <summary>
/// Listens to the portal's progress feed the way the UI does and remembers when each event arrived, so the
/// benchmark waits on the same signal a browser would and can measure how late that signal is.
/// </summary>
public sealed class ProgressRecorder : IDisposable
{
    private readonly ConcurrentDictionary<Guid, DeploymentStatus> _latest = new();
    private readonly ConcurrentQueue<Received> _events = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly IDeploymentProgressNotifier _notifier;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ProgressRecorder(IDeploymentProgressNotifier notifier)
    {
        _notifier = notifier;
        _subscriptions.Add(notifier.SubscribeAll(OnDashboardEventAsync));
    }

    public sealed record Received(DeploymentProgressEvent Event, DateTimeOffset At, bool ViaDeploymentPage);

    public IReadOnlyCollection<Received> Events => _events.ToArray();

    /// <summary>Also listen on the deployment's own feed, as its open deployment page does.</summary>
    public void OpenDeploymentPage(Guid deploymentId)
    {
        var subscription = _notifier.Subscribe(deploymentId, e =>
        {
            _events.Enqueue(new Received(e, DateTimeOffset.UtcNow, true));
            return Task.CompletedTask;
        });
        lock (_subscriptions)
        {
            _subscriptions.Add(subscription);
        }
    }

    public DeploymentStatus? Latest(Guid deploymentId) => _latest.TryGetValue(deploymentId, out var status) ? status : null;

    /// <summary>Waits until the feed reports one of <paramref name="statuses"/> for the deployment.</summary>
    public async Task<DeploymentStatus> WaitForAsync(Guid deploymentId, IReadOnlySet<DeploymentStatus> statuses, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            if (_latest.TryGetValue(deploymentId, out var status) && statuses.Contains(status))
            {
                return status;
            }

            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Deployment {deploymentId} did not reach {string.Join('/', statuses)} within {timeout} (last: {status}).");
            }

            await changed.WaitAsync(left < TimeSpan.FromSeconds(1) ? left : TimeSpan.FromSeconds(1), cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            foreach (var subscription in _subscriptions)
            {
                subscription.Dispose();
            }

            _subscriptions.Clear();
        }
    }

    private Task OnDashboardEventAsync(DeploymentProgressEvent e)
    {
        _events.Enqueue(new Received(e, DateTimeOffset.UtcNow, false));
        _latest[e.DeploymentId] = e.Status;
        Interlocked.Exchange(ref _changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return Task.CompletedTask;
    }
}
