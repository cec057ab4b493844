using Bunit;
using PrivateApiEdge.Web.Components.Pages.Deployments;

namespace PrivateApiEdge.UnitTests.Components;

public sealed class StepTimelineTests : PortalComponentTest
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static StepView Step(string key, StepState state, DateTimeOffset? started = null, DateTimeOffset? finished = null) => new()
    {
        Key = key,
        Title = key,
        State = state,
        StartedAt = started,
        FinishedAt = finished,
        Attempts = started is null ? 0 : 1,
    };

    [Fact]
    public void Each_step_shows_its_state_and_how_long_it_took()
    {
        var cut = Render<StepTimeline>(p => p
            .Add(c => c.Steps, [Step("preflight", StepState.Succeeded, Now.AddSeconds(-90), Now.AddSeconds(-48)), Step("security-groups", StepState.Pending)])
            .Add(c => c.Now, Now));

        var preflight = cut.Find("[data-testid=step-preflight]");
        Assert.Equal("Succeeded", preflight.GetAttribute("data-state"));
        Assert.Contains("took 42 s", preflight.TextContent, StringComparison.Ordinal);
        Assert.Contains("not started", cut.Find("[data-testid=step-security-groups]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_wait_shows_progress_and_an_estimate_of_the_time_left()
    {
        var waiting = Step("vpc-origin", StepState.Waiting, Now.AddMinutes(-5)) with
        {
            TypicalDuration = TimeSpan.FromMinutes(15),
            Message = "Waiting for the VPC origin to deploy",
        };

        var cut = Render<StepTimeline>(p => p.Add(c => c.Steps, [waiting]).Add(c => c.Now, Now));

        Assert.Contains("running for 5 min 0 s", cut.Find("[data-testid=step-vpc-origin]").TextContent, StringComparison.Ordinal);
        Assert.Contains("about 10 min 0 s left", cut.Find("[data-testid=step-estimate]").TextContent, StringComparison.Ordinal);
        Assert.Equal("Waiting for the VPC origin to deploy", cut.Find("[data-testid=step-message]").TextContent);
        Assert.Single(cut.FindAll("[data-testid=step-progress]"));
    }

    [Fact]
    public void Finished_steps_have_no_progress_bar()
    {
        var done = Step("vpc-origin", StepState.Succeeded, Now.AddMinutes(-20), Now) with { TypicalDuration = TimeSpan.FromMinutes(15) };

        var cut = Render<StepTimeline>(p => p.Add(c => c.Steps, [done]).Add(c => c.Now, Now));

        Assert.Empty(cut.FindAll("[data-testid=step-progress]"));
        Assert.Empty(cut.FindAll("[data-testid=step-estimate]"));
    }

    [Fact]
    public void Moving_clock_updates_the_running_duration()
    {
        var running = Step("distribution", StepState.Running, Now);
        var cut = Render<StepTimeline>(p => p.Add(c => c.Steps, [running]).Add(c => c.Now, Now.AddSeconds(3)));

        cut.Render(p => p.Add(c => c.Now, Now.AddSeconds(65)));

        Assert.Contains("running for 1 min 5 s", cut.Find("[data-testid=step-distribution]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_log_is_collapsed_until_expanded()
    {
        var step = Step("load-balancer", StepState.Failed, Now.AddMinutes(-1), Now) with
        {
            Attempts = 3,
            Message = "ELBv2 CreateLoadBalancer failed: DuplicateLoadBalancerName",
            Log = [new StepLogEntry(Now.AddMinutes(-1), "CreateLoadBalancer"), new StepLogEntry(Now, "DuplicateLoadBalancerName", IsError: true)],
        };
        var cut = Render<StepTimeline>(p => p.Add(c => c.Steps, [step]).Add(c => c.Now, Now));
        Assert.Empty(cut.FindAll("[data-testid=log-load-balancer]"));
        Assert.Equal("attempt 3", cut.Find("[data-testid=step-attempts]").TextContent);

        cut.Find("[data-testid=log-toggle-load-balancer]").Click();

        Assert.Contains("DuplicateLoadBalancerName", cut.Find("[data-testid=log-load-balancer]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_is_offered_on_failed_steps_and_reports_the_step_key()
    {
        string? retried = null;
        var cut = Render<StepTimeline>(p => p
            .Add(c => c.Steps, [Step("security-groups", StepState.Succeeded, Now, Now), Step("load-balancer", StepState.Failed, Now, Now)])
            .Add(c => c.Now, Now)
            .Add(c => c.CanRetry, true)
            .Add(c => c.OnRetryStep, key => retried = key));

        Assert.Empty(cut.FindAll("[data-testid=retry-security-groups]"));
        cut.Find("[data-testid=retry-load-balancer]").Click();

        Assert.Equal("load-balancer", retried);
    }
}
