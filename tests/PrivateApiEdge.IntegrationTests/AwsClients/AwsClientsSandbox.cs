using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Hosting;
using AwsClientSet = PrivateApiEdge.Web.Aws.Core.AwsClients;

namespace PrivateApiEdge.IntegrationTests.AwsClients;

/// <summary>
/// A sandbox on loopback and the portal's own AWS clients for one session, wired exactly as the portal wires them
/// (<see cref="AwsAccessExtensions.AddAwsAccessLayer"/> with a sandbox-mode <see cref="CurrentAwsMode"/>).
/// One per test, so every test builds its own data.
/// </summary>
internal sealed class AwsClientsSandbox : IAsyncDisposable
{
    public const string Region = "eu-west-1";

    private readonly ServiceProvider _provider;
    private readonly HttpClient _control;

    private AwsClientsSandbox(SandboxHost host, ServiceProvider provider, Guid deploymentId)
    {
        Host = host;
        _provider = provider;
        DeploymentId = deploymentId;
        Clients = provider.GetRequiredService<IAwsClientFactory>().Create(new AwsSession(Region, DeploymentId: deploymentId));
        _control = new HttpClient { BaseAddress = host.BaseAddress };
    }

    public SandboxHost Host { get; }

    public Guid DeploymentId { get; }

    public AwsClientSet Clients { get; }

    public AwsCallMeter Meter => _provider.GetRequiredService<AwsCallMeter>();

    /// <summary>Clients for another session from the same factory (another deployment, or the portal's own calls).</summary>
    public AwsClientSet CreateClients(Guid? deploymentId) =>
        _provider.GetRequiredService<IAwsClientFactory>().Create(new AwsSession(Region, DeploymentId: deploymentId));

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="latencyProfile"><c>instant</c> by default; <c>fast</c> lets a test watch a lifecycle move.</param>
    public static async Task<AwsClientsSandbox> StartAsync(string latencyProfile = "instant")
    {
        var host = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = latencyProfile, Port = 0 }, Ct);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Short backoff so the retry test does not wait the production half second.
            ["Aws:Retry:BaseDelay"] = "00:00:00.020",
            ["Aws:Retry:MaxDelay"] = "00:00:00.200",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName);
        var endpoint = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        endpoint.SetBaseAddress(host.BaseAddress);
        services.AddSingleton(endpoint);
        services.AddAwsAccessLayer();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new AwsClientsSandbox(host, provider, Guid.NewGuid());
    }

    /// <summary>Adds a fault rule through the sandbox's control endpoint, as an operator would.</summary>
    public async Task InjectFaultAsync(string kind, string service, string operation, int count)
    {
        using var response = await _control.PostAsJsonAsync(
            new Uri("/_sandbox/faults", UriKind.Relative), new { kind, service, operation, count }, Ct);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The fault rules still pending (a one-shot rule disappears once it has hit).</summary>
    public async Task<IReadOnlyList<JsonElement>> FaultRulesAsync()
    {
        using var document = await _control.GetFromJsonAsync<JsonDocument>(new Uri("/_sandbox/faults", UriKind.Relative), Ct);
        return [.. document!.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.Clone())];
    }

    /// <summary>What a viewer's <c>GET https://{host}/{path}</c> answers, through the sandbox's data path.</summary>
    public async Task<HttpResponseMessage> ViewerGetAsync(string host, string path = "")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/_sandbox/edge/" + path, UriKind.Relative));
        request.Headers.Add("X-Sandbox-Host", host);
        return await _control.SendAsync(request, Ct);
    }

    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 32)];

    public async ValueTask DisposeAsync()
    {
        _control.Dispose();
        await _provider.DisposeAsync();
        await Host.DisposeAsync();
    }
}
