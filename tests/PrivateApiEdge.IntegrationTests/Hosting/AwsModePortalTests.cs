using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws;

namespace PrivateApiEdge.IntegrationTests.Hosting;

/// <summary>The portal configured for real AWS: no sandbox starts and nothing claims there is one.</summary>
public sealed class AwsModePortalTests : IClassFixture<AwsModePortalTests.AwsModePortalFactory>
{
    private readonly AwsModePortalFactory _factory;

    public AwsModePortalTests(AwsModePortalFactory factory) => _factory = factory;

    [Fact]
    public async Task In_aws_mode_no_page_shows_the_sandbox_banner()
    {
        using var client = _factory.CreateClient();

        foreach (var path in new[] { "/", "/deployments" })
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

            Assert.Contains("PrivateApiEdge", html, StringComparison.Ordinal);
            Assert.DoesNotContain("sandbox-banner", html, StringComparison.Ordinal);
        }

        var endpoint = _factory.Services.GetRequiredService<CurrentAwsMode>();
        Assert.Equal((AwsMode.Aws, null), (endpoint.Mode, endpoint.BaseAddress));
    }

    public sealed class AwsModePortalFactory : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Aws:Mode", "Aws");
        }
    }
}
