using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

// Issue #16 item 3: a 404 only means "gone" when it carries the service's own not-found code. An endpoint that does
// not implement a route answers 404 with an HTML page; teardown must not record the resource as deleted then.
public sealed class UnimplementedRouteTeardownTests
{
    [Fact]
    public async Task A_vpc_origin_whose_route_answers_an_html_404_is_not_recorded_as_deleted_and_the_step_says_why()
    {
        await using var sandbox = await SandboxEngineFixture.StartAsync();
        var id = await sandbox.CreateDeploymentAsync(DeploymentRequests.Demo());
        var provisioned = await sandbox.RunUntilSettledAsync(id);
        var before = await sandbox.LoadAsync(id);
        Assert.True(provisioned == DeploymentStatus.Succeeded, $"{before.FailedStep}: {before.Error}");
        var origin = before.Step(DeploymentPhase.Provision, StepNames.VpcOrigin).Outputs[OutputKeys.VpcOriginId];
        await sandbox.AddFaultAsync(new SandboxFaultRule { Kind = SandboxFaultKinds.UnimplementedRoute, Service = "cloudfront", Operation = "GetVpcOrigin", Rate = 1 });

        await sandbox.RequestTeardownAsync(id);
        var status = await sandbox.RunUntilSettledAsync(id);

        var deployment = await sandbox.LoadAsync(id);
        var step = deployment.Step(DeploymentPhase.Teardown, StepNames.VpcOrigin);
        Assert.NotEqual(DeploymentStatus.TornDown, status);
        Assert.True(step.Status == StepStatus.Failed, $"the VPC origin step is {step.Status}: {step.Error}");
        Assert.Contains("does not implement GetVpcOrigin", step.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", step.Error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", deployment.Error ?? string.Empty, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(await sandbox.InventoryAsync(), r => r.Id == origin);
    }
}
