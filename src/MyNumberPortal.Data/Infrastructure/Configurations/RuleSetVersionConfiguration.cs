using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure.Configurations;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.ToTable("RuleSetVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Scope).HasMaxLength(16).IsUnicode(false);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16).IsUnicode(false);
        builder.Property(v => v.Content);
        builder.Property(v => v.ContentHash).HasMaxLength(64).IsFixedLength().IsUnicode(false);
        builder.Property(v => v.CreatedBy).HasMaxLength(100);
        builder.Property(v => v.PublishedBy).HasMaxLength(100);
        builder.Property(v => v.Comment).HasMaxLength(500);
        builder.Property(v => v.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(v => new { v.Scope, v.Version }).IsUnique();
        builder.HasIndex(v => new { v.Scope, v.Status, v.EffectiveFrom });
    }
}
