using Microsoft.Playwright;
using PrivateApiEdge.Web.Features.Audit;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class AccountPagesTests
{
    private readonly BrowserFixture _browser;

    public AccountPagesTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task A_visitor_signs_in_lands_on_the_page_they_asked_for_and_signs_out_again()
    {
        var page = await _browser.NewPageAsync(user: BrowserUser.Anonymous);

        await page.GotoAsync("/deployments");
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "sign-in.png") });
        await BrowserFixture.SignInOnPageAsync(page, BrowserFixture.RequesterName, BrowserFixture.Password);
        await page.WaitForURLAsync(url => url.EndsWith("/deployments", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);

        Assert.Contains("E2E Requester", await page.GetByTestId("signed-in-user").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Audit log" }).CountAsync());

        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        await page.GotoAsync("/deployments");
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_is_refused_on_the_page()
    {
        var page = await _browser.NewPageAsync(user: BrowserUser.Anonymous);

        await BrowserFixture.SignInOnPageAsync(page, BrowserFixture.AdminName, "not the password");

        await page.GetByTestId("sign-in-error").WaitForAsync();
        Assert.Contains("/account/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_sees_the_users_and_the_audit_log_of_what_happened()
    {
        var page = await _browser.NewPageAsync(user: BrowserUser.Admin);

        await page.GotoAsync("/users");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await page.GetByTestId("user-name").Filter(new() { HasText = BrowserFixture.RequesterName }).WaitForAsync();
        var users = (await page.GetByTestId("user-name").AllInnerTextsAsync()).Select(u => u.Trim()).ToList();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "users.png"), FullPage = true });

        await page.GotoAsync("/audit");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        var rows = page.GetByTestId("audit-grid").Locator("tbody tr");
        var setup = rows.Filter(new() { HasText = AuditActions.SetupAdmin }).First;
        await setup.WaitForAsync();
        var requesterCreated = rows.Filter(new() { HasText = AuditActions.CreateAccount }).First;
        await requesterCreated.WaitForAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "audit.png"), FullPage = true });

        Assert.Contains(BrowserFixture.AdminName, users);
        Assert.Contains(BrowserFixture.RequesterName, users);
        Assert.Contains(BrowserFixture.AdminName, await setup.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(BrowserFixture.AdminName, await requesterCreated.InnerTextAsync(), StringComparison.Ordinal);
    }
}
