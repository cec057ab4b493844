using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.State;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>
/// The real engine and real steps over the real AWS clients, talking SigV4 over loopback HTTP to the sandbox, with
/// a real SQLite file, or a PostgreSQL database of its own when the suite runs on PostgreSQL. The engine's clock is
/// fake so waits are jumped over instead of slept through; the AWS layer keeps the real clock (signatures carry
/// real time).
/// </summary>
public sealed class SandboxEngineFixture : IAsyncDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"pae-engine-it-{Guid.NewGuid():N}.db");
    private readonly List<IInterceptor> _interceptors = [];
    private readonly List<IServiceScope> _scopes = [];
    private SandboxHost _sandbox = null!;
    private ServiceProvider _services = null!;
    private HttpClient _control = null!;
    private string? _postgres;

    public FakeTimeProvider EngineTime { get; } = new(DateTimeOffset.UtcNow);

    public IDbContextFactory<PortalDbContext> Database => _services.GetRequiredService<IDbContextFactory<PortalDbContext>>();

    /// <summary>Where the fixture's services (engine, AWS clients, meters) report; tests listen to its meters only.</summary>
    public IMeterFactory MeterFactory => _services.GetRequiredService<IMeterFactory>();

    /// <summary>The fixture's container (engine services, AWS layer, logging) for tests that build services by hand.</summary>
    public IServiceProvider Services => _services;

    /// <param name="profile">The sandbox's latency profile.</param>
    /// <param name="logs">Receives every log line of the engine and the AWS layer (Debug and up) when given.</param>
    public static async Task<SandboxEngineFixture> StartAsync(string profile = "instant", ILoggerProvider? logs = null)
    {
        var fixture = new SandboxEngineFixture();
        fixture._sandbox = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = profile, Port = 0 }, TestContext.Current.CancellationToken);
        var endpoint = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        endpoint.SetBaseAddress(fixture._sandbox.BaseAddress);
        var services = new ServiceCollection()
            .AddLogging(logging =>
            {
                if (logs is not null)
                {
                    logging.AddProvider(logs).SetMinimumLevel(LogLevel.Debug);
                }
            })
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(endpoint);
        if (TestDatabase.IsPostgres)
        {
            fixture._postgres = TestDatabase.CreatePostgresDatabase();
            services.AddDbContextFactory<PostgresPortalDbContext>(db => db
                    .UseNpgsql(fixture._postgres)
                    .AddInterceptors(new DelegatingSaveInterceptor(fixture._interceptors)))
                .AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<PostgresPortalDbContext>>();
        }
        else
        {
            services.AddDbContextFactory<SqlitePortalDbContext>(db => db
                    .UseSqlite($"Data Source={fixture._databasePath};Pooling=False;Default Timeout=30")
                    .AddInterceptors(new DelegatingSaveInterceptor(fixture._interceptors)))
                .AddSingleton<IDbContextFactory<PortalDbContext>, PortalDbContextFactory<SqlitePortalDbContext>>();
        }

        services.AddOptions<AwsOptions>();
        services.AddAwsAccessLayer();
        services.AddProvisioningServices();
        fixture._services = services.BuildServiceProvider();
        fixture._control = new HttpClient { BaseAddress = fixture._sandbox.BaseAddress };
        await using var db = await fixture.Database.CreateDbContextAsync(TestContext.Current.CancellationToken);
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        return fixture;
    }

    /// <summary>The engine as the host registers it, on the fixture's fake clock (the AWS layer keeps the real one).</summary>
    public ProvisioningEngine CreateEngine() => ActivatorUtilities.CreateInstance<ProvisioningEngine>(_services, (TimeProvider)EngineTime);

    /// <summary>The deployment service as the host registers it (one request's scope), enqueueing into <paramref name="jobs"/>.</summary>
    public DeploymentService CreateDeploymentService(Hangfire.IBackgroundJobClient jobs)
    {
        var scope = _services.CreateScope();
        _scopes.Add(scope);
        return ActivatorUtilities.CreateInstance<DeploymentService>(scope.ServiceProvider, jobs);
    }

    public void CrashAt(int save) => _interceptors.Add(new CrashAtSaveInterceptor(save));

    /// <summary>Crashes at the save that would record <paramref name="outputKey"/>: the resource exists, its id is lost.</summary>
    public void CrashWhenRecording(string outputKey) => _interceptors.Add(new CrashWhenRecordingInterceptor(outputKey));

    public void StopCrashing() => _interceptors.Clear();

    public async Task<Guid> CreateDeploymentAsync(DeploymentRequest request)
    {
        await using var db = await Database.CreateDbContextAsync();
        var catalog = _services.GetRequiredService<IStepCatalog>();
        var deployment = Deployment.Create(Guid.NewGuid(), request, "alice", catalog.Plan(DeploymentPhase.Provision).Select(s => s.Name), EngineTime.GetUtcNow());
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync();
        return deployment.Id;
    }

    public async Task RequestTeardownAsync(Guid id)
    {
        await using var db = await Database.CreateDbContextAsync();
        await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.CommandSequence, d => d.CommandSequence + 1)
            .SetProperty(d => d.RequestedAction, DeploymentAction.Teardown));
    }

    public async Task RequestRetryAsync(Guid id, string step)
    {
        await using var db = await Database.CreateDbContextAsync();
        await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.CommandSequence, d => d.CommandSequence + 1)
            .SetProperty(d => d.RequestedAction, DeploymentAction.RetryStep)
            .SetProperty(d => d.RequestedStep, step));
    }

    public async Task<Deployment> LoadAsync(Guid id)
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Deployments.AsNoTracking().Include(d => d.Steps).SingleAsync(d => d.Id == id);
    }

    /// <summary>The job chain, with the engine's clock jumped to each wake-up.</summary>
    public async Task<DeploymentStatus> RunUntilSettledAsync(Guid id, int maxAdvances = 500)
    {
        var engine = CreateEngine();
        var wakes = new SortedSet<DateTimeOffset>();
        for (var i = 0; i < maxAdvances; i++)
        {
            var result = await engine.AdvanceAsync(id, CancellationToken.None);
            if (result.NextWakeAt is { } wake)
            {
                wakes.Add(wake);
            }

            if (result.RunAgain)
            {
                continue;
            }

            if (wakes.Count > 0)
            {
                var next = wakes.Min;
                wakes.Remove(next);
                var delay = next - EngineTime.GetUtcNow();
                EngineTime.Advance(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
                continue;
            }

            return result.Status!.Value;
        }

        throw new InvalidOperationException($"Deployment {id} did not settle after {maxAdvances} advances.");
    }

    /// <summary>The portal's own AWS clients, pointed at this sandbox (to read back what the engine built).</summary>
    public Web.Aws.Core.AwsClients Aws => _services.GetRequiredService<IAwsClientFactory>().Create(new AwsSession(SandboxSeed.DefaultRegion));

    /// <summary>A viewer's <c>GET https://{host}/</c> through the sandbox's data path, optionally from a country.</summary>
    public async Task<HttpResponseMessage> ViewerGetAsync(string host, string? viewerCountry = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("_sandbox/edge/", UriKind.Relative));
        request.Headers.Add("X-Sandbox-Host", host);
        if (viewerCountry is not null)
        {
            request.Headers.Add("X-Sandbox-Viewer-Country", viewerCountry);
        }

        return await _control.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<IReadOnlyList<SandboxInventoryItem>> InventoryAsync(bool? seeded = null)
    {
        var url = seeded is null ? "_sandbox/inventory" : $"_sandbox/inventory?seeded={(seeded.Value ? "true" : "false")}";
        var answer = await _control.GetFromJsonAsync<InventoryAnswer>(url);
        return answer!.Resources;
    }

    public async Task AddFaultAsync(SandboxFaultRule rule)
    {
        using var response = await _control.PostAsJsonAsync("_sandbox/faults", rule);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _control.DeleteAsync(new Uri("_sandbox/faults", UriKind.Relative));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            TestDatabase.DropPostgresDatabase(_postgres);
        }

        if (File.Exists(_databasePath))
        {
            File.Delete(_databasePath);
        }
    }

    private sealed record InventoryAnswer(IReadOnlyList<SandboxInventoryItem> Resources);

    private sealed class DelegatingSaveInterceptor(List<IInterceptor> interceptors) : SaveChangesInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            foreach (var interceptor in interceptors.OfType<SaveChangesInterceptor>().ToList())
            {
                result = await interceptor.SavingChangesAsync(eventData, result, cancellationToken);
            }

            return result;
        }
    }

    private sealed class CrashWhenRecordingInterceptor(string outputKey) : SaveChangesInterceptor
    {
        private int _crashed;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var recording = eventData.Context!.ChangeTracker.Entries<DeploymentStep>()
                .Any(e => e.State == EntityState.Modified && e.Entity.Phase == DeploymentPhase.Provision && e.Entity.Outputs.ContainsKey(outputKey)
                    && !((string)e.OriginalValues["_outputsJson"]!).Contains($"\"{outputKey}\"", StringComparison.Ordinal));
            if (recording && Interlocked.Exchange(ref _crashed, 1) == 0)
            {
                throw new InvalidOperationException($"Simulated crash before recording {outputKey}.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }

    private sealed class CrashAtSaveInterceptor(int crashAt) : SaveChangesInterceptor
    {
        private int _saves;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _saves) == crashAt)
            {
                throw new InvalidOperationException($"Simulated crash at save {crashAt}.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
