using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Features.EndpointTest;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.UnitTests.Features.EndpointTest;

/// <summary>
/// The endpoint test calls a user-supplied domain through user-controlled DNS: it reports redirects instead of
/// following them, and in AWS mode never connects to a loopback, private or link-local address.
/// </summary>
public sealed class EndpointTesterSafetyTests
{
    private static IEndpointTester Tester(CurrentAwsMode mode, IViewerDnsResolver? resolver = null)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(mode);
        if (resolver is not null)
        {
            services.AddSingleton(resolver);
        }

        return services.AddProvisioningServices().BuildServiceProvider().GetRequiredService<IEndpointTester>();
    }

    private static EndpointTestTarget Target(string domain) => new(Guid.NewGuid(), domain, null, null, null);

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("10.1.2.3", "private address (RFC 1918")]
    [InlineData("172.31.0.9", "private address (RFC 1918")]
    [InlineData("192.168.1.10", "private address (RFC 1918")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("169.254.169.254", "instance metadata")]
    [InlineData("::1", "loopback")]
    [InlineData("fd12:3456::1", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("::ffff:10.0.0.1", "private address (RFC 1918")]
    public async Task In_aws_mode_a_domain_resolving_to_a_non_public_address_is_refused_with_a_clear_message(string address, string kind)
    {
        var resolver = new FixedResolver(IPAddress.Parse(address));
        var tester = Tester(new CurrentAwsMode { Mode = AwsMode.Aws }, resolver);

        var result = await tester.TestAsync(Target("api.rebind.example.com"), null, TestContext.Current.CancellationToken);

        Assert.False(result.Passed);
        Assert.Null(result.StatusCode);
        Assert.Equal("dns-records", result.FailingHop);
        Assert.True(result.Diagnosis?.Contains($"Refused to connect: api.rebind.example.com resolves to {IPAddress.Parse(address)}", StringComparison.Ordinal) == true,
            $"expected a refusal naming the address, got: {result.Diagnosis}");
        Assert.Contains(kind, result.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("api.rebind.example.com", resolver.Asked);
    }

    [Theory]
    [InlineData("13.224.10.1")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2600:9000:2000::1")]
    public void Public_addresses_such_as_cloudfronts_are_allowed(string address) =>
        Assert.Null(PublicAddresses.WhyNotPublic(IPAddress.Parse(address)));

    [Fact]
    public async Task A_redirect_is_reported_as_the_answer_and_never_followed()
    {
        var followed = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/_sandbox/edge/", () => Results.Redirect("http://169.254.169.254/latest/meta-data/", permanent: true));
        app.MapGet("/{**rest}", () =>
        {
            Interlocked.Increment(ref followed);
            return Results.Ok();
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var tester = Tester(new CurrentAwsMode { Mode = AwsMode.Aws, StandaloneAddress = new Uri(app.Urls.First()) });

        var result = await tester.TestAsync(Target("api.redirect.example.com"), null, TestContext.Current.CancellationToken);

        Assert.False(result.Passed);
        Assert.Equal(301, result.StatusCode);
        Assert.Contains("never follows", result.Diagnosis, StringComparison.Ordinal);
        Assert.Contains("169.254.169.254", result.Diagnosis, StringComparison.Ordinal);
        Assert.Equal(0, followed);
    }

    [Fact]
    public void The_viewer_handler_follows_no_redirect_either()
    {
        using var handler = ViewerConnections.CreateViewerHandler(new FixedResolver(IPAddress.Loopback));

        Assert.False(handler.AllowAutoRedirect);
        Assert.NotNull(handler.ConnectCallback);
    }

    private sealed class FixedResolver(params IPAddress[] addresses) : IViewerDnsResolver
    {
        public List<string> Asked { get; } = [];

        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(host);
            }

            return Task.FromResult(addresses);
        }
    }
}
