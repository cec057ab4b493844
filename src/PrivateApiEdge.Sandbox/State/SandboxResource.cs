using System.Text.Json.Serialization;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.Sandbox.State;

/// <summary>A key/value tag, as every AWS API carries them.</summary>
public sealed record SandboxTag(string Key, string Value);

/// <summary>
/// Base of every emulated resource: id, ARN, owner account, region, tags, and the timestamps lifecycles and
/// delayed consistency are computed from. Subclasses are plain data (persisted as JSON); keep derived values in
/// methods or <see cref="JsonIgnoreAttribute"/> properties.
/// </summary>
public abstract class SandboxResource
{
    public string Id { get; set; } = string.Empty;

    public string Arn { get; set; } = string.Empty;

    public string AccountId { get; set; } = SandboxSeed.AccountId;

    /// <summary>The region, or <c>global</c> for global services' resources (Route 53, CloudFront).</summary>
    public string Region { get; set; } = string.Empty;

    public List<SandboxTag> Tags { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Delayed consistency: Describe/Get calls do not see the resource before this instant.</summary>
    public DateTimeOffset VisibleAt { get; set; }

    /// <summary>Part of the demo seed rather than created through the API.</summary>
    public bool Seeded { get; set; }

    /// <summary>Inventory type, <c>service:kind</c> (<c>ec2:security-group</c>, <c>route53:hosted-zone</c>...).</summary>
    [JsonIgnore]
    public abstract string ResourceType { get; }

    public bool IsVisible(DateTimeOffset now) => now >= VisibleAt;

    public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key)?.Value;

    /// <summary>Adds or overwrites tags by key, as CreateTags/AddTags calls do.</summary>
    public void SetTags(IEnumerable<SandboxTag> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            Tags.RemoveAll(t => t.Key == tag.Key);
            Tags.Add(tag);
        }
    }

    /// <summary>Whether the resource has finished being deleted (its delete lifecycle is over) though it still sits
    /// in the state until the next write purges it; the inventory leaves such resources out.</summary>
    public virtual bool IsGone(DateTimeOffset now) => false;

    /// <summary>Extra facts the inventory shows (state, name...).</summary>
    public virtual IReadOnlyDictionary<string, string> Describe(DateTimeOffset now) => new Dictionary<string, string>();
}

/// <summary>
/// The state of one service (or any slice of the world). Every non-abstract subclass in the sandbox assembly
/// is discovered, persisted to the state file as JSON under its type name, and reachable through
/// <see cref="SandboxWorld.Part{T}"/> by any service.
/// </summary>
public abstract class SandboxStatePart
{
    /// <summary>Every resource this part holds, for the inventory endpoint.</summary>
    public abstract IEnumerable<SandboxResource> Resources();
}
