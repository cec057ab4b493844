using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PrivateApiEdge.Sandbox;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Aws;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Components.Pages.NewDeployment;
using PrivateApiEdge.Web.Features.DeploymentForm;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;
using PrivateApiEdge.Web.Hosting;

namespace PrivateApiEdge.UnitTests.Components;

/// <summary>
/// The real new-deployment page (its pickers fed by the sandbox over loopback) given hostile text: after Deploy the
/// field shows the specific message, and nothing is stored, enqueued or asked of AWS. The full table of inputs
/// runs against the same validator in the integration tests; this is the representative subset through the page.
/// </summary>
public sealed class NewDeploymentPageHostileInputTests : PortalComponentTest, IAsyncLifetime
{
    private static readonly string[] PickerLookups = ["ListHostedZonesByName", "ListCertificates", "DescribeVpcs", "GetRestApis", "GetStages"];

    private readonly RecordingJobClient _jobs = new();
    private SandboxHost? _sandbox;
    private EngineHarness? _harness;

    public static TheoryData<string, string, string, string> Inputs => new()
    {
        // field test id, what, value typed, fragment of the message shown
        { "field-name", "markup", "<script>alert(1)</script>", "Markup" },
        { "field-name", "a null byte", "orders\0", "null byte" },
        { "field-name", "a zero-width space", "ord\u200Bers", "zero-width space" },
        { "field-name", "an overlong name", new string('a', 300), "At most 24" },
        { "field-domain", "a Cyrillic a in a Latin label", "\u0430pi.demo.example.com", "mixes Latin and Cyrillic" },
        { "field-domain", "a full-width dot", "api\uFF0Edemo.example.com", "fullwidth full stop" },
        { "field-domain", "a right-to-left override", "api\u202E.demo.example.com", "right-to-left override" },
        { "field-domain", "unicode instead of punycode", "b\u00FCcher.demo.example.com", "xn--bcher-kva" },
        { "field-domain", "a wildcard", "*.demo.example.com", "wildcard" },
        { "field-domain", "a line break", "api.demo.example.com\nX-Injected: 1", "line break" },
    };

    public async ValueTask InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { LatencyProfile = "instant", Port = 0 }, Xunit.TestContext.Current.CancellationToken);
        _harness = await EngineHarness.CreateAsync();
        var endpoint = new CurrentAwsMode { Mode = AwsMode.Sandbox };
        endpoint.SetBaseAddress(_sandbox.BaseAddress);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        Services.AddOptions<AwsOptions>().Configure(o => o.Region = "eu-west-1");
        Services.AddSingleton(endpoint);
        Services.AddAwsAccessLayer();
        Services.AddScoped<DeploymentFormLookups>();
        Services.AddSingleton(_harness.CreateDeploymentService(_jobs));
        Services.AddScoped<CurrentPortalUser>();
        var authorization = AddAuthorization();
        authorization.SetAuthorized("alice");
        authorization.SetRoles(PortalRoles.Requester);
    }

    public new async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Deploy_with_hostile_text_shows_the_fields_message_and_changes_nothing(string field, string what, string typed, string expected)
    {
        Assert.NotEmpty(what);
        RenderPopoverProvider();
        var page = Render<NewDeploymentPage>();
        var meter = Services.GetRequiredService<AwsCallMeter>();
        page.WaitForState(() => meter.GetTotalSnapshot().Operations.Any(o => o.Operation == "DescribeVpcs"), TimeSpan.FromSeconds(30));

        // Find and fire inside the renderer's context: a picker's lookup finishing in between re-renders the form.
        await page.InvokeAsync(() => page.Find($"[data-testid={field}] input, [data-testid={field}] textarea").Input(typed));
        await page.InvokeAsync(() => page.Find("[data-testid=deploy]").Click());

        page.WaitForAssertion(() => Assert.Contains(expected, page.Find($"[data-testid={field}]").TextContent, StringComparison.Ordinal));
        Assert.NotNull(page.Find("[data-testid=form-invalid]"));
        Assert.Empty(_jobs.Jobs);
        await using var db = _harness!.Database.CreateDbContext();
        Assert.Equal(0, await db.Deployments.CountAsync(Xunit.TestContext.Current.CancellationToken));
        // The pickers list choices (read-only, whether or not the form is valid); nothing else was asked of AWS:
        // no identity check, no preflight read, no create.
        Assert.All(meter.GetTotalSnapshot().Operations, o => Assert.Contains(o.Operation, PickerLookups));
        Assert.Equal("http://localhost/", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri);
    }
}
