using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Features.Audit;

/// <summary>Writes and reads the audit log. Entries are only ever added; nothing in the portal edits or deletes them.</summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> databases, TimeProvider time, IHttpContextAccessor? http = null)
{
    /// <summary>Stores <paramref name="entry"/> stamped with the current time (and the caller's IP when known).</summary>
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        entry.At = time.GetUtcNow();
        // In a Blazor circuit the accessor holds the circuit's connection request, which carries the browser's address.
        entry.RemoteIp ??= http?.HttpContext?.Connection.RemoteIpAddress?.ToString() is { } ip && ip.Length <= AuditEntry.MaxRemoteIpLength ? ip : null;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>One page of entries matching every given filter, newest first; paging and filtering run in the database.</summary>
    public async Task<AuditPage> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, AuditQuery.MaxPageSize);
        var page = Math.Max(query.Page, 0);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            rows = rows.Where(e => e.Actor == query.Actor.Trim());
        }

        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            rows = rows.Where(e => e.Action == query.Action);
        }

        if (query.Outcome is { } outcome)
        {
            rows = rows.Where(e => e.Outcome == outcome);
        }

        if (!string.IsNullOrWhiteSpace(query.Deployment))
        {
            var deployment = query.Deployment.Trim();
            rows = Guid.TryParse(deployment, out var id)
                ? rows.Where(e => e.DeploymentId == id)
                : rows.Where(e => e.DeploymentName == deployment);
        }

        if (query.From is { } from)
        {
            rows = rows.Where(e => e.At >= from);
        }

        if (query.To is { } to)
        {
            rows = rows.Where(e => e.At < to);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new AuditPage(items, total);
    }
}

/// <summary>Filters of the audit page; null or empty means "any".</summary>
public sealed record AuditQuery
{
    public const int MaxPageSize = 200;

    /// <summary>Exact user id (or typed sign-in name).</summary>
    public string? Actor { get; init; }

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public string? Action { get; init; }

    /// <summary>A deployment id, or a deployment name matched exactly.</summary>
    public string? Deployment { get; init; }

    public AuditOutcome? Outcome { get; init; }

    /// <summary>Inclusive lower bound.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Exclusive upper bound.</summary>
    public DateTimeOffset? To { get; init; }

    public int Page { get; init; }

    public int PageSize { get; init; } = 50;
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Items, int TotalCount);
