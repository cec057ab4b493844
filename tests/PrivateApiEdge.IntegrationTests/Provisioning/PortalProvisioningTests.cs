using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Provisioning;

/// <summary>
/// The whole portal host (Development: DI validated on build), its Hangfire server on persistent storage and the
/// in-process sandbox. Follows the suite's database switch: SQLite files, or PostgreSQL for the portal and Hangfire.
/// </summary>
public sealed class PortalProvisioningTests
{
    private static readonly PortalUser Alice = new("alice", "Alice", IsAdmin: false);

    [Fact]
    public async Task Through_the_portal_host_a_deployment_is_preflighted_provisioned_by_hangfire_tested_and_torn_down()
    {
        var database = Path.Combine(Path.GetTempPath(), $"pae-portal-{Guid.NewGuid():N}.db");
        var jobs = Path.Combine(Path.GetTempPath(), $"pae-portal-jobs-{Guid.NewGuid():N}.db");
        var postgres = TestDatabase.IsPostgres ? TestDatabase.CreatePostgresDatabase() : null;
        try
        {
            await using var portal = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
                .UseEnvironment("Development")
                .UseSetting("Database:Provider", postgres is null ? "Sqlite" : "Postgres")
                .UseSetting("Database:ConnectionString", postgres ?? $"Data Source={database};Pooling=False")
                .UseSetting("BackgroundJobs:SqliteConnectionString", jobs)
                .UseSetting("BackgroundJobs:RunServer", "true")
                .UseSetting("Aws:Mode", "Sandbox")
                .UseSetting("Sandbox:LatencyProfile", "instant")
                .UseSetting("Sandbox:StateFile", ""));
            using var client = portal.CreateClient();
            using var scope = portal.Services.CreateScope();
            var deployments = scope.ServiceProvider.GetRequiredService<DeploymentService>();
            var request = DeploymentRequests.Demo("portal");
            var ct = TestContext.Current.CancellationToken;

            var preflight = await deployments.PreflightAsync(request, Alice, ct);
            Assert.True(preflight.Passed, preflight.Summary());

            var created = await deployments.CreateAsync(request, Alice, ct);
            var provisioned = await WaitForAsync(deployments, created.Id, d => d.IsFinished, ct);
            Assert.True(provisioned.Status == DeploymentStatus.Succeeded, $"{provisioned.FailedStep}: {provisioned.Error}");

            var test = await deployments.RunEndpointTestAsync(created.Id, Alice, ct);
            Assert.True(test.Passed, $"{test.StatusCode} {test.FailingHop}: {test.Diagnosis}");

            await deployments.TeardownAsync(created.Id, Alice, ct);
            var tornDown = await WaitForAsync(deployments, created.Id, d => d.Status is DeploymentStatus.TornDown or DeploymentStatus.TeardownFailed, ct);
            Assert.Equal(DeploymentStatus.TornDown, tornDown.Status);
            Assert.All(tornDown.Steps.Where(s => s.Phase == DeploymentPhase.Teardown), s => Assert.True(s.IsComplete, s.Name));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
            File.Delete(jobs);
            if (postgres is not null)
            {
                TestDatabase.DropPostgresDatabase(postgres);
            }
        }
    }

    private static Task<Deployment> WaitForAsync(DeploymentService deployments, Guid id, Func<Deployment, bool> done, CancellationToken cancellationToken) =>
        Eventually.ReturnsAsync(
            async () => await deployments.GetAsync(id, Alice, cancellationToken) ?? throw new InvalidOperationException("gone"),
            done,
            $"deployment {id}",
            TimeSpan.FromMinutes(3),
            deployment => $"{deployment.Status}: " + string.Join(", ", deployment.ActiveSteps.Where(s => !s.IsComplete).Select(s => $"{s.Name}={s.Status} {s.WaitReason}")),
            TimeSpan.FromMilliseconds(200));
}
