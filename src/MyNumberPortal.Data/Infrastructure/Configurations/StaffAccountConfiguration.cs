using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure.Configurations;

internal sealed class StaffAccountConfiguration : IEntityTypeConfiguration<StaffAccount>
{
    public void Configure(EntityTypeBuilder<StaffAccount> builder)
    {
        builder.ToTable("StaffAccounts");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.UserName).HasMaxLength(100);
        builder.Property(s => s.NormalizedUserName).HasMaxLength(100);
        builder.Property(s => s.PasswordHash).HasMaxLength(200).IsUnicode(false);
        builder.Property(s => s.Role).HasMaxLength(16).IsUnicode(false);
        builder.Property(s => s.MunicipalityCode).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();
        builder.Property(s => s.SecurityStamp).HasMaxLength(32).IsUnicode(false);
        builder.HasIndex(s => s.NormalizedUserName).IsUnique();
    }
}
