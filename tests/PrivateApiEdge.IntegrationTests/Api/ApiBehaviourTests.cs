using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>Listing, reading and command errors of the API: problem details with the status a script can act on.</summary>
public sealed class ApiBehaviourTests : IClassFixture<ApiPortalFactory>
{
    private readonly ApiPortalFactory _portal;

    public ApiBehaviourTests(ApiPortalFactory portal) => _portal = portal;

    [Fact]
    public async Task The_list_pages_sorts_filters_by_status_and_searches_within_the_callers_deployments()
    {
        var owner = ApiPortalFactory.UniqueName("lister");
        var stem = ApiPortalFactory.UniqueName("ls");
        foreach (var i in Enumerable.Range(0, 5))
        {
            await SeedAsync(owner, $"{stem}-{i}");
        }

        using var client = _portal.CreateClientFor(owner, PortalRoles.Requester);
        var page = await ListAsync(client, $"?search={stem}&sort=Name&descending=false&page=1&pageSize=2&status=Pending");

        Assert.Equal(5, page.TotalCount);
        Assert.Equal([$"{stem}-2", $"{stem}-3"], page.Items.Select(i => i.Name));
        Assert.All(page.Items, i => Assert.Equal(owner, i.Owner));
        Assert.Equal(0, (await ListAsync(client, $"?search={stem}&status=Succeeded")).TotalCount);
    }

    [Theory]
    [InlineData("?status=Done", "status")]
    [InlineData("?status=2", "status")]
    [InlineData("?sort=Price", "sort")]
    [InlineData("?pageSize=500", "pageSize")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?page=-1", "page")]
    [InlineData("?descending=maybe", "descending")]
    [InlineData("?search=%00", "search")]
    [InlineData("?search=%E2%80%AE", "search")]
    public async Task A_bad_list_parameter_is_a_400_naming_it(string query, string field)
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);

        using var response = await client.GetAsync(new Uri("/api/deployments" + query, UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull((await ApiClient.ProblemAsync(response))["errors"]?[field]);
    }

    [Fact]
    public async Task A_missing_deployment_and_an_unknown_route_are_404_problems_not_pages()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);

        using var missing = await client.GetAsync(new Uri($"/api/deployments/{Guid.NewGuid()}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var unknown = await client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative), TestContext.Current.CancellationToken);
        using var notAnId = await client.GetAsync(new Uri("/api/deployments/not-a-guid", UriKind.Relative), TestContext.Current.CancellationToken);

        foreach (var response in new[] { missing, unknown, notAnId })
        {
            await ApiClient.ExpectAsync(response, HttpStatusCode.NotFound);
            Assert.Equal(404, (await ApiClient.ProblemAsync(response))["status"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Resuming_a_deployment_that_has_not_failed_is_a_409_saying_why()
    {
        var id = await SeedAsync("alice", ApiPortalFactory.UniqueName("resume"));
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);

        using var response = await client.PostAsync(new Uri($"/api/deployments/{id}/resume", UriKind.Relative), null, TestContext.Current.CancellationToken);

        await ApiClient.ExpectAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("Only a failed deployment", (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Load-Balancer")]
    [InlineData("%3Cscript%3E")]
    [InlineData("load%20balancer")]
    public async Task Retrying_a_step_with_a_malformed_name_is_a_400_on_the_step(string step)
    {
        var id = await SeedAsync("alice", ApiPortalFactory.UniqueName("retry"));
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        var jobs = _portal.EnqueuedJobs.Count;

        using var response = await client.PostAsync(new Uri($"/api/deployments/{id}/steps/{step}/retry", UriKind.Relative), null, TestContext.Current.CancellationToken);

        await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull((await ApiClient.ProblemAsync(response))["errors"]?["step"]);
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
    }

    [Fact]
    public async Task A_refused_create_is_audited_by_field_name_without_the_hostile_value()
    {
        var actor = ApiPortalFactory.UniqueName("auditee");
        using var client = _portal.CreateClientFor(actor, PortalRoles.Requester);
        var body = DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("audit")) with { DomainName = "<script>alert(1)</script>.example.com" };

        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments", body);

        await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        var entries = await _portal.Services.GetRequiredService<AuditLog>()
            .ListAsync(new AuditQuery { Actor = actor }, TestContext.Current.CancellationToken);
        var entry = Assert.Single(entries.Items);
        Assert.Equal((AuditActions.CreateDeployment, AuditOutcome.Rejected), (entry.Action, entry.Outcome));
        Assert.Contains("domainName", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_log_read_pages_by_line_id()
    {
        var id = await SeedAsync("alice", ApiPortalFactory.UniqueName("log"));
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);

        var first = await LogAsync(client, id, "?max=1");
        var rest = await LogAsync(client, id, $"?afterId={first.Single().Id}");

        Assert.Contains("Created by alice", first.Single().Message, StringComparison.Ordinal);
        Assert.All(rest, l => Assert.True(l.Id > first.Single().Id));
    }

    private static async Task<List<DeploymentLogEntryDto>> LogAsync(HttpClient client, Guid id, string query)
    {
        using var response = await client.GetAsync(new Uri($"/api/deployments/{id}/log{query}", UriKind.Relative), TestContext.Current.CancellationToken);
        await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
        return await ApiClient.ReadAsync<List<DeploymentLogEntryDto>>(response);
    }

    private static async Task<DeploymentListDto> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/deployments" + query, UriKind.Relative), TestContext.Current.CancellationToken);
        await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
        return await ApiClient.ReadAsync<DeploymentListDto>(response);
    }

    private async Task<Guid> SeedAsync(string owner, string name)
    {
        using var scope = _portal.Services.CreateScope();
        var request = DeploymentRequestFactory.From(DeploymentRequests.DemoForm(name));
        var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>()
            .CreateAsync(request, new PortalUser(owner, owner, IsAdmin: false), TestContext.Current.CancellationToken);
        return deployment.Id;
    }
}
