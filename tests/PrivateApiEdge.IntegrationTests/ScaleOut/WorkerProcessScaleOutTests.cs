using PrivateApiEdge.Web.Features.Users;
using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.IntegrationTests.Provisioning;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.State;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.ScaleOut;

/// <summary>
/// The docker-compose topology without Docker: two web instances (in-process hosts, <c>Instance:Role=Web</c>) and a
/// worker process over one PostgreSQL, the worker reaching a standalone sandbox through <c>AWS_ENDPOINT_URL</c>.
/// Needs the throwaway PostgreSQL server that ./test.sh starts (PRIVATEAPIEDGE_TEST_POSTGRES).
/// </summary>
[Trait("Category", "Postgres")]
public sealed class WorkerProcessScaleOutTests
{
    private static readonly PortalUser Alice = new("alice", "Alice", IsAdmin: false);

    private static readonly TimeSpan DeploymentTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_deployment_enqueued_on_one_web_instance_completes_on_the_worker_process_and_its_progress_reaches_the_other()
    {
        await using var topology = await Topology.StartAsync();
        topology.StartWorker("worker-1");
        var progress = new ConcurrentQueue<DeploymentProgressEvent>();
        var created = await topology.CreateOnInstanceAAsync("scale", progress);

        var finished = await topology.WaitForAsync(created.Id, d => d.IsFinished, "the deployment to finish");

        topology.Check(finished.Status == DeploymentStatus.Succeeded, $"Deployment ended {finished.Status}: {finished.FailedStep}: {finished.Error}");
        var heard = () => progress.Where(p => p.DeploymentId == created.Id);
        await topology.EventuallyAsync(() => heard().Any(p => p.Status == DeploymentStatus.Succeeded), "instance B to hear that the deployment succeeded");
        var stepsHeard = heard().Where(p => p.StepStatus == StepStatus.Succeeded).Select(p => p.Step).ToHashSet(StringComparer.Ordinal);
        topology.Check(finished.Steps.Where(s => s.Phase == DeploymentPhase.Provision).All(s => stepsHeard.Contains(s.Name)),
            $"Instance B heard only these steps succeed: {string.Join(", ", stepsHeard)}");
    }

    [Fact]
    public async Task Killing_the_worker_process_mid_deployment_and_starting_another_finishes_it_without_duplicate_resources()
    {
        await using var topology = await Topology.StartAsync();
        var first = topology.StartWorker("worker-1");
        var created = await topology.CreateOnInstanceAAsync("crash", new ConcurrentQueue<DeploymentProgressEvent>());
        var midway = await topology.WaitForAsync(created.Id,
            d => d.IsFinished || (d.Steps.Any(s => s.Status == StepStatus.Succeeded) && d.Steps.Any(s => s.Status is StepStatus.Running or StepStatus.Waiting)),
            "a step running or waiting after another succeeded");
        topology.Check(!midway.IsFinished, $"The deployment finished ({midway.Status}) before the worker could be killed mid-way");

        await first.KillAsync();
        var interrupted = await topology.LoadAsync(created.Id);
        topology.StartWorker("worker-2");
        var finished = await topology.WaitForAsync(created.Id, d => d.IsFinished, "the second worker to finish the deployment");

        topology.Check(!interrupted.IsFinished, "The deployment finished while the first worker was being killed");
        topology.Check(finished.Status == DeploymentStatus.Succeeded, $"Deployment ended {finished.Status}: {finished.FailedStep}: {finished.Error}");
        var ours = (await topology.InventoryAsync()).Where(r => r.Tags.GetValueOrDefault(TrackingTags.Deployment) == created.Id.ToString()).ToList();
        var duplicates = ours.GroupBy(r => (r.Type, Resource: r.Tags.GetValueOrDefault(TrackingTags.Resource) ?? r.Id))
            .Where(g => g.Count() > 1).Select(g => $"{g.Key.Type} {g.Key.Resource}: {string.Join(", ", g.Select(r => r.Id))}").ToList();
        topology.Check(ours.Count > 0, "The sandbox holds no resource of the deployment");
        topology.Check(duplicates.Count == 0, $"Duplicate resources: {string.Join("; ", duplicates)}");
    }

    /// <summary>The sandbox, the database, two web instances and the workers of one test; shows the workers' output on failure.</summary>
    private sealed class Topology : IAsyncDisposable
    {
        private readonly List<WorkerProcess> _workers = [];
        private SandboxHost _sandbox = null!;
        private HttpClient _control = null!;
        private PortalAppFactory _factoryA = null!;
        private PortalAppFactory _factoryB = null!;
        private WebApplicationFactory<Program> _instanceA = null!;
        private WebApplicationFactory<Program> _instanceB = null!;
        private string _database = null!;
        private IDisposable? _subscription;

