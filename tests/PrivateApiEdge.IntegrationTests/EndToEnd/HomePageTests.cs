using Microsoft.Playwright;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class HomePageTests
{
    private readonly BrowserFixture _browser;

    public HomePageTests(BrowserFixture browser) => _browser = browser;

    [Fact]
    public async Task Home_page_renders_in_chromium_and_its_circuit_answers_a_click()
    {
        var page = await _browser.NewPageAsync();

        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        await page.GetByTestId("check-connection").ClickAsync();
        var result = page.GetByTestId("connection-result");
        await result.WaitForAsync();

        Assert.Contains("Sandbox answered at http://127.0.0.1:", await result.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByTestId("sandbox-banner").IsVisibleAsync());
        Assert.Equal("PrivateApiEdge", await page.TitleAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "home-1280.png"), FullPage = true });
    }

    [Fact]
    public async Task Dark_mode_toggle_switches_the_theme()
    {
        var page = await _browser.NewPageAsync();
        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);
        var before = await BackgroundColorAsync(page);

        await page.GetByTestId("dark-mode-toggle").ClickAsync();
        await page.WaitForFunctionAsync(
            "before => getComputedStyle(document.body).backgroundColor !== before", before);

        Assert.NotEqual(before, await BackgroundColorAsync(page));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "home-dark.png") });
    }

    [Fact]
    public async Task Home_page_fits_a_narrow_window()
    {
        var page = await _browser.NewPageAsync(width: 390, height: 844);

        await page.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide in a 390px window");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "home-narrow.png"), FullPage = true });
    }

    private static Task<string> BackgroundColorAsync(IPage page) =>
        page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
