using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Features.Dashboard;

/// <summary>The dashboard's reads: paging, sorting, filtering and search stay in SQL so thousands of rows stay fast.</summary>
public sealed class DashboardService(IDbContextFactory<PortalDbContext> databases)
{
    /// <summary>One page of the deployments the user may see: requesters their own, admins all (optionally one owner's).</summary>
    public async Task<DeploymentListPage> ListAsync(DeploymentListQuery query, PortalUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(user);
        var pageSize = Math.Clamp(query.PageSize, 1, DeploymentListQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.Deployments.AsNoTracking();
        if (!user.IsAdmin)
        {
            rows = rows.Where(d => d.Owner == user.Id);
        }

        if (!string.IsNullOrEmpty(query.Owner))
        {
            rows = rows.Where(d => d.Owner == query.Owner);
        }

        if (query.Statuses.Count > 0)
        {
            var statuses = query.Statuses.ToList();
            rows = rows.Where(d => statuses.Contains(d.Status));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = $"%{EscapeLike(query.Search.Trim().ToLowerInvariant())}%";
            // CA1304/CA1311 target .NET string calls; these ToLower() calls are translated to SQL lower() and
            // never run in .NET (EF does not translate ToLowerInvariant).
#pragma warning disable CA1304, CA1311
            rows = rows.Where(d =>
                EF.Functions.Like(d.Name.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.DomainName.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.Owner.ToLower(), pattern, "\\")
                || EF.Functions.Like(d.Region, pattern, "\\"));
#pragma warning restore CA1304, CA1311
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await Sort(rows, query.SortBy, query.Descending)
            .Skip(page * pageSize)
            .Take(pageSize)
            .Select(d => new DeploymentListItem(d.Id, d.Name, d.Status, d.Owner, d.DomainName, d.Region, d.CreatedAt, d.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new DeploymentListPage(items, total);
    }

    private static IOrderedQueryable<Deployment> Sort(IQueryable<Deployment> rows, DeploymentSortColumn column, bool descending)
    {
        // Id as the tie-breaker keeps paging stable when many rows share a sort value.
        var sorted = column switch
        {
            DeploymentSortColumn.Name => descending ? rows.OrderByDescending(d => d.Name) : rows.OrderBy(d => d.Name),
            DeploymentSortColumn.Status => descending ? rows.OrderByDescending(d => d.Status) : rows.OrderBy(d => d.Status),
            DeploymentSortColumn.Owner => descending ? rows.OrderByDescending(d => d.Owner) : rows.OrderBy(d => d.Owner),
            DeploymentSortColumn.DomainName => descending ? rows.OrderByDescending(d => d.DomainName) : rows.OrderBy(d => d.DomainName),
            DeploymentSortColumn.Region => descending ? rows.OrderByDescending(d => d.Region) : rows.OrderBy(d => d.Region),
            DeploymentSortColumn.CreatedAt => descending ? rows.OrderByDescending(d => d.CreatedAt) : rows.OrderBy(d => d.CreatedAt),
            _ => descending ? rows.OrderByDescending(d => d.UpdatedAt) : rows.OrderBy(d => d.UpdatedAt),
        };
        return sorted.ThenBy(d => d.Id);
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
