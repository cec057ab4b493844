using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>
/// Every /api route × anonymous / the owning requester / another requester / admin / a signed-in user without a
/// role. Another requester meets 404 on someone else's deployment, exactly as if it did not exist.
/// </summary>
public sealed class ApiAuthorizationMatrixTests : IClassFixture<ApiPortalFactory>
{
    private const string Owner = "owner";

    private readonly ApiPortalFactory _portal;

    public ApiAuthorizationMatrixTests(ApiPortalFactory portal) => _portal = portal;

    public enum Caller
    {
        Anonymous,
        OwningRequester,
        OtherRequester,
        Admin,
        NoRole,
    }

    /// <summary>Route (with {id} for a deployment of <see cref="Owner"/>), caller, expected status.</summary>
    public static TheoryData<string, Caller, int> Matrix
    {
        get
        {
            var data = new TheoryData<string, Caller, int>();
            void Row(string route, int anonymous, int owner, int other, int admin)
            {
                data.Add(route, Caller.Anonymous, anonymous);
                data.Add(route, Caller.OwningRequester, owner);
                data.Add(route, Caller.OtherRequester, other);
                data.Add(route, Caller.Admin, admin);
                data.Add(route, Caller.NoRole, route.StartsWith("GET /openapi", StringComparison.Ordinal) ? 200 : 403);
            }

            // A fresh deployment is Pending: resume and retry are refused as conflicts, but only once the caller may see it.
            Row("POST /api/deployments", 401, 201, 201, 201);
            Row("POST /api/deployments/preflight", 401, 200, 200, 200);
            Row("GET /api/deployments", 401, 200, 200, 200);
            Row("GET /api/deployments/{id}", 401, 200, 404, 200);
            Row("GET /api/deployments/{id}/log", 401, 200, 404, 200);
            Row("POST /api/deployments/{id}/endpoint-test", 401, 200, 404, 200);
            Row("POST /api/deployments/{id}/resume", 401, 409, 404, 409);
            Row("POST /api/deployments/{id}/steps/load-balancer/retry", 401, 409, 404, 409);
            Row("POST /api/deployments/{id}/teardown", 401, 202, 404, 202);
            Row("GET /openapi/v1.json", 401, 200, 200, 200);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_api_route_answers_each_kind_of_caller_as_the_matrix_says(string route, Caller caller, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var id = await SeedDeploymentAsync();
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{id}", id.ToString(), StringComparison.Ordinal));
        using var client = caller switch
        {
            Caller.Anonymous => _portal.CreateAnonymousClient(),
            Caller.OwningRequester => _portal.CreateClientFor(Owner, PortalRoles.Requester),
            Caller.OtherRequester => _portal.CreateClientFor("someone-else", PortalRoles.Requester),
            Caller.Admin => _portal.CreateClientFor("root", PortalRoles.Admin),
            _ => _portal.CreateClientFor("nobody-in-particular"),
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (method == "POST" && path.EndsWith("/deployments", StringComparison.Ordinal) || path.EndsWith("/preflight", StringComparison.Ordinal))
        {
            request.Content = System.Net.Http.Json.JsonContent.Create(ApiPortalFactory.ValidBody(ApiPortalFactory.UniqueName("matrix")), options: ApiPortalFactory.Json);
        }

        using var response = await client.SendAsync(request, ct);

        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.True((int)response.StatusCode == expected, $"{route} as {caller}: {(int)response.StatusCode} {body}");
        if (expected >= 400)
        {
            // Never the sign-in page or an HTML error page: a script gets problem details.
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
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
        var form = MalformedDeploymentInputs.ValidForm(ApiPortalFactory.UniqueName("seed"));
        var deployment = await scope.ServiceProvider.GetRequiredService<DeploymentService>()
            .CreateAsync(DeploymentRequestFactory.From(form), new PortalUser(Owner, Owner, IsAdmin: false), TestContext.Current.CancellationToken);
        return deployment.Id;
    }
}
