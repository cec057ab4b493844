using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivateApiEdge.IntegrationTests.Hosting;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>
/// The portal on a real Kestrel port plus Debian's Chromium driven by Playwright (never `playwright install`:
/// this machine cannot download browsers; architecture.md §6 lists the flags that work here).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    public const string AdminName = "e2e-admin";
    public const string RequesterName = "e2e-requester";

    /// <summary>Generated per run: the repository holds no password.</summary>
    public static readonly string Password = $"pw-{Guid.NewGuid():N}";

    private IPlaywright? _playwright;
    private string? _adminState;
    private string? _requesterState;

    /// <summary>Debian's Chromium with the flags that work on this machine.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new()
    {
        ExecutablePath = ChromiumPath,
        Headless = true,
        Args = ChromiumArgs,
    };

    public PortalAppFactory Portal { get; } = new BrowserPortalFactory();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where screenshots go; CI keeps the folder as an artifact.</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var root = Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR")
                ?? Path.Combine(AppContext.BaseDirectory, "test-artifacts");
            Directory.CreateDirectory(root);
            return root;
        }
    }

    public async ValueTask InitializeAsync()
    {
        Portal.UseKestrel(0);
        Portal.StartServer();
        var address = Portal.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions);

        // The admin is bootstrapped the way an operator does it on first run; the requester is created by that
        // admin through the app's own account service, then signs in on the sign-in page.
        _adminState = await SignInAsync(async page =>
        {
            await page.GotoAsync("/account/setup");
            await page.GetByTestId("setup-token").FillAsync(Portal.BootstrapToken);
            await page.GetByTestId("setup-user").FillAsync(AdminName);
            await page.GetByTestId("setup-display").FillAsync("E2E Admin");
            await page.GetByTestId("setup-password").FillAsync(Password);
            await page.GetByTestId("setup-confirm").FillAsync(Password);
            await page.GetByTestId("setup-submit").ClickAsync();
        });
        await using (var scope = Portal.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<AccountService>().CreateAsync(
                new NewAccount(RequesterName, "E2E Requester", Password, PortalRoles.Requester), new PortalUser(AdminName, "E2E Admin", IsAdmin: true), CancellationToken.None);
        }

        _requesterState = await SignInAsync(page => SignInOnPageAsync(page, RequesterName, Password));
    }

    /// <summary>Fills and submits the sign-in form of a page already on /account/login.</summary>
    public static async Task SignInOnPageAsync(IPage page, string userName, string password, string? returnUrl = null)
    {
        if (!page.Url.Contains("/account/login", StringComparison.Ordinal))
        {
            await page.GotoAsync(returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        await page.GetByTestId("sign-in-user").FillAsync(userName);
        await page.GetByTestId("sign-in-password").FillAsync(password);
        await page.GetByTestId("sign-in-submit").ClickAsync();
    }

    private async Task<string> SignInAsync(Func<IPage, Task> signIn)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        var page = await context.NewPageAsync();
        await signIn(page);
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await page.GetByTestId("signed-in-user").WaitForAsync();
        return await context.StorageStateAsync();
    }

    /// <summary>A fresh browser context, signed in (through the real sign-in page, once per fixture) as <paramref name="user"/>.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, BrowserUser user = BrowserUser.Requester, ColorScheme colorScheme = ColorScheme.Light)
    {
        // Kestrel, the circuits and Hangfire carry no test context: their log lines go to the test opening pages.
        Portal.TestOutput.FollowCurrentTest();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = colorScheme,
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            StorageState = user == BrowserUser.Admin ? _adminState : user == BrowserUser.Requester ? _requesterState : null,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Blazor Server renders first, then wires events once the circuit is up; clicking earlier is lost.</summary>
    public static async Task WaitForInteractiveCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined && document.querySelector('[data-circuit-ready]') !== null");
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        await Portal.DisposeAsync();
    }
}

public enum BrowserUser
{
    Anonymous,
    Requester,
    Admin,
}
