using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.UnitTests.Features.Deployments;

public sealed class DeploymentServiceTests
{
    /// <summary>The harness creates its deployments for alice.</summary>
    private static readonly PortalUser Alice = new("alice", "Alice", IsAdmin: false);
    private static readonly PortalUser Bob = new("bob", "Bob", IsAdmin: false);
    private static readonly PortalUser Admin = new("root", "Root", IsAdmin: true);

    [Fact]
    public async Task Create_stores_the_request_with_every_step_pending_and_enqueues_an_advance()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var jobs = new RecordingJobClient();
        var service = harness.CreateDeploymentService(jobs);

        var request = DeploymentRequests.Demo("billing");

        var created = await service.CreateAsync(request, Alice, TestContext.Current.CancellationToken);

        var stored = await harness.LoadAsync(created.Id);
        Assert.Equal(DeploymentStatus.Pending, stored.Status);
        Assert.Equal("alice", stored.Owner);
        Assert.Equal(request.DomainName, stored.Request.DomainName);
        Assert.Equal(request.SubnetIds, stored.Request.SubnetIds);
        Assert.Equal(StepPlan.Provisioning.Count, stored.Steps.Count);
        var (job, _) = Assert.Single(jobs.Jobs);
        Assert.Equal(typeof(AdvanceDeploymentJob), job.Type);
        Assert.Equal(created.Id, job.Args[0]);
    }

    [Fact]
    public async Task Create_refuses_a_name_that_is_taken()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var service = harness.CreateDeploymentService(new RecordingJobClient());
        await service.CreateAsync(DeploymentRequests.Demo("billing"), Alice, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<DeploymentConflictException>(() => service.CreateAsync(DeploymentRequests.Demo("billing"), Bob, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Resume_is_refused_unless_the_deployment_failed()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var jobs = new RecordingJobClient();
        var service = harness.CreateDeploymentService(jobs);
        var id = await harness.CreateDeploymentAsync();

        var error = await Assert.ThrowsAsync<DeploymentConflictException>(() => service.ResumeAsync(id, Alice, TestContext.Current.CancellationToken));

        Assert.Contains("failed", error.Message, StringComparison.Ordinal);
        Assert.Empty(jobs.Jobs);
    }

    [Fact]
    public async Task Resume_after_a_failure_is_applied_by_the_next_advance()
    {
        await using var harness = await EngineHarness.CreateAsync();
        harness.Behaviors[StepNames.TargetGroup].Failures = 1;
        var jobs = new RecordingJobClient();
        var service = harness.CreateDeploymentService(jobs);
        var id = await harness.CreateDeploymentAsync();
        Assert.Equal(DeploymentStatus.Failed, await harness.RunUntilSettledAsync(id));

        await service.ResumeAsync(id, Alice, TestContext.Current.CancellationToken);
        var status = await harness.RunUntilSettledAsync(id);

        Assert.Single(jobs.Jobs);
        Assert.Equal(DeploymentStatus.Succeeded, status);
    }

    [Fact]
    public async Task Retrying_an_unknown_step_is_refused()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var service = harness.CreateDeploymentService(new RecordingJobClient());
        var id = await harness.CreateDeploymentAsync();

        await Assert.ThrowsAsync<DeploymentConflictException>(() => service.RetryStepAsync(id, "no-such-step", Alice, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Teardown_of_a_torn_down_deployment_is_refused_and_of_a_missing_one_is_not_found()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var service = harness.CreateDeploymentService(new RecordingJobClient());
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);
        await service.TeardownAsync(id, Alice, TestContext.Current.CancellationToken);
        Assert.Equal(DeploymentStatus.TornDown, await harness.RunUntilSettledAsync(id));

        await Assert.ThrowsAsync<DeploymentConflictException>(() => service.TeardownAsync(id, Alice, TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => service.TeardownAsync(Guid.NewGuid(), Alice, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_log_pages_forward_from_the_last_line_seen()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var service = harness.CreateDeploymentService(new RecordingJobClient());
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);

        var first = await service.GetLogAsync(id, 0, 5, Alice, TestContext.Current.CancellationToken);
        var next = await service.GetLogAsync(id, first[^1].Id, 1000, Alice, TestContext.Current.CancellationToken);

        Assert.Equal(5, first.Count);
        Assert.NotEmpty(next);
        Assert.True(next[0].Id > first[^1].Id);
        Assert.Equal("Deployment is Succeeded.", next[^1].Message);
    }

    [Fact]
    public async Task Another_requesters_deployment_behaves_exactly_like_a_missing_one()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var jobs = new RecordingJobClient();
        var service = harness.CreateDeploymentService(jobs);
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);
        var ct = TestContext.Current.CancellationToken;

        Assert.Null(await service.GetAsync(id, Bob, ct));
        Assert.Empty(await service.GetLogAsync(id, 0, 100, Bob, ct));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => service.ResumeAsync(id, Bob, ct));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => service.RetryStepAsync(id, StepNames.TargetGroup, Bob, ct));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => service.TeardownAsync(id, Bob, ct));
        await Assert.ThrowsAsync<DeploymentNotFoundException>(() => service.RunEndpointTestAsync(id, Bob, ct));

        Assert.Empty(jobs.Jobs);
        Assert.Equal(DeploymentStatus.Succeeded, (await harness.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task An_on_demand_endpoint_test_is_refused_before_the_dns_records_step_succeeded()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var tester = new RecordingEndpointTester();
        using var scope = harness.BuildServices(harness.Catalog, harness.Options, harness.Time, new RecordingJobClient()).CreateScope();
        var service = ActivatorUtilities.CreateInstance<DeploymentService>(scope.ServiceProvider, tester);
        var id = await harness.CreateDeploymentAsync();

        var refused = await Assert.ThrowsAsync<DeploymentConflictException>(() => service.RunEndpointTestAsync(id, Alice, TestContext.Current.CancellationToken));

        Assert.Contains($"only once the '{StepNames.DnsRecords}' step has succeeded", refused.Message, StringComparison.Ordinal);
        Assert.Equal(0, tester.Calls);
    }

    private sealed class RecordingEndpointTester : Web.Features.EndpointTest.IEndpointTester
    {
        public int Calls { get; private set; }

        public Task<Web.Features.EndpointTest.EndpointTestResult> TestAsync(
            Web.Features.EndpointTest.EndpointTestTarget target, Web.Aws.Core.AwsClients? aws, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new Web.Features.EndpointTest.EndpointTestResult { At = DateTimeOffset.UnixEpoch, Url = "https://x/", Passed = true });
        }
    }

    [Fact]
    public async Task An_admin_sees_and_tears_down_anyones_deployment()
    {
        await using var harness = await EngineHarness.CreateAsync();
        var service = harness.CreateDeploymentService(new RecordingJobClient());
        var id = await harness.CreateDeploymentAsync();
        await harness.RunUntilSettledAsync(id);
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal("alice", (await service.GetAsync(id, Admin, ct))?.Owner);
        Assert.NotEmpty(await service.GetLogAsync(id, 0, 100, Admin, ct));
        await service.TeardownAsync(id, Admin, ct);

        Assert.Equal(DeploymentStatus.TornDown, await harness.RunUntilSettledAsync(id));
    }

    [Fact]
    public async Task The_committed_migrations_create_a_schema_the_engine_runs_on()
    {
        await using var database = await EngineDatabase.CreateAsync(migrate: true);
        await using var db = database.CreateDbContext();
        var deployment = Deployment.Create(Guid.NewGuid(), DeploymentRequests.Demo(), "alice", StepPlan.Provisioning.Select(s => s.Name), DateTimeOffset.UnixEpoch);
        db.Deployments.Add(deployment);

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, db.DeploymentSteps.Count(s => s.DeploymentId == deployment.Id && s.Name == StepNames.Preflight));
    }
}
