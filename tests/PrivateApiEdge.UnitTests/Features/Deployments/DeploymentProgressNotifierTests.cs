using Microsoft.Extensions.Logging.Abstractions;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.UnitTests.Features.Deployments;

public sealed class DeploymentProgressNotifierTests
{
    [Fact]
    public async Task A_subscriber_gets_its_deployment_events_until_it_unsubscribes()
    {
        var notifier = new InProcessDeploymentProgressNotifier(NullLogger<InProcessDeploymentProgressNotifier>.Instance);
        var mine = Guid.NewGuid();
        var received = new List<string>();
        var subscription = notifier.Subscribe(mine, e =>
        {
            received.Add(e.Message);
            return Task.CompletedTask;
        });

        await notifier.PublishAsync(Event(mine, "one"));
        await notifier.PublishAsync(Event(Guid.NewGuid(), "other deployment"));
        subscription.Dispose();
        await notifier.PublishAsync(Event(mine, "after unsubscribe"));

        Assert.Equal(["one"], received);
    }

    [Fact]
    public async Task A_failing_subscriber_does_not_stop_the_others()
    {
        var notifier = new InProcessDeploymentProgressNotifier(NullLogger<InProcessDeploymentProgressNotifier>.Instance);
        var id = Guid.NewGuid();
        var received = 0;
        using var broken = notifier.Subscribe(id, _ => throw new InvalidOperationException("circuit gone"));
        using var all = notifier.SubscribeAll(_ =>
        {
            received++;
            return Task.CompletedTask;
        });

        await notifier.PublishAsync(Event(id, "step done"));

        Assert.Equal(1, received);
    }

    private static DeploymentProgressEvent Event(Guid id, string message) =>
        new(id, DeploymentStatus.Provisioning, DeploymentPhase.Provision, "vpc-endpoint", StepStatus.Succeeded, message, DateTimeOffset.UnixEpoch);
}
