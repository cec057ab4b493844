using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>
/// What the shared matrix (Authorization/AuthorizationMatrixTests, which holds the /api rows for anonymous,
/// requester, other requester and admin) does not cover: a signed-in user without a portal role is refused every
/// API route with 403 problem details, and lists are filtered by owner.
/// </summary>
public sealed class ApiAuthorizationMatrixTests : IClassFixture<ApiPortalFactory>
{
    private const string Owner = "owner";

    private readonly ApiPortalFactory _portal;

    public ApiAuthorizationMatrixTests(ApiPortalFactory portal) => _portal = portal;

    public static TheoryData<string> Routes =>
    [
        "POST /api/deployments",
        "POST /api/deployments/preflight",
        "GET /api/deployments",
        "GET /api/deployments/{id}",
        "GET /api/deployments/{id}/log",
        "POST /api/deployments/{id}/endpoint-test",
        "POST /api/deployments/{id}/resume",
        "POST /api/deployments/{id}/steps/load-balancer/retry",
        "POST /api/deployments/{id}/teardown",
    ];

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task A_signed_in_user_without_a_portal_role_is_refused_every_api_route(string route)
    {
        const int expected = 403;
        var ct = TestContext.Current.CancellationToken;
        var id = await SeedDeploymentAsync();
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{id}", id.ToString(), StringComparison.Ordinal));
        using var client = _portal.CreateClientFor("nobody-in-particular");
        var (jobs, deployments) = (_portal.EnqueuedJobs.Count, await _portal.DeploymentCountAsync());
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST" && path.EndsWith("/deployments", StringComparison.Ordinal) || path.EndsWith("/preflight", StringComparison.Ordinal))
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("matrix")), options: ApiPortalFactory.Json);
        }

        using var response = await client.SendAsync(request, ct);

        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True((int)response.StatusCode == expected, $"{route}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
        Assert.Equal(deployments, await _portal.DeploymentCountAsync());
    }

    [Fact]
    public async Task Another_requesters_list_leaves_the_deployment_out_and_an_admins_list_has_it()
    {
        var id = await SeedDeploymentAsync();
        using var other = _portal.CreateClientFor("someone-else", PortalRoles.Requester);
        using var admin = _portal.CreateClientFor("root", PortalRoles.Admin);

        var othersView = await ListAsync(other);
        var adminsView = await ListAsync(admin);

        Assert.DoesNotContain(othersView.Items, d => d.Id == id);
        Assert.Contains(adminsView.Items, d => d.Id == id);
    }

    private static async Task<Web.Features.Api.DeploymentListDto> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/api/deployments?pageSize=200&sort=CreatedAt", UriKind.Relative), TestContext.Current.CancellationToken);
        await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
        return await ApiClient.ReadAsync<Web.Features.Api.DeploymentListDto>(response);
    }

    /// <summary>A Pending deployment of <see cref="Owner"/>, stored through the service (no AWS call, no job run).</summary>
    private async Task<Guid> SeedDeploymentAsync()
    {
        using var scope = _portal.Services.CreateScope();
        var form = DeploymentRequests.DemoForm(ApiPortalFactory.UniqueName("seed"));
        var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>()
            .CreateAsync(DeploymentRequestFactory.From(form), new PortalUser(Owner, Owner, IsAdmin: false), TestContext.Current.CancellationToken);
        return deployment.Id;
    }
}
