using Microsoft.AspNetCore.Components;
using MudBlazor;
using PrivateApiEdge.Web.Features.Dashboard;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Components.Pages.Dashboard;

public sealed partial class DashboardPage
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

    private MudDataGrid<DeploymentListItem>? _grid;
    private string? _search;
    private bool _failedOnly;

    [Inject]
    private DashboardService Dashboard { get; set; } = null!;

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
        var page = await Dashboard.ListAsync(query, CancellationToken.None);
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

    private static string DurationText(TimeSpan duration) =>
        duration.TotalHours >= 1 ? $"{(int)duration.TotalHours} h {duration.Minutes} min"
        : duration.TotalMinutes >= 1 ? $"{duration.Minutes} min {duration.Seconds} s"
        : $"{duration.Seconds} s";
}
