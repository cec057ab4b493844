using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.IntegrationTests.Auth;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Hosting;

public sealed class PortalHostTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory _factory;

    public PortalHostTests(PortalAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Starting_the_portal_creates_the_database_and_applies_every_migration()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        var databases = _factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await databases.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var committed = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken)).ToList();

        Assert.Equal(TestDatabase.IsPostgres ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite", db.Database.ProviderName);
        Assert.NotEmpty(committed);
        Assert.Equal(committed, applied);
        Assert.Equal(0, await db.Deployments.CountAsync(d => d.Name == "no-such-deployment", TestContext.Current.CancellationToken));
        if (!TestDatabase.IsPostgres)
        {
            Assert.True(File.Exists(_factory.DatabasePath), $"expected the SQLite file {_factory.DatabasePath}");
        }
    }

    [Fact]
    public async Task Health_endpoint_reports_the_database_and_the_sandbox_healthy()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("aws-endpoint").GetProperty("status").GetString());
        Assert.Contains("sandbox at http://127.0.0.1:", checks.GetProperty("aws-endpoint").GetProperty("Description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hangfire_dashboard_sends_an_anonymous_request_to_the_sign_in_page()
    {
        using var client = _factory.CreateAnonymousClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task Hangfire_dashboard_refuses_a_signed_in_requester()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, "alice");
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, PortalRoles.Requester);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Hangfire_dashboard_serves_an_admin()
    {
        using var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthHandler.UserHeader, "root");
        client.DefaultRequestHeaders.Add(TestAuthHandler.RolesHeader, PortalRoles.Admin);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Hangfire Dashboard", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_is_served_with_the_sandbox_banner_in_sandbox_mode()
    {
        using var client = _factory.CreateClientFor("alice", PortalRoles.Requester);

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Put a private API behind a public CloudFront domain", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sandbox-banner\"", html, StringComparison.Ordinal);
    }
}
