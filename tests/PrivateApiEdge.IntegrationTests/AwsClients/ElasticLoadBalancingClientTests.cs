using System.Net;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using static PrivateApiEdge.IntegrationTests.AwsClients.ClientChains;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

public sealed class ElasticLoadBalancingClientTests
{
    [Fact]
    public async Task An_internal_alb_goes_from_provisioning_to_active_with_an_internal_dns_name()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "alb");

        var created = await CreateInternalAlbAsync(sandbox.Clients, "alb", group);
        var active = await Eventually.ReturnsAsync(
            async () => Assert.Single((await elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [created.LoadBalancerArn] }, Ct)).LoadBalancers),
            lb => lb.State?.Code == LoadBalancerState.Active,
            "the load balancer to be active");

        Assert.Matches($"^arn:aws:elasticloadbalancing:{Region}:{SandboxSeed.AccountId}:loadbalancer/app/{created.LoadBalancerName}/[0-9a-f]{{16}}$", created.LoadBalancerArn);
        Assert.True(created.State?.Code is LoadBalancerState.Provisioning or LoadBalancerState.Active, created.State?.Code);
        Assert.Equal(LoadBalancerState.Active, active.State?.Code);
        Assert.Matches($"^internal-{created.LoadBalancerName}-\\d+\\.{Region}\\.elb\\.amazonaws\\.com$", active.DnsName);
        Assert.Equal(("internal", "application", SandboxSeed.VpcId), (active.Scheme, active.Type, active.VpcId));
        Assert.Equal([group], active.SecurityGroups);
        Assert.Equal([SandboxSeed.SubnetAId, SandboxSeed.SubnetBId], active.AvailabilityZones.Select(z => z.SubnetId!).Order().ToList());
        Assert.False(string.IsNullOrEmpty(active.CanonicalHostedZoneId));
    }

    [Fact]
    public async Task Deletion_protection_blocks_DeleteLoadBalancer_with_OperationNotPermitted_until_it_is_turned_off()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "protected", await CreateSecurityGroupAsync(sandbox.Clients, "alb"));

        var modified = await elb.ModifyLoadBalancerAttributesAsync(new ModifyLoadBalancerAttributesRequest(alb.LoadBalancerArn,
            [new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "true"), new LoadBalancerAttribute(LoadBalancerAttribute.DropInvalidHeaderFieldsEnabled, "true")]), Ct);
        var attributes = await elb.DescribeLoadBalancerAttributesAsync(new DescribeLoadBalancerAttributesRequest(alb.LoadBalancerArn), Ct);
        var ex = await ExpectErrorAsync(() => elb.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest(alb.LoadBalancerArn), Ct), ElasticLoadBalancingErrorCodes.OperationNotPermitted);

        Assert.Contains(new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "true"), modified.Attributes);
        Assert.Contains(new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "true"), attributes.Attributes);
        Assert.Contains(new LoadBalancerAttribute(LoadBalancerAttribute.DropInvalidHeaderFieldsEnabled, "true"), attributes.Attributes);
        Assert.Equal(HttpStatusCode.BadRequest, ex.StatusCode);

        await elb.ModifyLoadBalancerAttributesAsync(new ModifyLoadBalancerAttributesRequest(alb.LoadBalancerArn,
            [new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "false")]), Ct);
        await elb.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest(alb.LoadBalancerArn), Ct);
        await ExpectErrorAsync(
            () => elb.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { LoadBalancerArns = [alb.LoadBalancerArn] }, Ct),
            ElasticLoadBalancingErrorCodes.LoadBalancerNotFound);
    }

    [Fact]
    public async Task A_target_group_a_listener_forwards_to_cannot_be_deleted_until_the_listener_is_gone()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "alb", await CreateSecurityGroupAsync(sandbox.Clients, "alb"));
        var targetGroup = await CreateIpTargetGroupAsync(sandbox.Clients, "tg");

        var listener = Assert.Single((await CreateHttpsListenerAsync(sandbox.Clients, alb.LoadBalancerArn, targetGroup.TargetGroupArn)).Listeners);
        var listeners = await elb.DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = alb.LoadBalancerArn }, Ct);
        var attached = Assert.Single((await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { LoadBalancerArn = alb.LoadBalancerArn }, Ct)).TargetGroups);
        var inUse = await ExpectErrorAsync(() => elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest(targetGroup.TargetGroupArn), Ct), ElasticLoadBalancingErrorCodes.ResourceInUse);

        Assert.Matches($"^arn:aws:elasticloadbalancing:{Region}:{SandboxSeed.AccountId}:listener/app/{alb.LoadBalancerName}/[0-9a-f]{{16}}/[0-9a-f]{{16}}$", listener.ListenerArn);
        var described = Assert.Single(listeners.Listeners);
        Assert.Equal((listener.ListenerArn, 443, "HTTPS"), (described.ListenerArn, described.Port, described.Protocol));
        Assert.Equal(SandboxSeed.RegionalCertificateArn, Assert.Single(described.Certificates).CertificateArn);
        Assert.Equal(("forward", targetGroup.TargetGroupArn), (Assert.Single(described.DefaultActions).Type, described.DefaultActions[0].TargetGroupArn));
        Assert.Equal([alb.LoadBalancerArn], attached.LoadBalancerArns);
        Assert.Equal(HttpStatusCode.BadRequest, inUse.StatusCode);

        await elb.DeleteListenerAsync(new DeleteListenerRequest(listener.ListenerArn), Ct);
        await elb.DeleteTargetGroupAsync(new DeleteTargetGroupRequest(targetGroup.TargetGroupArn), Ct);
        Assert.Empty((await elb.DescribeListenersAsync(new DescribeListenersRequest { LoadBalancerArn = alb.LoadBalancerArn }, Ct)).Listeners);
        await ExpectErrorAsync(
            () => elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { TargetGroupArns = [targetGroup.TargetGroupArn] }, Ct),
            ElasticLoadBalancingErrorCodes.TargetGroupNotFound);
    }

    [Fact]
    public async Task Targets_are_registered_reported_unused_without_a_listener_and_deregistered()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var targetGroup = await CreateIpTargetGroupAsync(sandbox.Clients, "tg");
        TargetDescription[] targets = [new("10.20.1.10", 443), new("10.20.2.10", 443)];

        await elb.RegisterTargetsAsync(new RegisterTargetsRequest(targetGroup.TargetGroupArn, targets), Ct);
        var health = await elb.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = targetGroup.TargetGroupArn }, Ct);

        Assert.Matches($"^arn:aws:elasticloadbalancing:{Region}:{SandboxSeed.AccountId}:targetgroup/{targetGroup.TargetGroupName}/[0-9a-f]{{16}}$", targetGroup.TargetGroupArn);
        Assert.Equal(("HTTPS", 443, "ip", "200,403"), (targetGroup.Protocol, targetGroup.Port, targetGroup.TargetType, targetGroup.Matcher?.HttpCode));
        Assert.Equal(["10.20.1.10", "10.20.2.10"], health.TargetHealthDescriptions.Select(d => d.Target.Id).Order().ToList());
        Assert.All(health.TargetHealthDescriptions, d => Assert.Equal("unused", d.TargetHealth?.State));

        await elb.DeregisterTargetsAsync(new DeregisterTargetsRequest(targetGroup.TargetGroupArn, [targets[0]]), Ct);
        var after = await Eventually.ReturnsAsync(
            () => elb.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = targetGroup.TargetGroupArn }, Ct),
            h => h.TargetHealthDescriptions.All(d => d.Target.Id != "10.20.1.10"),
            "the deregistered target to leave the target group");
        Assert.Equal("10.20.2.10", Assert.Single(after.TargetHealthDescriptions).Target.Id);
    }

    [Fact]
    public async Task Registering_a_target_that_is_not_an_ip_fails_with_InvalidTarget()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var targetGroup = await CreateIpTargetGroupAsync(sandbox.Clients, "tg");

        await ExpectErrorAsync(
            () => sandbox.Clients.ElasticLoadBalancing.RegisterTargetsAsync(new RegisterTargetsRequest(targetGroup.TargetGroupArn, [new TargetDescription("i-0123456789abcdef0", 443)]), Ct),
            ElasticLoadBalancingErrorCodes.InvalidTarget);
    }

    [Fact]
    public async Task Tags_round_trip_through_AddTags_and_DescribeTags()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var created = Assert.Single((await elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = Unique("tagged"),
            Protocol = "HTTPS",
            Port = 443,
            VpcId = SandboxSeed.VpcId,
            TargetType = "ip",
            Tags = [new ElbTag("Project", "PrivateApiEdge")],
        }, Ct)).TargetGroups);

        await elb.AddTagsAsync(new AddTagsRequest([created.TargetGroupArn], [new ElbTag("DeploymentId", sandbox.DeploymentId.ToString())]), Ct);
        var tags = Assert.Single((await elb.DescribeTagsAsync(new DescribeTagsRequest([created.TargetGroupArn]), Ct)).TagDescriptions);

        Assert.Equal(created.TargetGroupArn, tags.ResourceArn);
        Assert.Equal(
            [new ElbTag("DeploymentId", sandbox.DeploymentId.ToString()), new ElbTag("Project", "PrivateApiEdge")],
            tags.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList());
    }

    [Fact]
    public async Task Describe_calls_page_with_NextMarker()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var created = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            created.Add((await CreateIpTargetGroupAsync(sandbox.Clients, $"page{i}")).TargetGroupArn);
        }

        var first = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { PageSize = 2 }, Ct);
        var all = await elb.DescribeAllTargetGroupsAsync(new DescribeTargetGroupsRequest { PageSize = 2 }, Ct).ToListAsync(Ct);
        var byName = await elb.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = [first.TargetGroups[0].TargetGroupName!] }, Ct);
        var albs = await elb.DescribeAllLoadBalancersAsync(new DescribeLoadBalancersRequest { PageSize = 1 }, Ct).ToListAsync(Ct);

        Assert.Equal(2, first.TargetGroups.Count);
        Assert.NotNull(first.NextMarker);
        Assert.Equal(created.Order().ToList(), all.Select(t => t.TargetGroupArn).Order().ToList());
        Assert.Equal(first.TargetGroups[0].TargetGroupArn, Assert.Single(byName.TargetGroups).TargetGroupArn);
        Assert.Empty(albs);
    }

    [Fact]
    public async Task Creating_a_load_balancer_name_again_with_other_settings_fails_with_DuplicateLoadBalancerName()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var group = await CreateSecurityGroupAsync(sandbox.Clients, "alb");
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "dup", group);

        var same = await sandbox.Clients.ElasticLoadBalancing.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            Name = alb.LoadBalancerName!,
            Scheme = "internal",
            Type = "application",
            Subnets = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
            SecurityGroups = [group],
        }, Ct);
        await ExpectErrorAsync(() => sandbox.Clients.ElasticLoadBalancing.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            Name = alb.LoadBalancerName!,
            Scheme = "internal",
            Type = "application",
            Subnets = [SandboxSeed.SubnetAId, SandboxSeed.SubnetCId],
            SecurityGroups = [group],
        }, Ct), ElasticLoadBalancingErrorCodes.DuplicateLoadBalancerName);

        Assert.Equal(alb.LoadBalancerArn, Assert.Single(same.LoadBalancers).LoadBalancerArn);
    }

    [Fact]
    public async Task A_target_group_name_reused_with_other_settings_fails_with_DuplicateTargetGroupName_and_unknown_listeners_with_ListenerNotFound()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync();
        var elb = sandbox.Clients.ElasticLoadBalancing;
        var targetGroup = await CreateIpTargetGroupAsync(sandbox.Clients, "tg");

        await ExpectErrorAsync(() => elb.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = targetGroup.TargetGroupName!,
            Protocol = "HTTP",
            Port = 80,
            VpcId = SandboxSeed.VpcId,
            TargetType = "ip",
        }, Ct), ElasticLoadBalancingErrorCodes.DuplicateTargetGroupName);
        var listener = await ExpectErrorAsync(
            () => elb.DeleteListenerAsync(new DeleteListenerRequest(
                $"arn:aws:elasticloadbalancing:{Region}:{SandboxSeed.AccountId}:listener/app/none/0123456789abcdef/0123456789abcdef"), Ct),
            ElasticLoadBalancingErrorCodes.ListenerNotFound);

        Assert.Equal(HttpStatusCode.BadRequest, listener.StatusCode);
    }

    [Fact]
    public async Task Under_the_fast_profile_an_alb_is_seen_provisioning_and_then_active()
    {
        await using var sandbox = await AwsClientsSandbox.StartAsync("fast");
        var alb = await CreateInternalAlbAsync(sandbox.Clients, "slow", await CreateSecurityGroupAsync(sandbox.Clients, "alb"));
        var states = new List<string?>();

        var active = await Eventually.ReturnsAsync(
            async () =>
            {
                var lb = (await sandbox.Clients.ElasticLoadBalancing.DescribeLoadBalancersAsync(
                    new DescribeLoadBalancersRequest { LoadBalancerArns = [alb.LoadBalancerArn] }, Ct)).LoadBalancers.Single();
                states.Add(lb.State?.Code);
                return lb;
            },
            lb => lb.State?.Code == LoadBalancerState.Active,
            "the load balancer to be active");

        Assert.Equal(LoadBalancerState.Provisioning, alb.State?.Code);
        Assert.Equal(LoadBalancerState.Active, active.State?.Code);
        Assert.Equal([LoadBalancerState.Provisioning, LoadBalancerState.Active], states.Distinct().ToList());
    }
}
