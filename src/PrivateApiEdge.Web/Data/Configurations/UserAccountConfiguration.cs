using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PrivateApiEdge.Web.Features.Users;

namespace PrivateApiEdge.Web.Data.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("UserAccounts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(UserAccount.MaxUserNameLength).IsRequired();
        builder.Property(a => a.NormalizedUserName).HasMaxLength(UserAccount.MaxUserNameLength).IsRequired();
        builder.HasIndex(a => a.NormalizedUserName).IsUnique();
        builder.Property(a => a.DisplayName).HasMaxLength(UserAccount.MaxDisplayNameLength).IsRequired();
        builder.Property(a => a.Role).HasMaxLength(16).IsRequired();
        builder.Property(a => a.PasswordHash).HasMaxLength(512).IsRequired();
        builder.Property(a => a.SecurityStamp).HasMaxLength(64).IsRequired();
    }
}
