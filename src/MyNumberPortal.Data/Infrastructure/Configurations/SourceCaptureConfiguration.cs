using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure.Configurations;

internal sealed class SourceCaptureConfiguration : IEntityTypeConfiguration<SourceCapture>
{
    public void Configure(EntityTypeBuilder<SourceCapture> builder)
    {
        builder.ToTable("SourceCaptures");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Scope).HasMaxLength(16).IsUnicode(false);
        builder.Property(c => c.SourceId).HasMaxLength(200);
        builder.Property(c => c.CreatedBy).HasMaxLength(100);
        builder.HasIndex(c => new { c.Scope, c.SourceId, c.Id });
    }
}
