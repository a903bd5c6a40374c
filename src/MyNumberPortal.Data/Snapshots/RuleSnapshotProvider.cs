using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Snapshots;

/// <summary>
/// Holds the <see cref="RuleCatalog"/> built from every published version (singleton). Requests read
/// <see cref="Current"/> and never touch the database; a background poll calls <see cref="RefreshIfChangedAsync"/>.
/// The change stamp is a 64-bit hash of the published rows' (Id, ConcurrencyStamp): publishing, withdrawing or
/// editing a published row (which renews its stamp) changes it; drafts do not.
/// </summary>
public sealed class RuleSnapshotProvider(IDbContextFactory<PortalDbContext> factory, ILogger<RuleSnapshotProvider>? logger = null)
{
    private readonly ILogger logger = logger ?? NullLogger<RuleSnapshotProvider>.Instance;
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile RuleCatalog current = new(new RuleSetDocument { Scope = RuleSetVersion.NationalScope }, []);
    private volatile bool stale = true;

    /// <summary>The catalog in force; empty until the first refresh.</summary>
    public RuleCatalog Current => current;

    /// <summary>Makes the next <see cref="RefreshIfChangedAsync"/> rebuild whatever the stamp says.</summary>
    public void Invalidate() => stale = true;

    /// <summary>Rebuilds the catalog if the store's change stamp differs from the one it was built from
    /// (or on first use, or after <see cref="Invalidate"/>). Returns whether it rebuilt.</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            var keys = await PublishedRows(db).Select(v => new { v.Id, v.ConcurrencyStamp }).ToListAsync(cancellationToken);
            if (!stale && Stamp(keys.Select(k => (k.Id, k.ConcurrencyStamp))) == current.Stamp)
            {
                return false;
            }

            var rows = await PublishedRows(db)
                .Select(v => new { v.Id, v.ConcurrencyStamp, v.Scope, v.Version, v.EffectiveFrom, v.Content })
                .ToListAsync(cancellationToken);
            var stamp = Stamp(rows.Select(r => (r.Id, r.ConcurrencyStamp)));
            RuleSetDocument? national = null;
            var published = new List<PublishedRuleSet>();
            foreach (var row in rows.OrderBy(r => r.Version))
            {
                RuleSetDocument document;
                try
                {
                    document = RuleSetYaml.Read(row.Content);
                }
                catch (RuleFileFormatException ex)
                {
                    // The line only: the reason may quote the text.
                    logger.LogError("Published rule set {Scope} v{Version} does not parse (line {Line})", row.Scope, row.Version, ex.Line);
                    if (row.Scope != RuleSetVersion.NationalScope)
                    {
                        published.Add(new PublishedRuleSet(row.Scope, row.Version, row.EffectiveFrom, new RuleSetDocument { Scope = row.Scope }, ex.Message));
                    }

                    continue;
                }

                if (row.Scope == RuleSetVersion.NationalScope)
                {
                    national = document; // rows are in version order: the latest wins
                }
                else
                {
                    published.Add(new PublishedRuleSet(row.Scope, row.Version, row.EffectiveFrom, document));
                }
            }

            var catalog = new RuleCatalog(national ?? new RuleSetDocument { Scope = RuleSetVersion.NationalScope }, published, stamp);
            foreach (var broken in catalog.UnavailableVersions)
            {
                // For the admins: which version, how many problems and where; never the rule text (the problems quote it).
                // Residents asking about this municipality on the dates it is in force are told to call (docs/security.md).
                logger.LogError("Published rule set {Scope} v{Version} cannot be used: {Count} problem(s) at {Paths}; residents are told it is temporarily unavailable",
                    broken.Code, broken.Version, broken.Problems.Count, string.Join(", ", broken.ProblemPaths));
            }

            current = catalog;
            stale = false;
            return true;
        }
        finally
        {
            gate.Release();
        }
    }

    private static IQueryable<RuleSetVersion> PublishedRows(PortalDbContext db) =>
        db.RuleSetVersions.AsNoTracking().Where(v => v.Status == RuleSetStatus.Published);

    /// <summary>The first 8 bytes of SHA-256 over the (Id, ConcurrencyStamp) pairs in Id order.</summary>
    private static long Stamp(IEnumerable<(int Id, Guid ConcurrencyStamp)> rows)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[20];
        foreach (var (id, stamp) in rows.OrderBy(r => r.Id))
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer, id);
            stamp.TryWriteBytes(buffer[4..]);
            hash.AppendData(buffer);
        }

        return BinaryPrimitives.ReadInt64LittleEndian(hash.GetHashAndReset());
    }
}
