using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using PrivateApiEdge.Sandbox.Seed;
using static PrivateApiEdge.IntegrationTests.Sandbox.SandboxFixture;

namespace PrivateApiEdge.IntegrationTests.Sandbox.DataPath;

/// <summary>The ALB half of the chain as the portal builds it, made through the ELBv2 API.</summary>
public sealed record AlbChain(
    string LoadBalancerArn,
    string DnsName,
    string TargetGroupArn,
    string ListenerArn,
    string LoadBalancerSecurityGroupId,
    string EndpointSecurityGroupId,
    string EndpointId,
    IReadOnlyList<string> EndpointIps);

public static class EdgeChains
{
    public static async Task<XElement> CreateLoadBalancerAsync(SandboxFixture sandbox, string name, string securityGroupId) =>
        await sandbox.ElbOkAsync("CreateLoadBalancer", ("Name", name), ("Scheme", "internal"), ("Type", "application"),
            ("Subnets.member.1", SandboxSeed.SubnetAId), ("Subnets.member.2", SandboxSeed.SubnetBId),
            ("SecurityGroups.member.1", securityGroupId));

    public static async Task<string> CreateTargetGroupAsync(SandboxFixture sandbox, string name, string matcher, string protocol = "HTTPS") =>
        (await sandbox.ElbOkAsync("CreateTargetGroup", ("Name", name), ("Protocol", protocol), ("Port", "443"),
            ("VpcId", SandboxSeed.VpcId), ("TargetType", "ip"), ("HealthCheckProtocol", "HTTPS"), ("Matcher.HttpCode", matcher)))
        .Descendants(Elb + "TargetGroupArn").Single().Value;

    /// <summary>SGs with the ALB → endpoint links open, an available execute-api endpoint, an IP target group of its
    /// ENI IPs, an internal ALB and an HTTPS listener with the regional demo certificate.</summary>
    public static async Task<AlbChain> CreateAlbChainAsync(
        SandboxFixture sandbox,
        string prefix,
        string matcher = "200,403",
        string listenerCertificateArn = SandboxSeed.RegionalCertificateArn,
        string targetProtocol = "HTTPS")
    {
        var albSg = sandbox.CreateSecurityGroup($"{prefix}-alb");
        var endpointSg = sandbox.CreateSecurityGroup($"{prefix}-endpoint");
        sandbox.AllowFromGroup(endpointSg, 443, albSg);
        sandbox.AllowFromGroup(albSg, 443, endpointSg, egress: true);
        var (endpointId, ips) = sandbox.CreateExecuteApiEndpoint(endpointSg);

        var targetGroupArn = await CreateTargetGroupAsync(sandbox, $"{prefix}-tg", matcher, targetProtocol);
        await sandbox.ElbOkAsync("RegisterTargets", [("TargetGroupArn", targetGroupArn),
            .. ips.SelectMany((ip, i) => new[] { ($"Targets.member.{i + 1}.Id", ip), ($"Targets.member.{i + 1}.Port", "443") })]);
        var lb = await CreateLoadBalancerAsync(sandbox, $"{prefix}-alb", albSg);
        var lbArn = lb.Descendants(Elb + "LoadBalancerArn").Single().Value;
        var listener = await sandbox.ElbOkAsync("CreateListener", ("LoadBalancerArn", lbArn), ("Protocol", "HTTPS"), ("Port", "443"),
            ("SslPolicy", "ELBSecurityPolicy-TLS-1-2-2017-01"), ("Certificates.member.1.CertificateArn", listenerCertificateArn),
            ("DefaultActions.member.1.Type", "forward"), ("DefaultActions.member.1.TargetGroupArn", targetGroupArn));
        return new AlbChain(lbArn, lb.Descendants(Elb + "DNSName").Single().Value, targetGroupArn,
            listener.Descendants(Elb + "ListenerArn").Single().Value, albSg, endpointSg, endpointId, ips);
    }

    public const string HelloBody = """{"message": "Hello from API GW"}""";

