using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class StepPlanTests
{
    [Fact]
    public void The_provisioning_and_teardown_plans_are_acyclic_and_complete()
    {
        StepPlan.Validate(StepPlan.Provisioning);
        StepPlan.Validate(StepPlan.Teardown);
        Assert.Equal(13, StepPlan.Provisioning.Count);
    }

    [Fact]
    public void Teardown_covers_every_step_that_creates_something_and_nothing_else()
    {
        string[] createsNothing = [StepNames.Preflight, StepNames.TargetHealth, StepNames.EndpointTest];
        var expected = StepPlan.Provisioning.Select(s => s.Name).Except(createsNothing).Order();

        Assert.Equal(expected, StepPlan.Teardown.Select(s => s.Name).Order());
    }

    [Fact]
    public void The_critical_path_runs_endpoint_target_group_alb_vpc_origin_distribution_dns_test()
    {
        string[] path = [StepNames.VpcEndpoint, StepNames.TargetGroup, StepNames.LoadBalancer, StepNames.VpcOrigin, StepNames.Distribution, StepNames.DnsRecords, StepNames.EndpointTest];
        var byName = StepPlan.Provisioning.ToDictionary(s => s.Name);

        for (var i = 1; i < path.Length; i++)
        {
            Assert.Contains(path[i - 1], Ancestors(byName, path[i]));
        }
    }

    [Fact]
    public void A_cycle_is_rejected()
    {
        var plan = new[] { new StepDefinition("a", "b"), new StepDefinition("b", "a") };

        var error = Assert.Throws<InvalidOperationException>(() => StepPlan.Validate(plan));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_dependency_is_rejected()
    {
        var plan = new[] { new StepDefinition("a", "ghost") };

        Assert.Throws<InvalidOperationException>(() => StepPlan.Validate(plan));
    }

    private static HashSet<string> Ancestors(Dictionary<string, StepDefinition> byName, string step)
    {
        var found = new HashSet<string>();
        var stack = new Stack<string>(byName[step].DependsOn);
        while (stack.TryPop(out var next))
        {
            if (found.Add(next))
            {
                foreach (var dep in byName[next].DependsOn)
                {
                    stack.Push(dep);
                }
            }
        }

        return found;
    }
}
