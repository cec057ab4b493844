using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using PrivateApiEdge.IntegrationTests.Auth;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Hosting;

public sealed class PortalHostTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory _factory;

    public PortalHostTests(PortalAppFactory factory) => _factory = factory;

    [Fact]
    public async Task Starting_the_portal_creates_the_database_file_and_applies_every_migration()
    {
        using var client = _factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(File.Exists(_factory.DatabasePath), $"expected {_factory.DatabasePath}");
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var applied = await ReadColumnAsync(connection, "SELECT MigrationId FROM __EFMigrationsHistory");
        var expected = typeof(PrivateApiEdge.Web.Data.PortalDbContext).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false).Length > 0)
            .Select(t => ((Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute)t.GetCustomAttributes(typeof(Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute), false)[0]).Id)
            .Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, applied.Order().ToList());
        var tables = await ReadColumnAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'");
        Assert.Contains("Deployments", tables);
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
    public async Task Hangfire_dashboard_refuses_an_anonymous_request()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
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
        using var client = _factory.CreateClient();

        var html = await client.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("Put a private API behind a public CloudFront domain", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"sandbox-banner\"", html, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ReadColumnAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