        public static async Task<Topology> StartAsync()
        {
            var topology = new Topology();
            topology._database = TestDatabase.CreatePostgresDatabase();
            topology._sandbox = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = "fast", Port = 0 }, TestContext.Current.CancellationToken);
            topology._control = new HttpClient { BaseAddress = topology._sandbox.BaseAddress };
            topology._factoryA = PortalAppFactory.OnPostgres(topology._database, BackgroundJobStorage.Postgres, ownsDatabase: false);
            topology._factoryB = PortalAppFactory.OnPostgres(topology._database, BackgroundJobStorage.Postgres, ownsDatabase: true);
            topology._instanceA = topology._factoryA.WithWebHostBuilder(host => host.UseSetting("Instance:Role", "Web"));
            topology._instanceB = topology._factoryB.WithWebHostBuilder(host => host.UseSetting("Instance:Role", "Web"));
            await topology._instanceA.Services.GetRequiredService<PostgresDeploymentProgressNotifier>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
            await topology._instanceB.Services.GetRequiredService<PostgresDeploymentProgressNotifier>().Listening.WaitAsync(TimeSpan.FromSeconds(30));

            // Creates Hangfire's schema now, so the workers starting later never race an instance to install it.
            _ = topology._instanceA.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().Servers();
            return topology;
        }

        public WorkerProcess StartWorker(string name)
        {
            var sandbox = _sandbox.BaseAddress.ToString().TrimEnd('/');
            var worker = WorkerProcess.Start(name, new Dictionary<string, string>
            {
                ["Database__Provider"] = "Postgres",
                ["Database__ConnectionString"] = _database,
                ["AWS_ENDPOINT_URL"] = sandbox,
                ["AWS_ACCESS_KEY_ID"] = "sandbox",
                ["AWS_SECRET_ACCESS_KEY"] = "sandbox",
                ["AWS_REGION"] = "eu-west-1",
                ["Aws__StandaloneSandboxUrl"] = sandbox,

                // A killed worker's lease and Hangfire job come back after seconds instead of minutes.
                ["Provisioning__LeaseDuration"] = "00:00:05",
                ["BackgroundJobs__InvisibilityTimeout"] = "00:00:08",
                ["BackgroundJobs__SchedulePollingInterval"] = "00:00:01",

                // Poll the fast sandbox at its pace, not at AWS's.
                ["Provisioning__PollIntervalScale"] = "0.02",
                ["Provisioning__MinimumPollInterval"] = "00:00:00.200",
                ["Logging__LogLevel__Default"] = "Warning",
            });
            lock (_workers)
            {
                _workers.Add(worker);
            }

            return worker;
        }

        public async Task<Deployment> CreateOnInstanceAAsync(string name, ConcurrentQueue<DeploymentProgressEvent> heardOnB)
        {
            using var scope = _instanceA.Services.CreateScope();
            var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
            var request = DeploymentRequests.Demo(name);
            var notifierB = _instanceB.Services.GetRequiredService<IDeploymentProgressNotifier>();

            // Subscribed before the deployment exists: every event of it must reach instance B.
            _subscription = notifierB.SubscribeAll(p =>
            {
                heardOnB.Enqueue(p);
                return Task.CompletedTask;
            });
            var created = await deployments.CreateAsync(request, Alice, TestContext.Current.CancellationToken);
            return created;
        }

        public async Task<Deployment> LoadAsync(Guid id)
        {
            using var scope = _instanceA.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<DeploymentService>().GetAsync(id, Alice, TestContext.Current.CancellationToken)
                ?? throw new InvalidOperationException($"Deployment {id} is gone.");
        }

        public async Task<Deployment> WaitForAsync(Guid id, Func<Deployment, bool> condition, string what)
        {
            try
            {
                return await Eventually.ReturnsAsync(
                    () => LoadAsync(id),
                    condition,
                    what,
                    DeploymentTimeout,
                    deployment => $"deployment {deployment.Status}: " + string.Join(", ", deployment.ActiveSteps.Select(s => $"{s.Name}={s.Status} {s.WaitReason}")),
                    TimeSpan.FromMilliseconds(100));
            }
            catch (Xunit.Sdk.FailException timeout)
            {
                Fail(timeout.Message);
                throw;
            }
        }

        public async Task EventuallyAsync(Func<bool> condition, string what)
        {
            try
            {
                await Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(10));
            }
            catch (Xunit.Sdk.FailException timeout)
            {
                Fail(timeout.Message);
                throw;
            }
        }

        public void Check(bool condition, string message)
        {
            if (!condition)
            {
                Fail(message);
            }
        }

        public async Task<IReadOnlyList<SandboxInventoryItem>> InventoryAsync()
        {
            var answer = await _control.GetFromJsonAsync<InventoryAnswer>("_sandbox/inventory", TestContext.Current.CancellationToken);
            return answer!.Resources;
        }

        public async ValueTask DisposeAsync()
        {
            _subscription?.Dispose();
            foreach (var worker in _workers)
            {
                await worker.DisposeAsync();
                TestContext.Current.TestOutputHelper?.WriteLine(worker.Output);
            }

            await _factoryA.DisposeAsync();
            await _factoryB.DisposeAsync();
            _control.Dispose();
            await _sandbox.DisposeAsync();
        }

        private void Fail(string message)
        {
            lock (_workers)
            {
                var output = string.Join(Environment.NewLine, _workers.Select(w => $"--- {w.Name} ({(w.HasExited ? "exited" : "running")}) ---{Environment.NewLine}{w.Output}"));
                Assert.Fail($"{message}{Environment.NewLine}{output}");
            }
        }

        private sealed record InventoryAnswer(IReadOnlyList<SandboxInventoryItem> Resources);
    }
}
