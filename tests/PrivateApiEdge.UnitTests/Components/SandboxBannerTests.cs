using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Components.Shared;

namespace PrivateApiEdge.UnitTests.Components;

public sealed class SandboxBannerTests : PortalComponentTest
{
    [Fact]
    public void The_banner_shows_when_the_portal_talks_to_the_sandbox()
    {
        Services.AddSingleton(new CurrentAwsMode { Mode = AwsMode.Sandbox });
        RenderPopoverProvider();

        var cut = Render<SandboxBanner>();

        Assert.Contains("Sandbox", cut.Find("[data-testid=sandbox-banner]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_banner_stays_away_when_the_portal_talks_to_aws()
    {
        Services.AddSingleton(new CurrentAwsMode { Mode = AwsMode.Aws });

        var cut = Render<SandboxBanner>();

        Assert.Empty(cut.FindAll("[data-testid=sandbox-banner]"));
        Assert.Equal("", cut.Markup.Trim());
    }
}
