using System.Collections.Concurrent;
using Hangfire;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// Precise in-process wake-ups: enqueues a deployment's advance at the exact time its earliest wait is due, instead
/// of when Hangfire's schedule poller (every 15 s by default) notices the scheduled job. Not durable: the job also
/// schedules a Hangfire job for the same time, which covers a lost timer (restart, other instance). Both firing is
/// harmless: the second advance finds the lease taken or nothing due.
/// </summary>
public sealed class PreciseWakeUpTimers(IBackgroundJobClient jobs, TimeProvider time, ILogger<PreciseWakeUpTimers> logger) : IDisposable
{
    private readonly ConcurrentDictionary<Guid, Wake> _pending = new();
    private bool _disposed;

    /// <summary>Deployments with a timer armed (for diagnostics and tests).</summary>
    public int Pending => _pending.Count;

    /// <summary>Arms (or re-arms) the deployment's timer for <paramref name="at"/>; an earlier armed time wins.</summary>
    public void WakeAt(Guid deploymentId, DateTimeOffset at)
    {
        if (Volatile.Read(ref _disposed))
        {
            return;
        }

        // One millisecond late on purpose: a timer that fires a hair before the due time would find nothing due yet.
        var delay = at - time.GetUtcNow() + TimeSpan.FromMilliseconds(1);
        var wake = new Wake(at);
        while (true)
        {
            if (_pending.TryGetValue(deploymentId, out var existing))
            {
                if (existing.At <= at)
                {
                    return;
                }

                if (!_pending.TryUpdate(deploymentId, wake, existing))
                {
                    continue;
                }

                existing.Timer?.Dispose();
            }
            else if (!_pending.TryAdd(deploymentId, wake))
            {
                continue;
            }

            break;
        }

        wake.Timer = time.CreateTimer(_ => Fire(deploymentId, wake), null, delay > TimeSpan.Zero ? delay : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        Volatile.Write(ref _disposed, true);
        foreach (var wake in _pending.Values)
        {
            wake.Timer?.Dispose();
        }

        _pending.Clear();
    }

    private void Fire(Guid deploymentId, Wake wake)
    {
        if (!_pending.TryRemove(new KeyValuePair<Guid, Wake>(deploymentId, wake)))
        {
            return;
        }

        wake.Timer?.Dispose();
        try
        {
            jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(deploymentId, CancellationToken.None));
        }
#pragma warning disable CA1031 // A timer callback must not throw; the scheduled Hangfire job still advances the deployment.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Precise wake-up of deployment {DeploymentId} failed; the scheduled job will advance it", deploymentId);
        }
    }

    private sealed class Wake(DateTimeOffset at)
    {
        public DateTimeOffset At { get; } = at;

        public ITimer? Timer { get; set; }
    }
}
