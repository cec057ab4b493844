using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.Sandbox.Core.Lifecycles;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.UnitTests.Features.Provisioning;

public sealed class PollScheduleTests
{
    private static readonly PollSchedule LoadBalancer = new(WaitNames.LoadBalancerActive, TimeSpan.FromSeconds(15));
    private static readonly int[] LatePollsAtMilliseconds = [2000, 2050, 2100, 2200, 2400, 5000];

    private static ProvisioningOptions FastSandbox() => new()
    {
        PollIntervalScale = 0.02,
        MinimumPollInterval = TimeSpan.FromMilliseconds(50),
        ExpectedDurations = { [WaitNames.LoadBalancerActive] = TimeSpan.FromSeconds(2) },
    };

    [Fact]
    public void Without_an_expected_duration_the_step_polls_at_its_steady_interval_as_on_AWS()
    {
        var options = new ProvisioningOptions();

        Assert.Equal(TimeSpan.FromSeconds(15), LoadBalancer.NextDelay(TimeSpan.Zero, options));
        Assert.Equal(TimeSpan.FromSeconds(15), LoadBalancer.NextDelay(TimeSpan.FromMinutes(3), options));
    }

    [Fact]
    public void The_first_poll_lands_when_the_operation_is_expected_to_be_done()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(1700), LoadBalancer.NextDelay(TimeSpan.FromMilliseconds(300), FastSandbox()));
    }

    [Fact]
    public void Late_polls_back_off_from_the_floor_to_the_scaled_interval()
    {
        var options = FastSandbox();

        var delays = LatePollsAtMilliseconds
            .Select(ms => LoadBalancer.NextDelay(TimeSpan.FromMilliseconds(ms), options).TotalMilliseconds)
            .ToArray();

        // 15 s × 0.02 = 300 ms is the cap; 50 ms the floor; in between the delay equals the overrun (doubling).
        Assert.Equal([50, 50, 100, 200, 300, 300], delays);
    }

    [Fact]
    public void A_fixed_delay_is_scaled_but_never_below_the_minimum()
    {
        var options = FastSandbox();

        Assert.Equal(TimeSpan.FromMilliseconds(200), PollSchedule.Scaled(TimeSpan.FromSeconds(10), options));
        Assert.Equal(TimeSpan.FromMilliseconds(50), PollSchedule.Scaled(TimeSpan.FromSeconds(1), options));
        Assert.Equal(TimeSpan.FromSeconds(10), PollSchedule.Scaled(TimeSpan.FromSeconds(10), new ProvisioningOptions()));
    }

    [Fact]
    public void The_fast_sandbox_profile_expects_the_sandbox_lifecycle_durations()
    {
        var options = new ProvisioningOptions();

        SandboxPolling.ApplyDefaults(options, SandboxLatencyProfile.Fast, new ConfigurationBuilder().Build());

        Assert.Equal(SandboxLifecycles.LoadBalancerProvision.Fast, options.ExpectedDurations[WaitNames.LoadBalancerActive]);
        Assert.Equal(SandboxLifecycles.DistributionDeploy.Fast, options.ExpectedDurations[WaitNames.DistributionDeployed]);
        Assert.Equal(0.02, options.PollIntervalScale);
        Assert.Equal(TimeSpan.FromMilliseconds(50), options.MinimumPollInterval);
    }

    [Fact]
    public void Configured_poll_settings_win_over_the_sandbox_profile()
    {
        var options = new ProvisioningOptions
        {
            PollIntervalScale = 0.5,
            ExpectedDurations = { [WaitNames.LoadBalancerActive] = TimeSpan.FromSeconds(9) },
        };
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["PollIntervalScale"] = "0.5" })
            .Build();

        SandboxPolling.ApplyDefaults(options, SandboxLatencyProfile.Fast, configured);

        Assert.Equal(0.5, options.PollIntervalScale);
        Assert.Equal(TimeSpan.FromSeconds(9), options.ExpectedDurations[WaitNames.LoadBalancerActive]);
        Assert.Equal(SandboxLifecycles.VpcOriginDeploy.Fast, options.ExpectedDurations[WaitNames.VpcOriginDeployed]);
    }

    [Fact]
    public async Task A_step_wait_is_scheduled_under_the_configured_scale()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Options.PollIntervalScale = 0.1;
        harness.Behaviors[StepNames.VpcEndpoint].Waits = 1;
        harness.Behaviors[StepNames.VpcEndpoint].WaitDelay = TimeSpan.FromSeconds(30);
        var id = await harness.CreateDeploymentAsync();
        var start = harness.Time.GetUtcNow();

        var result = await harness.AdvanceOnceAsync(id);

        Assert.Equal(start + TimeSpan.FromSeconds(3), result.NextWakeAt);
    }

    [Fact]
    public async Task The_first_poll_counts_the_expected_duration_from_the_create_call_not_from_the_step_start()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var options = new ProvisioningOptions { ExpectedDurations = { [WaitNames.LoadBalancerActive] = TimeSpan.FromSeconds(2) } };
        var step = new CreateThenWaitStep(harness.Time, TimeSpan.FromMilliseconds(300));
        IReadOnlyList<StepDefinition> plan = [new(step.Name)];
        var catalog = new StepCatalog(plan, [step], [], []);
        var engine = harness.CreateEngine(catalog, options);
        var id = Guid.NewGuid();
        await using (var db = harness.Database.CreateDbContext())
        {
            db.Deployments.Add(Deployment.Create(id, DeploymentRequests.Demo(), "alice", [step.Name], harness.Time.GetUtcNow()));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var start = harness.Time.GetUtcNow();
        var result = await engine.AdvanceAsync(id, TestContext.Current.CancellationToken);

        // The create call took 300 ms after the step started: the resource is expected 2 s after that.
        Assert.Equal(start + TimeSpan.FromMilliseconds(2300), result.NextWakeAt);
    }

    private sealed class CreateThenWaitStep(FakeTimeProvider time, TimeSpan createCallTakes) : IProvisioningStep
    {
        public string Name => "load-balancer";

        public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
        {
            if (context.Output("arn") is null)
            {
                await context.RecordIntentAsync("load-balancer", cancellationToken);
                time.Advance(createCallTakes);
                await context.RecordOutputAsync("arn", "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/x/1", cancellationToken);
            }

            return context.WaitFor(new PollSchedule(WaitNames.LoadBalancerActive, TimeSpan.FromSeconds(15)), "ALB to become active");
        }
    }
}
