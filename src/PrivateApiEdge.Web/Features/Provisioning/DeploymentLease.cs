using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Data;

namespace PrivateApiEdge.Web.Features.Provisioning;

/// <summary>
/// The "one advance per deployment at a time" lock: a lease id + expiry on the deployment row, taken and renewed
/// by conditional single-row updates (atomic in SQLite and PostgreSQL). A run that dies keeps it only until expiry.
/// </summary>
internal static class DeploymentLease
{
    public static async Task<bool> TryAcquireAsync(PortalDbContext db, Guid deploymentId, Guid leaseId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var expires = now + duration;
        var updated = await db.Deployments
            .Where(d => d.Id == deploymentId && (d.LeaseId == null || d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseId, leaseId).SetProperty(d => d.LeaseExpiresAt, expires), cancellationToken);
        return updated == 1;
    }

    public static async Task<bool> TryRenewAsync(PortalDbContext db, Guid deploymentId, Guid leaseId, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var expires = now + duration;
        var updated = await db.Deployments
            .Where(d => d.Id == deploymentId && d.LeaseId == leaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseExpiresAt, expires), cancellationToken);
        return updated == 1;
    }

    public static Task ReleaseAsync(PortalDbContext db, Guid deploymentId, Guid leaseId, CancellationToken cancellationToken) =>
        db.Deployments
            .Where(d => d.Id == deploymentId && d.LeaseId == leaseId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseId, (Guid?)null).SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null), cancellationToken);
}
