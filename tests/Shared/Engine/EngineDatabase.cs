using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Testing.Engine;

/// <summary>A real SQLite file per test (the engine's lease relies on real conditional updates), deleted afterwards.</summary>
public sealed class EngineDatabase : IDbContextFactory<PortalDbContext>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pae-engine-{Guid.NewGuid():N}.db");
    private readonly List<IInterceptor> _interceptors = [];

    private EngineDatabase()
    {
    }

    public static async Task<EngineDatabase> CreateAsync(bool migrate = false)
    {
        var database = new EngineDatabase();
        await using var db = database.CreateDbContext();
        if (migrate)
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await db.Database.EnsureCreatedAsync();
        }

        return database;
    }

    public void AddInterceptor(IInterceptor interceptor) => _interceptors.Add(interceptor);

    public void ClearInterceptors() => _interceptors.Clear();

    public PortalDbContext CreateDbContext()
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>()
            .UseSqlite($"Data Source={_path};Pooling=False;Default Timeout=30")
            .AddInterceptors(_interceptors)
            .Options;
        return new SqlitePortalDbContext(options);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", _path + "-journal" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Simulates the process dying at the n-th save: that save and every later one of the run fail.</summary>
public sealed class CrashAtSaveInterceptor(int crashAt) : SaveChangesInterceptor
{
    private int _saves;

    public int Saves => _saves;

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Increment(ref _saves) == crashAt)
        {
            throw new InvalidOperationException($"Simulated crash at save {crashAt}.");
        }

        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }
}
