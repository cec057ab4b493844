using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PrivateApiEdge.Testing.Engine;
using PrivateApiEdge.Web.Components.Layout;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Notifications;
using PrivateApiEdge.Web.Features.Provisioning;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.UnitTests.Components;

/// <summary>The layout's outcome snackbars, fed by the real engine running fake steps over a SQLite file.</summary>
public sealed class DeploymentNotificationsTests : PortalComponentTest, IAsyncLifetime
{
    private EngineHarness _harness = null!;
    private CountingNotifier _notifier = null!;
    private BunitAuthorizationContext _auth = null!;
    private IRenderedComponent<MudSnackbarProvider> _snackbars = null!;

    public async ValueTask InitializeAsync()
    {
        _harness = await EngineHarness.CreateAsync();
        _notifier = new CountingNotifier(_harness.Notifier);
        Services.AddSingleton<IDeploymentProgressNotifier>(_notifier);
        Services.AddSingleton(new DeploymentOutcomes(_harness.Database));
        Services.AddLogging();
        _auth = AddAuthorization();
        _auth.SetAuthorized("alice");
        _snackbars = Render<MudSnackbarProvider>();
    }

    public new async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _harness.DisposeAsync();
    }

    private IRenderedComponent<DeploymentNotifications> RenderNotifications(string at = "/deployments")
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(at);
        return Render<DeploymentNotifications>();
    }

    private IReadOnlyList<AngleSharp.Dom.IElement> Notices() => _snackbars.FindAll("[data-testid=outcome-snackbar]");

    private AngleSharp.Dom.IElement NoticeFor(Guid id)
    {
        _snackbars.WaitForAssertion(() => Assert.Single(Notices(), n => n.GetAttribute("data-deployment") == id.ToString()), TimeSpan.FromSeconds(10));
        return Notices().Single(n => n.GetAttribute("data-deployment") == id.ToString());
    }

    [Fact]
    public async Task A_completed_deployment_shows_a_success_snackbar_with_a_link_to_it()
    {
        RenderNotifications();
        var request = DeploymentRequests.Demo("billing");
        var id = await _harness.CreateDeploymentAsync(request);

        Assert.Equal(DeploymentStatus.Succeeded, await _harness.RunUntilSettledAsync(id));

        var notice = NoticeFor(id);
        Assert.Equal("Succeeded", notice.GetAttribute("data-status"));
        Assert.Contains($"billing is live at https://{request.DomainName}/", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/deployments/{id}", notice.QuerySelector("[data-testid=outcome-snackbar-link]")?.GetAttribute("href"));
        Assert.Single(_snackbars.FindAll(".mud-snackbar"));
        Assert.NotEmpty(_snackbars.FindAll(".mud-alert-filled-success"));
    }

    [Fact]
    public async Task A_failed_deployment_shows_an_error_snackbar_naming_the_step_and_the_reason()
    {
        _harness.Behaviors[StepNames.TargetGroup].Failures = 1;
        RenderNotifications("/deployments/new");
        var id = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("ledger"));

        Assert.Equal(DeploymentStatus.Failed, await _harness.RunUntilSettledAsync(id));

        var notice = NoticeFor(id);
        Assert.Equal("Failed", notice.GetAttribute("data-status"));
        Assert.Contains($"ledger failed at step '{StepNames.TargetGroup}': {StepNames.TargetGroup} failed on purpose", notice.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(_snackbars.FindAll(".mud-alert-filled-error"));
    }

    [Fact]
    public async Task Teardown_is_announced_once_it_is_done()
    {
        RenderNotifications();
        var id = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("ledger"));
        await _harness.RunUntilSettledAsync(id);
        await _harness.RequestAsync(id, DeploymentAction.Teardown);

        Assert.Equal(DeploymentStatus.TornDown, await _harness.RunUntilSettledAsync(id));

        _snackbars.WaitForAssertion(() => Assert.Contains(Notices(), n => n.GetAttribute("data-status") == "TornDown"), TimeSpan.FromSeconds(10));
        Assert.Contains("ledger is torn down.", Notices().Single(n => n.GetAttribute("data-status") == "TornDown").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_snackbar_for_the_deployment_whose_page_is_open_since_that_page_announces_it_itself()
    {
        var watched = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("watched"));
        RenderNotifications($"/deployments/{watched}");

        await _harness.RunUntilSettledAsync(watched);
        var other = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("other"));
        await _harness.RunUntilSettledAsync(other);

        // The other deployment's notice proves the feed was heard; the watched one's never came.
        NoticeFor(other);
        Assert.DoesNotContain(Notices(), n => n.GetAttribute("data-deployment") == watched.ToString());
    }

    [Fact]
    public async Task A_requester_hears_only_of_their_own_deployments()
    {
        _auth.SetAuthorized("bob");
        RenderNotifications();
        var alices = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("alices"));
        await _harness.RunUntilSettledAsync(alices);
        var bobs = await CreateOwnedByAsync("bob", "bobs");

        await _harness.RunUntilSettledAsync(bobs);

        NoticeFor(bobs);
        Assert.DoesNotContain(Notices(), n => n.GetAttribute("data-deployment") == alices.ToString());
    }

    [Fact]
    public async Task An_admin_hears_of_every_deployment()
    {
        _auth.SetAuthorized("root");
        _auth.SetRoles(PortalRoles.Admin);
        RenderNotifications();
        var id = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("alices"));

        await _harness.RunUntilSettledAsync(id);

        NoticeFor(id);
    }

    [Fact]
    public async Task A_repeated_outcome_event_is_announced_once()
    {
        RenderNotifications();
        var id = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("echo"));
        var done = new DeploymentProgressEvent(id, DeploymentStatus.Succeeded, DeploymentPhase.Provision, null, null, "Deployment is Succeeded", _harness.Time.GetUtcNow());

        await _notifier.PublishAsync(done);
        await _notifier.PublishAsync(done with { At = done.At.AddSeconds(1) });
        await _notifier.PublishAsync(done with { Step = StepNames.EndpointTest, StepStatus = StepStatus.Succeeded, Message = "a step event carries the status along" });
        var other = await _harness.CreateDeploymentAsync(DeploymentRequests.Demo("other"));
        await _notifier.PublishAsync(done with { DeploymentId = other });

        NoticeFor(other);
        Assert.Single(Notices(), n => n.GetAttribute("data-deployment") == id.ToString());
    }

    [Fact]
    public async Task The_layout_subscribes_once_per_circuit_and_lets_go_when_it_closes()
    {
        RenderNotifications();
        Assert.Equal(1, _notifier.Active);

        await DisposeComponentsAsync();

        Assert.Equal(0, _notifier.Active);
    }

    private async Task<Guid> CreateOwnedByAsync(string owner, string name)
    {
        await using var db = _harness.Database.CreateDbContext();
        var deployment = Deployment.Create(Guid.NewGuid(), DeploymentRequests.Demo(name), owner, _harness.Catalog.Plan(DeploymentPhase.Provision).Select(s => s.Name), _harness.Time.GetUtcNow());
        db.Deployments.Add(deployment);
        await db.SaveChangesAsync();
        return deployment.Id;
    }

    /// <summary>Counts live SubscribeAll subscriptions around the real in-process feed.</summary>
    private sealed class CountingNotifier(IDeploymentProgressNotifier inner) : IDeploymentProgressNotifier
    {
        private int _active;

        public int Active => Volatile.Read(ref _active);

        public IDisposable Subscribe(Guid deploymentId, Func<DeploymentProgressEvent, Task> callback) => inner.Subscribe(deploymentId, callback);

        public IDisposable SubscribeAll(Func<DeploymentProgressEvent, Task> callback)
        {
            Interlocked.Increment(ref _active);
            return new Counted(inner.SubscribeAll(callback), () => Interlocked.Decrement(ref _active));
        }

        public Task PublishAsync(DeploymentProgressEvent progress) => inner.PublishAsync(progress);

        private sealed class Counted(IDisposable inner, Action onDispose) : IDisposable
        {
            private int _disposed;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _disposed, 1) == 0)
                {
                    inner.Dispose();
                    onDispose();
                }
            }
        }
    }
}
