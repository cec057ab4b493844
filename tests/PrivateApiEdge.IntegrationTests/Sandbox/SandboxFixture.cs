using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using Amazon.SecurityToken;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Core.Faults;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.State;

namespace PrivateApiEdge.IntegrationTests.Sandbox;

/// <summary>
/// The sandbox tests talk to over the wire: a sandbox on loopback, SigV4-signed raw clients per service, real AWS SDK
/// clients (SDK retries off, so faults surface as they are), calls for the edge services (ELBv2, CloudFront,
/// API Gateway) and helpers that build the EC2 side of the chain straight in the world state.
/// </summary>
public sealed class SandboxFixture : IAsyncDisposable
{
    public static readonly XNamespace Elb = "http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/";
    public static readonly XNamespace Cf = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
    public const string Region = SandboxSeed.DefaultRegion;

    private static readonly BasicAWSCredentials Credentials = new("AKIDEXAMPLE", "sandbox-secret");
    private readonly List<HttpClient> _clients = [];

    private SandboxFixture(SandboxHost host) => Host = host;

    public SandboxHost Host { get; }

    public Uri BaseAddress => Host.BaseAddress;

    public SandboxWorld World => Host.World;

    public FaultInjector Faults => Host.Faults;

    /// <summary>A sandbox started with <paramref name="options"/> as given (faults from the start, a clock of its own).</summary>
    public static async Task<SandboxFixture> StartAsync(SandboxOptions options) =>
        new(await SandboxHost.StartAsync(options, TestContext.Current.CancellationToken));

    public static async Task<SandboxFixture> StartAsync(string latencyProfile = "instant", TimeProvider? time = null, string? stateFile = null) =>
        new(await SandboxHost.StartAsync(new SandboxOptions
        {
            LatencyProfile = latencyProfile,
            Port = 0,
            TimeProvider = time ?? TimeProvider.System,
            StateFile = stateFile,
        }, TestContext.Current.CancellationToken));

    /// <summary>An HttpClient that signs every request with AWSSDK.Core's SigV4 handler for <paramref name="service"/> (its signing name).</summary>
    public HttpClient Client(string service, string region = Region)
    {
        var signer = new SigV4SigningHandler(Credentials, RegionEndpoint.GetBySystemName(region), service, new HttpClientHandler());
        var client = new HttpClient(signer) { BaseAddress = Host.BaseAddress };
        _clients.Add(client);
        return client;
    }

    public AmazonEC2Client Ec2(string region = Region) =>
        new(Credentials, new AmazonEC2Config { ServiceURL = BaseAddress.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });

    public AmazonSecurityTokenServiceClient Sts(string region = Region) =>
        new(Credentials, new AmazonSecurityTokenServiceConfig { ServiceURL = BaseAddress.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 });

