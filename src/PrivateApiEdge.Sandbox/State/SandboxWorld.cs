using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox.Core;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.Sandbox.State;

/// <summary>
/// Everything the sandbox knows, behind one lock. Services read and change it only inside <see cref="Read{T}"/>
/// or <see cref="Write{T}"/>, where <see cref="Part{T}"/> gives any service's state part (EC2's VPCs, ACM's
/// certificates, ...). Every write is persisted to <see cref="SandboxOptions.StateFile"/> when one is set.
/// </summary>
public sealed class SandboxWorld
{
    private static readonly JsonSerializerOptions PersistenceJson = new() { WriteIndented = false };
    private static readonly IReadOnlyList<Type> PartTypes = typeof(SandboxWorld).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsSubclassOf(typeof(SandboxStatePart)))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    private readonly object _sync = new();
    private readonly Dictionary<Type, SandboxStatePart> _parts = [];
    private readonly TimeProvider _time;
    private readonly string? _stateFile;
    private readonly IReadOnlyList<ISandboxSeeder> _seeders;

    public SandboxWorld(IOptions<SandboxOptions> options, SandboxLatency latency, IEnumerable<ISandboxSeeder> seeders)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = options.Value.TimeProvider;
        _stateFile = string.IsNullOrWhiteSpace(options.Value.StateFile) ? null : Path.GetFullPath(options.Value.StateFile);
        _seeders = seeders.OrderBy(s => s.Order).ToList();
        Latency = latency;
        Load();
    }

    public DateTimeOffset Now => _time.GetUtcNow();

    public SandboxLatency Latency { get; }

    public T Read<T>(Func<SandboxWorld, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_sync)
        {
            return read(this);
        }
    }

    /// <summary>Runs a change under the lock and persists the world afterwards (also when it throws halfway,
    /// so the file never disagrees with memory).</summary>
    public T Write<T>(Func<SandboxWorld, T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        lock (_sync)
        {
            try
            {
                return write(this);
            }
            finally
            {
                Persist();
            }
        }
    }

    public void Write(Action<SandboxWorld> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(world =>
        {
            write(world);
            return true;
        });
    }

    /// <summary>A service's state part. Only inside <see cref="Read{T}"/> or <see cref="Write{T}"/>.</summary>
    public T Part<T>()
        where T : SandboxStatePart
    {
        if (!Monitor.IsEntered(_sync))
        {
            throw new InvalidOperationException("World state is only reachable inside SandboxWorld.Read or SandboxWorld.Write.");
        }

        return (T)_parts[typeof(T)];
    }

    /// <summary>Fills the common fields of a resource a call creates: account, region (unless set), creation
    /// time, and visibility (delayed by a matching delayed-consistency fault).</summary>
    public void Stamp(SandboxResource resource, SandboxRequest request)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(request);
        resource.AccountId = request.AccountId;
        if (string.IsNullOrEmpty(resource.Region))
        {
            resource.Region = request.Region;
        }

        resource.CreatedAt = Now;
        resource.VisibleAt = request.NewResourceVisibleAt();
    }

    /// <summary>An AWS-style id: <c>NewId("vpce")</c> → <c>vpce-0a1b2c3d4e5f60718</c>.</summary>
    public static string NewId(string prefix, int hexLength = 17) =>
        prefix + "-" + NewHex(hexLength);

    public static string NewHex(int length) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((length + 1) / 2))[..length];

    /// <summary>Upper-case letters and digits, as Route 53 and CloudFront ids use.</summary>
    public static string NewAlphanumeric(int length)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        return string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
    }

    public IReadOnlyList<SandboxInventoryItem> Inventory() => Read(world =>
    {
        var now = world.Now;
        return (IReadOnlyList<SandboxInventoryItem>)world._parts.Values
            .SelectMany(p => p.Resources())
            .Where(r => !r.IsGone(now))
            .Select(r => new SandboxInventoryItem(
                r.ResourceType, r.Id, r.Arn, r.Region, r.AccountId, r.Seeded,
                r.Tags.GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.Last().Value),
                r.Describe(now)))
            .OrderBy(i => i.Type, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal)
            .ToList();
    });

    /// <summary>Drops every resource and plants the seed again.</summary>
    public void Reset() => Write(world =>
    {
        world.CreateEmptyParts();
        world.Seed();
    });

    private void Load()
    {
        lock (_sync)
        {
            if (_stateFile is not null && File.Exists(_stateFile))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(_stateFile));
                foreach (var type in PartTypes)
                {
                    _parts[type] = document.RootElement.TryGetProperty(type.FullName!, out var element)
                        ? (SandboxStatePart)(element.Deserialize(type, PersistenceJson)
                            ?? throw new InvalidDataException($"State part {type.FullName} in {_stateFile} is null."))
                        : (SandboxStatePart)Activator.CreateInstance(type)!;
                }

                return;
            }

            CreateEmptyParts();
            Seed();
            Persist();
        }
    }

    private void CreateEmptyParts()
    {
        foreach (var type in PartTypes)
        {
            _parts[type] = (SandboxStatePart)Activator.CreateInstance(type)!;
        }
    }

    private void Seed()
    {
        foreach (var seeder in _seeders)
        {
            seeder.Seed(this);
        }
    }

    private void Persist()
    {
        if (_stateFile is null)
        {
            return;
        }

        var document = _parts.ToDictionary(p => p.Key.FullName!, p => JsonSerializer.SerializeToElement(p.Value, p.Key, PersistenceJson));
        Directory.CreateDirectory(Path.GetDirectoryName(_stateFile)!);

        // Write-then-rename so a crash mid-write never leaves a truncated state file behind.
        var temporary = _stateFile + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(document, PersistenceJson));
        File.Move(temporary, _stateFile, overwrite: true);
    }
}
