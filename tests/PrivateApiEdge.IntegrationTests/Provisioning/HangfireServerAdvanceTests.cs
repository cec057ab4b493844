using Hangfire;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>
/// <see cref="AdvanceDeploymentJob"/> under a real Hangfire server (in-memory storage, real clock) over the fake
/// steps of <see cref="EngineHarness"/>: what only the server's scheduling and worker count can show. The unit
/// tests of the job (a recording job client, a fake clock) are in the unit-test project.
/// </summary>
public sealed class HangfireServerAdvanceTests
{
    [Fact]
    public async Task Waits_shorter_than_a_second_complete_under_a_real_hangfire_server_polling_its_schedule_often()
    {
        // Hangfire truncates a scheduled job's due time to the second; with a fast schedule poller an advance
        // scheduled for x.7 s is queued at x.0 s. Before the job carried its due time, that early run found nothing
        // due, scheduled nothing, and the deployment stalled for good.
        await using var harness = await EngineHarness.CreateAsync();
        foreach (var step in new[] { StepNames.VpcEndpoint, StepNames.LoadBalancer, StepNames.VpcOrigin, StepNames.Distribution })
        {
            harness.Behaviors[step].Waits = 2;
            harness.Behaviors[step].WaitDelay = TimeSpan.FromMilliseconds(700);
        }

        var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage);
        await using var services = JobServices(harness, jobs);
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 2,
                SchedulePollingInterval = TimeSpan.FromMilliseconds(50),
                Activator = new ServiceProviderJobActivator(services),
            },
            storage);
        var id = await harness.CreateDeploymentAsync();

        jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(id, CancellationToken.None));

        await Eventually.HoldsAsync(async () => (await harness.LoadAsync(id)).Status == DeploymentStatus.Succeeded,
            "the deployment to succeed through eight sub-second waits", TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Waiting_deployments_do_not_hold_workers_so_two_workers_serve_many_deployments()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var vpcOriginsDeployed = false;
        harness.Behaviors[StepNames.VpcOrigin].ReadyWhen = () => Volatile.Read(ref vpcOriginsDeployed);
        harness.Behaviors[StepNames.VpcOrigin].WaitDelay = TimeSpan.FromMilliseconds(100);
        var storage = new InMemoryStorage();
        var jobs = new BackgroundJobClient(storage);
        await using var services = JobServices(harness, jobs);
        using var server = new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 2,
                SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
                Activator = new ServiceProviderJobActivator(services),
            },
            storage);
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            var id = await harness.CreateDeploymentAsync(DeploymentRequests.Demo($"api{i}"));
            ids.Add(id);
            jobs.Enqueue<AdvanceDeploymentJob>(job => job.RunAsync(id, CancellationToken.None));
        }

        await Eventually.HoldsAsync(async () => await CountAsync(harness, ids, DeploymentPhase.Provision, StepNames.VpcOrigin, StepStatus.Waiting) == ids.Count,
            "all eight deployments to wait for their VPC origin at the same time", TimeSpan.FromSeconds(60));
        Volatile.Write(ref vpcOriginsDeployed, true);
        await Eventually.HoldsAsync(async () => await CountStatusAsync(harness, ids, DeploymentStatus.Succeeded) == ids.Count,
            "all eight deployments to succeed", TimeSpan.FromSeconds(60));

        Assert.Equal(ids.Count * StepPlan.Teardown.Count, harness.Cloud.Resources.Count);
    }

    /// <summary>The host's registrations on the real clock, without precise in-process wake-ups: Hangfire alone drives it.</summary>
    private static ServiceProvider JobServices(EngineHarness harness, IBackgroundJobClient jobs) =>
        harness.BuildServices(harness.Catalog, new ProvisioningOptions { PreciseWakeUp = false }, TimeProvider.System, jobs);

    private static async Task<int> CountAsync(EngineHarness harness, List<Guid> ids, DeploymentPhase phase, string step, StepStatus status)
    {
        await using var db = harness.Database.CreateDbContext();
        return await db.DeploymentSteps.CountAsync(s => ids.Contains(s.DeploymentId) && s.Phase == phase && s.Name == step && s.Status == status);
    }

    private static async Task<int> CountStatusAsync(EngineHarness harness, List<Guid> ids, DeploymentStatus status)
    {
        await using var db = harness.Database.CreateDbContext();
        return await db.Deployments.CountAsync(d => ids.Contains(d.Id) && d.Status == status);
    }

    private sealed class ServiceProviderJobActivator(IServiceProvider services) : JobActivator
    {
        public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);
    }
}
