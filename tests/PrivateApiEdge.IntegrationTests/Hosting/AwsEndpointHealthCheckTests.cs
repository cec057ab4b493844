using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Web.Aws.Core;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>The aws-endpoint health check in AWS mode: the sandbox plays AWS behind an STS endpoint override.</summary>
public sealed class AwsEndpointHealthCheckTests
{
    [Fact]
    public async Task In_aws_mode_health_calls_sts_get_caller_identity_once_per_cache_period()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = "instant", Port = 0 }, TestContext.Current.CancellationToken);
        await using var portal = new AwsModeFactory(sandbox.BaseAddress.ToString());
        using var client = portal.CreateClient();

        var (status, check) = await HealthAsync(client);
        var (_, again) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", check.GetProperty("status").GetString());
        Assert.Contains("AWS account 111122223333", check.GetProperty("Description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Healthy", again.GetProperty("status").GetString());
        var calls = portal.Services.GetRequiredService<AwsCallMeter>().GetPortalSnapshot().Operations;
        Assert.Equal(1, Assert.Single(calls, o => o.Operation == "GetCallerIdentity").Calls);
    }

    [Fact]
    public async Task In_aws_mode_an_unreachable_sts_endpoint_is_unhealthy_within_the_timeout_and_says_so()
    {
        await using var portal = new AwsModeFactory("http://127.0.0.1:1/");
        using var client = portal.CreateClient();
        var watch = Stopwatch.StartNew();

        var (status, check) = await HealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
        var description = check.GetProperty("Description").GetString();
        Assert.Contains("STS", description, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:1/", description, StringComparison.Ordinal);
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(15));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Check)> HealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, body.RootElement.GetProperty("checks").GetProperty("aws-endpoint").Clone());
    }

    /// <summary>The portal in AWS mode with STS at <paramref name="stsEndpoint"/> and fixed credentials (no SDK chain in tests).</summary>
    private sealed class AwsModeFactory(string stsEndpoint) : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Aws:Mode", "Aws");
            builder.UseSetting("Aws:Endpoints:Sts", stsEndpoint);
            builder.UseSetting("Aws:HealthCheckTimeout", "00:00:02");
            builder.UseSetting("Aws:HealthCheckCacheDuration", "00:05:00");
            builder.ConfigureTestServices(services => services.AddSingleton<IAwsCredentialSource>(
                new FixedCredentials(new BasicAWSCredentials("AKIAHEALTHCHECKTEST0", "health-check-test-secret"))));
        }
    }

    private sealed class FixedCredentials(AWSCredentials credentials) : IAwsCredentialSource
    {
        public AWSCredentials GetCredentials(AwsSession session) => credentials;
    }
}
