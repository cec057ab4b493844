using Bunit;
using PrivateApiEdge.Web.Components.Pages.Deployments;

namespace PrivateApiEdge.UnitTests.Components;

public sealed class ArchitectureDiagramTests : PortalComponentTest
{
    private static StepView Step(string key, StepState state) => new() { Key = key, Title = key, State = state };

    private static string HopState(IRenderedComponent<ArchitectureDiagram> cut, string hop) =>
        cut.Find($"[data-testid=hop-{hop}]").GetAttribute("data-state")!;

    [Fact]
    public void The_chain_is_drawn_in_request_order()
    {
        var cut = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps, []));

        var hops = cut.FindAll(".architecture-hop").Select(h => h.GetAttribute("data-testid")).ToList();
        Assert.Equal(
            ["hop-client", "hop-dns", "hop-distribution", "hop-vpc-origin", "hop-load-balancer", "hop-target-group", "hop-vpc-endpoint", "hop-api-domain", "hop-private-api"],
            hops);
    }

    [Fact]
    public void Each_hop_takes_the_colour_of_its_step()
    {
        var cut = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps,
        [
            Step("vpc-endpoint", StepState.Succeeded),
            Step("private-api", StepState.Running),
            Step("distribution", StepState.Failed),
            Step("dns-records", StepState.Pending),
        ]));

        Assert.Equal("Succeeded", HopState(cut, "vpc-endpoint"));
        Assert.Contains("hop-succeeded", cut.Find("[data-testid=hop-vpc-endpoint]").ClassName, StringComparison.Ordinal);
        Assert.Equal("Running", HopState(cut, "private-api"));
        Assert.Equal("Failed", HopState(cut, "distribution"));
        Assert.Contains("hop-failed", cut.Find("[data-testid=hop-distribution]").ClassName, StringComparison.Ordinal);
        Assert.Equal("Pending", HopState(cut, "dns"));
    }

    [Fact]
    public void A_hop_built_by_two_steps_is_done_only_when_both_are()
    {
        var half = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps,
            [Step("vpc-origin", StepState.Succeeded), Step("origin-security", StepState.Pending)]));
        var failed = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps,
            [Step("vpc-origin", StepState.Succeeded), Step("origin-security", StepState.Failed)]));
        var done = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps,
            [Step("vpc-origin", StepState.Succeeded), Step("origin-security", StepState.Succeeded)]));

        Assert.Equal("Running", HopState(half, "vpc-origin"));
        Assert.Equal("Failed", HopState(failed, "vpc-origin"));
        Assert.Equal("Succeeded", HopState(done, "vpc-origin"));
    }

    [Fact]
    public void New_step_states_recolour_the_diagram()
    {
        var cut = Render<ArchitectureDiagram>(p => p.Add(c => c.Steps, [Step("load-balancer", StepState.Running)]));

        cut.Render(p => p.Add(c => c.Steps, [Step("load-balancer", StepState.Succeeded), Step("security-groups", StepState.Succeeded)]));

        Assert.Equal("Succeeded", HopState(cut, "load-balancer"));
    }

    [Fact]
    public void During_teardown_finished_steps_show_their_hop_as_removed()
    {
        var cut = Render<ArchitectureDiagram>(p => p
            .Add(c => c.Steps, [Step("dns-records", StepState.Succeeded), Step("distribution", StepState.Running)])
            .Add(c => c.Teardown, true));

        Assert.Contains("hop-removed", cut.Find("[data-testid=hop-dns]").ClassName, StringComparison.Ordinal);
        Assert.Contains("Removed", cut.Find("[data-testid=hop-dns]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Removing", cut.Find("[data-testid=hop-distribution]").TextContent, StringComparison.Ordinal);
    }
}
