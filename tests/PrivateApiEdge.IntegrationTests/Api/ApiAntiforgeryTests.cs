using System.Net;
using PrivateApiEdge.IntegrationTests.Auth;
using PrivateApiEdge.Web.Features.Api;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Api;

/// <summary>
/// A browser's cookie must not be usable from another site: a state-changing API call made with the cookie needs
/// the <see cref="ApiCsrfFilter.HeaderName"/> header, and a form post needs the antiforgery token.
/// </summary>
public sealed class ApiAntiforgeryTests : IClassFixture<ApiPortalFactory>
{
    private readonly ApiPortalFactory _portal;

    public ApiAntiforgeryTests(ApiPortalFactory portal) => _portal = portal;

    [Fact]
    public async Task A_cookie_authenticated_post_without_the_header_is_refused_and_changes_nothing()
    {
        using var client = CookieClient();
        var (jobs, deployments) = (_portal.EnqueuedJobs.Count, await _portal.DeploymentCountAsync());

        using var response = await ApiPortalFactory.PostJsonAsync(client, "/api/deployments", DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("csrf")));

        await ApiClient.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(ApiCsrfFilter.HeaderName, (await ApiClient.ProblemAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(jobs, _portal.EnqueuedJobs.Count);
        Assert.Equal(deployments, await _portal.DeploymentCountAsync());
    }

    [Fact]
    public async Task A_cookie_authenticated_post_with_the_header_is_accepted()
    {
        using var client = CookieClient();
        client.DefaultRequestHeaders.Add(ApiCsrfFilter.HeaderName, "tests");

        var created = await ApiClient.CreateAsync(client, DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("csrf")));

        Assert.Equal("cookie-user", created.Owner);
    }

    [Fact]
    public async Task A_script_signed_in_through_the_real_sign_in_page_uses_the_api_and_needs_the_header_to_change_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        using var script = _portal.CreateAnonymousClient();
        using (var setUp = await PortalForms.SetUpAdminAsync(script, _portal.BootstrapToken, "ops-admin", "correct horse battery staple 42", ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, setUp.StatusCode);
        }

        using (var list = await script.GetAsync(new Uri("/api/deployments", UriKind.Relative), ct))
        {
            await ApiClient.ExpectAsync(list, HttpStatusCode.OK);
        }

        using (var forged = await ApiPortalFactory.PostJsonAsync(script, "/api/deployments", DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("script"))))
        {
            await ApiClient.ExpectAsync(forged, HttpStatusCode.BadRequest);
        }

        script.DefaultRequestHeaders.Add(ApiCsrfFilter.HeaderName, "cli");
        var created = await ApiClient.CreateAsync(script, DeploymentRequests.DemoBody(ApiPortalFactory.UniqueName("script")));
        Assert.Equal("ops-admin", created.Owner);
    }

    [Fact]
    public async Task A_cookie_authenticated_read_needs_no_header()
    {
        using var client = CookieClient();

        using var response = await client.GetAsync(new Uri("/api/deployments", UriKind.Relative), TestContext.Current.CancellationToken);

        await ApiClient.ExpectAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_form_post_to_a_page_without_the_antiforgery_token_is_refused()
    {
        using var client = _portal.CreateClientFor("alice", PortalRoles.Requester);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "deploy", ["Name"] = "forged" });

        var logged = _portal.Logs.Lines.Count;

        using var response = await client.PostAsync(new Uri("/deployments/new", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // The page answers a bare 400; the log says it was the token (not, say, an unknown form handler).
        Assert.Contains(_portal.Logs.Lines.Skip(logged), l => l.Contains("antiforgery middleware already failed to validate", StringComparison.Ordinal));
    }

    /// <summary>A client that authenticates only with the portal's real sign-in cookie (no test headers).</summary>
    private HttpClient CookieClient()
    {
        var client = _portal.CreateAnonymousClient();
        client.DefaultRequestHeaders.Add("Cookie", _portal.AuthenticationCookie("cookie-user", PortalRoles.Requester));
        return client;
    }
}
