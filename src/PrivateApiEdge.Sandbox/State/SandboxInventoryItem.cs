namespace PrivateApiEdge.Sandbox.State;

/// <summary>One line of <c>GET /_sandbox/inventory</c>.</summary>
public sealed record SandboxInventoryItem(
    string Type,
    string Id,
    string Arn,
    string Region,
    string AccountId,
    bool Seeded,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Details);
