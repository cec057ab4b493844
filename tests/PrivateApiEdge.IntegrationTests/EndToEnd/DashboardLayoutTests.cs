using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Provisioning;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>The dashboard's columns at the two widths the issue names, over rows seeded straight into the database.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class DashboardLayoutTests
{
    private static readonly string[] AllColumns = ["Name", "Status", "Owner", "Domain", "Region", "Created", "Updated", "Duration"];
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly BrowserFixture _browser;

    public DashboardLayoutTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task At_1280px_every_column_shows_without_overflow_and_created_sorts_in_the_database()
    {
        var prefix = await SeedAsync();
        var page = await OpenDashboardAsync(1280, 900, prefix);

        foreach (var column in AllColumns)
        {
            await Assertions.Expect(Header(page, column)).ToBeVisibleAsync();
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-1280.png"), FullPage = true });
        await AssertNoHorizontalOverflowAsync(page);
        await AssertNoOverlappingHeadersAsync(page);
        // Newest update first by default: the deployment created first was updated last.
        Assert.Equal("Created 2026-11-02 09:00:00 UTC", await page.GetByTestId("created-at").First.GetAttributeAsync("title"));
        Assert.Equal("Nov 2, 09:00", await page.GetByTestId("created-at").First.InnerTextAsync());

        await Header(page, "Created").ClickAsync();
        await Assertions.Expect(page.GetByTestId("created-at").First).ToHaveAttributeAsync("datetime", "2026-11-02T09:00:00Z");
        var ascending = await CreatedTimesAsync(page);
        await Header(page, "Created").ClickAsync();
        await Assertions.Expect(page.GetByTestId("created-at").First).ToHaveAttributeAsync("datetime", "2026-11-02T09:05:00Z");
        var descending = await CreatedTimesAsync(page);

        Assert.Equal(ascending.Order(StringComparer.Ordinal), ascending);
        Assert.Equal(ascending.AsEnumerable().Reverse(), descending);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_dashboard_renders_in_the_bundled_roboto_served_by_the_portal_itself()
    {
        var prefix = await SeedAsync();
        var page = await _browser.NewPageAsync(1280, 900);
        var foreign = new List<string>();
        var fontRequests = new List<string>();
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(_browser.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }

            if (request.ResourceType == "font")
            {
                fontRequests.Add(request.Url);
            }
        };
        await OpenDashboardAsync(page, prefix);

        var roboto = await page.EvaluateAsync<string[]>(
            "async () => { await document.fonts.ready; return [...document.fonts].filter(f => f.status === 'loaded').map(f => `${f.family.replaceAll('\"', '')} ${f.weight}`); }");
        var nameFont = await page.Locator("[data-testid=deployments-grid] td.col-name a").First.EvaluateAsync<string>("a => getComputedStyle(a).fontFamily");

        Assert.Contains("Roboto 400", roboto);
        Assert.Contains("Roboto 500", roboto);
        Assert.StartsWith("Roboto", nameFont, StringComparison.Ordinal);
        Assert.NotEmpty(fontRequests);
        Assert.All(fontRequests, url => Assert.Matches("/fonts/roboto-[a-z-]+-[0-9]{3}-normal(\\.[0-9a-z]+)?\\.woff2$", url));
        Assert.Empty(foreign);
        Assert.Empty(failed);
        var icon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
        var iconResponse = await page.APIRequest.GetAsync(icon!);
        var legacyIcon = await page.APIRequest.GetAsync("/favicon.ico");
        Assert.Equal((200, "image/svg+xml"), (iconResponse.Status, iconResponse.Headers["content-type"]));
        Assert.Equal((200, "image/x-icon"), (legacyIcon.Status, legacyIcon.Headers["content-type"]));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task With_a_wider_fallback_font_at_1280px_low_priority_columns_give_way_and_nothing_scrolls_sideways()
    {
        var prefix = await SeedAsync();
        var page = await _browser.NewPageAsync(1280, 900);
        // As if the bundled font failed to load on a machine whose only sans-serif is wide: DejaVu Sans (every Debian
        // has it), spaced out further so the test does not depend on which fonts this machine has.
        await page.RouteAsync("**/fonts/*.woff2", route => route.AbortAsync());
        await OpenDashboardAsync(page, prefix);
        await page.AddStyleTagAsync(new() { Content = "body, body * { font-family: 'DejaVu Sans', Verdana, sans-serif !important; letter-spacing: 0.04em !important; }" });

        foreach (var column in new[] { "Name", "Status", "Domain", "Updated" })
        {
            await Assertions.Expect(Header(page, column)).ToBeVisibleAsync();
        }

        await Assertions.Expect(Header(page, "Region")).ToBeHiddenAsync();
        await Assertions.Expect(Header(page, "Duration")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-1280-wide-font.png"), FullPage = true });
        var cutDates = await page.Locator("[data-testid=deployments-grid] td.col-date").EvaluateAllAsync<string[]>(
            "cells => cells.filter(c => c.scrollWidth > c.clientWidth).map(c => `${c.innerText} (${c.scrollWidth}px in ${c.clientWidth}px)`)");
        Assert.Empty(cutDates);
        await AssertNoHorizontalOverflowAsync(page);
        await AssertNoOverlappingHeadersAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task At_390px_the_rows_stack_without_horizontal_scrolling_and_keep_name_status_domain_and_updated()
    {
        var prefix = await SeedAsync();
        var page = await OpenDashboardAsync(390, 844, prefix);

        var first = page.Locator("[data-testid=deployments-grid] tbody tr").First;
        await Assertions.Expect(first.Locator("td.col-name")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("td.col-status")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("td.col-domain")).ToBeVisibleAsync();
        await Assertions.Expect(first.GetByTestId("updated-at")).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("td.col-region")).ToBeHiddenAsync();
        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the dashboard is {scrollWidth}px wide in a 390px window");
        var button = await page.GetByTestId("new-deployment").BoundingBoxAsync();
        Assert.True(button is not null && button.X >= 0 && button.X + button.Width <= 390, $"the New deployment button sticks out: {button?.X}+{button?.Width}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "dashboard-390.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    private async Task<IPage> OpenDashboardAsync(int width, int height, string prefix) =>
        await OpenDashboardAsync(await _browser.NewPageAsync(width, height), prefix);

    private static async Task<IPage> OpenDashboardAsync(IPage page, string prefix)
    {
        await page.GotoAsync("/deployments");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await page.GetByTestId("deployments-search").Locator("input").FillAsync(prefix);
        await Assertions.Expect(page.Locator("[data-testid=deployments-grid] tbody tr")).ToHaveCountAsync(6, new() { Timeout = 10_000 });
        // Fonts swap in when they arrive: measure only once they have (or have failed to).
        await page.EvaluateAsync("() => document.fonts.ready");
        return page;
    }

    private static ILocator Header(IPage page, string title) =>
        page.Locator("[data-testid=deployments-grid] thead th").Filter(new() { HasTextRegex = new Regex($"^\\s*{title}\\s*$") });

    private static Task<string[]> CreatedTimesAsync(IPage page) =>
        page.GetByTestId("created-at").EvaluateAllAsync<string[]>("times => times.map(t => t.getAttribute('datetime'))");

    private static async Task AssertNoHorizontalOverflowAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int[]>(
            "() => { const c = document.querySelector('[data-testid=deployments-grid] .mud-table-container'); return [c.scrollWidth, c.clientWidth, document.documentElement.scrollWidth, window.innerWidth]; }");
        var widths = await page.Locator("[data-testid=deployments-grid] thead th").EvaluateAllAsync<string[]>(
            "cells => cells.map(c => `${c.innerText.trim() || '(actions)'} ${Math.round(c.getBoundingClientRect().width)}px`)");
        Assert.True(overflow[0] <= overflow[1], $"the grid scrolls sideways: {overflow[0]}px of content in {overflow[1]}px ({string.Join(", ", widths)})");
        Assert.True(overflow[2] <= overflow[3], $"the page scrolls sideways: {overflow[2]}px in a {overflow[3]}px window");
    }

    private static async Task AssertNoOverlappingHeadersAsync(IPage page)
    {
        var boxes = await page.Locator("[data-testid=deployments-grid] thead th").EvaluateAllAsync<double[][]>(
            "cells => cells.filter(c => c.getClientRects().length > 0).map(c => { const r = c.getBoundingClientRect(); return [r.left, r.right]; })");
        for (var i = 1; i < boxes.Length; i++)
        {
            Assert.True(boxes[i][0] >= boxes[i - 1][1] - 0.5, $"header {i} starts at {boxes[i][0]} before header {i - 1} ends at {boxes[i - 1][1]}");
        }
    }

    /// <summary>Six deployments with long names and domains, created a minute apart and updated in the opposite order.</summary>
    private async Task<string> SeedAsync()
    {
        var prefix = $"lay{Guid.NewGuid():N}"[..9];
        var factory = _browser.Portal.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ids = new List<Guid>();
        for (var i = 0; i < 6; i++)
        {
            var name = $"{prefix}-payments-api-{i}";
            var request = DeploymentRequests.Demo(name).InRegion(i % 2 == 0 ? "eu-west-1" : "ap-southeast-2") with
            {
                DomainName = $"{name}.platform-team.demo.example.com",
            };
            var deployment = Deployment.Create(Guid.NewGuid(), request, BrowserFixture.RequesterName, StepPlan.Provisioning.Select(s => s.Name), Start.AddMinutes(i));
            db.Deployments.Add(deployment);
            ids.Add(deployment.Id);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        DeploymentStatus[] statuses = [DeploymentStatus.Succeeded, DeploymentStatus.Failed, DeploymentStatus.Provisioning, DeploymentStatus.TornDown, DeploymentStatus.TeardownFailed, DeploymentStatus.Pending];
        for (var i = 0; i < ids.Count; i++)
        {
            var id = ids[i];
            var status = statuses[i];
            var updated = Start.AddHours(2).AddMinutes(-i);
            await db.Deployments.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, status)
                .SetProperty(d => d.UpdatedAt, updated), TestContext.Current.CancellationToken);
        }

        return prefix;
    }
}
