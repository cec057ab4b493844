using System.Collections.Concurrent;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Testing.Engine;

/// <summary>Who started and finished when (a global sequence), to check ordering and overlap.</summary>
public sealed class StepJournal
{
    private readonly ConcurrentQueue<JournalEntry> _entries = new();
    private long _sequence;

    public IReadOnlyList<JournalEntry> Entries => _entries.ToList();

    public void Add(Guid deploymentId, DeploymentPhase phase, string step, string what) =>
        _entries.Enqueue(new JournalEntry(Interlocked.Increment(ref _sequence), deploymentId, phase, step, what));

    public long First(DeploymentPhase phase, string step, string what) =>
        _entries.Where(e => e.Phase == phase && e.Step == step && e.What == what).Min(e => e.Sequence);

    public long Last(DeploymentPhase phase, string step, string what) =>
        _entries.Where(e => e.Phase == phase && e.Step == step && e.What == what).Max(e => e.Sequence);

    public int Count(DeploymentPhase phase, string step, string what) =>
        _entries.Count(e => e.Phase == phase && e.Step == step && e.What == what);
}

public sealed record JournalEntry(long Sequence, Guid DeploymentId, DeploymentPhase Phase, string Step, string What);
