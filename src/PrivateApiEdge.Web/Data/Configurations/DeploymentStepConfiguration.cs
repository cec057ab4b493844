using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivateApiEdge.Web.Features.Deployments;

namespace PrivateApiEdge.Web.Data.Configurations;

internal sealed class DeploymentStepConfiguration : IEntityTypeConfiguration<DeploymentStep>
{
    public void Configure(EntityTypeBuilder<DeploymentStep> builder)
    {
        builder.HasKey(s => new { s.DeploymentId, s.Phase, s.Name });
        builder.Property(s => s.Phase).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Name).HasMaxLength(64);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.WaitReason).HasMaxLength(1000);
        builder.Property(s => s.Error).HasMaxLength(4000);
        builder.Property<string>("_intentsJson").HasColumnName("Intents").IsRequired();
        builder.Property<string>("_outputsJson").HasColumnName("Outputs").IsRequired();
        builder.Ignore(s => s.Intents);
        builder.Ignore(s => s.Outputs);
        builder.Ignore(s => s.HasCreatedAnything);
        builder.Ignore(s => s.IsComplete);
        builder.Ignore(s => s.Duration);
    }
}
