using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PrivateApiEdge.IntegrationTests.ScaleOut;

namespace PrivateApiEdge.IntegrationTests.EndToEnd;

/// <summary>
/// The portal started the way an operator starts it outside Development: <c>dotnet PrivateApiEdge.Web.dll</c> from
/// the build output with <c>ASPNETCORE_ENVIRONMENT=Production</c>. Library assets (MudBlazor's styles and script,
/// blazor.web.js) live outside wwwroot there, and a portal that cannot serve them has no styles and no circuit.
/// </summary>
public sealed partial class ProductionRunTests : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"pae-production-{Guid.NewGuid():N}");
    private readonly string _token = $"token-{Guid.NewGuid():N}";
    private WorkerProcess? _portal;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        // A port of our own: the in-process sandbox also logs "Now listening on", so the log cannot say which is ours.
        _address = new Uri($"http://127.0.0.1:{FreePort()}/");
        // The same launcher the scale-out tests use for workers, here as a whole portal (UI and jobs) on SQLite
        // files of its own and the in-process sandbox.
        _portal = WorkerProcess.Start("production", new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = _address.ToString().TrimEnd('/'),
            ["Instance__Role"] = "All",
            ["Database__Provider"] = "Sqlite",
            ["Database__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "portal.db")}",
            ["BackgroundJobs__SqliteConnectionString"] = Path.Combine(_dataDirectory, "hangfire.db"),
            ["Sandbox__StateFile"] = Path.Combine(_dataDirectory, "sandbox-state.json"),
            ["Authentication__Bootstrap__Token"] = _token,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        });

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!_portal.Output.Contains($"Now listening on: {_address.ToString().TrimEnd('/')}", StringComparison.Ordinal))
        {
            if (_portal.HasExited || DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The portal did not start listening.{Environment.NewLine}{_portal.Output}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task A_production_start_from_the_build_output_serves_every_asset_of_the_home_page()
    {
        using var http = new HttpClient { BaseAddress = _address };
        var ct = TestContext.Current.CancellationToken;

        var signIn = await http.GetAsync(new Uri("/account/login", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var html = await signIn.Content.ReadAsStringAsync(ct);
        // Every stylesheet and script the page links (fingerprinted names included) answers 200.
        var assets = AssetReference().Matches(html).Select(m => m.Groups["href"].Value).Where(href => !href.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Contains(assets, a => a.Contains("_content/MudBlazor/MudBlazor.min", StringComparison.Ordinal) && a.EndsWith(".css", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.Contains("_framework/blazor.web", StringComparison.Ordinal));
        foreach (var asset in assets.Append("_content/MudBlazor/MudBlazor.min.css").Append("_framework/blazor.web.js").Append("_content/MudBlazor/MudBlazor.min.js"))
        {
            using var response = await http.GetAsync(new Uri("/" + asset.TrimStart('/'), UriKind.Relative), ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{asset} answered {(int)response.StatusCode}{Environment.NewLine}{_portal!.Output}");
        }
    }

    [Fact]
    public async Task A_production_start_from_the_build_output_shows_a_styled_interactive_home_page_in_chromium()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = _address.ToString() });

        await page.GotoAsync("/account/setup");
        await page.GetByTestId("setup-token").FillAsync(_token);
        await page.GetByTestId("setup-user").FillAsync("operator");
        await page.GetByTestId("setup-display").FillAsync("Operator");
        await page.GetByTestId("setup-password").FillAsync(BrowserFixture.Password);
        await page.GetByTestId("setup-confirm").FillAsync(BrowserFixture.Password);
        await page.GetByTestId("setup-submit").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await BrowserFixture.WaitForInteractiveCircuitAsync(page);

        // Styled: MudBlazor's stylesheet gives the app bar its fixed position and the portal's theme colour.
        var appBar = page.Locator(".mud-appbar");
        Assert.Equal("fixed", await appBar.EvaluateAsync<string>("e => getComputedStyle(e).position"));
        Assert.Equal("rgb(35, 47, 62)", await appBar.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
        // Interactive: a click reaches the circuit and its answer comes back.
        await page.GetByTestId("check-connection").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-result")).ToContainTextAsync("Sandbox answered");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDirectory, "production-home.png") });
    }

    public async ValueTask DisposeAsync()
    {
        if (_portal is not null)
        {
            await _portal.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process; the temp folder is cleaned by the OS.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"(?:href|src)=""(?<href>[^""]+\.(?:css|js))""")]
    private static partial Regex AssetReference();
}
