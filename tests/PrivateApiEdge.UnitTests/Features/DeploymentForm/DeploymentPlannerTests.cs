using PrivateApiEdge.Web.Features.DeploymentForm;

namespace PrivateApiEdge.UnitTests.Features.DeploymentForm;

public sealed class DeploymentPlannerTests
{
    private static DeploymentFormModel Model() => new()
    {
        Name = "orders",
        DomainName = "api.demo.example.com",
        Region = "eu-west-1",
        SubnetIds = ["subnet-0d3e000000000b001", "subnet-0d3e000000000b002"],
    };

    [Fact]
    public void Every_step_comes_after_the_steps_it_depends_on()
    {
        var plan = DeploymentPlanner.Build(Model());

        var position = plan.Select((s, i) => (s.Key, i)).ToDictionary(p => p.Key, p => p.i);
        Assert.Equal(13, plan.Count);
        Assert.All(plan, step => Assert.All(step.DependsOn, dependency => Assert.True(position[dependency] < position[step.Key])));
        Assert.Equal("preflight", plan[0].Key);
        Assert.Equal("endpoint-test", plan[^1].Key);
    }

    [Fact]
    public void Independent_steps_share_a_wave()
    {
        var plan = DeploymentPlanner.Build(Model()).ToDictionary(s => s.Key);

        Assert.Equal(plan["private-api"].Wave, plan["target-group"].Wave);
    }

    [Fact]
    public void A_new_deployment_creates_an_endpoint_and_a_hello_api()
    {
        var plan = DeploymentPlanner.Build(Model()).ToDictionary(s => s.Key);

        Assert.False(plan["vpc-endpoint"].Reuses);
        Assert.Contains(plan["vpc-endpoint"].Actions, a => a.StartsWith("Create an execute-api interface endpoint", StringComparison.Ordinal));
        Assert.Contains(plan["private-api"].Actions, a => a.Contains("MOCK", StringComparison.Ordinal));
    }

    [Fact]
    public void Choosing_an_existing_endpoint_and_api_reuses_them_instead_of_creating()
    {
        var model = Model();
        model.ExistingVpcEndpointId = "vpce-0123456789abcdef0";
        model.ExistingRestApiId = "a1b2c3d4e5";
        model.ExistingStageName = "prod";

        var plan = DeploymentPlanner.Build(model).ToDictionary(s => s.Key);

        Assert.True(plan["vpc-endpoint"].Reuses);
        Assert.Contains("Reuse endpoint vpce-0123456789abcdef0", plan["vpc-endpoint"].Actions[0], StringComparison.Ordinal);
        Assert.DoesNotContain(plan["vpc-endpoint"].Actions, a => a.StartsWith("Create", StringComparison.Ordinal));
        Assert.True(plan["private-api"].Reuses);
        Assert.Contains("a1b2c3d4e5, stage prod", plan["private-api"].Actions[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Options_show_up_in_the_distribution_and_record_steps()
    {
        var model = Model();
        model.EnableIpv6 = true;
        model.GeoRestriction = GeoRestrictionKind.Allow;
        model.GeoRestrictionCountries = "DE, FR";
        model.OverwriteExistingRecord = true;

        var plan = DeploymentPlanner.Build(model).ToDictionary(s => s.Key);

        Assert.Contains(plan["distribution"].Actions, a => a.Contains("IPv6", StringComparison.Ordinal));
        Assert.Contains("Geo restriction: allow only DE, FR (CloudFront answers 403 to every other country)", plan["distribution"].Actions);
        Assert.StartsWith("UPSERT alias A and AAAA records api.demo.example.com", plan["dns-records"].Actions[0], StringComparison.Ordinal);
        Assert.Contains(plan["dns-records"].Actions, a => a.Contains("replaced", StringComparison.Ordinal));
    }

    [Fact]
    public void A_block_list_is_planned_upper_cased_and_once_per_country()
    {
        var model = Model();
        model.GeoRestriction = GeoRestrictionKind.Block;
        model.GeoRestrictionCountries = "ru kp";

        var plan = DeploymentPlanner.Build(model).ToDictionary(s => s.Key);

        Assert.Contains("Geo restriction: block RU, KP (CloudFront answers 403 there)", plan["distribution"].Actions);
    }
}
