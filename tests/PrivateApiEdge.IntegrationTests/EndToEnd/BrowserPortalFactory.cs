using Microsoft.AspNetCore.Hosting;
using PrivateApiEdge.IntegrationTests.Hosting;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>
/// The portal as a user meets it: unlike the other integration tests (which run jobs themselves), a Hangfire
/// server processes the deployments the browser starts.
/// </summary>
public sealed class BrowserPortalFactory : PortalAppFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("BackgroundJobs:RunServer", "true");
    }
}
