using System.Text.Json.Nodes;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Web.Aws.ApiGateway;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Ec2;
using PrivateApiEdge.Web.Aws.ElasticLoadBalancing;
using static PrivateApiEdge.IntegrationTests.AwsClients.AwsClientsSandbox;
using AwsClientSet = PrivateApiEdge.Web.Aws.Core.AwsClients;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

/// <summary>Pieces of the portal's chain built only through the portal's clients, shared by the per-API tests.</summary>
internal static class ClientChains
{
    public const string HelloBody = """{"message": "Hello from API GW"}""";
    public const string CachingDisabledPolicyId = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";

    public static async Task<string> CreateSecurityGroupAsync(AwsClientSet clients, string name)
    {
        var created = await clients.Ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest
        {
            GroupName = Unique(name),
            Description = "integration test " + name,
            VpcId = SandboxSeed.VpcId,
        }, Ct);
        return created.GroupId;
    }

    public static async Task<LoadBalancer> CreateInternalAlbAsync(AwsClientSet clients, string name, string securityGroupId)
    {
        var created = await clients.ElasticLoadBalancing.CreateLoadBalancerAsync(new CreateLoadBalancerRequest
        {
            Name = Unique(name),
            Scheme = "internal",
            Type = "application",
            Subnets = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
            SecurityGroups = [securityGroupId],
        }, Ct);
        return Assert.Single(created.LoadBalancers);
    }

    public static async Task<TargetGroup> CreateIpTargetGroupAsync(AwsClientSet clients, string name, string matcher = "200,403")
    {
        var created = await clients.ElasticLoadBalancing.CreateTargetGroupAsync(new CreateTargetGroupRequest
        {
            Name = Unique(name),
            Protocol = "HTTPS",
            Port = 443,
            VpcId = SandboxSeed.VpcId,
            TargetType = "ip",
            HealthCheckProtocol = "HTTPS",
            Matcher = new Matcher(matcher),
        }, Ct);
        return Assert.Single(created.TargetGroups);
    }

    public static Task<CreateListenerResponse> CreateHttpsListenerAsync(AwsClientSet clients, string loadBalancerArn, string targetGroupArn) =>
        clients.ElasticLoadBalancing.CreateListenerAsync(new CreateListenerRequest
        {
            LoadBalancerArn = loadBalancerArn,
            Protocol = "HTTPS",
            Port = 443,
            SslPolicy = "ELBSecurityPolicy-TLS13-1-2-2021-06",
            Certificates = [new ListenerCertificate(SandboxSeed.RegionalCertificateArn)],
            DefaultActions = [ListenerAction.Forward(targetGroupArn)],
        }, Ct);

    public static async Task<VpcOrigin> CreateVpcOriginAsync(AwsClientSet clients, string name, string loadBalancerArn)
    {
        var created = await clients.CloudFront.CreateVpcOriginAsync(new CreateVpcOriginRequest(new VpcOriginEndpointConfig
        {
            Name = Unique(name),
            Arn = loadBalancerArn,
            OriginSslProtocols = ["TLSv1.2"],
        }), Ct);
        return created.VpcOrigin;
    }

    public static DistributionConfig DistributionConfig(string? alias, string vpcOriginId, string originDomainName, string? callerReference = null) => new()
    {
        CallerReference = callerReference ?? Guid.NewGuid().ToString("N"),
        Aliases = alias is null ? [] : [alias],
        Origins =
        [
            new Origin
            {
                Id = "AlbOrigin",
                DomainName = originDomainName,
                VpcOriginConfig = new VpcOriginConfig(vpcOriginId) { OriginReadTimeout = 30, OriginKeepaliveTimeout = 5 },
            },
        ],
        DefaultCacheBehavior = new DefaultCacheBehavior
        {
            TargetOriginId = "AlbOrigin",
            ViewerProtocolPolicy = "https-only",
            AllowedMethods = ["GET", "HEAD", "OPTIONS", "PUT", "PATCH", "POST", "DELETE"],
            CachedMethods = ["GET", "HEAD"],
            CachePolicyId = CachingDisabledPolicyId,
        },
        Comment = "integration test",
        Enabled = true,
        HttpVersion = "http2and3",
        ViewerCertificate = alias is null
            ? new ViewerCertificate { CloudFrontDefaultCertificate = true }
            : new ViewerCertificate
            {
                AcmCertificateArn = SandboxSeed.CloudFrontCertificateArn,
                SslSupportMethod = "sni-only",
                MinimumProtocolVersion = "TLSv1.2_2021",
            },
    };

    public static string PolicyFor(string vpcEndpointId) => new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray(new JsonObject
        {
            ["Effect"] = "Allow",
            ["Principal"] = "*",
            ["Action"] = "execute-api:Invoke",
            ["Resource"] = "execute-api:/*",
            ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["aws:sourceVpce"] = vpcEndpointId } },
        }),
    }.ToJsonString();

    public static Task<RestApi> CreatePrivateApiAsync(AwsClientSet clients, string vpcEndpointId, string? policy) =>
        clients.ApiGateway.CreateRestApiAsync(new CreateRestApiRequest
        {
            Name = Unique("hello"),
            EndpointConfiguration = new EndpointConfiguration { Types = ["PRIVATE"], VpcEndpointIds = [vpcEndpointId] },
            Policy = policy,
            Tags = new Dictionary<string, string> { ["Project"] = "PrivateApiEdge" },
        }, Ct);

    /// <summary>GET / answering the MOCK hello, as the portal's sample API does.</summary>
    public static async Task PutHelloMethodAsync(AwsClientSet clients, string apiId, string rootId)
    {
        await clients.ApiGateway.PutMethodAsync(new PutMethodRequest(apiId, rootId, "GET") { AuthorizationType = "NONE" }, Ct);
        await clients.ApiGateway.PutMethodResponseAsync(new PutMethodResponseRequest(apiId, rootId, "GET", "200")
        {
            ResponseModels = new Dictionary<string, string> { ["application/json"] = "Empty" },
        }, Ct);
        await clients.ApiGateway.PutIntegrationAsync(new PutIntegrationRequest(apiId, rootId, "GET")
        {
            Type = "MOCK",
            RequestTemplates = new Dictionary<string, string> { ["application/json"] = """{"statusCode": 200}""" },
            PassthroughBehavior = "WHEN_NO_MATCH",
        }, Ct);
        await clients.ApiGateway.PutIntegrationResponseAsync(new PutIntegrationResponseRequest(apiId, rootId, "GET", "200")
        {
            SelectionPattern = "",
            ResponseTemplates = new Dictionary<string, string> { ["application/json"] = HelloBody },
        }, Ct);
    }

    /// <summary>An execute-api interface endpoint in two subnets of the demo VPC, polled until available.</summary>
    public static async Task<VpcEndpoint> CreateAvailableExecuteApiEndpointAsync(AwsClientSet clients, string securityGroupId, bool privateDns = true)
    {
        var created = await clients.Ec2.CreateVpcEndpointAsync(new CreateVpcEndpointRequest
        {
            VpcId = SandboxSeed.VpcId,
            ServiceName = $"com.amazonaws.{Region}.execute-api",
            SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
            SecurityGroupIds = [securityGroupId],
            PrivateDnsEnabled = privateDns,
            ClientToken = Guid.NewGuid().ToString("N"),
            Tags = [new Ec2Tag("Project", "PrivateApiEdge")],
        }, Ct);
        var id = created.VpcEndpoint.VpcEndpointId;
        var endpoint = await Eventually.ReturnsAsync(
            async () => (await clients.Ec2.DescribeVpcEndpointsAsync(new DescribeVpcEndpointsRequest { VpcEndpointIds = [id] }, Ct)).VpcEndpoints.Single(),
            e => e.IsAvailable,
            $"endpoint {id} to be available");
        Assert.True(endpoint.IsAvailable, $"endpoint {id} stayed {endpoint.State}");
        return endpoint;
    }

    public static async Task<IReadOnlyList<string>> PrivateIpsOfAsync(AwsClientSet clients, VpcEndpoint endpoint)
    {
        var enis = await clients.Ec2.DescribeNetworkInterfacesAsync(new DescribeNetworkInterfacesRequest { NetworkInterfaceIds = endpoint.NetworkInterfaceIds }, Ct);
        return [.. enis.NetworkInterfaces.Select(n => n.PrivateIpAddress!)];
    }

    public static async Task<AwsApiException> ExpectErrorAsync(Func<Task> call, string errorCode)
    {
        var ex = await Assert.ThrowsAsync<AwsApiException>(call);
        Assert.True(ex.ErrorCode == errorCode, $"expected {errorCode}, got {ex.ErrorCode} ({(int)ex.StatusCode}): {ex.AwsMessage}");
        return ex;
    }
}
