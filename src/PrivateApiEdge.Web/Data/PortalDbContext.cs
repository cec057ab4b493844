using Microsoft.EntityFrameworkCore;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options)
{
    public DbSet<Deployment> Deployments => Set<Deployment>();

    public DbSet<DeploymentStep> DeploymentSteps => Set<DeploymentStep>();

    public DbSet<DeploymentLogEntry> DeploymentLog => Set<DeploymentLogEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }
}
