using Microsoft.EntityFrameworkCore;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Data.Publishing;

/// <summary>
/// The captures of the source pages (scoped service): the newest capture of each source is what its facts' quotes are
/// checked against (<c>QuoteCheck</c>, through <see cref="RuleSetDrafts"/>). A new capture is added, never overwritten,
/// with its audit entry (<see cref="CaptureAction"/>) in the same transaction.
/// </summary>
public sealed class SourceCaptures(PortalDbContext db, TimeProvider time)
{
    /// <summary>The audit action of a stored capture.</summary>
    public const string CaptureAction = "source-capture";

    /// <summary>Largest capture accepted (characters; a form post of it stays within the admin pages' 2 MB). The biggest seed page is about 20,000.</summary>
    public const int MaxLength = 100_000;

    /// <summary>The newest capture of one source of the scope, or null.</summary>
    public Task<SourceCapture?> LatestAsync(string scope, string sourceId, CancellationToken ct = default) =>
        db.SourceCaptures.AsNoTracking().Where(c => c.Scope == scope && c.SourceId == sourceId)
            .OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct);

    /// <summary>The newest capture of each source of the scope.</summary>
    public async Task<IReadOnlyList<SourceCapture>> LatestAsync(string scope, CancellationToken ct = default)
    {
        var rows = await db.SourceCaptures.AsNoTracking().Where(c => c.Scope == scope).OrderBy(c => c.Id).ToListAsync(ct);
        return rows.GroupBy(c => c.SourceId, StringComparer.Ordinal).Select(g => g.Last()).ToList();
    }

    /// <summary>
    /// What the quotes of <paramref name="scope"/>'s rule set are checked against: source id → the newest captured text, the
    /// national sources' captures with the scope's own over them (as the rule set's sources lie over the national ones).
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> ForCheckAsync(string scope, CancellationToken ct = default)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (scope != RuleSetVersion.NationalScope)
        {
            foreach (var capture in await LatestAsync(RuleSetVersion.NationalScope, ct))
            {
                texts[capture.SourceId] = capture.Text;
            }
        }

        foreach (var capture in await LatestAsync(scope, ct))
        {
            texts[capture.SourceId] = capture.Text;
        }

        return texts;
    }

    /// <summary>Stores a new capture of a source of <paramref name="scope"/> (audited: the previous capture as before, the new one as after).</summary>
    public async Task<SourceCapture> AddAsync(string scope, string sourceId, DateOnly capturedOn, string text, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(text), text.Length, $"A capture has at most {MaxLength} characters.");
        }

        var previous = await LatestAsync(scope, sourceId, ct);
        var now = time.GetUtcNow();
        var row = new SourceCapture { Scope = scope, SourceId = sourceId, CapturedOn = capturedOn, Text = text, CreatedAt = now, CreatedBy = actor };
        db.SourceCaptures.Add(row);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = actor, Scope = scope, Action = CaptureAction,
            Summary = Trim($"New capture of source {sourceId} (captured {capturedOn:yyyy-MM-dd})"),
            Before = previous?.Text, After = text,
        });
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Adds a capture only where the source has none (the seeder's first start); not audited one by one. Returns whether one was added.</summary>
    internal async Task<bool> AddMissingAsync(string scope, string sourceId, DateOnly capturedOn, string text, string actor, CancellationToken ct)
    {
        if (await db.SourceCaptures.AnyAsync(c => c.Scope == scope && c.SourceId == sourceId, ct))
        {
            return false;
        }

        db.SourceCaptures.Add(new SourceCapture
        {
            Scope = scope, SourceId = sourceId, CapturedOn = capturedOn, Text = text, CreatedAt = time.GetUtcNow(), CreatedBy = actor,
        });
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Trim(string text) => text.Length <= 500 ? text : text[..500];
}
