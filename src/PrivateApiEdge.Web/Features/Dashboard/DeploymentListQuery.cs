using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Features.Dashboard;

/// <summary>One page of the dashboard: filters, sort and window, all applied in the database.</summary>
public sealed record DeploymentListQuery
{
    public const int MaxPageSize = 200;

    /// <summary>Matched against name, domain, owner and region.</summary>
    public string? Search { get; init; }

    public IReadOnlyCollection<DeploymentStatus> Statuses { get; init; } = [];

    /// <summary>Restricts the list to one owner (requesters see only their own deployments).</summary>
    public string? Owner { get; init; }

    public DeploymentSortColumn SortBy { get; init; } = DeploymentSortColumn.UpdatedAt;

    public bool Descending { get; init; } = true;

    public int Page { get; init; }

    public int PageSize { get; init; } = 25;
}

public enum DeploymentSortColumn
{
    Name,
    Status,
    Owner,
    DomainName,
    Region,
    CreatedAt,
    UpdatedAt,
}

public sealed record DeploymentListItem(
    Guid Id,
    string Name,
    DeploymentStatus Status,
    string Owner,
    string DomainName,
    string Region,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>From creation to the last change: the provisioning (or teardown) time once it has finished.</summary>
    public TimeSpan Duration => UpdatedAt - CreatedAt;
}

public sealed record DeploymentListPage(IReadOnlyList<DeploymentListItem> Items, int TotalCount);
