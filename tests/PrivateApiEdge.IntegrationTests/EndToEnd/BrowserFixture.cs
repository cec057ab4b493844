using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PrivateApiEdge.IntegrationTests.Hosting;

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

    private IPlaywright? _playwright;

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
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            // Until the browser signs in through the sign-in page, it names its user the way the test handler expects.
            ExtraHTTPHeaders = new Dictionary<string, string>
            {
                [Auth.TestAuthHandler.UserHeader] = "e2e-admin",
                [Auth.TestAuthHandler.RolesHeader] = Web.Features.Users.PortalRoles.Admin,
            },
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
