using Microsoft.AspNetCore.Components;
using MudBlazor;
using PrivateApiEdge.Web.Components.Shared;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Components.Pages.Dashboard;

public sealed partial class DashboardPage : IDisposable
{
    private static readonly Dictionary<string, DeploymentSortColumn> SortColumns = new(StringComparer.Ordinal)
    {
        [nameof(DeploymentListItem.Name)] = DeploymentSortColumn.Name,
        [nameof(DeploymentListItem.Status)] = DeploymentSortColumn.Status,
        [nameof(DeploymentListItem.Owner)] = DeploymentSortColumn.Owner,
        [nameof(DeploymentListItem.DomainName)] = DeploymentSortColumn.DomainName,
        [nameof(DeploymentListItem.Region)] = DeploymentSortColumn.Region,
        [nameof(DeploymentListItem.CreatedAt)] = DeploymentSortColumn.CreatedAt,
        [nameof(DeploymentListItem.UpdatedAt)] = DeploymentSortColumn.UpdatedAt,
    };

    private readonly CancellationTokenSource _disposed = new();
    private MudDataGrid<DeploymentListItem>? _grid;
    private string? _search;
    private bool _failedOnly;
    private IDisposable? _subscription;
    private Task? _refreshing;
    private volatile bool _changed;

    [Inject]
    private DashboardService Dashboard { get; set; } = null!;

    [Inject]
    private DeploymentService Deployments { get; set; } = null!;

    [Inject]
    private CurrentPortalUser CurrentUser { get; set; } = null!;

    [Inject]
    private IDeploymentProgressNotifier Progress { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    /// <summary>Pre-filters from the URL, e.g. <c>/deployments?status=Failed</c> for the bulk view of failures.</summary>
    [SupplyParameterFromQuery(Name = "status")]
    private string? StatusFilter { get; set; }

    protected override void OnInitialized() =>
        _failedOnly = string.Equals(StatusFilter, nameof(DeploymentStatus.Failed), StringComparison.OrdinalIgnoreCase);

    private async Task<GridData<DeploymentListItem>> LoadAsync(GridState<DeploymentListItem> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        var query = new DeploymentListQuery
        {
            Search = _search,
            Statuses = _failedOnly ? [DeploymentStatus.Failed] : [],
            SortBy = sort is not null && SortColumns.TryGetValue(sort.SortBy, out var column) ? column : DeploymentSortColumn.UpdatedAt,
            Descending = sort?.Descending ?? true,
            Page = state.Page,
            PageSize = state.PageSize,
        };
        var page = await Dashboard.ListAsync(query, await CurrentUser.GetAsync(), CancellationToken.None);
        return new GridData<DeploymentListItem> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task OnSearchChangedAsync(string? search)
    {
        _search = search;
        await ReloadAsync();
    }

    private async Task OnFailedOnlyChangedAsync(bool failedOnly)
    {
        _failedOnly = failedOnly;
        await ReloadAsync();
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    protected override Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            // Thousands of deployments can be in flight: events only mark the page stale, and it reloads its one
            // page of rows at most every two seconds.
            _subscription = Progress.SubscribeAll(_ =>
            {
                _changed = true;
                return Task.CompletedTask;
            });
            _refreshing = RefreshWhenChangedAsync(_disposed.Token);
        }

        return Task.CompletedTask;
    }

    private async Task RefreshWhenChangedAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_changed)
                {
                    _changed = false;
                    await InvokeAsync(ReloadAsync);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The page was closed.
        }
    }

    private async Task TeardownAsync(DeploymentListItem item)
    {
        if (!await ConfirmTeardownDialog.ConfirmAsync(Dialogs, item.Name))
        {
            return;
        }

        await CommandAsync(user => Deployments.TeardownAsync(item.Id, user, _disposed.Token), $"Tearing down {item.Name}…");
    }

    private Task ResumeAsync(DeploymentListItem item) =>
        CommandAsync(user => Deployments.ResumeAsync(item.Id, user, _disposed.Token), $"Resuming {item.Name}…");

    private async Task CommandAsync(Func<PortalUser, Task> command, string started)
    {
        try
        {
            await command(await CurrentUser.GetAsync());
            Snackbar.Add(started, Severity.Info);
        }
        catch (DeploymentConflictException ex)
        {
            Snackbar.Add(ex.Message, Severity.Warning);
        }
        catch (DeploymentNotFoundException)
        {
            Snackbar.Add("That deployment no longer exists.", Severity.Warning);
        }

        await ReloadAsync();
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _disposed.Cancel();
        _disposed.Dispose();
    }
}
