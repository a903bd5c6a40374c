using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure.Configurations;

internal sealed class MunicipalityConfiguration : IEntityTypeConfiguration<Municipality>
{
    public void Configure(EntityTypeBuilder<Municipality> builder)
    {
        builder.ToTable("Municipalities");
        builder.HasKey(m => m.Code);
        builder.Property(m => m.Code).HasMaxLength(6).IsFixedLength().IsUnicode(false);
        builder.Property(m => m.NameJa).HasMaxLength(100);
        builder.Property(m => m.NameEn).HasMaxLength(100);
        builder.Property(m => m.Kana).HasMaxLength(100);
        builder.Property(m => m.Romaji).HasMaxLength(100);
        builder.Property(m => m.PrefectureJa).HasMaxLength(20);
        builder.Property(m => m.PrefectureEn).HasMaxLength(40);
    }
}