    public HttpClient PlainClient()
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress };
        _clients.Add(client);
        return client;
    }

    /// <summary>One awsQuery call to ELBv2; returns the status and the parsed XML body.</summary>
    public async Task<(HttpStatusCode Status, XElement Body)> ElbAsync(string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", "2015-12-01") };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        using var content = new FormUrlEncodedContent(form);
        using var response = await Client("elasticloadbalancing").PostAsync(new Uri("/", UriKind.Relative), content, TestContext.Current.CancellationToken);
        return (response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    /// <summary>An ELBv2 call that must succeed; returns its <c>XxxResult</c> element.</summary>
    public async Task<XElement> ElbOkAsync(string action, params (string Name, string Value)[] parameters)
    {
        var (status, body) = await ElbAsync(action, parameters);
        Assert.True(status == HttpStatusCode.OK, $"{action} answered {status}: {body}");
        return body.Element(Elb + action + "Result") ?? throw new InvalidOperationException(body.ToString());
    }

    /// <summary>An ELBv2 call that must fail; returns the error code.</summary>
    public async Task<string> ElbErrorAsync(string action, params (string Name, string Value)[] parameters)
    {
        var (status, body) = await ElbAsync(action, parameters);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        return body.Element(Elb + "Error")!.Element(Elb + "Code")!.Value;
    }

    public async Task<HttpResponseMessage> CloudFrontAsync(HttpMethod method, string path, XElement? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToString(SaveOptions.DisableFormatting), Encoding.UTF8, "text/xml");
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await Client("cloudfront", "us-east-1").SendAsync(request, TestContext.Current.CancellationToken);
    }

    public async Task<HttpResponseMessage> ApiGatewayAsync(HttpMethod method, string path, JsonNode? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return await Client("apigateway").SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<XElement> XmlAsync(HttpResponseMessage response) =>
        XElement.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();

    /// <summary>CloudFront sends ETags unquoted, which <c>HttpResponseHeaders.ETag</c> cannot parse.</summary>
    public static string ETagOf(HttpResponseMessage response) => response.Headers.GetValues("ETag").Single();

    public static string? ErrorCode(XElement errorResponse) => errorResponse.Descendants().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;

    /// <summary>A security group in the demo VPC without any rule (the default allow-all egress removed).</summary>
    public string CreateSecurityGroup(string name) => World.Write(world =>
    {
        var group = world.Part<Ec2State>().AddSecurityGroup(Region, SandboxSeed.AccountId, SandboxSeed.VpcId, name, name, world.Now);
        group.Rules.Clear();
        return group.Id;
    });

    public void AllowFromGroup(string groupId, int port, string sourceGroupId, bool egress = false) => World.Write(world =>
        world.Part<Ec2State>().FindSecurityGroup(Region, groupId)!.Rules.Add(new Ec2SecurityGroupRule
        {
            RuleId = SandboxWorld.NewId("sgr"),
            IsEgress = egress,
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            ReferencedGroupId = sourceGroupId,
        }));

    public void AllowFromPrefixList(string groupId, int port, string prefixListId) => World.Write(world =>
        world.Part<Ec2State>().FindSecurityGroup(Region, groupId)!.Rules.Add(new Ec2SecurityGroupRule
        {
            RuleId = SandboxWorld.NewId("sgr"),
            IpProtocol = "tcp",
            FromPort = port,
            ToPort = port,
            PrefixListId = prefixListId,
        }));

    public void RevokeAll(string groupId, bool egress) => World.Write(world =>
        world.Part<Ec2State>().FindSecurityGroup(Region, groupId)!.Rules.RemoveAll(r => r.IsEgress == egress));

    public IReadOnlyList<string> SecurityGroupNames() => World.Read(world =>
        (IReadOnlyList<string>)[.. world.Part<Ec2State>().SecurityGroups.Where(g => g.VpcId == SandboxSeed.VpcId).Select(g => g.GroupName)]);

    /// <summary>An available execute-api interface endpoint in subnets A and B; returns its id and ENI IPs.</summary>
    public (string EndpointId, IReadOnlyList<string> Ips) CreateExecuteApiEndpoint(string securityGroupId) => World.Write(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var id = SandboxWorld.NewId("vpce");
        var enis = new[] { SandboxSeed.SubnetAId, SandboxSeed.SubnetBId }
            .Select(subnet => ec2.AllocateNetworkInterface(Region, SandboxSeed.AccountId, subnet, [securityGroupId],
                $"VPC Endpoint Interface {id}", "vpc_endpoint", "727180483921", id, world.Now))
            .ToList();
        ec2.VpcEndpoints.Add(new Ec2VpcEndpoint
        {
            Id = id,
            Arn = $"arn:aws:ec2:{Region}:{SandboxSeed.AccountId}:vpc-endpoint/{id}",
            Region = Region,
            VpcId = SandboxSeed.VpcId,
            ServiceName = $"com.amazonaws.{Region}.execute-api",
            SubnetIds = [SandboxSeed.SubnetAId, SandboxSeed.SubnetBId],
            GroupIds = [securityGroupId],
            NetworkInterfaceIds = [.. enis.Select(e => e.Id)],
            PrivateDnsEnabled = true,
            CreatedAt = world.Now,
            VisibleAt = world.Now,
            ReadyAt = world.Now,
        });
        return (id, (IReadOnlyList<string>)[.. enis.Select(e => e.PrivateIpAddress)]);
    });

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }
}
