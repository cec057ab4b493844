using Microsoft.EntityFrameworkCore;

namespace PrivateApiEdge.Web.Data;

/// <summary>
/// Hands out the configured provider's context as a <see cref="PortalDbContext"/>, so features never care which
/// database they run on.
/// </summary>
internal sealed class PortalDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<PortalDbContext>
    where TContext : PortalDbContext
{
    public PortalDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<PortalDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
