using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.IntegrationTests.ScaleOut;

/// <summary>Needs the throwaway PostgreSQL server that ./test.sh starts (PRIVATEAPIEDGE_TEST_POSTGRES).</summary>
[Trait("Category", "Postgres")]
public sealed class CrossInstanceProgressTests
{
    [Fact]
    public async Task Progress_published_on_one_instance_reaches_a_subscriber_on_another()
    {
        var database = TestDatabase.CreatePostgresDatabase();
        await using var instanceA = PortalAppFactory.OnPostgres(database, BackgroundJobStorage.InMemory, ownsDatabase: false);
        await using var instanceB = PortalAppFactory.OnPostgres(database, BackgroundJobStorage.InMemory, ownsDatabase: true);
        await ListeningAsync(instanceA);
        await ListeningAsync(instanceB);
        var deploymentId = Guid.NewGuid();
        var received = new TaskCompletionSource<DeploymentProgressEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = instanceA.Services.GetRequiredService<IDeploymentProgressNotifier>()
            .Subscribe(deploymentId, progress => { received.TrySetResult(progress); return Task.CompletedTask; });

        var sent = new DeploymentProgressEvent(deploymentId, DeploymentStatus.Provisioning, DeploymentPhase.Provision,
            "vpc-endpoint", StepStatus.Succeeded, "Endpoint vpce-0abc is available", DateTimeOffset.UtcNow);
        await instanceB.Services.GetRequiredService<IDeploymentProgressNotifier>().PublishAsync(sent);
        var arrived = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Assert.Equal(sent, arrived);
    }

    [Fact]
    public async Task A_subscriber_hears_only_its_own_deployment()
    {
        var database = TestDatabase.CreatePostgresDatabase();
        await using var instance = PortalAppFactory.OnPostgres(database, BackgroundJobStorage.InMemory, ownsDatabase: true);
        await ListeningAsync(instance);
        var notifier = instance.Services.GetRequiredService<IDeploymentProgressNotifier>();
        var (mine, other) = (Guid.NewGuid(), Guid.NewGuid());
        var heard = new List<Guid>();
        var bothDispatched = new CountdownEvent(2);
        using var everything = notifier.SubscribeAll(progress =>
        {
            if (progress.DeploymentId == mine || progress.DeploymentId == other)
            {
                bothDispatched.Signal();
            }

            return Task.CompletedTask;
        });
        using var subscription = notifier.Subscribe(mine, progress =>
        {
            lock (heard)
            {
                heard.Add(progress.DeploymentId);
            }

            return Task.CompletedTask;
        });

        await notifier.PublishAsync(Event(other));
        await notifier.PublishAsync(Event(mine));

        // SubscribeAll sees both, so by then the per-deployment filter has had its chance to misfire.
        Assert.True(bothDispatched.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        lock (heard)
        {
            Assert.Equal([mine], heard);
        }
    }

    private static DeploymentProgressEvent Event(Guid deploymentId) =>
        new(deploymentId, DeploymentStatus.Provisioning, DeploymentPhase.Provision, "security-groups", StepStatus.Running, "Creating", DateTimeOffset.UtcNow);

    private static Task ListeningAsync(PortalAppFactory instance) =>
        instance.Services.GetRequiredService<PostgresDeploymentProgressNotifier>().Listening.WaitAsync(TimeSpan.FromSeconds(30));
}
