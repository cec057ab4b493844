using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.Testing.Engine;

/// <summary>
/// The real engine over a real SQLite file, with fake steps for the §2 plan and a fake clock. The engine and the job
/// come from the host's own registrations (<see cref="ProvisioningExtensions.AddProvisioningServices"/>), with the
/// database, the clock, the options and the step catalog replaced.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<IServiceScope> _scopes = [];
    private ServiceProvider? _services;

    private EngineHarness(EngineDatabase database, IReadOnlyList<StepDefinition> provisioningPlan, IReadOnlyList<StepDefinition> teardownPlan)
    {
        Database = database;
        // Steps without a teardown counterpart (preflight, target health, the test) create nothing, as in the real plan.
        var undone = teardownPlan.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        Behaviors = provisioningPlan.ToDictionary(s => s.Name, s => new FakeStepBehavior { CreatesResource = undone.Contains(s.Name) }, StringComparer.Ordinal);
        Catalog = new StepCatalog(
            provisioningPlan,
            provisioningPlan.Select(s => new FakeProvisioningStep(s.Name, Cloud, Journal, Behaviors[s.Name])),
            teardownPlan,
            teardownPlan.Select(s => new FakeTeardownStep(s.Name, Cloud, Journal)));
        Notifier = new InProcessDeploymentProgressNotifier(NullLogger<InProcessDeploymentProgressNotifier>.Instance);
    }

    public EngineDatabase Database { get; }

    public FakeCloud Cloud { get; } = new();

    public StepJournal Journal { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero));

    public Dictionary<string, FakeStepBehavior> Behaviors { get; }

    public StepCatalog Catalog { get; }

    public InProcessDeploymentProgressNotifier Notifier { get; }

    public ProvisioningOptions Options { get; } = new() { MaxParallelSteps = 4 };

    public static async Task<EngineHarness> CreateAsync(IReadOnlyList<StepDefinition>? provisioningPlan = null, IReadOnlyList<StepDefinition>? teardownPlan = null) =>
        new(await EngineDatabase.CreateAsync(), provisioningPlan ?? StepPlan.Provisioning, teardownPlan ?? StepPlan.Teardown);

    /// <summary>The harness's container: the host's registrations over this harness's database, clock, options and catalog.</summary>
    public IServiceProvider Services => _services ??= BuildServices(Catalog, Options, Time);

    public ProvisioningEngine CreateEngine() => Services.GetRequiredService<ProvisioningEngine>();

    /// <summary>An engine of the same registrations over another plan and other options (same database and clock).</summary>
    public ProvisioningEngine CreateEngine(IStepCatalog catalog, ProvisioningOptions options) =>
        BuildServices(catalog, options, Time).GetRequiredService<ProvisioningEngine>();

    /// <summary>
    /// The job as the host builds it, enqueueing into <paramref name="jobs"/>; without <paramref name="wakeUpTimers"/>
    /// no in-process timer is armed (Hangfire's scheduled job alone wakes the deployment).
    /// </summary>
    public AdvanceDeploymentJob CreateJob(IBackgroundJobClient jobs, PreciseWakeUpTimers? wakeUpTimers = null) =>
        wakeUpTimers is null
            ? ActivatorUtilities.CreateInstance<AdvanceDeploymentJob>(Services, jobs, new PreciseWakeUpTimers(jobs, Time, NullLogger<PreciseWakeUpTimers>.Instance), Microsoft.Extensions.Options.Options.Create(new ProvisioningOptions { PreciseWakeUp = false }))
            : ActivatorUtilities.CreateInstance<AdvanceDeploymentJob>(Services, jobs, wakeUpTimers);

    /// <summary>The deployment service as the host registers it (one request's scope), enqueueing into <paramref name="jobs"/>.</summary>
    public DeploymentService CreateDeploymentService(IBackgroundJobClient jobs)
    {
        var scope = BuildServices(Catalog, Options, Time, jobs).CreateScope();
        _scopes.Add(scope);
        return scope.ServiceProvider.GetRequiredService<DeploymentService>();
    }

    /// <summary>The host's registrations over this harness's database and notifier, with the given plan, options, clock and job client.</summary>
    public ServiceProvider BuildServices(IStepCatalog catalog, ProvisioningOptions options, TimeProvider time, IBackgroundJobClient? jobs = null)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton(new CurrentAwsMode { Mode = AwsMode.Sandbox });
        services.AddOptions<AwsOptions>();
        services.AddAwsAccessLayer();
        services.AddProvisioningServices();
        services.AddSingleton(time);
        if (jobs is not null)
        {
            services.AddSingleton(jobs);
        }

        services.AddSingleton<IDbContextFactory<PortalDbContext>>(Database);
        services.AddSingleton<IDeploymentProgressNotifier>(Notifier);
        services.AddSingleton(catalog);
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        var provider = services.BuildServiceProvider();
        _providers.Add(provider);
        return provider;
    }

    public async Task<Guid> CreateDeploymentAsync(DeploymentRequest? request = null)
    {
        await using var db = Database.CreateDbContext();
        var deployment = Deployment.Create(Guid.NewGuid(), request ?? DeploymentRequests.Demo(), "alice", Catalog.Plan(DeploymentPhase.Provision).Select(s => s.Name), Time.GetUtcNow());
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync();
        return deployment.Id;
    }

    public async Task<Deployment> LoadAsync(Guid id)
    {
        await using var db = Database.CreateDbContext();
        return await db.Deployments.AsNoTracking().Include(d => d.Steps).SingleAsync(d => d.Id == id);
    }

    /// <summary>Writes a user command the way DeploymentService does.</summary>
    public async Task RequestAsync(Guid id, DeploymentAction action, string? step = null)
    {
        await using var db = Database.CreateDbContext();
        await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.CommandSequence, d => d.CommandSequence + 1)
            .SetProperty(d => d.RequestedAction, action)
            .SetProperty(d => d.RequestedStep, step));
    }

    /// <summary>Wake-ups the job would have scheduled (Hangfire's scheduled set), earliest first.</summary>
    public SortedSet<DateTimeOffset> ScheduledWakes { get; } = [];

    /// <summary>One job run: advance, and schedule what the job would schedule.</summary>
    public async Task<AdvanceResult> AdvanceOnceAsync(Guid id)
    {
        var result = await CreateEngine().AdvanceAsync(id, CancellationToken.None);
        if (result.NextWakeAt is { } wake)
        {
            ScheduledWakes.Add(wake);
        }

        return result;
    }

    /// <summary>What the Hangfire job chain does, with the clock jumped to each wake-up instead of waited for.</summary>
    public async Task<DeploymentStatus> RunUntilSettledAsync(Guid id, int maxAdvances = 200)
    {
        for (var i = 0; i < maxAdvances; i++)
        {
            var result = await AdvanceOnceAsync(id);
            Assert.Equal(AdvanceOutcome.Advanced, result.Outcome);
            if (result.RunAgain)
            {
                continue;
            }

            if (ScheduledWakes.Count > 0)
            {
                var wake = ScheduledWakes.Min;
                ScheduledWakes.Remove(wake);
                var delay = wake - Time.GetUtcNow();
                Time.Advance(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
                continue;
            }

            return result.Status!.Value;
        }

        throw new InvalidOperationException($"Deployment {id} did not settle after {maxAdvances} advances.");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            scope.Dispose();
        }

        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
