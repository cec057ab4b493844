using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivateApiEdge.Testing;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.EndToEnd.Accessibility;

/// <summary>
/// Every page of the portal, in light and in dark mode, in the states a user meets (empty and filled, errors shown,
/// dialogs open), checked by axe-core against WCAG 2.1 A and AA.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests
{
    private static readonly SemaphoreSlim LiveGate = new(1, 1);
    private static Guid? _liveDeployment;

    private readonly BrowserFixture _browser;

    public AccessibilityTests(BrowserFixture browser) => _browser = browser;

    public static TheoryData<string, bool> States()
    {
        string[] states =
        [
            "sign-in", "setup", "access-denied", "not-found", "home", "dashboard", "teardown-dialog", "new-deployment",
            "new-deployment-preflight", "deployment-failed", "deployment-live", "users", "audit",
        ];
        var data = new TheoryData<string, bool>();
        foreach (var state in states)
        {
            data.Add(state, false);
            data.Add(state, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(States))]
    public async Task Page_meets_wcag_2_1_aa(string state, bool dark)
    {
        var page = await _browser.NewPageAsync(user: UserOf(state), colorScheme: dark ? ColorScheme.Dark : ColorScheme.Light);
        await OpenAsync(page, state);
        if (dark && !IsStatic(state))
        {
            await Assertions.Expect(page.GetByTestId("dark-mode-toggle")).ToHaveAttributeAsync("aria-pressed", "true");
        }

        await Axe.AssertNoViolationsAsync(page, $"{state}-{(dark ? "dark" : "light")}");
        await page.Context.CloseAsync();
    }

    private static BrowserUser UserOf(string state) => state switch
    {
        "sign-in" or "setup" => BrowserUser.Anonymous,
        "users" or "audit" => BrowserUser.Admin,
        _ => BrowserUser.Requester,
    };

    private static bool IsStatic(string state) => state is "sign-in" or "setup" or "access-denied";

    private async Task OpenAsync(IPage page, string state)
    {
        switch (state)
        {
            case "sign-in":
                await page.GotoAsync("/account/login");
                break;
            case "setup":
                await page.GotoAsync("/account/setup");
                break;
            case "access-denied":
                await page.GotoAsync("/account/access-denied");
                break;
            case "not-found":
                await GoAsync(page, "/not-found");
                break;
            case "home":
                await GoAsync(page, "/");
                await page.GetByTestId("check-connection").ClickAsync();
                await page.GetByTestId("connection-result").WaitForAsync();
                break;
            case "dashboard":
                await OpenDashboardAsync(page, await SeedAsync());
                break;
            case "teardown-dialog":
                var prefix = await SeedAsync();
                await OpenDashboardAsync(page, prefix);
                await page.GetByTestId($"teardown-{prefix}-0").ClickAsync();
                await page.GetByTestId("confirm-teardown-dialog").WaitForAsync();
                break;
            case "new-deployment":
                await GoAsync(page, "/deployments/new");
                await page.GetByTestId("options-panel").GetByText("Options").ClickAsync();
                await page.GetByTestId("field-tags").WaitForAsync();
                await page.GetByTestId("deploy").ClickAsync();
                await page.GetByTestId("form-invalid").WaitForAsync();
                break;
            case "new-deployment-preflight":
                var form = new NewDeploymentForm(page);
                await form.OpenAsync();
                await form.FillDemoValuesAsync($"axe{Guid.NewGuid():N}"[..10]);
                await page.GetByTestId("run-preflight").ClickAsync();
                await page.GetByTestId("preflight-summary").WaitForAsync(new() { Timeout = 15_000 });
                break;
            case "deployment-failed":
                var failed = await SeedAsync();
                await GoAsync(page, $"/deployments/{await IdOfAsync($"{failed}-1")}");
                await page.GetByTestId("deployment-error").WaitForAsync();
                break;
            case "deployment-live":
                await GoAsync(page, $"/deployments/{await LiveDeploymentAsync()}");
                await Assertions.Expect(page.GetByTestId("endpoint-test-result")).ToHaveAttributeAsync("data-passed", "true");
                break;
            case "users":
                await GoAsync(page, "/users");
                await page.GetByTestId("users-table").WaitForAsync();
                break;
            case "audit":
                await GoAsync(page, "/audit");
                await page.Locator("[data-testid=audit-grid] tbody tr").First.WaitForAsync();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, "no such page state");
        }
    }

    private static async Task GoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
    }

    private static async Task OpenDashboardAsync(IPage page, string prefix)
    {
        await GoAsync(page, "/deployments");
        await page.GetByTestId("deployments-search").Locator("input").FillAsync(prefix);
        await Assertions.Expect(page.Locator("[data-testid=deployments-grid] tbody tr")).ToHaveCountAsync(6, new() { Timeout = 10_000 });
    }

    /// <summary>Six deployments, one in each status the dashboard colours differently; the failed one with an error.</summary>
    private async Task<string> SeedAsync()
    {
        var prefix = $"axe{Guid.NewGuid():N}"[..9];
        var factory = _browser.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        DeploymentStatus[] statuses = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.Provisioning, DeploymentStatus.TornDown, DeploymentStatus.TeardownFailed, DeploymentStatus.Pending];
        var ids = new List<Guid>();
        for (var i = 0; i < statuses.Length; i++)
        {
            var request = DeploymentRequests.Demo($"{prefix}-{i}");
            var deployment = Deployment.Create(Guid.NewGuid(), request, BrowserFixture.RequesterName, StepPlan.Provisioning.Select(s => s.Name), DateTimeOffset.UtcNow);
            db.Deployments.Add(deployment);
            ids.Add(deployment.Id);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var status = statuses[i];
            var error = status is DeploymentStatus.Failed or DeploymentStatus.TeardownFailed ? "The load balancer could not be created: LimitExceeded" : null;
            await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.Error, error), TestContext.Current.CancellationToken);
        }

        return prefix;
    }

    private async Task<Guid> IdOfAsync(string name)
    {
        var factory = _browser.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Deployments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>One real deployment through the sandbox, shared by the light and dark checks of its page.</summary>
    private async Task<Guid> LiveDeploymentAsync()
    {
        await LiveGate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_liveDeployment is { } known)
            {
                return known;
            }

            Guid id;
            await using (var scope = _browser.Portal.Services.CreateAsyncScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<DeploymentService>().CreateAsync(
                    DeploymentRequests.Demo($"axe{Guid.NewGuid():N}"[..10]),
                    new PortalUser(BrowserFixture.RequesterName, "E2E Requester", IsAdmin: false), TestContext.Current.CancellationToken);
                id = created.Id;
            }

            var factory = _browser.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
                var status = await db.Deployments.Where(d => d.Id == id).Select(d => d.Status).SingleAsync(TestContext.Current.CancellationToken);
                if (status == DeploymentStatus.Succeeded)
                {
                    break;
                }

                Assert.True(status is DeploymentStatus.Pending or DeploymentStatus.Provisioning && DateTime.UtcNow < deadline, $"the deployment is {status}");
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }

            _liveDeployment = id;
            return id;
        }
        finally
        {
            LiveGate.Release();
        }
    }
}
