using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Notifications;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.UnitTests.Features.Deployments;

/// <summary>The answers a deployment gives about itself, for every status it can be in (reached through its own transitions).</summary>
public sealed class DeploymentRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    public static TheoryData<DeploymentStatus> AllStatuses() => new(Enum.GetValues<DeploymentStatus>());

    private static Deployment NewDeployment(ExistingApi? existingApi = null) => Deployment.Create(Guid.NewGuid(), new DeploymentRequest
    {
        Name = "orders",
        DomainName = "api.demo.example.com",
        Region = "eu-west-1",
        VpcId = "vpc-0d3e000000000a001",
        SubnetIds = ["subnet-0d3e000000000b001", "subnet-0d3e000000000b002"],
        CloudFrontCertificateArn = "arn:aws:acm:us-east-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c001",
        RegionalCertificateArn = "arn:aws:acm:eu-west-1:111122223333:certificate/0d3e0000-0000-4000-8000-00000000c002",
        HostedZoneId = "Z0D3E00000000000000A1",
        ExistingApi = existingApi,
    }, "alice", StepPlan.Provisioning.Select(s => s.Name), Start);

    /// <summary>A deployment driven to <paramref name="status"/> the way the engine drives it.</summary>
    private static Deployment In(DeploymentStatus status)
    {
        var deployment = NewDeployment();
        if (status == DeploymentStatus.Pending)
        {
            return deployment;
        }

        deployment.BeginAdvance(Start);
        switch (status)
        {
            case DeploymentStatus.Provisioning:
                break;
            case DeploymentStatus.Failed:
                Fail(deployment, StepNames.Preflight);
                break;
            case DeploymentStatus.Succeeded:
                CompleteAll(deployment);
                break;
            case DeploymentStatus.TearingDown:
                CompleteAll(deployment);
                deployment.BeginTeardown(StepPlan.Teardown.Select(s => s.Name), isRollback: false, Start);
                break;
            case DeploymentStatus.TornDown:
                CompleteAll(deployment);
                deployment.BeginTeardown(StepPlan.Teardown.Select(s => s.Name), isRollback: false, Start);
                CompleteAll(deployment);
                break;
            case DeploymentStatus.TeardownFailed:
                CompleteAll(deployment);
                deployment.BeginTeardown(StepPlan.Teardown.Select(s => s.Name), isRollback: false, Start);
                Fail(deployment, StepPlan.Teardown[0].Name);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(status), status, null);
        }

        Assert.Equal(status, deployment.Status);
        return deployment;
    }

    private static void CompleteAll(Deployment deployment)
    {
        foreach (var step in deployment.ActiveSteps.Select(s => s.Name).ToList())
        {
            deployment.StartStep(step, Start);
            deployment.CompleteStep(step, new Dictionary<string, string>(), Start);
        }

        deployment.Settle(Start);
    }

    private static void Fail(Deployment deployment, string step)
    {
        deployment.StartStep(step, Start);
        deployment.FailStep(step, "boom", Start);
        deployment.Settle(Start);
    }

    [Theory]
    [InlineData(DeploymentStatus.Pending, false, false)]
    [InlineData(DeploymentStatus.Provisioning, false, false)]
    [InlineData(DeploymentStatus.Succeeded, true, false)]
    [InlineData(DeploymentStatus.Failed, true, true)]
    [InlineData(DeploymentStatus.TearingDown, false, false)]
    [InlineData(DeploymentStatus.TornDown, true, false)]
    [InlineData(DeploymentStatus.TeardownFailed, true, true)]
    public void Settled_and_failure_are_answered_per_status(DeploymentStatus status, bool settled, bool failure)
    {
        var deployment = In(status);

        Assert.Equal(settled, status.IsSettled());
        Assert.Equal(settled, deployment.IsFinished);
        Assert.Equal(failure, status.IsFailure());
        Assert.Equal(failure, deployment.IsFailure);
    }

    [Theory]
    [InlineData(DeploymentStatus.Pending, DeploymentPhase.Provision)]
    [InlineData(DeploymentStatus.Provisioning, DeploymentPhase.Provision)]
    [InlineData(DeploymentStatus.Succeeded, DeploymentPhase.Provision)]
    [InlineData(DeploymentStatus.Failed, DeploymentPhase.Provision)]
    [InlineData(DeploymentStatus.TearingDown, DeploymentPhase.Teardown)]
    [InlineData(DeploymentStatus.TornDown, DeploymentPhase.Teardown)]
    [InlineData(DeploymentStatus.TeardownFailed, DeploymentPhase.Teardown)]
    public void The_phase_follows_the_status(DeploymentStatus status, DeploymentPhase phase)
    {
        Assert.Equal(phase, status.Phase());
        Assert.Equal(phase, In(status).Phase);
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_a_failed_phase_can_be_resumed_and_the_refusal_says_so(DeploymentStatus status)
    {
        var deployment = In(status);
        var resumable = status is DeploymentStatus.Failed or DeploymentStatus.TeardownFailed;

        Assert.Equal(resumable, deployment.CanResume);
        Assert.Equal(resumable, status.CanResume());
        Assert.Equal(resumable ? null : "Only a failed deployment can be resumed.", deployment.WhyCannotResume());
    }

    [Theory]
    [MemberData(nameof(AllStatuses))]
    public void Only_a_torn_down_deployment_refuses_teardown(DeploymentStatus status)
    {
        var deployment = In(status);

        Assert.Equal(status == DeploymentStatus.TornDown ? "The deployment is already torn down." : null, deployment.WhyCannotTearDown());
        Assert.Equal(status != DeploymentStatus.TornDown, status.CanTearDown());
    }

    [Theory]
    [InlineData(DeploymentStatus.Pending, "Cannot retry a step while the deployment is Pending.")]
    [InlineData(DeploymentStatus.Provisioning, null)]
    [InlineData(DeploymentStatus.Succeeded, null)]
    [InlineData(DeploymentStatus.Failed, null)]
    [InlineData(DeploymentStatus.TearingDown, null)]
    [InlineData(DeploymentStatus.TornDown, "Cannot retry a step while the deployment is TornDown.")]
    [InlineData(DeploymentStatus.TeardownFailed, null)]
    public void A_step_of_the_current_phase_can_be_retried_unless_nothing_runs_yet_or_everything_is_gone(DeploymentStatus status, string? refusal)
    {
        var deployment = In(status);
        var step = deployment.ActiveSteps.First().Name;

        Assert.Equal(refusal, deployment.WhyCannotRetryStep(step));
    }

    [Fact]
    public void A_step_outside_the_current_phase_cannot_be_retried_and_the_refusal_names_it()
    {
        var provisioned = In(DeploymentStatus.Succeeded);
        var tearingDown = In(DeploymentStatus.TearingDown);

        Assert.Equal("The deployment has no step 'no-such-step' in its Provision phase.", provisioned.WhyCannotRetryStep("no-such-step"));
        Assert.Equal($"The deployment has no step '{StepNames.EndpointTest}' in its Teardown phase.", tearingDown.WhyCannotRetryStep(StepNames.EndpointTest));
    }

    [Fact]
    public void The_entity_refuses_the_transitions_its_rules_refuse()
    {
        Assert.Throws<InvalidOperationException>(() => In(DeploymentStatus.Succeeded).Resume(Start));
        Assert.Throws<InvalidOperationException>(() => In(DeploymentStatus.Pending).RetryStep(StepNames.Preflight, Start));
        Assert.Throws<InvalidOperationException>(() => In(DeploymentStatus.TornDown).BeginTeardown(StepPlan.Teardown.Select(s => s.Name), isRollback: false, Start));
    }

    [Fact]
    public void The_endpoint_test_of_the_hello_api_expects_its_message_and_knows_what_to_inspect()
    {
        var deployment = In(DeploymentStatus.Provisioning);
        deployment.RecordOutput(StepNames.TargetGroup, OutputKeys.TargetGroupArn, "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders/0123456789abcdef", Start);
        deployment.RecordOutput(StepNames.Distribution, OutputKeys.DistributionId, "E2ABCDEF123456", Start);

        var target = deployment.EndpointTestTarget();

        Assert.Equal(deployment.Id, target.DeploymentId);
        Assert.Equal("api.demo.example.com", target.DomainName);
        Assert.Equal("Hello from API GW", target.ExpectedBody);
        Assert.Contains(PrivateApiStep.HelloMessage, PrivateApiStep.HelloBody, StringComparison.Ordinal);
        Assert.Equal("arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/orders/0123456789abcdef", target.TargetGroupArn);
        Assert.Equal("E2ABCDEF123456", target.DistributionId);
    }

    [Theory]
    [InlineData(DeploymentStatus.Pending, "it is Pending")]
    [InlineData(DeploymentStatus.Provisioning, "it is Pending")]
    [InlineData(DeploymentStatus.Failed, "it is Pending")]
    [InlineData(DeploymentStatus.Succeeded, null)]
    [InlineData(DeploymentStatus.TornDown, "teardown has started removing the DNS records")]
    public void The_endpoint_test_runs_only_while_our_dns_records_point_the_domain_at_the_distribution(DeploymentStatus status, string? refusal)
    {
        var why = In(status).WhyCannotTestEndpoint();

        if (refusal is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.NotNull(why);
            Assert.Contains(refusal, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_endpoint_test_of_an_adopted_api_accepts_any_body_and_tolerates_missing_resources()
    {
        var deployment = NewDeployment(new ExistingApi("a1b2c3d4e5", "prod"));

        var target = deployment.EndpointTestTarget();

        Assert.Null(target.ExpectedBody);
        Assert.Null(target.TargetGroupArn);
        Assert.Null(target.DistributionId);
    }

    [Fact]
    public void The_endpoint_test_reads_provisioning_outputs_also_during_teardown()
    {
        var deployment = In(DeploymentStatus.Succeeded);
        deployment.RetryStep(StepNames.Distribution, Start);
        deployment.StartStep(StepNames.Distribution, Start);
        deployment.CompleteStep(StepNames.Distribution, new Dictionary<string, string> { [OutputKeys.DistributionId] = "E2ABCDEF123456" }, Start);
        deployment.Settle(Start);
        deployment.BeginTeardown(StepPlan.Teardown.Select(s => s.Name), isRollback: false, Start);

        Assert.Equal(DeploymentPhase.Teardown, deployment.Phase);
        Assert.Equal("E2ABCDEF123456", deployment.EndpointTestTarget().DistributionId);
    }

    [Fact]
    public void The_outcome_notice_of_a_deployment_tells_where_and_why_only_when_it_failed()
    {
        var failed = DeploymentOutcome.Of(In(DeploymentStatus.Failed));
        var succeeded = DeploymentOutcome.Of(In(DeploymentStatus.Succeeded));
        var teardownFailed = DeploymentOutcome.Of(In(DeploymentStatus.TeardownFailed));

        Assert.Equal($"orders failed at step '{StepNames.Preflight}': boom", failed.Message);
        Assert.True(failed.IsFailure);
        Assert.Equal("orders is live at https://api.demo.example.com/", succeeded.Message);
        Assert.Null(succeeded.FailedStep);
        Assert.Null(succeeded.Error);
        Assert.Equal($"Teardown of orders failed at step '{StepPlan.Teardown[0].Name}': boom", teardownFailed.Message);
    }
}
