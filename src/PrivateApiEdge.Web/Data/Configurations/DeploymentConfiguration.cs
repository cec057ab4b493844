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
        // SQLite cannot compare DateTimeOffset values in SQL; stored as sortable binary so paging can ORDER BY.
        builder.Property(d => d.CreatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.Property(d => d.UpdatedAt).HasConversion(new DateTimeOffsetToBinaryConverter());
        builder.HasIndex(d => d.CreatedAt);
    }
}
