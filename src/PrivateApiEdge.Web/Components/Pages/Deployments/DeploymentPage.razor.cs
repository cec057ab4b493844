using Microsoft.AspNetCore.Components;
using MudBlazor;
using PrivateApiEdge.Web.Aws.Core;
using PrivateApiEdge.Web.Components.Layout;
using PrivateApiEdge.Web.Components.Shared;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Notifications;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Components.Pages.Deployments;

public sealed partial class DeploymentPage : IDisposable
{
    private const int MaxLogLines = 5000;

    private readonly CancellationTokenSource _disposed = new();
    private DeploymentView? _view;
    private DeploymentStatus? _lastStatus;
    private bool _notFound;
    private bool _busy;
    private bool _testing;
    private DateTimeOffset _now;
    private IDisposable? _subscription;
    private Task? _ticking;
    private int _loads;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private DeploymentService Deployments { get; set; } = null!;

    [Inject]
    private CurrentPortalUser CurrentUser { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IDeploymentProgressNotifier Progress { get; set; } = null!;

    [Inject]
    private AwsCallMeter CallMeter { get; set; } = null!;

    [Inject]
    private StepDurationEstimates Estimates { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    protected override Task OnParametersSetAsync() => LoadAsync();

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _subscription = Progress.Subscribe(Id, OnProgressAsync);
            _ticking = TickAsync(_disposed.Token);
        }

        return Task.CompletedTask;
    }

    private async Task LoadAsync()
    {
        // Events can arrive while a load is in flight; only the latest load may replace the view.
        var load = ++_loads;
        var user = await CurrentUser.GetAsync();
        var deployment = await Deployments.GetAsync(Id, user, _disposed.Token);
        var log = deployment is null ? [] : await Deployments.GetLogAsync(Id, 0, MaxLogLines, user, _disposed.Token);
        if (load != _loads)
        {
            return;
        }

        _now = Time.GetUtcNow();
        if (deployment is null)
        {
            // Missing and someone else's look the same; the first (server) render answers 404 like any unknown address.
            _notFound = true;
            if (!RendererInfo.IsInteractive)
            {
                Navigation.NotFound();
            }

            return;
        }

        _view = DeploymentViewMapper.Map(deployment, log, CallMeter.GetSnapshot(Id), Estimates.For);
        AnnounceOutcome(deployment);
    }

    /// <summary>Durations of running steps count up between events; one tick a second is enough for people.</summary>
    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(OnTick);
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    /// <summary>A change to a settled status is announced with the same notice the rest of the portal gets.</summary>
    private void AnnounceOutcome(Deployment deployment)
    {
        var previous = _lastStatus;
        _lastStatus = deployment.Status;
        if (previous is null || previous == deployment.Status || !deployment.Status.IsSettled())
        {
            return;
        }

        var outcome = DeploymentOutcome.Of(deployment);
        Snackbar.Add(outcome.Message, DeploymentOutcomeSeverity.Of(outcome), options => options.VisibleStateDuration = 8000);
    }

    private async Task OnProgressAsync(DeploymentProgressEvent progress)
    {
        try
        {
            await InvokeAsync(async () =>
            {
                await LoadAsync();
                StateHasChanged();
            });
        }
        catch (ObjectDisposedException)
        {
            // The circuit went away between the event and the render; the subscription is being disposed.
        }
    }

    private void OnTick()
    {
        if (_view?.Steps.Any(s => s.IsActive) == true)
        {
            _now = Time.GetUtcNow();
            StateHasChanged();
        }
    }

    private static bool IsTeardown(DeploymentView view) => view.Status.Phase() == DeploymentPhase.Teardown;

    private Task ResumeAsync() => CommandAsync(user => Deployments.ResumeAsync(Id, user, _disposed.Token), "Resuming…");

    private Task RetryStepAsync(string step) => CommandAsync(user => Deployments.RetryStepAsync(Id, step, user, _disposed.Token), $"Retrying {step}…");

    private async Task TeardownAsync()
    {
        if (_view is not null && await ConfirmTeardownDialog.ConfirmAsync(Dialogs, _view.Name))
        {
            await CommandAsync(user => Deployments.TeardownAsync(Id, user, _disposed.Token), "Teardown started.");
        }
    }

    private async Task RunEndpointTestAsync()
    {
        _testing = true;
        try
        {
            var result = await Deployments.RunEndpointTestAsync(Id, await CurrentUser.GetAsync(), _disposed.Token);
            Snackbar.Add(result.Passed ? "Endpoint test passed." : $"Endpoint test failed: {result.Diagnosis}",
                result.Passed ? Severity.Success : Severity.Error);
            await LoadAsync();
        }
        catch (DeploymentConflictException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _testing = false;
        }
    }

    private async Task CommandAsync(Func<PortalUser, Task> command, string started)
    {
        _busy = true;
        try
        {
            await command(await CurrentUser.GetAsync());
            Snackbar.Add(started, Severity.Info);
            await LoadAsync();
        }
        catch (DeploymentConflictException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
