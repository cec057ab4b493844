using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

[Collection(BrowserTests.Name)]
public sealed class NewDeploymentPageTests
{
    private static readonly LocatorAssertionsToBeVisibleOptions Patiently = new() { Timeout = 15_000 };

    private readonly BrowserFixture _browser;

    public NewDeploymentPageTests(BrowserFixture browser) => _browser = browser;

    private static string UniqueName(string stem) => $"{stem}-{Guid.NewGuid():N}"[..(stem.Length + 7)];

    [Fact]
    public async Task Fields_are_checked_as_the_user_types()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();

        await form.TypeAsync("field-name", "Orders_API");
        await form.TypeAsync("field-domain", "localhost");
        await Assertions.Expect(form.FieldError("field-name")).ToContainTextAsync("Lower-case letters");
        await Assertions.Expect(form.FieldError("field-domain")).ToContainTextAsync("at least two labels");
        await form.ScreenshotAsync("new-deployment-invalid.png");

        await form.TypeAsync("field-name", "orders-api");
        await form.TypeAsync("field-domain", "api.demo.example.com");

        await Assertions.Expect(form.FieldError("field-name")).ToHaveCountAsync(0);
        await Assertions.Expect(form.FieldError("field-domain")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Deploy_with_an_incomplete_form_shows_every_missing_field_and_stays()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();

        await form.Page.GetByTestId("deploy").ClickAsync();

        await Assertions.Expect(form.Page.GetByTestId("form-invalid")).ToBeVisibleAsync();
        await Assertions.Expect(form.FieldError("field-vpc")).ToContainTextAsync("Choose the VPC");
        await Assertions.Expect(form.FieldError("field-subnets")).ToContainTextAsync("at least two subnets");
        Assert.EndsWith("/deployments/new", form.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pickers_show_the_demo_account_and_the_plan_follows_the_choices()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();

        await form.FillDemoValuesAsync(UniqueName("plan"));

        await Assertions.Expect(form.Page.GetByTestId("field-subnets").Locator("input").First)
            .ToHaveValueAsync(new Regex($"{SandboxSeed.SubnetAId} \\(eu-west-1a\\), {SandboxSeed.SubnetBId} \\(eu-west-1b\\)"));
        await Assertions.Expect(form.Page.GetByTestId("field-regional-certificate").Locator("input").First)
            .ToHaveValueAsync(new Regex("^\\*\\.demo\\.example\\.com.* · ISSUED · "));
        var endpointStep = form.Page.GetByTestId("plan-vpc-endpoint");
        await Assertions.Expect(endpointStep).ToContainTextAsync("Create an execute-api interface endpoint with private DNS in 2 subnets");
        await Assertions.Expect(form.Page.GetByTestId("plan-dns-records")).ToContainTextAsync("A and AAAA");
        await form.ScreenshotAsync("new-deployment-filled.png");
    }

    [Fact]
    public async Task A_geo_restriction_is_checked_as_typed_shown_upper_cased_planned_and_passes_preflight()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();
        await form.FillDemoValuesAsync(UniqueName("geo"));
        await form.Page.GetByText("Options: IPv6, caching, WAF, geo restriction, tags").ClickAsync();

        await form.PickAsync("field-geo-restriction", "Block these countries");
        await form.TypeAsync("field-countries", "ru, uk");
        await Assertions.Expect(form.FieldError("field-countries")).ToContainTextAsync("'uk' is not an ISO 3166-1 alpha-2 country code; use GB");
        await form.TypeAsync("field-countries", "ru, kp");
        await form.Page.GetByTestId("field-countries").Locator("input").PressAsync("Tab");

        await Assertions.Expect(form.Page.GetByTestId("field-countries").Locator("input")).ToHaveValueAsync("RU, KP");
        await Assertions.Expect(form.FieldError("field-countries")).ToHaveCountAsync(0);
        await Assertions.Expect(form.Page.GetByTestId("plan-distribution")).ToContainTextAsync("Geo restriction: block RU, KP");
        await form.Page.GetByTestId("run-preflight").ClickAsync();
        await Assertions.Expect(form.Page.GetByTestId("preflight-summary")).ToHaveAttributeAsync("data-passed", "true", new() { Timeout = 15_000 });
        await form.ScreenshotAsync("new-deployment-geo.png");
    }

    [Fact]
    public async Task Preflight_fails_on_a_VPC_without_DNS_hostnames_and_says_how_to_fix_it()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();
        await form.FillDemoValuesAsync(UniqueName("trap"), vpcId: SandboxSeed.VpcWithoutDnsHostnamesId);

        await form.Page.GetByTestId("run-preflight").ClickAsync();

        var summary = form.Page.GetByTestId("preflight-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-passed", "false");
        var failed = form.Page.Locator("[data-testid=preflight-check][data-check=vpc-dns-hostnames]");
        await Assertions.Expect(failed).ToHaveAttributeAsync("data-severity", "Failed");
        await Assertions.Expect(failed.GetByTestId("preflight-hint")).ToContainTextAsync("--enable-dns-hostnames");
        await Assertions.Expect(form.Page.Locator("[data-testid=preflight-check][data-check=cloudfront-certificate]"))
            .ToHaveAttributeAsync("data-severity", "Passed");
        await form.ScreenshotAsync("preflight-trap.png");
    }

    [Fact]
    public async Task Preflight_passes_every_check_with_the_demo_values()
    {
        var form = new NewDeploymentForm(await _browser.NewPageAsync());
        await form.OpenAsync();
        await form.FillDemoValuesAsync(UniqueName("pass"));

        await form.Page.GetByTestId("run-preflight").ClickAsync();

        var summary = form.Page.GetByTestId("preflight-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(Patiently);
        await Assertions.Expect(summary).ToHaveAttributeAsync("data-passed", "true");
        await Assertions.Expect(form.Page.Locator("[data-testid=preflight-check][data-severity=Failed]")).ToHaveCountAsync(0);
        await form.ScreenshotAsync("preflight-pass.png");
    }

    [Fact]
    public async Task The_form_fits_a_narrow_window()
    {
        var page = await _browser.NewPageAsync(width: 390, height: 844);
        var form = new NewDeploymentForm(page);
        await form.OpenAsync();

        var scrollWidth = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"page is {scrollWidth}px wide in a 390px window");
        await form.ScreenshotAsync("new-deployment-narrow.png");
    }
}
