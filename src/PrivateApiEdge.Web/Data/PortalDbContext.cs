using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Features.Audit;
using PrivateApiEdge.Web.Features.Deployments;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Data;

/// <summary>
/// The portal's model, shared by both providers. Each provider has its own subclass with its own migration set
/// (EF's "multiple context types" pattern), because SQLite and PostgreSQL need different column types.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Deployment> Deployments => Set<Deployment>();

    public DbSet<DeploymentStep> DeploymentSteps => Set<DeploymentStep>();

    public DbSet<DeploymentLogEntry> DeploymentLog => Set<DeploymentLogEntry>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<UserAccount> UserAccounts => Set<UserAccount>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
