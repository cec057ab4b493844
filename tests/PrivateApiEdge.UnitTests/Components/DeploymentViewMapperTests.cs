using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Components.Pages.Deployments;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Provisioning.Steps;

namespace PrivateApiEdge.UnitTests.Components;

public sealed class DeploymentViewMapperTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private static Deployment NewDeployment(string? reusedEndpoint = null) => Deployment.Create(
        Guid.NewGuid(),
        DeploymentRequests.Demo() with { DomainName = "api.demo.example.com", ExistingVpcEndpointId = reusedEndpoint },
        "alice",
        StepPlan.Provisioning.Select(s => s.Name).Reverse(),
        Start);

    private static DeploymentView Map(Deployment deployment) =>
        DeploymentViewMapper.Map(deployment, [], AwsCallSnapshot.Empty, _ => null);

    [Fact]
    public void Steps_are_listed_in_plan_order_whatever_order_they_were_stored_in()
    {
        var view = Map(NewDeployment());

        Assert.Equal(StepPlan.Provisioning.Select(s => s.Name), view.Steps.Select(s => s.Key));
        Assert.Equal("Preflight checks", view.Steps[0].Title);
    }

    [Fact]
    public void Step_outputs_become_outputs_and_resources_with_console_links()
    {
        var deployment = NewDeployment();
        deployment.StartStep(StepNames.Preflight, Start);
        deployment.CompleteStep(StepNames.Preflight, new Dictionary<string, string>(), Start.AddSeconds(1));
        deployment.StartStep(StepNames.VpcEndpoint, Start);
        deployment.CompleteStep(StepNames.VpcEndpoint, new Dictionary<string, string> { [OutputKeys.VpcEndpointId] = "vpce-0123456789abcdef0" }, Start.AddSeconds(2));
        deployment.StartStep(StepNames.Distribution, Start);
        deployment.CompleteStep(StepNames.Distribution, new Dictionary<string, string>
        {
            [OutputKeys.DistributionId] = "E2ABCDEF",
            [OutputKeys.DistributionDomainName] = "d111111abcdef8.cloudfront.net",
        }, Start.AddSeconds(3));

        var view = Map(deployment);

        Assert.Equal("d111111abcdef8.cloudfront.net", view.Outputs.Single(o => o.TestId == "cloudfront-domain").Value);
        Assert.Equal("vpce-0123456789abcdef0", view.Outputs.Single(o => o.TestId == "endpoint-id").Value);
        var distribution = view.Resources.Single(r => r.Kind == AwsConsoleLinks.Distribution);
        Assert.Equal("https://us-east-1.console.aws.amazon.com/cloudfront/v4/home#/distributions/E2ABCDEF", distribution.ConsoleUrl);
        var endpoint = view.Resources.Single(r => r.Kind == AwsConsoleLinks.VpcEndpoint);
        Assert.Contains("region=eu-west-1", endpoint.ConsoleUrl, StringComparison.Ordinal);
        Assert.False(endpoint.Shared);
        Assert.Equal(StepState.Succeeded, view.Steps.Single(s => s.Key == StepNames.VpcEndpoint).State);
        Assert.Equal(TimeSpan.FromSeconds(2), view.Steps.Single(s => s.Key == StepNames.VpcEndpoint).Elapsed(Start.AddHours(1)));
    }

    [Fact]
    public void A_reused_endpoint_is_marked_shared_and_never_shown_as_deleted()
    {
        var deployment = NewDeployment(reusedEndpoint: "vpce-0123456789abcdef0");
        deployment.StartStep(StepNames.VpcEndpoint, Start);
        deployment.CompleteStep(StepNames.VpcEndpoint, new Dictionary<string, string>
        {
            [OutputKeys.VpcEndpointId] = "vpce-0123456789abcdef0",
            [OutputKeys.VpcEndpointReused] = "true",
        }, Start);

        var endpoint = Map(deployment).Resources.Single(r => r.Kind == AwsConsoleLinks.VpcEndpoint);

        Assert.True(endpoint.Shared);
        Assert.False(endpoint.Deleted);
    }

    [Fact]
    public void A_failed_step_carries_its_error_to_the_page()
    {
        var deployment = NewDeployment();
        deployment.StartStep(StepNames.Preflight, Start);
        deployment.FailStep(StepNames.Preflight, "VPC has enableDnsHostnames off.", Start.AddSeconds(1));
        deployment.Settle(Start.AddSeconds(1));

        var view = Map(deployment);

        Assert.Equal(DeploymentStatus.Failed, view.Status);
        Assert.Equal("preflight: VPC has enableDnsHostnames off.", view.Error);
        Assert.Equal(StepState.Failed, view.Steps[0].State);
        Assert.Equal("VPC has enableDnsHostnames off.", view.Steps[0].Message);
    }
}
