using Microsoft.Playwright;
using PrivateApiEdge.Sandbox.Seed;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>Page object of /deployments/new: fills MudBlazor fields the way a user does, by typing and picking.</summary>
public sealed class NewDeploymentForm(IPage page)
{
    public IPage Page { get; } = page;

    public async Task OpenAsync()
    {
        await Page.GotoAsync("/deployments/new");
        await BrowserFixture.WaitForInteractiveCircuitAsync(Page);
    }

    public async Task TypeAsync(string field, string text)
    {
        var input = Page.GetByTestId(field).Locator("input, textarea").First;
        await input.FillAsync(text);
    }

    /// <summary>Opens a select and clicks the option whose text contains <paramref name="optionText"/>.</summary>
    public async Task PickAsync(string field, string optionText)
    {
        await OpenSelectAsync(field, optionText);
        await Option(optionText).ClickAsync();
        await WaitForListClosedAsync();
    }

    /// <summary>Multi-select: clicks every option, then closes the list.</summary>
    public async Task PickManyAsync(string field, params string[] optionTexts)
    {
        await OpenSelectAsync(field, optionTexts[0]);
        foreach (var text in optionTexts)
        {
            await Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = text }).First.ClickAsync();
        }

        await Page.Keyboard.PressAsync("Escape");
        await WaitForListClosedAsync();
    }

    /// <summary>
    /// On a busy machine a reopen click of <see cref="OpenSelectAsync"/> can land after the pick, leaving a list
    /// open; Escape closes it (bounded).
    /// </summary>
    private async Task WaitForListClosedAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await Page.Locator(".mud-popover-open").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 2000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                await Page.Keyboard.PressAsync("Escape");
            }
        }
    }

    /// <summary>The seeded demo account's values (SandboxSeed), optionally with one trap swapped in.</summary>
    public async Task FillDemoValuesAsync(string name, string? vpcId = null, string? regionalCertificateArn = null)
    {
        await TypeAsync("field-name", name);
        await TypeAsync("field-domain", $"{name}.{SandboxSeed.DemoDomain}");
        await PickAsync("field-vpc", vpcId ?? SandboxSeed.VpcId);
        if (vpcId is null)
        {
            await PickManyAsync("field-subnets", SandboxSeed.SubnetAId, SandboxSeed.SubnetBId);
        }
        else
        {
            await PickManyAsync("field-subnets", SandboxSeed.VpcWithoutDnsHostnamesSubnetAId, SandboxSeed.VpcWithoutDnsHostnamesSubnetBId);
        }

        await PickAsync("field-cloudfront-certificate", SandboxSeed.CloudFrontCertificateArn[^12..]);
        await PickAsync("field-regional-certificate", (regionalCertificateArn ?? SandboxSeed.RegionalCertificateArn)[^12..]);
        await PickAsync("field-hosted-zone", SandboxSeed.PublicHostedZoneId);
    }

    private ILocator Option(string text) =>
        Page.Locator(".mud-popover-open .mud-list-item").Filter(new LocatorFilterOptions { HasText = text }).First;

    /// <summary>
    /// Options arrive from AWS lookups after the page (or the previous pick) rendered; a select opened before its
    /// list is loaded shows nothing, so close and reopen until the option is there (bounded).
    /// </summary>
    private async Task OpenSelectAsync(string field, string optionText)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await Page.GetByTestId(field).Locator(".mud-select-input").First.ClickAsync();
            try
            {
                await Option(optionText).WaitForAsync(new LocatorWaitForOptions { Timeout = 3000 });
                return;
            }
            catch (TimeoutException) when (DateTime.UtcNow < deadline)
            {
                await Page.Keyboard.PressAsync("Escape");
            }
        }
    }

    public ILocator FieldError(string field) => Page.GetByTestId(field).Locator(".mud-input-helper-text.mud-input-error");

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, name), FullPage = true });
}
