using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Data.Configurations;

internal sealed class DeploymentLogEntryConfiguration : IEntityTypeConfiguration<DeploymentLogEntry>
{
    public void Configure(EntityTypeBuilder<DeploymentLogEntry> builder)
    {
        builder.ToTable("DeploymentLog");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedOnAdd();
        builder.Property(l => l.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Step).HasMaxLength(64);
        builder.Property(l => l.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Message).HasMaxLength(DeploymentLogEntry.MaxMessageLength).IsRequired();
        builder.HasIndex(l => new { l.DeploymentId, l.Id });
        builder.HasOne<Deployment>().WithMany().HasForeignKey(l => l.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}
