using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Data.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Name).HasMaxLength(64).IsRequired();
        builder.HasIndex(d => d.Name).IsUnique();
        builder.Property(d => d.DomainName).HasMaxLength(253).IsRequired();
        builder.Property(d => d.Region).HasMaxLength(32).IsRequired();
        builder.Property(d => d.Owner).HasMaxLength(256).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(32);
        // SQLite cannot compare DateTimeOffset values in SQL; stored as sortable binary so paging can ORDER BY
        // and the lease can compare expiry times. Every time here is UTC (TimeProvider), which keeps the order.
        builder.Property(d => d.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.CompletedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.ScheduledWakeAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.LeaseExpiresAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(d => d.CreatedAt);
        builder.HasIndex(d => d.Status);
        builder.Property(d => d.FailedStep).HasMaxLength(64);
        builder.Property(d => d.Error).HasMaxLength(4000);
        builder.Property(d => d.RequestedAction).HasConversion<string>().HasMaxLength(32);
        builder.Property(d => d.RequestedStep).HasMaxLength(64);
        builder.Property<string>("_requestJson").HasColumnName("Request").IsRequired();
        builder.Ignore(d => d.Request);
        builder.Ignore(d => d.Phase);
        builder.Ignore(d => d.ActiveSteps);
        builder.Ignore(d => d.IsFinished);
        builder.Ignore(d => d.AwsCalls);
        builder.HasMany(d => d.Steps).WithOne().HasForeignKey(s => s.DeploymentId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Steps).HasField("_steps").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
