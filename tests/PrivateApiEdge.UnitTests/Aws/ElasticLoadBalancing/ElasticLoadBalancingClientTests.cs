using System.Net;
using System.Xml.Linq;
using PrivateApiEdge.UnitTests.AwsModels;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;

namespace PrivateApiEdge.UnitTests.Aws.ElasticLoadBalancing;

public sealed class ElasticLoadBalancingClientTests : IDisposable
{
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/pae-1234/50dc6c495c0c9188";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/pae-1234/73e2d6bc24d8a067";
    private const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/pae-1234/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/3f2a1b7c-0d6e-4e0f-9a1b-2c3d4e5f6a7b";

    private static readonly AwsModel Model = AwsModel.Load("elbv2");

    // No retries: each scripted answer is seen exactly once, so error tests see the error itself.
    private readonly AwsTestPipeline _pipeline = new(maxRetryAttempts: 0);
    private readonly ElasticLoadBalancingClient _client;

    public ElasticLoadBalancingClientTests()
    {
        _client = new ElasticLoadBalancingClient(_pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.ElasticLoadBalancingV2));
    }

    private RecordedRequest Sent => _pipeline.Transport.OnlyRequest;

    public void Dispose() => _pipeline.Dispose();

    [Fact]
    public async Task CreateLoadBalancer_posts_an_internal_application_load_balancer_form_and_reads_the_new_balancer()
    {
        Answer(ElbXml.Response("CreateLoadBalancer", $"<LoadBalancers>{ElbXml.LoadBalancer(LoadBalancerArn, "provisioning")}</LoadBalancers>"));

        var response = await _client.CreateLoadBalancerAsync(
            new CreateLoadBalancerRequest
            {
                Name = "pae-1234",
                Type = "application",
                Scheme = "internal",
                Subnets = ["subnet-a", "subnet-b"],
                SecurityGroups = ["sg-alb"],
                Tags = [new ElbTag("privateapiedge:deployment", "1234"), new ElbTag("privateapiedge:step", "load-balancer")],
            },
            TestContext.Current.CancellationToken);

        var sent = Sent;
        AssertRequestsConformToModel();

        Assert.Equal(HttpMethod.Post, sent.Message.Method);
        Assert.Equal("https://elasticloadbalancing.eu-west-1.amazonaws.com/", sent.Message.RequestUri!.ToString());
        Assert.Equal("application/x-www-form-urlencoded", sent.Message.Content!.Headers.ContentType!.MediaType);
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "CreateLoadBalancer",
                ["Version"] = "2015-12-01",
                ["Name"] = "pae-1234",
                ["Subnets.member.1"] = "subnet-a",
                ["Subnets.member.2"] = "subnet-b",
                ["SecurityGroups.member.1"] = "sg-alb",
                ["Scheme"] = "internal",
                ["Tags.member.1.Key"] = "privateapiedge:deployment",
                ["Tags.member.1.Value"] = "1234",
                ["Tags.member.2.Key"] = "privateapiedge:step",
                ["Tags.member.2.Value"] = "load-balancer",
                ["Type"] = "application",
            },
            sent.Form());

        var balancer = Assert.Single(response.LoadBalancers);
        Assert.Equal(LoadBalancerArn, balancer.LoadBalancerArn);
        Assert.Equal("internal-pae-1234-1234567890.eu-west-1.elb.amazonaws.com", balancer.DnsName);
        Assert.Equal("Z32O12XQLNTSW2", balancer.CanonicalHostedZoneId);
        Assert.Equal(LoadBalancerState.Provisioning, balancer.State?.Code);
        Assert.Equal("internal", balancer.Scheme);
        Assert.Equal("vpc-1", balancer.VpcId);
        Assert.Equal(["subnet-a", "subnet-b"], balancer.AvailabilityZones.Select(z => z.SubnetId));
        Assert.Equal(["sg-alb"], balancer.SecurityGroups);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 1, 2, 3, 450, TimeSpan.Zero), balancer.CreatedTime);
    }

    [Fact]
    public async Task DescribeLoadBalancers_asks_by_name_and_returns_the_next_marker()
    {
        Answer(ElbXml.Response("DescribeLoadBalancers", $"<LoadBalancers>{ElbXml.LoadBalancer(LoadBalancerArn, "active")}</LoadBalancers><NextMarker>page-2</NextMarker>"));

        var response = await _client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest { Names = ["pae-1234"], PageSize = 20 }, TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DescribeLoadBalancers", ["Version"] = "2015-12-01", ["Names.member.1"] = "pae-1234", ["PageSize"] = "20" },
            Sent.Form());
        Assert.Equal(LoadBalancerState.Active, Assert.Single(response.LoadBalancers).State?.Code);
        Assert.Equal("page-2", response.NextMarker);
    }

    [Fact]
    public async Task DescribeAllLoadBalancers_follows_NextMarker_until_the_last_page()
    {
        Answer(ElbXml.Response("DescribeLoadBalancers", $"<LoadBalancers>{ElbXml.LoadBalancer(LoadBalancerArn + "1", "active")}</LoadBalancers><NextMarker>m2</NextMarker>"));
        Answer(ElbXml.Response("DescribeLoadBalancers", $"<LoadBalancers>{ElbXml.LoadBalancer(LoadBalancerArn + "2", "active")}</LoadBalancers><NextMarker>m3</NextMarker>"));
        Answer(ElbXml.Response("DescribeLoadBalancers", $"<LoadBalancers>{ElbXml.LoadBalancer(LoadBalancerArn + "3", "active")}</LoadBalancers>"));

        var all = await _client.DescribeAllLoadBalancersAsync(new DescribeLoadBalancersRequest(), TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal([LoadBalancerArn + "1", LoadBalancerArn + "2", LoadBalancerArn + "3"], all.Select(b => b.LoadBalancerArn));
        Assert.Equal([null, "m2", "m3"], _pipeline.Transport.Requests.Select(r => r.Form().GetValueOrDefault("Marker")));
    }

    [Fact]
    public async Task DeleteLoadBalancer_sends_the_arn()
    {
        Answer(ElbXml.Response("DeleteLoadBalancer", ""));

        await _client.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest(LoadBalancerArn), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DeleteLoadBalancer", ["Version"] = "2015-12-01", ["LoadBalancerArn"] = LoadBalancerArn },
            Sent.Form());
    }

    [Fact]
    public async Task DescribeLoadBalancerAttributes_reads_deletion_protection()
    {
        Answer(ElbXml.Response("DescribeLoadBalancerAttributes", ElbXml.Attributes(("deletion_protection.enabled", "true"), ("idle_timeout.timeout_seconds", "60"))));

        var response = await _client.DescribeLoadBalancerAttributesAsync(new DescribeLoadBalancerAttributesRequest(LoadBalancerArn), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal("DescribeLoadBalancerAttributes", Sent.Form()["Action"]);
        Assert.Equal(LoadBalancerArn, Sent.Form()["LoadBalancerArn"]);
        Assert.Equal("true", response.Attributes.Single(a => a.Key == LoadBalancerAttribute.DeletionProtectionEnabled).Value);
    }

    [Fact]
    public async Task ModifyLoadBalancerAttributes_sends_each_attribute_as_a_key_value_member()
    {
        Answer(ElbXml.Response("ModifyLoadBalancerAttributes", ElbXml.Attributes(("deletion_protection.enabled", "false"), ("routing.http.drop_invalid_header_fields.enabled", "true"))));

        var response = await _client.ModifyLoadBalancerAttributesAsync(
            new ModifyLoadBalancerAttributesRequest(LoadBalancerArn, [
                new LoadBalancerAttribute(LoadBalancerAttribute.DeletionProtectionEnabled, "false"),
                new LoadBalancerAttribute(LoadBalancerAttribute.DropInvalidHeaderFieldsEnabled, "true")]),
            TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "ModifyLoadBalancerAttributes",
                ["Version"] = "2015-12-01",
                ["LoadBalancerArn"] = LoadBalancerArn,
                ["Attributes.member.1.Key"] = "deletion_protection.enabled",
                ["Attributes.member.1.Value"] = "false",
                ["Attributes.member.2.Key"] = "routing.http.drop_invalid_header_fields.enabled",
                ["Attributes.member.2.Value"] = "true",
            },
            Sent.Form());
        Assert.Equal(2, response.Attributes.Count);
    }

    [Fact]
    public async Task CreateTargetGroup_sends_an_https_ip_group_with_https_health_checks_matching_200_and_403()
    {
        Answer(ElbXml.Response("CreateTargetGroup", $"<TargetGroups>{ElbXml.TargetGroup(TargetGroupArn)}</TargetGroups>"));

        var response = await _client.CreateTargetGroupAsync(
            new CreateTargetGroupRequest
            {
                Name = "pae-1234",
                Protocol = "HTTPS",
                Port = 443,
                VpcId = "vpc-1",
                TargetType = "ip",
                HealthCheckProtocol = "HTTPS",
                HealthCheckPath = "/",
                Matcher = new Matcher("200,403"),
                Tags = [new ElbTag("privateapiedge:deployment", "1234")],
            },
            TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "CreateTargetGroup",
                ["Version"] = "2015-12-01",
                ["Name"] = "pae-1234",
                ["Protocol"] = "HTTPS",
                ["Port"] = "443",
                ["VpcId"] = "vpc-1",
                ["HealthCheckProtocol"] = "HTTPS",
                ["HealthCheckPath"] = "/",
                ["Matcher.HttpCode"] = "200,403",
                ["TargetType"] = "ip",
                ["Tags.member.1.Key"] = "privateapiedge:deployment",
                ["Tags.member.1.Value"] = "1234",
            },
            Sent.Form());
        var group = Assert.Single(response.TargetGroups);
        Assert.Equal(TargetGroupArn, group.TargetGroupArn);
        Assert.Equal("HTTPS", group.HealthCheckProtocol);
        Assert.Equal("200,403", group.Matcher?.HttpCode);
        Assert.Equal(443, group.Port);
        Assert.Equal("ip", group.TargetType);
        Assert.Equal([LoadBalancerArn], group.LoadBalancerArns);
    }

    [Fact]
    public async Task DescribeAllTargetGroups_follows_NextMarker_and_keeps_the_filter_on_every_page()
    {
        Answer(ElbXml.Response("DescribeTargetGroups", $"<TargetGroups>{ElbXml.TargetGroup(TargetGroupArn + "1")}</TargetGroups><NextMarker>m2</NextMarker>"));
        Answer(ElbXml.Response("DescribeTargetGroups", $"<TargetGroups>{ElbXml.TargetGroup(TargetGroupArn + "2")}</TargetGroups>"));

        var all = await _client.DescribeAllTargetGroupsAsync(new DescribeTargetGroupsRequest { LoadBalancerArn = LoadBalancerArn }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal([TargetGroupArn + "1", TargetGroupArn + "2"], all.Select(g => g.TargetGroupArn));
        Assert.All(_pipeline.Transport.Requests, r => Assert.Equal(LoadBalancerArn, r.Form()["LoadBalancerArn"]));
        Assert.Equal([null, "m2"], _pipeline.Transport.Requests.Select(r => r.Form().GetValueOrDefault("Marker")));
    }

    [Fact]
    public async Task DeleteTargetGroup_sends_the_arn()
    {
        Answer(ElbXml.Response("DeleteTargetGroup", ""));

        await _client.DeleteTargetGroupAsync(new DeleteTargetGroupRequest(TargetGroupArn), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DeleteTargetGroup", ["Version"] = "2015-12-01", ["TargetGroupArn"] = TargetGroupArn },
            Sent.Form());
    }

    [Fact]
    public async Task RegisterTargets_sends_each_endpoint_ip_with_its_port()
    {
        Answer(ElbXml.Response("RegisterTargets", ""));

        await _client.RegisterTargetsAsync(new RegisterTargetsRequest(TargetGroupArn, [new TargetDescription("10.0.1.15", 443), new TargetDescription("10.0.2.27", 443)]), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "RegisterTargets",
                ["Version"] = "2015-12-01",
                ["TargetGroupArn"] = TargetGroupArn,
                ["Targets.member.1.Id"] = "10.0.1.15",
                ["Targets.member.1.Port"] = "443",
                ["Targets.member.2.Id"] = "10.0.2.27",
                ["Targets.member.2.Port"] = "443",
            },
            Sent.Form());
    }

    [Fact]
    public async Task DeregisterTargets_sends_the_targets_to_remove()
    {
        Answer(ElbXml.Response("DeregisterTargets", ""));

        await _client.DeregisterTargetsAsync(new DeregisterTargetsRequest(TargetGroupArn, [new TargetDescription("10.0.1.15", 443)]), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal("DeregisterTargets", Sent.Form()["Action"]);
        Assert.Equal("10.0.1.15", Sent.Form()["Targets.member.1.Id"]);
    }

    [Fact]
    public async Task DescribeTargetHealth_reads_each_target_state_and_reason()
    {
        Answer(ElbXml.Response("DescribeTargetHealth", """
            <TargetHealthDescriptions>
              <member><Target><Id>10.0.1.15</Id><Port>443</Port><AvailabilityZone>eu-west-1a</AvailabilityZone></Target><HealthCheckPort>443</HealthCheckPort><TargetHealth><State>healthy</State></TargetHealth></member>
              <member><Target><Id>10.0.2.27</Id><Port>443</Port></Target><HealthCheckPort>443</HealthCheckPort><TargetHealth><State>initial</State><Reason>Elb.InitialHealthChecking</Reason><Description>Initial health checks in progress</Description></TargetHealth></member>
            </TargetHealthDescriptions>
            """));

        var response = await _client.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = TargetGroupArn }, TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DescribeTargetHealth", ["Version"] = "2015-12-01", ["TargetGroupArn"] = TargetGroupArn },
            Sent.Form());
        Assert.Collection(
            response.TargetHealthDescriptions,
            d =>
            {
                Assert.Equal(new TargetDescription("10.0.1.15", 443, "eu-west-1a"), d.Target);
                Assert.Equal(TargetHealth.Healthy, d.TargetHealth?.State);
            },
            d =>
            {
                Assert.Equal("10.0.2.27", d.Target.Id);
                Assert.Equal(new TargetHealth("initial", "Elb.InitialHealthChecking", "Initial health checks in progress"), d.TargetHealth);
            });
    }

    [Fact]
    public async Task CreateListener_sends_https_443_with_certificate_policy_and_forward_action()
    {
        Answer(ElbXml.Response("CreateListener", $"<Listeners>{ElbXml.Listener(ListenerArn, LoadBalancerArn, TargetGroupArn, CertificateArn)}</Listeners>"));

        var response = await _client.CreateListenerAsync(
            new CreateListenerRequest
            {
                LoadBalancerArn = LoadBalancerArn,
                Protocol = "HTTPS",
                Port = 443,
                SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
                Certificates = [new ListenerCertificate(CertificateArn)],
                DefaultActions = [ListenerAction.Forward(TargetGroupArn)],
            },
            TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "CreateListener",
                ["Version"] = "2015-12-01",
                ["LoadBalancerArn"] = LoadBalancerArn,
                ["Protocol"] = "HTTPS",
                ["Port"] = "443",
                ["SslPolicy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
                ["Certificates.member.1.CertificateArn"] = CertificateArn,
                ["DefaultActions.member.1.Type"] = "forward",
                ["DefaultActions.member.1.TargetGroupArn"] = TargetGroupArn,
            },
            Sent.Form());
        var listener = Assert.Single(response.Listeners);
        Assert.Equal(ListenerArn, listener.ListenerArn);
        Assert.Equal(443, listener.Port);
        Assert.Equal(CertificateArn, Assert.Single(listener.Certificates).CertificateArn);
        Assert.Equal(ListenerAction.Forward(TargetGroupArn), Assert.Single(listener.DefaultActions));
    }

    [Fact]
    public async Task DescribeAllListeners_follows_NextMarker()
    {
        Answer(ElbXml.Response("DescribeListeners", $"<Listeners>{ElbXml.Listener(ListenerArn + "1", LoadBalancerArn, TargetGroupArn, CertificateArn)}</Listeners><NextMarker>m2</NextMarker>"));
        Answer(ElbXml.Response("DescribeListeners", $"<Listeners>{ElbXml.Listener(ListenerArn + "2", LoadBalancerArn, TargetGroupArn, CertificateArn)}</Listeners>"));

        var all = await _client.DescribeAllListenersAsync(new DescribeListenersRequest { LoadBalancerArn = LoadBalancerArn }, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal([ListenerArn + "1", ListenerArn + "2"], all.Select(l => l.ListenerArn));
        Assert.Equal([null, "m2"], _pipeline.Transport.Requests.Select(r => r.Form().GetValueOrDefault("Marker")));
    }

    [Fact]
    public async Task DeleteListener_sends_the_arn()
    {
        Answer(ElbXml.Response("DeleteListener", ""));

        await _client.DeleteListenerAsync(new DeleteListenerRequest(ListenerArn), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string> { ["Action"] = "DeleteListener", ["Version"] = "2015-12-01", ["ListenerArn"] = ListenerArn },
            Sent.Form());
    }

    [Fact]
    public async Task AddTags_sends_resources_and_tags()
    {
        Answer(ElbXml.Response("AddTags", ""));

        await _client.AddTagsAsync(new AddTagsRequest([LoadBalancerArn, TargetGroupArn], [new ElbTag("privateapiedge:deployment", "1234")]), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["Action"] = "AddTags",
                ["Version"] = "2015-12-01",
                ["ResourceArns.member.1"] = LoadBalancerArn,
                ["ResourceArns.member.2"] = TargetGroupArn,
                ["Tags.member.1.Key"] = "privateapiedge:deployment",
                ["Tags.member.1.Value"] = "1234",
            },
            Sent.Form());
    }

    [Fact]
    public async Task DescribeTags_reads_the_tags_of_each_resource()
    {
        Answer(ElbXml.Response("DescribeTags", $"""
            <TagDescriptions>
              <member><ResourceArn>{LoadBalancerArn}</ResourceArn><Tags><member><Key>privateapiedge:deployment</Key><Value>1234</Value></member><member><Key>privateapiedge:step</Key><Value>load-balancer</Value></member></Tags></member>
            </TagDescriptions>
            """));

        var response = await _client.DescribeTagsAsync(new DescribeTagsRequest([LoadBalancerArn]), TestContext.Current.CancellationToken);

        AssertRequestsConformToModel();

        Assert.Equal(LoadBalancerArn, Sent.Form()["ResourceArns.member.1"]);
        var description = Assert.Single(response.TagDescriptions);
        Assert.Equal(LoadBalancerArn, description.ResourceArn);
        Assert.Equal([new ElbTag("privateapiedge:deployment", "1234"), new ElbTag("privateapiedge:step", "load-balancer")], description.Tags);
    }

    [Theory]
    [InlineData(ElasticLoadBalancingErrorCodes.LoadBalancerNotFound, "Load balancers '[arn]' not found")]
    [InlineData(ElasticLoadBalancingErrorCodes.TargetGroupNotFound, "Target groups '[arn]' not found")]
    [InlineData(ElasticLoadBalancingErrorCodes.ResourceInUse, "Target group 'arn' is currently in use by a listener or a rule")]
    [InlineData(ElasticLoadBalancingErrorCodes.OperationNotPermitted, "Load balancer 'arn' cannot be deleted because deletion protection is enabled")]
    [InlineData(ElasticLoadBalancingErrorCodes.DuplicateLoadBalancerName, "A load balancer with the same name 'pae-1234' exists, but with different settings")]
    [InlineData(ElasticLoadBalancingErrorCodes.DuplicateTargetGroupName, "A target group with the same name 'pae-1234' exists, but with different settings")]
    [InlineData(ElasticLoadBalancingErrorCodes.InvalidTarget, "The following targets are not in the target group's VPC: '10.9.9.9'")]
    [InlineData(ElasticLoadBalancingErrorCodes.Throttling, "Rate exceeded")]
    public async Task An_error_answer_becomes_AwsApiException_with_the_model_error_code(string code, string message)
    {
        _pipeline.Transport.Respond(HttpStatusCode.BadRequest, ElbXml.Error(code, message, "6b2f5bd3-0c1e-4a39-9b8c-1f0e2d3c4b5a"));

        var exception = await Assert.ThrowsAsync<AwsApiException>(() =>
            _client.DeleteLoadBalancerAsync(new DeleteLoadBalancerRequest(LoadBalancerArn), TestContext.Current.CancellationToken));

        AssertRequestsConformToModel();

        Assert.Equal(code, exception.ErrorCode);
        Assert.Equal(message, exception.AwsMessage);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal("6b2f5bd3-0c1e-4a39-9b8c-1f0e2d3c4b5a", exception.RequestId);
        Assert.Equal("elasticloadbalancing", exception.Service);
        Assert.Equal("DeleteLoadBalancer", exception.Operation);
    }

    [Fact]
    public async Task An_answer_without_the_result_element_is_a_format_error_not_an_empty_list()
    {
        _pipeline.Transport.Respond(HttpStatusCode.OK, "<DescribeLoadBalancersResponse xmlns=\"http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/\"/>");

        await Assert.ThrowsAsync<FormatException>(() =>
            _client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_answer_without_the_xml_namespace_is_still_read_as_the_sdks_do()
    {
        _pipeline.Transport.Respond(HttpStatusCode.OK, ElbXml.Response("DescribeTargetGroups", $"<TargetGroups>{ElbXml.TargetGroup(TargetGroupArn)}</TargetGroups>").Replace($" xmlns=\"{ElbXml.Namespace}\"", "", StringComparison.Ordinal));

        var response = await _client.DescribeTargetGroupsAsync(new DescribeTargetGroupsRequest { Names = ["pae-1234"] }, TestContext.Current.CancellationToken);

        Assert.Equal(TargetGroupArn, Assert.Single(response.TargetGroups).TargetGroupArn);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_pipeline_and_each_attempt_is_signed_afresh()
    {
        using var pipeline = new AwsTestPipeline(maxRetryAttempts: 2);
        var client = new ElasticLoadBalancingClient(pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1"), AwsService.ElasticLoadBalancingV2));
        pipeline.Transport.Respond(HttpStatusCode.BadRequest, ElbXml.Error(ElasticLoadBalancingErrorCodes.Throttling, "Rate exceeded", "r-1"))
            .Respond(HttpStatusCode.OK, ElbXml.Response("DescribeTargetHealth", "<TargetHealthDescriptions/>"));

        var response = await client.DescribeTargetHealthAsync(new DescribeTargetHealthRequest { TargetGroupArn = TargetGroupArn }, TestContext.Current.CancellationToken);

        Assert.Empty(response.TargetHealthDescriptions);
        Assert.Equal(2, pipeline.Transport.Requests.Count);
        Assert.All(pipeline.Transport.Requests, r => Assert.Single(r.Message.Headers.GetValues("Authorization")));
    }

    [Fact]
    public async Task Requests_are_signed_as_elasticloadbalancing_in_the_session_region()
    {
        Answer(ElbXml.Response("DescribeLoadBalancers", "<LoadBalancers/>"));

        await _client.DescribeLoadBalancersAsync(new DescribeLoadBalancersRequest(), TestContext.Current.CancellationToken);

        Assert.Equal("elasticloadbalancing.eu-west-1.amazonaws.com", Sent.Message.RequestUri!.Host);
        Assert.Contains("/eu-west-1/elasticloadbalancing/aws4_request", Sent.Authorization(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_call_is_metered_with_its_operation_name()
    {
        var deploymentId = Guid.NewGuid();
        var client = new ElasticLoadBalancingClient(_pipeline.Factory.Connect(AwsTestPipeline.Session("eu-west-1", deploymentId), AwsService.ElasticLoadBalancingV2));
        Answer(ElbXml.Response("DeleteListener", ""));

        await client.DeleteListenerAsync(new DeleteListenerRequest(ListenerArn), TestContext.Current.CancellationToken);

        var call = Assert.Single(_pipeline.Meter.GetSnapshot(deploymentId).RecentCalls);
        Assert.Equal(("elasticloadbalancing", "DeleteListener", (int?)200), (call.Service, call.Operation, call.HttpStatus));
    }

    /// <summary>Queues a success answer after checking it against the operation's output shape in the model.</summary>
    private void Answer(string xml)
    {
        var operation = XElement.Parse(xml).Name.LocalName[..^"Response".Length];
        Model.Operation(operation).AssertResponseConforms(xml);
        _pipeline.Transport.Respond(HttpStatusCode.OK, xml);
    }

    private void AssertRequestsConformToModel()
    {
        Assert.NotEmpty(_pipeline.Transport.Requests);
        foreach (var request in _pipeline.Transport.Requests)
        {
            Model.Operation(request.Form()["Action"]).AssertRequestConforms(request.Message, request.Body);
        }
    }
}
