using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// A deployment as one advance holds it under its lease: the tracked aggregate, its DbContext, the log lines not
/// yet saved, and the gate that serialises every change and save (steps run concurrently, a DbContext is not
/// thread-safe). Every change is saved, with the log lines written so far, before the call returns.
/// </summary>
internal sealed class LeasedDeployment(
    PortalDbContext db,
    Deployment deployment,
    Guid leaseId,
    TimeProvider time,
    ProvisioningOptions options,
    IDeploymentProgressNotifier notifier) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly List<DeploymentLogEntry> _pendingLog = [];
    private DateTimeOffset _leaseRenewedAt = time.GetUtcNow();
    private bool _broken;

    public Deployment Deployment { get; } = deployment;

    public TimeProvider Time { get; } = time;

    public ProvisioningOptions Options { get; } = options;

    public DateTimeOffset Now => Time.GetUtcNow();

    public void Log(string? step, DeploymentLogLevel level, string message)
    {
        lock (_pendingLog)
        {
            _pendingLog.Add(new DeploymentLogEntry(Deployment.Id, Now, Deployment.Phase, step, level, message));
        }
    }

    /// <summary>Applies a change to the aggregate and saves it (with any pending log lines) before returning.</summary>
    public Task ChangeAsync(Action<Deployment> change, CancellationToken cancellationToken) =>
        ApplyAsync(
            d =>
            {
                change(d);
                return null;
            },
            cancellationToken);

    /// <summary>
    /// Applies a change that tells what it did, logs its note (under the phase the change was made in) and saves
    /// both together; the caller decides whether the note is also published.
    /// </summary>
    public async Task<DeploymentChangeNote?> ApplyAsync(Func<Deployment, DeploymentChangeNote?> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_broken)
            {
                throw new DeploymentPersistenceException("This advance has stopped after a persistence failure.");
            }

            var phase = Deployment.Phase;
            var note = change(Deployment);
            if (note?.Log is { } line)
            {
                lock (_pendingLog)
                {
                    _pendingLog.Add(new DeploymentLogEntry(Deployment.Id, Now, phase, note.Step, note.Level, line));
                }
            }

            await SaveAsync(cancellationToken);
            return note;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads the user's latest command without disturbing the tracked aggregate.</summary>
    public async Task<PendingCommand?> ReadPendingCommandAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var row = await db.Deployments.AsNoTracking()
                .Where(d => d.Id == Deployment.Id)
                .Select(d => new { d.CommandSequence, d.RequestedAction, d.RequestedStep })
                .SingleAsync(cancellationToken);
            return row.CommandSequence > Deployment.AppliedCommandSequence
                ? new PendingCommand(row.CommandSequence, row.RequestedAction, row.RequestedStep)
                : null;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task PublishAsync(string? step, StepStatus? stepStatus, string message) =>
        notifier.PublishAsync(new DeploymentProgressEvent(Deployment.Id, Deployment.Status, Deployment.Phase, step, stepStatus, message, Now));

    public Task PublishAsync(DeploymentChangeNote note) => PublishAsync(note.Step, note.StepStatus, note.Headline);

    /// <summary><see cref="ApplyAsync"/>, then tells live pages.</summary>
    public async Task ApplyAndPublishAsync(Func<Deployment, DeploymentChangeNote> change, CancellationToken cancellationToken)
    {
        var note = await ApplyAsync(change, cancellationToken);
        await PublishAsync(note!);
    }

    public void Dispose() => _gate.Dispose();

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        try
        {
            lock (_pendingLog)
            {
                db.AddRange(_pendingLog);
                _pendingLog.Clear();
            }

            await db.SaveChangesAsync(cancellationToken);

            // Renew at half-life so a long run keeps its lock, and learn early if someone else took it.
            var now = Now;
            if (now - _leaseRenewedAt >= Options.LeaseDuration / 2)
            {
                if (!await DeploymentLease.TryRenewAsync(db, Deployment.Id, leaseId, now, Options.LeaseDuration, cancellationToken))
                {
                    throw new DeploymentPersistenceException($"Deployment {Deployment.Id}: the advance lease was lost.");
                }

                _leaseRenewedAt = now;
            }
        }
        catch (Exception ex) when (ex is not DeploymentPersistenceException)
        {
            _broken = true;
            throw new DeploymentPersistenceException($"Deployment {Deployment.Id}: saving progress failed.", ex);
        }
        catch
        {
            _broken = true;
            throw;
        }
    }
}

internal sealed record PendingCommand(long Sequence, DeploymentAction Action, string? Step);
