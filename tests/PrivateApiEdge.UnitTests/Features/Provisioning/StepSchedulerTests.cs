using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class StepSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Only_preflight_is_ready_at_the_start()
    {
        var deployment = NewDeployment();

        var ready = StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now, new HashSet<string>());

        Assert.Equal([StepNames.Preflight], ready);
    }

    [Fact]
    public void Private_api_and_target_group_become_ready_together_once_the_endpoint_is_done()
    {
        var deployment = NewDeployment();
        foreach (var name in new[] { StepNames.Preflight, StepNames.SecurityGroups, StepNames.VpcEndpoint })
        {
            deployment.StartStep(name, Now);
            deployment.CompleteStep(name, new Dictionary<string, string>(), Now);
        }

        var ready = StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now, new HashSet<string>());

        Assert.Equal([StepNames.PrivateApi, StepNames.TargetGroup], ready.Order());
    }

    [Fact]
    public void A_waiting_step_is_ready_only_when_its_poll_time_has_come()
    {
        var deployment = NewDeployment();
        deployment.StartStep(StepNames.Preflight, Now);
        deployment.WaitStep(StepNames.Preflight, Now.AddSeconds(30), "not yet", Now);

        Assert.Empty(StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now.AddSeconds(29), new HashSet<string>()));
        Assert.Equal([StepNames.Preflight], StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now.AddSeconds(30), new HashSet<string>()));
        Assert.Equal(Now.AddSeconds(30), StepScheduler.EarliestWake(deployment.Steps, Now));
    }

    [Fact]
    public void Nothing_new_starts_after_a_step_failed()
    {
        var deployment = NewDeployment();
        foreach (var name in new[] { StepNames.Preflight, StepNames.SecurityGroups, StepNames.VpcEndpoint })
        {
            deployment.StartStep(name, Now);
            deployment.CompleteStep(name, new Dictionary<string, string>(), Now);
        }

        deployment.StartStep(StepNames.PrivateApi, Now);
        deployment.FailStep(StepNames.PrivateApi, "boom", Now);

        Assert.Empty(StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now, new HashSet<string>()));
    }

    [Fact]
    public void A_running_step_is_not_started_twice()
    {
        var deployment = NewDeployment();

        var ready = StepScheduler.ReadySteps(StepPlan.Provisioning, deployment.Steps, Now, new HashSet<string> { StepNames.Preflight });

        Assert.Empty(ready);
    }

    private static Deployment NewDeployment()
    {
        var deployment = Deployment.Create(Guid.NewGuid(), DeploymentRequests.Demo(), "alice", StepPlan.Provisioning.Select(s => s.Name), Now);
        deployment.BeginAdvance(Now);
        return deployment;
    }
}
