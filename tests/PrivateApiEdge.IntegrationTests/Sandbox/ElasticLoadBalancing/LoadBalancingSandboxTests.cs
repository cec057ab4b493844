using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using PrivateApiEdge.IntegrationTests.Sandbox.DataPath;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.Ec2;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.ElasticLoadBalancing;

public sealed partial class LoadBalancingSandboxTests
{
    [Fact]
    public async Task An_internal_load_balancer_is_provisioning_until_its_lifecycle_passes_then_active()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("fast", time);
        var albSg = sandbox.CreateSecurityGroup("alb");

        var created = await EdgeChains.CreateLoadBalancerAsync(sandbox, "lifecycle-alb", albSg);
        Assert.Equal("provisioning", created.Descendants(Elb + "Code").Single().Value);

        time.Advance(TimeSpan.FromSeconds(5));
        var described = await sandbox.ElbOkAsync("DescribeLoadBalancers", ("Names.member.1", "lifecycle-alb"));
        Assert.Equal("active", described.Descendants(Elb + "Code").Single().Value);
    }

    [Fact]
    public async Task An_internal_load_balancer_has_an_internal_dns_name_and_an_eni_with_its_security_group_per_subnet()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var albSg = sandbox.CreateSecurityGroup("alb");

        var lb = await EdgeChains.CreateLoadBalancerAsync(sandbox, "dns-alb", albSg);

        var dnsName = lb.Descendants(Elb + "DNSName").Single().Value;
        Assert.Matches(InternalDnsName(), dnsName);
        Assert.Equal("internal", lb.Descendants(Elb + "Scheme").Single().Value);
        var arn = lb.Descendants(Elb + "LoadBalancerArn").Single().Value;
        var enis = sandbox.World.Read(w => w.Part<Ec2State>().NetworkInterfaces.Where(n => n.OwnerResourceId == arn).ToList());
        Assert.Equal([SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], enis.Select(e => e.SubnetId).Order());
        Assert.All(enis, eni => Assert.Equal([albSg], eni.GroupIds));
    }

    [Fact]
    public async Task Creating_a_load_balancer_again_with_the_same_settings_returns_the_same_one_and_other_settings_fail()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var albSg = sandbox.CreateSecurityGroup("alb");
        var first = await EdgeChains.CreateLoadBalancerAsync(sandbox, "idem-alb", albSg);

        var again = await EdgeChains.CreateLoadBalancerAsync(sandbox, "idem-alb", albSg);
        var other = await sandbox.ElbErrorAsync("CreateLoadBalancer", ("Name", "idem-alb"), ("Scheme", "internal"),
            ("Subnets.member.1", SandboxSeed.SubnetAId), ("Subnets.member.2", SandboxSeed.SubnetCId), ("SecurityGroups.member.1", albSg));

        Assert.Equal(first.Descendants(Elb + "LoadBalancerArn").Single().Value, again.Descendants(Elb + "LoadBalancerArn").Single().Value);
        Assert.Equal("DuplicateLoadBalancerName", other);
    }

    [Fact]
    public async Task A_delayed_consistency_fault_hides_a_new_load_balancer_from_describe_for_a_while()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("instant", time);
        sandbox.Host.Faults.Add(new PrivateApiEdge.Sandbox.Core.Faults.SandboxFaultRule
        {
            Kind = "delayed-consistency",
            Service = "elasticloadbalancing",
            Operation = "CreateLoadBalancer",
            Count = 1,
            DelayMs = 2000,
        });
        var arn = (await EdgeChains.CreateLoadBalancerAsync(sandbox, "late-alb", sandbox.CreateSecurityGroup("alb")))
            .Descendants(Elb + "LoadBalancerArn").Single().Value;

        Assert.Equal("LoadBalancerNotFound", await sandbox.ElbErrorAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn)));
        time.Advance(TimeSpan.FromSeconds(3));
        await sandbox.ElbOkAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn));
    }

    [Fact]
    public async Task A_load_balancer_created_without_security_groups_gets_the_vpc_default_group()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        var lb = await sandbox.ElbOkAsync("CreateLoadBalancer", ("Name", "default-sg"), ("Scheme", "internal"),
            ("Subnets.member.1", SandboxSeed.SubnetAId), ("Subnets.member.2", SandboxSeed.SubnetBId));

        Assert.Equal([SandboxSeed.DefaultSecurityGroupId], lb.Descendants(Elb + "SecurityGroups").Single().Elements().Select(e => e.Value));
    }

    [Fact]
    public async Task A_load_balancer_needs_subnets_in_two_availability_zones()
    {
        await using var sandbox = await SandboxFixture.StartAsync();

        var code = await sandbox.ElbErrorAsync("CreateLoadBalancer", ("Name", "one-az"), ("Scheme", "internal"),
            ("Subnets.member.1", SandboxSeed.SubnetAId));

        Assert.Equal("InvalidConfigurationRequest", code);
    }

    [Fact]
    public async Task Delete_fails_with_OperationNotPermitted_while_deletion_protection_is_enabled()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var arn = (await EdgeChains.CreateLoadBalancerAsync(sandbox, "protected-alb", sandbox.CreateSecurityGroup("alb")))
            .Descendants(Elb + "LoadBalancerArn").Single().Value;
        var modified = await sandbox.ElbOkAsync("ModifyLoadBalancerAttributes", ("LoadBalancerArn", arn),
            ("Attributes.member.1.Key", "deletion_protection.enabled"), ("Attributes.member.1.Value", "true"));
        Assert.Contains(modified.Descendants(Elb + "member"), m => m.Element(Elb + "Key")?.Value == "deletion_protection.enabled" && m.Element(Elb + "Value")?.Value == "true");

        Assert.Equal("OperationNotPermitted", await sandbox.ElbErrorAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn)));

        await sandbox.ElbOkAsync("ModifyLoadBalancerAttributes", ("LoadBalancerArn", arn),
            ("Attributes.member.1.Key", "deletion_protection.enabled"), ("Attributes.member.1.Value", "false"));
        await sandbox.ElbOkAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn));
        Assert.Equal("LoadBalancerNotFound", await sandbox.ElbErrorAsync("DescribeLoadBalancers", ("LoadBalancerArns.member.1", arn)));
        Assert.Empty(sandbox.World.Read(w => w.Part<Ec2State>().NetworkInterfaces.Where(n => n.OwnerResourceId == arn).ToList()));
    }

    [Fact]
    public async Task Deleting_a_target_group_a_listener_forwards_to_fails_with_ResourceInUse()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "inuse", matcher: "200,403");

        Assert.Equal("ResourceInUse", await sandbox.ElbErrorAsync("DeleteTargetGroup", ("TargetGroupArn", stack.TargetGroupArn)));

        await sandbox.ElbOkAsync("DeleteListener", ("ListenerArn", stack.ListenerArn));
        await sandbox.ElbOkAsync("DeleteTargetGroup", ("TargetGroupArn", stack.TargetGroupArn));
    }

    [Fact]
    public async Task Creating_a_target_group_again_with_other_settings_fails_with_DuplicateTargetGroupName()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var first = await EdgeChains.CreateTargetGroupAsync(sandbox, "dup-tg", "200,403");

        var again = await EdgeChains.CreateTargetGroupAsync(sandbox, "dup-tg", "200,403");
        var other = await sandbox.ElbErrorAsync("CreateTargetGroup", ("Name", "dup-tg"), ("Protocol", "HTTPS"), ("Port", "443"),
            ("VpcId", SandboxSeed.VpcId), ("TargetType", "ip"), ("Matcher.HttpCode", "200"));

        Assert.Equal(first, again);
        Assert.Equal("DuplicateTargetGroupName", other);
    }

    [Fact]
    public async Task Endpoint_targets_are_healthy_when_the_chain_is_open_and_the_matcher_accepts_403()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "healthy", matcher: "200,403");

        var states = await TargetStatesAsync(sandbox, stack.TargetGroupArn);

        Assert.Equal(["healthy", "healthy"], states.Select(s => s.State));
    }

    [Fact]
    public async Task Endpoint_targets_are_unhealthy_with_a_matcher_of_200_only()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "mismatch", matcher: "200");

        var states = await TargetStatesAsync(sandbox, stack.TargetGroupArn);

        Assert.All(states, s => Assert.Equal(("unhealthy", "Target.ResponseCodeMismatch"), (s.State, s.Reason)));
    }

    [Fact]
    public async Task Modifying_the_matcher_to_accept_403_makes_endpoint_targets_healthy()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var chain = await EdgeChains.CreateAlbChainAsync(sandbox, "modify", matcher: "200");

        var modified = await sandbox.ElbOkAsync("ModifyTargetGroup", ("TargetGroupArn", chain.TargetGroupArn), ("Matcher.HttpCode", "200,403"));

        Assert.Equal("200,403", modified.Descendants(Elb + "HttpCode").Single().Value);
        Assert.All(await TargetStatesAsync(sandbox, chain.TargetGroupArn), s => Assert.Equal("healthy", s.State));
    }

    [Fact]
    public async Task Endpoint_targets_time_out_when_the_endpoint_security_group_does_not_admit_the_load_balancer()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "noingress", matcher: "200,403");
        sandbox.RevokeAll(stack.EndpointSecurityGroupId, egress: false);

        var states = await TargetStatesAsync(sandbox, stack.TargetGroupArn);

        Assert.All(states, s => Assert.Equal(("unhealthy", "Target.Timeout"), (s.State, s.Reason)));
    }

    [Fact]
    public async Task Endpoint_targets_time_out_when_the_load_balancer_security_group_has_no_egress_to_the_endpoint()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "noegress", matcher: "200,403");
        sandbox.RevokeAll(stack.LoadBalancerSecurityGroupId, egress: true);

        var states = await TargetStatesAsync(sandbox, stack.TargetGroupArn);

        Assert.All(states, s => Assert.Equal(("unhealthy", "Target.Timeout"), (s.State, s.Reason)));
    }

    [Fact]
    public async Task Targets_are_initial_while_the_health_checks_run_and_healthy_afterwards()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await SandboxFixture.StartAsync("fast", time);
        var stack = await EdgeChains.CreateAlbChainAsync(sandbox, "initial", matcher: "200,403");

        time.Advance(TimeSpan.FromSeconds(2.5));
        Assert.All(await TargetStatesAsync(sandbox, stack.TargetGroupArn), s => Assert.Equal("initial", s.State));

        time.Advance(TimeSpan.FromSeconds(5));
        Assert.All(await TargetStatesAsync(sandbox, stack.TargetGroupArn), s => Assert.Equal("healthy", s.State));
    }

    [Fact]
    public async Task Targets_of_a_group_no_listener_uses_are_unused()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var tg = await EdgeChains.CreateTargetGroupAsync(sandbox, "unused-tg", "200,403");
        await sandbox.ElbOkAsync("RegisterTargets", ("TargetGroupArn", tg), ("Targets.member.1.Id", "10.20.1.10"), ("Targets.member.1.Port", "443"));

        var states = await TargetStatesAsync(sandbox, tg);

        Assert.Equal([("unused", "Target.NotInUse")], states.Select(s => (s.State, s.Reason)));
    }

    [Fact]
    public async Task Tags_added_to_a_load_balancer_are_described()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var arn = (await EdgeChains.CreateLoadBalancerAsync(sandbox, "tagged-alb", sandbox.CreateSecurityGroup("alb")))
            .Descendants(Elb + "LoadBalancerArn").Single().Value;

        await sandbox.ElbOkAsync("AddTags", ("ResourceArns.member.1", arn), ("Tags.member.1.Key", "privateapiedge:deployment"), ("Tags.member.1.Value", "d-1"));
        var tags = await sandbox.ElbOkAsync("DescribeTags", ("ResourceArns.member.1", arn));

        Assert.Equal("d-1", tags.Descendants(Elb + "Tags").Single().Elements().Single(m => m.Element(Elb + "Key")!.Value == "privateapiedge:deployment").Element(Elb + "Value")!.Value);
    }

    [Fact]
    public async Task The_security_group_of_a_load_balancer_cannot_be_deleted_until_the_load_balancer_is_gone()
    {
        await using var sandbox = await SandboxFixture.StartAsync();
        var albSg = sandbox.CreateSecurityGroup("busy");
        var arn = (await EdgeChains.CreateLoadBalancerAsync(sandbox, "busy-alb", albSg)).Descendants(Elb + "LoadBalancerArn").Single().Value;
        using var ec2 = sandbox.Ec2();

        var refused = await Assert.ThrowsAsync<Amazon.EC2.AmazonEC2Exception>(() =>
            ec2.DeleteSecurityGroupAsync(new Amazon.EC2.Model.DeleteSecurityGroupRequest { GroupId = albSg }, TestContext.Current.CancellationToken));
        Assert.Equal("DependencyViolation", refused.ErrorCode);

        await sandbox.ElbOkAsync("DeleteLoadBalancer", ("LoadBalancerArn", arn));
        await ec2.DeleteSecurityGroupAsync(new Amazon.EC2.Model.DeleteSecurityGroupRequest { GroupId = albSg }, TestContext.Current.CancellationToken);
        Assert.DoesNotContain("busy", sandbox.SecurityGroupNames());
    }

    private static async Task<List<(string State, string? Reason)>> TargetStatesAsync(SandboxFixture sandbox, string targetGroupArn)
    {
        var health = await sandbox.ElbOkAsync("DescribeTargetHealth", ("TargetGroupArn", targetGroupArn));
        return [.. health.Descendants(Elb + "TargetHealth").Select(h => (h.Element(Elb + "State")!.Value, h.Element(Elb + "Reason")?.Value))];
    }

    [GeneratedRegex(@"^internal-dns-alb-\d{10}\.eu-west-1\.elb\.amazonaws\.com$")]
    private static partial Regex InternalDnsName();
}
