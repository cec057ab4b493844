using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PrivateApiEdge.IntegrationTests.Auth;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.Users;

/// <summary>The built-in accounts through the real pages and cookies (no test handler headers anywhere here).</summary>
public sealed class SignInTests
{
    private const string AdminPassword = "correct horse battery staple";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_first_admin_is_created_only_with_the_bootstrap_token_and_then_the_setup_page_is_gone()
    {
        await using var portal = new PortalAppFactory();
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var wrongToken = await PortalForms.SetUpAdminAsync(browser, "not-the-token", "root", AdminPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, wrongToken.StatusCode);
        Assert.Contains("bootstrap token is wrong", await wrongToken.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var setUp = await PortalForms.SetUpAdminAsync(browser, portal.BootstrapToken, "root", AdminPassword, Ct);
        AssertRedirectsWithinPortal(setUp, "/");

        using var home = await browser.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("root (admin)", await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var anonymous = portal.CreateAnonymousClient();
        using var setupAgain = await anonymous.GetAsync(new Uri("/account/setup", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NotFound, setupAgain.StatusCode);
        Assert.Single(await ListAccountsAsync(portal));
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in_and_back_to_the_page_they_asked_for()
    {
        await using var portal = new PortalAppFactory();
        await CreateAccountAsync(portal, "carol", PortalRoles.Requester);
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var challenge = await browser.GetAsync(new Uri("/deployments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.Equal("/account/login", challenge.Headers.Location?.AbsolutePath);

        using var signedIn = await PortalForms.SignInAsync(browser, "carol", AdminPassword, Ct, returnUrl: "/deployments");
        AssertRedirectsWithinPortal(signedIn, "/deployments");

        using var dashboard = await browser.GetAsync(new Uri("/deployments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("//evil.example.com/")]
    [InlineData("/\\evil.example.com/")]
    [InlineData("javascript:alert(1)")]
    public async Task A_return_url_off_the_portal_sends_the_user_to_the_start_page_instead(string returnUrl)
    {
        await using var portal = new PortalAppFactory();
        await CreateAccountAsync(portal, "dave", PortalRoles.Requester);
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var signedIn = await PortalForms.SignInAsync(browser, "dave", AdminPassword, Ct, returnUrl);

        AssertRedirectsWithinPortal(signedIn, "/");
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_password_and_every_attempt_is_audited()
    {
        await using var portal = new PortalAppFactory();
        await CreateAccountAsync(portal, "erin", PortalRoles.Requester);
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        for (var i = 0; i < new AccountOptions().MaxFailedSignIns; i++)
        {
            using var wrong = await PortalForms.SignInAsync(browser, "erin", "wrong password " + i, Ct);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
            Assert.Contains("user name or password is wrong", await wrong.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var locked = await PortalForms.SignInAsync(browser, "erin", AdminPassword, Ct);
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var audit = await portal.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery { Actor = "erin", Action = AuditActions.SignIn }, Ct);
        Assert.Equal(new AccountOptions().MaxFailedSignIns + 1, audit.TotalCount);
        Assert.All(audit.Items, e => Assert.Equal(AuditOutcome.Rejected, e.Outcome));
    }

    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token_and_ends_the_session()
    {
        await using var portal = new PortalAppFactory();
        await CreateAccountAsync(portal, "frank", PortalRoles.Requester);
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await PortalForms.SignInAsync(browser, "frank", AdminPassword, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        using (var forged = new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }))
        {
            using var refused = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), forged, Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using var stillIn = await browser.GetAsync(new Uri("/deployments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);

        var html = await stillIn.Content.ReadAsStringAsync(Ct);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        using (var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token) }))
        {
            using var signedOut = await browser.PostAsync(new Uri("/account/logout", UriKind.Relative), form, Ct);
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        using var after = await browser.GetAsync(new Uri("/deployments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        var audit = await portal.Services.GetRequiredService<AuditLog>().ListAsync(new AuditQuery { Actor = "frank", Action = AuditActions.SignOut }, Ct);
        Assert.Equal(1, audit.TotalCount);
    }

    [Fact]
    public async Task A_disabled_account_loses_its_session_at_the_next_request()
    {
        await using var portal = new PortalAppFactory();
        var account = await CreateAccountAsync(portal, "grace", PortalRoles.Requester);
        using var browser = portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var signedIn = await PortalForms.SignInAsync(browser, "grace", AdminPassword, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        await using (var scope = portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().SetDisabledAsync(account.Id, true, new PortalUser("root", "Root", IsAdmin: true), Ct);
        }

        using var after = await browser.GetAsync(new Uri("/deployments", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location?.AbsolutePath);
    }

    /// <summary>A redirect to <paramref name="path"/> on the portal itself (relative, or absolute to the portal's own host).</summary>
    internal static void AssertRedirectsWithinPortal(HttpResponseMessage response, string path)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        var absolute = location.IsAbsoluteUri ? location : new Uri(new Uri("http://localhost"), location);
        Assert.Equal("localhost", absolute.Host);
        Assert.Equal(path, absolute.PathAndQuery);
    }

    internal static async Task<UserAccount> CreateAccountAsync(PortalAppFactory portal, string userName, string role, string password = AdminPassword)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>()
            .CreateAsync(new NewAccount(userName, userName, password, role), new PortalUser("root", "Root", IsAdmin: true), Ct);
    }

    private static async Task<IReadOnlyList<UserAccount>> ListAccountsAsync(PortalAppFactory portal)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountService>().ListAsync(Ct);
    }
}
