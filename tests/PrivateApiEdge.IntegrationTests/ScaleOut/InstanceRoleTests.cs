using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.ScaleOut;

public sealed class InstanceRoleTests
{
    [Fact]
    public async Task A_worker_instance_serves_health_but_no_ui()
    {
        await using var worker = new RoleFactory("Worker", runJobs: true);
        using var client = worker.CreateClientFor("alice", PortalRoles.Requester);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, home.StatusCode);
        Assert.Contains(worker.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_web_instance_serves_the_ui_but_runs_no_jobs()
    {
        await using var web = new RoleFactory("Web", runJobs: true);
        using var client = web.CreateClientFor("alice", PortalRoles.Requester);

        using var home = await client.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.DoesNotContain(web.Services.GetServices<IHostedService>(), s => s.GetType().Name.Contains("BackgroundJobServer", StringComparison.Ordinal));
        Assert.NotNull(web.Services.GetRequiredService<IBackgroundJobClient>());
    }

    private sealed class RoleFactory(string role, bool runJobs) : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Instance:Role", role);
            builder.UseSetting("BackgroundJobs:RunServer", runJobs.ToString());
        }
    }
}
