using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>The whole story in the browser: form → preflight → deploy → live steps → endpoint test → teardown.</summary>
[Collection(BrowserTests.Name)]
public sealed class DeploymentJourneyTests
{
    private static readonly LocatorAssertionsToHaveAttributeOptions UntilDeployed = new() { Timeout = 180_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 15_000 };

    private readonly BrowserFixture _browser;

    public DeploymentJourneyTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Demo_deployment_goes_live_passes_its_endpoint_test_and_tears_down_from_the_dashboard()
    {
        var name = $"demo-{Guid.NewGuid():N}"[..12];
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        var page = form.Page;
        await form.OpenAsync();
        await form.FillDemoValuesAsync(name);

        await page.GetByTestId("run-preflight").ClickAsync();
        await Assertions.Expect(page.GetByTestId("preflight-summary")).ToHaveAttributeAsync("data-passed", "true", new() { Timeout = 15_000 });

        // A second tab on the dashboard hears of the outcome through the layout's portal-wide notifications.
        var dashboard = await _browser.NewPageAsync();
        await dashboard.GotoAsync("/deployments");
        await BrowserFixture.WaitForInteractiveCircuitAsync(dashboard);
        await page.GetByTestId("deploy").ClickAsync();

        await page.WaitForURLAsync(new Regex("/deployments/[0-9a-f-]{36}$"));
        var deploymentId = page.Url[^36..];
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("deployment-name")).ToHaveTextAsync(name);
        var notice = dashboard.Locator($"[data-testid=outcome-snackbar][data-deployment='{deploymentId}']");
        await Assertions.Expect(notice).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(notice).ToHaveAttributeAsync("data-status", "Succeeded");
        await Assertions.Expect(notice).ToContainTextAsync($"{name} is live at https://{name}.");
        await dashboard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-snackbar.png") });
        await notice.GetByTestId("outcome-snackbar-link").ClickAsync();
        // Blazor's router navigates in the page (no load event); waiting for the URL to commit is enough.
        await dashboard.WaitForURLAsync(new Regex($"/deployments/{deploymentId}$"), new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await Assertions.Expect(dashboard.GetByTestId("deployment-name")).ToHaveTextAsync(name);
        await dashboard.Context.CloseAsync();

        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveAttributeAsync("data-status", "Succeeded", UntilDeployed);
        // The deployment's own page announces the outcome itself; the portal-wide notice stays away from it.
        await Assertions.Expect(page.GetByTestId("outcome-snackbar")).ToHaveCountAsync(0);

        foreach (var step in StepPlan.Provisioning)
        {
            await Assertions.Expect(page.GetByTestId($"step-{step.Name}")).ToHaveAttributeAsync("data-state", "Succeeded");
        }

        await Assertions.Expect(page.Locator(".architecture-hop.hop-succeeded")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("endpoint-test-result")).ToHaveAttributeAsync("data-passed", "true");
        await Assertions.Expect(page.GetByTestId("output-cloudfront-domain")).ToContainTextAsync(".cloudfront.net");
        await Assertions.Expect(page.GetByTestId("aws-calls-total")).ToContainTextAsync(" calls");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "deployment-succeeded.png"), FullPage = true });

        var narrow = await _browser.NewPageAsync(width: 390, height: 844);
        await narrow.GotoAsync(page.Url);
        await BrowserFixture.WaitForInteractiveCircuitAsync(narrow);
        await Assertions.Expect(narrow.GetByTestId("deployment-status")).ToHaveAttributeAsync("data-status", "Succeeded");
        var scrollWidth = await narrow.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the deployment page is {scrollWidth}px wide in a 390px window");
        await narrow.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "deployment-narrow.png") });
        await narrow.CloseAsync();

        var light = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.WaitForFunctionAsync("before => getComputedStyle(document.body).backgroundColor !== before", light);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "deployment-dark.png") });

        await page.GetByTestId("rerun-endpoint-test").ClickAsync();
        await Assertions.Expect(page.GetByTestId("endpoint-test-result")).ToHaveAttributeAsync("data-passed", "true");

        var ours = await page.Locator("[data-testid=resource-row][data-shared=false]:not([data-kind='Alias record'])").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        // The execute-api endpoint is ours, or shared when an earlier browser test's deployment left one in the VPC.
        var endpoints = await page.Locator("[data-testid=resource-row]").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.id)");
        Assert.Contains(endpoints, id => id.StartsWith("vpce-", StringComparison.Ordinal));
        Assert.Contains(ours, id => id.Contains(":loadbalancer/app/", StringComparison.Ordinal));
        var before = await InventoryTextAsync();
        Assert.All(ours, id => Assert.True(InventoryContains(before, id), $"{id} should exist in the sandbox before teardown"));
        var deploymentUrl = page.Url;

        await page.GotoAsync("/deployments");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await page.GetByTestId("deployments-search").Locator("input").FillAsync(name);
        await page.GetByTestId($"teardown-{name}").ClickAsync();
        var submit = page.GetByTestId("confirm-teardown-submit");
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await page.GetByTestId("confirm-teardown-name").Locator("input").FillAsync(name[..^1]);
        await Assertions.Expect(submit).ToBeDisabledAsync();
        await page.GetByTestId("confirm-teardown-name").Locator("input").FillAsync(name);
        await Assertions.Expect(submit).ToBeEnabledAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "teardown-dialog.png") });
        await submit.ClickAsync();
        await Assertions.Expect(page.GetByTestId("confirm-teardown-dialog")).ToHaveCountAsync(0);

        await page.GotoAsync(deploymentUrl);
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("deployment-status")).ToHaveAttributeAsync("data-status", "TornDown", UntilDeployed);
        await Assertions.Expect(page.Locator("[data-testid=resource-row][data-shared=false][data-deleted=false]")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".architecture-hop.hop-removed")).ToHaveCountAsync(8);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "deployment-torn-down.png"), FullPage = true });

        var inventory = await InventoryTextAsync();
        Assert.All(ours, id => Assert.False(InventoryContains(inventory, id), $"{id} is still in the sandbox after teardown"));

        await page.GotoAsync("/deployments");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await page.GetByTestId("deployments-search").Locator("input").FillAsync(name);
        await Assertions.Expect(page.GetByTestId("deployments-grid")).ToContainTextAsync("TornDown", new() { Timeout = 10_000 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard.png"), FullPage = true });
    }

    private async Task<string> InventoryTextAsync()
    {
        var sandbox = _browser.Portal.Services.GetRequiredService<CurrentAwsMode>().BaseAddress!;
        using var http = new HttpClient { BaseAddress = sandbox };
        return await http.GetStringAsync(new Uri("/_sandbox/inventory?seeded=false", UriKind.Relative), TestContext.Current.CancellationToken);
    }

    private static bool InventoryContains(string inventory, string id) =>
        inventory.Contains(JsonEncodedText.Encode(id).ToString(), StringComparison.Ordinal);
}
