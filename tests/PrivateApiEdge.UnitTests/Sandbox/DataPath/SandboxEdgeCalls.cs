using System.Net;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Sandbox.Seed;
using PrivateApiEdge.Sandbox.Services.Ec2;
using PrivateApiEdge.Sandbox.State;
using PrivateApiEdge.UnitTests.AwsModels;

namespace PrivateApiEdge.UnitTests.Sandbox.DataPath;

/// <summary>
/// An instant sandbox and signed calls whose successful answers are checked against the operation's API model,
/// so the edge services' wire format is proved by the official models rather than by our own expectations.
/// </summary>
internal sealed class SandboxEdgeCalls : IAsyncDisposable
{
    public const string Region = SandboxSeed.DefaultRegion;
    private readonly SandboxHost _host;
    private readonly List<HttpClient> _clients = [];

    private SandboxEdgeCalls(SandboxHost host) => _host = host;

    public SandboxWorld World => _host.World;

    public static async Task<SandboxEdgeCalls> StartAsync() =>
        new(await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = "instant", Port = 0 }, TestContext.Current.CancellationToken));

    /// <summary>Sends a call, requires the model's success status, validates the body, returns it and the response.</summary>
    public async Task<(string Body, HttpResponseMessage Response)> CallAsync(
        string model, string operation, string signingName, HttpMethod method, string path, string? body = null, string contentType = "application/json",
        string? ifMatch = null, string region = Region)
    {
        var signer = new SigV4SigningHandler(new BasicAWSCredentials("AKIDEXAMPLE", "sandbox-secret"), RegionEndpoint.GetBySystemName(region), signingName,
            new HttpClientHandler());
        var client = new HttpClient(signer) { BaseAddress = _host.BaseAddress };
        _clients.Add(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var spec = AwsModel.Load(model).Operation(operation);
        Assert.True((int)response.StatusCode == spec.ResponseCode, $"{operation} answered {(int)response.StatusCode}, the model says {spec.ResponseCode}: {text}");
        spec.AssertResponseConforms(text);
        return (text, response);
    }

    public Task<(string Body, HttpResponseMessage Response)> ElbAsync(string action, params (string Name, string Value)[] parameters)
    {
        var form = string.Join('&', new[] { ("Action", action), ("Version", "2015-12-01") }.Concat(parameters)
            .Select(p => $"{Uri.EscapeDataString(p.Item1)}={Uri.EscapeDataString(p.Item2)}"));
        return CallAsync("elbv2", action, "elasticloadbalancing", HttpMethod.Post, "/", form, "application/x-www-form-urlencoded");
    }

    public string CreateSecurityGroup(string name) => World.Write(world =>
    {
        var group = world.Part<Ec2State>().AddSecurityGroup(Region, SandboxSeed.AccountId, SandboxSeed.VpcId, name, name, world.Now);
        return group.Id;
    });

    public IReadOnlyList<string> CreateEndpointIps(string securityGroupId) => World.Write(world =>
    {
        var ec2 = world.Part<Ec2State>();
        var id = SandboxWorld.NewId("vpce");
        var enis = new[] { SandboxSeed.SubnetAId, SandboxSeed.SubnetBId }
            .Select(subnet => ec2.AllocateNetworkInterface(Region, SandboxSeed.AccountId, subnet, [securityGroupId], id, "vpc_endpoint", "amazon", id, world.Now))
            .ToList();
        ec2.VpcEndpoints.Add(new Ec2VpcEndpoint
        {
            Id = id,
            Region = Region,
            VpcId = SandboxSeed.VpcId,
            ServiceName = $"com.amazonaws.{Region}.execute-api",
            GroupIds = [securityGroupId],
            NetworkInterfaceIds = [.. enis.Select(e => e.Id)],
            ReadyAt = world.Now,
        });
        return (IReadOnlyList<string>)[.. enis.Select(e => e.PrivateIpAddress)];
    });

    public static string ETagOf(HttpResponseMessage response) => response.Headers.GetValues("ETag").Single();

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _host.DisposeAsync();
    }
}
