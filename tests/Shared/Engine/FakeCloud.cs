using System.Collections.Concurrent;

namespace PrivateApiEdge.Testing.Engine;

/// <summary>
/// A stand-in for AWS that, like most create APIs without a client token, makes a new resource on every create:
/// duplicates only stay away if the engine and the steps do their write-ahead and look-up job.
/// </summary>
public sealed class FakeCloud
{
    private readonly ConcurrentDictionary<string, FakeResource> _resources = new();
    private int _next;

    public IReadOnlyCollection<FakeResource> Resources => _resources.Values.ToList();

    public int CreateCalls => _next;

    public string Create(string kind, string idempotencyKey)
    {
        var id = $"{kind}-{Interlocked.Increment(ref _next)}";
        _resources[id] = new FakeResource(id, kind, idempotencyKey, Seeded: false);
        return id;
    }

    /// <summary>Something that exists before any deployment (the user's endpoint, VPC): never ours to delete.</summary>
    public string Seed(string kind)
    {
        var id = $"{kind}-seeded-{Interlocked.Increment(ref _next)}";
        _resources[id] = new FakeResource(id, kind, "", Seeded: true);
        return id;
    }

    public string? FindByKey(string idempotencyKey) =>
        _resources.Values.FirstOrDefault(r => r.IdempotencyKey == idempotencyKey)?.Id;

    public bool Exists(string id) => _resources.ContainsKey(id);

    public bool Delete(string id) => _resources.TryRemove(id, out _);
}

public sealed record FakeResource(string Id, string Kind, string IdempotencyKey, bool Seeded);