    public static string PolicyFor(string vpcEndpointId) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = "*",
            ["Action"] = "execute-api:Invoke",
            ["Resource"] = "execute-api:/*",
            ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:sourceVpce"] = new JsonArray(vpcEndpointId) } },
        }),
    }.ToJsonString();

    public static JsonObject PrivateApiBody(string name, string vpcEndpointId, string? policyEndpointId = null) => new()
    {
        ["name"] = name,
        ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("PRIVATE"), ["vpcEndpointIds"] = new JsonArray(vpcEndpointId) },
        ["policy"] = PolicyFor(policyEndpointId ?? vpcEndpointId),
    };

    public static JsonObject RegionalDomainBody(string domainName, string certificateArn) => new()
    {
        ["domainName"] = domainName,
        ["regionalCertificateArn"] = certificateArn,
        ["endpointConfiguration"] = new JsonObject { ["types"] = new JsonArray("REGIONAL") },
        ["securityPolicy"] = "TLS_1_2",
    };

    /// <summary>GET / answering the sample's MOCK hello, as the portal sets it up.</summary>
    public static async Task PutHelloMethodAsync(SandboxFixture sandbox, string apiId, string rootId)
    {
        var method = $"/restapis/{apiId}/resources/{rootId}/methods/GET";
        await ExpectCreatedAsync(sandbox, HttpMethod.Put, method, new JsonObject { ["authorizationType"] = "NONE" });
        await ExpectCreatedAsync(sandbox, HttpMethod.Put, method + "/responses/200", new JsonObject());
        await ExpectCreatedAsync(sandbox, HttpMethod.Put, method + "/integration", new JsonObject
        {
            ["type"] = "MOCK",
            ["requestTemplates"] = new JsonObject { ["application/json"] = """{"statusCode": 200}""" },
            ["passthroughBehavior"] = "WHEN_NO_MATCH",
        });
        await ExpectCreatedAsync(sandbox, HttpMethod.Put, method + "/integration/responses/200", new JsonObject
        {
            ["selectionPattern"] = "",
            ["responseTemplates"] = new JsonObject { ["application/json"] = HelloBody },
        });
    }

    /// <summary>A PRIVATE hello API whose policy allows <paramref name="policyEndpointId"/>, deployed to <c>prod</c>.</summary>
    public static async Task<string> CreateHelloApiAsync(SandboxFixture sandbox, string vpcEndpointId, string? policyEndpointId = null)
    {
        var api = await ExpectCreatedAsync(sandbox, HttpMethod.Post, "/restapis", PrivateApiBody("hello", vpcEndpointId, policyEndpointId));
        var id = api["id"]!.GetValue<string>();
        await PutHelloMethodAsync(sandbox, id, api["rootResourceId"]!.GetValue<string>());
        await ExpectCreatedAsync(sandbox, HttpMethod.Post, $"/restapis/{id}/deployments", new JsonObject { ["stageName"] = "prod" });
        return id;
    }

    private static async Task<JsonObject> ExpectCreatedAsync(SandboxFixture sandbox, HttpMethod method, string path, JsonObject body)
    {
        using var response = await sandbox.ApiGatewayAsync(method, path, body);
        var json = await SandboxFixture.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{method} {path} answered {response.StatusCode}: {json}");
        return json;
    }

    /// <summary>
    /// The whole chain the portal builds: ALB half, hello API with domain and root mapping, VPC origin, the CloudFront
    /// SG rules, a distribution with the alias, and the Route 53 alias record.
    /// </summary>
    public static async Task<FullChain> CreateFullChainAsync(
        SandboxFixture sandbox,
        string matcher = "200,403",
        string listenerCertificateArn = SandboxSeed.RegionalCertificateArn,
        string? policyEndpointId = null,
        string targetProtocol = "HTTPS",
        XElement? restrictions = null)
    {
        const string Host = SandboxSeed.DemoApiHostName;
        var alb = await CreateAlbChainAsync(sandbox, "edge", matcher, listenerCertificateArn, targetProtocol);
        var apiId = await CreateHelloApiAsync(sandbox, alb.EndpointId, policyEndpointId);
        await ExpectCreatedAsync(sandbox, HttpMethod.Post, "/domainnames", RegionalDomainBody(Host, SandboxSeed.RegionalCertificateArn));
        await ExpectCreatedAsync(sandbox, HttpMethod.Post, $"/domainnames/{Host}/basepathmappings", new JsonObject { ["restApiId"] = apiId, ["stage"] = "prod" });

        using var origin = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/vpc-origin", CloudFrontDocuments.CreateVpcOrigin("edge-origin", alb.LoadBalancerArn));
        Assert.Equal(HttpStatusCode.Accepted, origin.StatusCode);
        var vpcOriginId = (await SandboxFixture.XmlAsync(origin)).Element(Cf + "Id")!.Value;
        var cloudFrontSg = sandbox.World.Read(w => w.Part<PrivateApiEdge.Sandbox.Services.Ec2.Ec2State>()
            .FindCloudFrontVpcOriginsSecurityGroup(Region, SandboxSeed.VpcId)!.Id);
        sandbox.AllowFromPrefixList(cloudFrontSg, 443, SandboxSeed.CloudFrontOriginFacingPrefixListIds[Region]);
        sandbox.AllowFromGroup(alb.LoadBalancerSecurityGroupId, 443, cloudFrontSg);

        using var distribution = await sandbox.CloudFrontAsync(HttpMethod.Post, "/2020-05-31/distribution",
            CloudFrontDocuments.DistributionConfig("edge-ref", Host, vpcOriginId, alb.DnsName, restrictions: restrictions));
        var created = await SandboxFixture.XmlAsync(distribution);
        Assert.True(distribution.StatusCode == HttpStatusCode.Created, created.ToString());
        var domainName = created.Element(Cf + "DomainName")!.Value;

        XNamespace r53 = "https://route53.amazonaws.com/doc/2013-04-01/";
        var batch = new XElement(r53 + "ChangeResourceRecordSetsRequest", new XElement(r53 + "ChangeBatch", new XElement(r53 + "Changes",
            new XElement(r53 + "Change",
                new XElement(r53 + "Action", "UPSERT"),
                new XElement(r53 + "ResourceRecordSet",
                    new XElement(r53 + "Name", Host),
                    new XElement(r53 + "Type", "A"),
                    new XElement(r53 + "AliasTarget",
                        new XElement(r53 + "HostedZoneId", SandboxSeed.CloudFrontHostedZoneId),
                        new XElement(r53 + "DNSName", domainName),
                        new XElement(r53 + "EvaluateTargetHealth", "false"))))))).ToString(SaveOptions.DisableFormatting);
        using var content = new StringContent(batch, System.Text.Encoding.UTF8, "text/xml");
        using var change = await sandbox.Client("route53", "us-east-1").PostAsync(
            new Uri($"/2013-04-01/hostedzone/{SandboxSeed.PublicHostedZoneId}/rrset", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.True(change.StatusCode == HttpStatusCode.OK, await change.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        return new FullChain(alb, apiId, vpcOriginId, created.Element(Cf + "Id")!.Value, domainName, ETagOf(distribution), cloudFrontSg, Host);
    }

    /// <summary>What the endpoint test does in sandbox mode: <c>GET https://{host}/{path}</c> through the data path.</summary>
    public static async Task<HttpResponseMessage> ViewerGetAsync(SandboxFixture sandbox, string host, string path = "", string? viewerCountry = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/_sandbox/edge/" + path, UriKind.Relative));
        request.Headers.Add("X-Sandbox-Host", host);
        if (viewerCountry is not null)
        {
            request.Headers.Add("X-Sandbox-Viewer-Country", viewerCountry);
        }

        return await sandbox.PlainClient().SendAsync(request, TestContext.Current.CancellationToken);
    }
}

public sealed record FullChain(
    AlbChain Alb,
    string ApiId,
    string VpcOriginId,
    string DistributionId,
    string DistributionDomainName,
    string DistributionETag,
    string CloudFrontSecurityGroupId,
    string Host);
