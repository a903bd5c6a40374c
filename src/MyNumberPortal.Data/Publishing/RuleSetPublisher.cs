using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Publishing;

/// <summary>
/// The one way a rule set becomes published (scoped service), used by the seeder (version 1 of each seed file), the admin
/// console (<see cref="RuleSetDrafts.PublishAsync"/> hands it the open draft once the draft's checks pass) and the tests.
/// Publishing a row: it becomes <see cref="RuleSetStatus.Published"/> in force from a date (null: from the beginning), by
/// an actor, with a <c>publish</c> audit entry (<c>seed</c> for the seeder's; before: the scope's latest published content,
/// after: the row's), and the
/// municipality directory refreshed, all in one transaction. Every instance's <c>RuleSnapshotProvider</c> sees the row on
/// its next poll; in the publishing process call <c>RefreshIfChangedAsync</c> to see it at once.
/// </summary>
public sealed class RuleSetPublisher(PortalDbContext db, TimeProvider time, ILogger<RuleSetPublisher>? logger = null)
{
    /// <summary>The audit action recorded for a publish.</summary>
    public const string AuditAction = "publish";

    /// <summary>The audit action recorded when a scheduled version is cancelled (by an admin, or replaced by one for the same date).</summary>
    public const string CancelAction = "schedule-cancel";

    private static readonly TimeZoneInfo Japan = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>Longest comment kept (characters).</summary>
    public const int MaxCommentLength = 500;

    private readonly ILogger logger = logger ?? NullLogger<RuleSetPublisher>.Instance;

    /// <summary>
    /// Stores <paramref name="document"/> (as canonical YAML) as its scope's next version, numbered one above the scope's
    /// highest version of any status, and publishes it (<see cref="PublishRowAsync"/>). Returns the stored row. Two publishes
    /// of one scope at the same moment: the unique (Scope, Version) index makes the second one fail
    /// (<see cref="DbUpdateException"/>) instead of numbering two versions alike.
    /// </summary>
    /// <exception cref="ArgumentException">The scope is not <c>national</c> or 6 digits, or the actor is empty: nothing is written.</exception>
    public Task<RuleSetVersion> PublishAsync(RuleSetDocument document, string actor, DateOnly? effectiveFrom = null,
        string? comment = null, CancellationToken cancellationToken = default) =>
        PublishAsync(document, actor, effectiveFrom, comment, AuditAction, cancellationToken);

    /// <summary>As <see cref="PublishAsync(RuleSetDocument, string, DateOnly?, string?, CancellationToken)"/>, audited as <paramref name="action"/> (the seeder's <c>seed</c>).</summary>
    internal async Task<RuleSetVersion> PublishAsync(RuleSetDocument document, string actor, DateOnly? effectiveFrom, string? comment, string action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var scope = document.Scope;
        if (!RuleSetVersion.IsValidScope(scope))
        {
            throw new ArgumentException($"The document's scope '{scope}' is not 'national' or a 6-digit code.", nameof(document));
        }

        var content = RuleSetYaml.Write(document);
        var highest = await db.RuleSetVersions.Where(v => v.Scope == scope).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        var row = RuleSetVersion.NewPublished(scope, highest + 1, content, effectiveFrom, actor, time.GetUtcNow(), null);
        db.RuleSetVersions.Add(row);
        await PublishRowAsync(row, effectiveFrom, actor, comment, action, cancellationToken);
        return row;
    }

    /// <summary>
    /// Publishes a tracked row (a new one, or the open draft): status, effective date, who and when, the comment (when one
    /// is given), its audit entry and the municipality directory, saved in one transaction. A row changed by someone else
    /// since it was read makes the save fail with <see cref="DbUpdateConcurrencyException"/>, and nothing is kept.
    /// </summary>
    public Task PublishRowAsync(RuleSetVersion row, DateOnly? effectiveFrom, string actor, string? comment, CancellationToken cancellationToken = default) =>
        PublishRowAsync(row, effectiveFrom, actor, comment, AuditAction, cancellationToken);

    private async Task PublishRowAsync(RuleSetVersion row, DateOnly? effectiveFrom, string actor, string? comment, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var before = await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Scope == row.Scope && v.Status == RuleSetStatus.Published && v.Id != row.Id)
            .OrderByDescending(v => v.Version).Select(v => v.Content).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var note = string.IsNullOrWhiteSpace(comment) ? null : Trim(comment);
        row.Status = RuleSetStatus.Published;
        row.EffectiveFrom = effectiveFrom;
        row.PublishedAt = now;
        row.PublishedBy = actor;
        row.Comment = note ?? row.Comment;
        // Never two versions scheduled for the same day (after a rollback, say): the one published now replaces the other.
        if (effectiveFrom is { } day && day > Today())
        {
            var sameDay = await db.RuleSetVersions
                .Where(v => v.Scope == row.Scope && v.Status == RuleSetStatus.Published && v.Id != row.Id && v.EffectiveFrom == day)
                .ToListAsync(cancellationToken);
            foreach (var replaced in sameDay)
            {
                replaced.Status = RuleSetStatus.Withdrawn;
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now, Actor = actor, Scope = row.Scope, Action = CancelAction,
                    Summary = $"Version {replaced.Version}, scheduled for {PortalDates.ToIso(day)}, replaced by version {row.Version}",
                    Before = replaced.Content,
                });
            }
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = actor, Scope = row.Scope, Action = action,
            Summary = $"Version {row.Version} published"
                + (effectiveFrom is { } from ? $", in force from {PortalDates.ToIso(from)}" : "")
                + (note is null ? "" : $": {note}"),
            Before = before, After = row.Content,
        });
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            await MunicipalityDirectory.RefreshAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Published rule set {Scope} v{Version} by {Actor}, in force from {EffectiveFrom}", row.Scope, row.Version, actor,
            effectiveFrom is { } date ? PortalDates.ToIso(date) : "the beginning");
    }

    /// <summary>
    /// Cancels a scheduled version (published, in force from a day after today in Japan): it becomes
    /// <see cref="RuleSetStatus.Withdrawn"/>, never served, kept in the history; audited as <see cref="CancelAction"/>.
    /// False when there is no such version (unknown, not published, or already in force), or someone changed it meanwhile.
    /// </summary>
    public async Task<bool> CancelScheduledAsync(string scope, int version, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var today = Today();
        var row = await db.RuleSetVersions.SingleOrDefaultAsync(v => v.Scope == scope && v.Version == version, cancellationToken);
        if (row is not { Status: RuleSetStatus.Published, EffectiveFrom: { } from } || from <= today)
        {
            return false;
        }

        row.Status = RuleSetStatus.Withdrawn;
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(), Actor = actor, Scope = scope, Action = CancelAction,
            Summary = $"Version {version}, scheduled for {PortalDates.ToIso(from)}, cancelled", Before = row.Content,
        });
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await MunicipalityDirectory.RefreshAsync(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        logger.LogInformation("Cancelled scheduled rule set {Scope} v{Version} by {Actor}", scope, version, actor);
        return true;
    }

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Japan).DateTime);

    private static string Trim(string text) => text.Length <= MaxCommentLength ? text.Trim() : text[..MaxCommentLength].Trim();
}
