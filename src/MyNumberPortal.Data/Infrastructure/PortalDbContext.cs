using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Entities;

namespace MyNumberPortal.Data.Infrastructure;

/// <summary>
/// The rule store: versioned rule sets, the municipality directory and the audit trail; and the data-protection keys.
/// Works on SQLite (default) and SQL Server; each provider has its own migrations.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Municipality> Municipalities => Set<Municipality>();

    public DbSet<RuleSetVersion> RuleSetVersions => Set<RuleSetVersion>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>
    /// The ASP.NET Core data-protection key ring shared by every instance, read and written by the framework's
    /// <c>EntityFrameworkCoreXmlRepository</c> (<see cref="Extensions.AddPortalDataProtection"/>).
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Staff who sign in to the counter pages (see <see cref="Staff.StaffAccounts"/>).</summary>
    public DbSet<StaffAccount> StaffAccounts => Set<StaffAccount>();

    /// <summary>Text captures of the source pages that quotes are checked against (see <see cref="Publishing.SourceCaptures"/>).</summary>
    public DbSet<SourceCapture> SourceCaptures => Set<SourceCapture>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-with-offset type, and EF cannot order or compare its default text for it.
        // Store fixed-width UTC ISO text instead (see UtcIsoTextConverter); SQL Server keeps datetimeoffset.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcIsoTextConverter>().HaveMaxLength(28);
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every update of a version or a staff account gets a new stamp: the concurrency check compares the old one.</summary>
    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<RuleSetVersion>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }

        foreach (var entry in ChangeTracker.Entries<StaffAccount>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.ConcurrencyStamp = Guid.NewGuid();
            }
        }
    }
}
