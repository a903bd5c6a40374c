using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MyNumberPortal.Data.Infrastructure.Configurations;

/// <summary>
/// The framework's data-protection key entity on the portal's <c>DataProtectionKeys</c> table: the same columns the
/// portal's own repository wrote before (keys written then stay readable), less its <c>CreatedAt</c> column (the key's
/// XML holds its creation date). The key manager always writes the XML, so the column stays NOT NULL.
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> builder)
    {
        builder.ToTable("DataProtectionKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.FriendlyName).HasMaxLength(200);
        builder.Property(k => k.Xml).IsRequired();
    }
}
