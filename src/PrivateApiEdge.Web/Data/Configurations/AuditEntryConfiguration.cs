using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivateApiEdge.Web.Features.Audit;

namespace PrivateApiEdge.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        // No foreign key to Deployments: the audit log outlives what it talks about and records ids that never existed.
        builder.ToTable("AuditLog");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.Actor).HasMaxLength(AuditEntry.MaxActorLength).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(AuditEntry.MaxActionLength).IsRequired();
        builder.Property(e => e.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Message).HasMaxLength(AuditEntry.MaxMessageLength);
        builder.Property(e => e.DeploymentName).HasMaxLength(AuditEntry.MaxDeploymentNameLength);
        builder.Property(e => e.RemoteIp).HasMaxLength(AuditEntry.MaxRemoteIpLength);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.Actor, e.At });
        builder.HasIndex(e => new { e.DeploymentId, e.At });
    }
}
