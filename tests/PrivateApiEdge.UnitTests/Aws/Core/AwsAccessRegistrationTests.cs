using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.CertificateManager;
using PrivateApiEdge.Web.Aws.CloudFront;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Aws.Route53;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.UnitTests.Aws.Core;

public sealed class AwsAccessRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings, CurrentAwsMode sandbox)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddOptions<AwsOptions>().BindConfiguration(AwsOptions.SectionName).ValidateDataAnnotations();
        services.AddSingleton(sandbox);
        services.AddAwsAccessLayer();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void The_access_layer_resolves_and_builds_clients_against_the_configured_endpoints()
    {
        var sandbox = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        sandbox.SetBaseAddress(new Uri("http://127.0.0.1:4566"));
        using var provider = Build(new() { ["Aws:Endpoints:Route53"] = "http://localhost:9053", ["Aws:Retry:MaxRetryAttempts"] = "1" }, sandbox);
        var http = provider.GetRequiredService<AwsClientFactory>();
        var session = new AwsSession("eu-west-1");

        Assert.Equal(new Uri("http://localhost:9053/"), http.Connect(session, AwsService.Route53).BaseAddress);
        Assert.Equal(new Uri("http://127.0.0.1:4566/"), http.Connect(session, AwsService.CloudFront).BaseAddress);
        var clients = provider.GetRequiredService<IAwsClientFactory>().Create(session);
        Assert.IsType<CloudFrontClient>(clients.CloudFront);
        Assert.IsType<Route53Client>(clients.Route53);
        Assert.IsType<CertificateManagerClient>(clients.CertificatesInRegion);
        Assert.Equal(1, provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AwsRetryOptions>>().Value.MaxRetryAttempts);
        Assert.Same(provider.GetRequiredService<AwsCallMeter>(), provider.GetRequiredService<AwsCallMeter>());
    }

    [Fact]
    public void A_malformed_endpoint_in_configuration_fails_validation()
    {
        using var provider = Build(new() { ["Aws:Endpoints:CloudFront"] = "not a url" }, new CurrentAwsMode { Mode = AwsMode.Aws });

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<AwsOptions>>().Value);
        Assert.Contains("Aws:Endpoints:CloudFront", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_factory_for_the_sandbox_talks_signed_http_over_loopback()
    {
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = "instant", Port = 0 }, TestContext.Current.CancellationToken);
        var meter = new AwsCallMeter();
        using var factory = AwsClientFactory.ForSandbox(host.BaseAddress, meter);
        var deploymentId = Guid.NewGuid();
        var connection = factory.Connect(new AwsSession("eu-west-1", DeploymentId: deploymentId), AwsService.CloudFront);

        using var response = await connection.SendAsync(new HttpRequestMessage(HttpMethod.Get, "_sandbox/health"), new AwsOperation("Health"), TestContext.Current.CancellationToken);

        Assert.Equal(host.BaseAddress, connection.BaseAddress);
        Assert.Contains("ok", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential={AwsCredentialSource.SandboxAccessKeyId}/", Assert.Single(response.RequestMessage!.Headers.GetValues("Authorization")), StringComparison.Ordinal);
        Assert.Equal(200, Assert.Single(meter.GetSnapshot(deploymentId).RecentCalls).HttpStatus);
    }
}
