using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Seeding;

namespace MyNumberPortal.Data.Infrastructure;

/// <summary>Brings the database to the latest migration and seeds it; run once at start (scoped).</summary>
public sealed class DatabaseInitializer(PortalDbContext db, RuleSeeder seeder)
{
    /// <summary>Applies pending migrations, switches SQLite to WAL journal mode, then seeds (<see cref="RuleSeeder"/>).</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // WAL lets the snapshot poll read while an admin writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await seeder.SeedAsync(cancellationToken);
    }
}
