using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Publishing;

/// <summary>What a change to a draft came to.</summary>
public enum DraftOutcome
{
    /// <summary>Stored (or published) as asked.</summary>
    Done,

    /// <summary>Someone else changed the draft since it was read: nothing was written (see <see cref="DraftResult.Current"/>).</summary>
    Conflict,

    /// <summary>The document does not validate: nothing was written (see <see cref="DraftResult.Problems"/>).</summary>
    Invalid,

    /// <summary>There is no open draft for the scope (it was published or discarded meanwhile).</summary>
    NoDraft,

    /// <summary>The change would not change anything.</summary>
    Unchanged,
}

/// <summary>The result of a draft operation: the row as it now stands, and for a conflict the last change someone else made.</summary>
public sealed record DraftResult(DraftOutcome Outcome, RuleSetVersion? Row, IReadOnlyList<RuleFileProblem> Problems, AuditEntry? OtherChange = null)
{
    /// <summary>The draft as it is in the store now (for a conflict: with the other admin's change).</summary>
    public RuleSetVersion? Current => Row;
}

/// <summary>
/// An admin's drafts (scoped service): one open draft per municipality, created from its latest published version, edited
/// with optimistic concurrency (every save names the <see cref="RuleSetVersion.ConcurrencyStamp"/> it was read with, and
/// is refused if the draft changed since), validated in full before anything is written, then published with an effective
/// date or discarded. Earlier versions can be restored as the draft; a rule file can be imported as the draft.
/// Every change is one transaction with its audit entry (who, when, what, before and after). Residents and clerks never see
/// drafts: the snapshot reads published rows only.
/// </summary>
public sealed class RuleSetDrafts(PortalDbContext db, TimeProvider time, RuleSetPublisher publisher, SourceCaptures captures,
    ILogger<RuleSetDrafts>? logger = null)
{
    public const string OpenAction = "draft-open";
    public const string SaveAction = "draft-save";
    public const string DiscardAction = "draft-discard";
    public const string RestoreAction = "restore";
    public const string ImportAction = "import";

    private readonly ILogger logger = logger ?? NullLogger<RuleSetDrafts>.Instance;

    /// <summary>The open draft of <paramref name="scope"/>, or null.</summary>
    public Task<RuleSetVersion?> FindDraftAsync(string scope, CancellationToken ct = default) =>
        db.RuleSetVersions.AsNoTracking().Where(v => v.Scope == scope && v.Status == RuleSetStatus.Draft)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>Every version of the scope, newest first (content not loaded).</summary>
    public async Task<IReadOnlyList<RuleSetVersion>> HistoryAsync(string scope, CancellationToken ct = default) =>
        await db.RuleSetVersions.AsNoTracking().Where(v => v.Scope == scope).OrderByDescending(v => v.Version)
            .Select(v => new RuleSetVersion
            {
                Id = v.Id, Scope = v.Scope, Version = v.Version, Status = v.Status, EffectiveFrom = v.EffectiveFrom, ContentHash = v.ContentHash,
                CreatedAt = v.CreatedAt, CreatedBy = v.CreatedBy, PublishedAt = v.PublishedAt, PublishedBy = v.PublishedBy, Comment = v.Comment,
                ConcurrencyStamp = v.ConcurrencyStamp,
            }).ToListAsync(ct);

    /// <summary>One version of the scope with its content, or null.</summary>
    public Task<RuleSetVersion?> VersionAsync(string scope, int version, CancellationToken ct = default) =>
        db.RuleSetVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Scope == scope && v.Version == version, ct);

    /// <summary>The highest-numbered published version of the scope (what a new draft starts from), or null.</summary>
    public Task<RuleSetVersion?> LatestPublishedAsync(string scope, CancellationToken ct = default) =>
        db.RuleSetVersions.AsNoTracking().Where(v => v.Scope == scope && v.Status == RuleSetStatus.Published)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>The scope's audit trail, newest first.</summary>
    public async Task<IReadOnlyList<AuditEntry>> AuditAsync(string scope, int skip, int take, CancellationToken ct = default) =>
        await db.AuditEntries.AsNoTracking().Where(a => a.Scope == scope).OrderByDescending(a => a.Id).Skip(skip).Take(take).ToListAsync(ct);

    public Task<AuditEntry?> AuditEntryAsync(string scope, long id, CancellationToken ct = default) =>
        db.AuditEntries.AsNoTracking().FirstOrDefaultAsync(a => a.Scope == scope && a.Id == id, ct);

    /// <summary>The open draft, or a new one holding the latest published version's content (audited as <see cref="OpenAction"/>).</summary>
    public async Task<RuleSetVersion> OpenDraftAsync(string scope, string actor, CancellationToken ct = default) =>
        await FindDraftAsync(scope, ct) ?? await TryCreateDraftAsync(scope, actor, ct) ?? await FindDraftAsync(scope, ct)
        ?? throw new InvalidOperationException($"Scope {scope} has no draft and none could be opened.");

    /// <summary>
    /// A new draft from the latest published version, or null when a draft already exists (or another admin opened one at
    /// the same moment: the unique version number makes the second insert fail, and nothing of it is kept).
    /// </summary>
    public async Task<RuleSetVersion?> TryCreateDraftAsync(string scope, string actor, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (await FindDraftAsync(scope, ct) is not null)
        {
            return null;
        }

        var latest = await LatestPublishedAsync(scope, ct) ?? throw new InvalidOperationException($"Scope {scope} has no published version to start a draft from.");
        try
        {
            return await NewDraftAsync(scope, latest.Content, actor, OpenAction, $"Draft opened from version {latest.Version}", $"from v{latest.Version}", ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return null;
        }
    }

    /// <summary>
    /// Replaces the draft's content with <paramref name="document"/> if the draft still has <paramref name="expectedStamp"/> and
    /// the document validates with the national content; otherwise writes nothing.
    /// </summary>
    public async Task<DraftResult> SaveAsync(string scope, Guid expectedStamp, RuleSetDocument document, RuleSetDocument national,
        string actor, string summary, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var draft = await TrackedDraftAsync(scope, ct);
        if (draft is null)
        {
            return new(DraftOutcome.NoDraft, null, []);
        }

        if (draft.ConcurrencyStamp != expectedStamp)
        {
            return await ConflictAsync(draft, ct);
        }

        if (document.Scope != scope)
        {
            return new(DraftOutcome.Invalid, draft, [new(null, RuleFileCheck.ScopeProblem(document.Scope, scope))]);
        }

        var content = RuleSetYaml.Write(document);
        // A quote the stored draft already failed (after a new capture) is left for the publish check: the admin fixes one at a time.
        var problems = RuleFileCheck.Compile(document, national, await captures.ForCheckAsync(scope, ct), RuleSetYaml.Read(draft.Content));
        if (problems.Count > 0)
        {
            var map = YamlLineMap.Of(content);
            return new(DraftOutcome.Invalid, draft, problems.Select(p => new RuleFileProblem(map.LineOf(p), p)).ToList());
        }

        if (content == draft.Content)
        {
            return new(DraftOutcome.Unchanged, draft, []);
        }

        var before = draft.Content;
        draft.Content = content;
        draft.ContentHash = ContentHashing.Sha256Hex(content);
        db.AuditEntries.Add(Audit(actor, scope, SaveAction, Trim(summary), before, content));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another admin saved between our read and our write: the UPDATE matched no row with our stamp.
            return await RefusedAsync(draft.Id, ct);
        }

        logger.LogInformation("Draft {Scope} v{Version} saved by {Actor}: {Summary}", scope, draft.Version, actor, summary);
        return new(DraftOutcome.Done, draft, []);
    }

    /// <summary>
    /// Publishes the draft (it becomes a published version in force from <paramref name="effectiveFrom"/>, which may not be
    /// before <paramref name="today"/>), if it still has <paramref name="expectedStamp"/> and validates: these are the
    /// draft's checks; the publishing itself (status, audit entry <c>publish</c>, directory, one transaction) is
    /// <see cref="RuleSetPublisher.PublishRowAsync"/>, the same as for every published version.
    /// </summary>
    public async Task<DraftResult> PublishAsync(string scope, Guid expectedStamp, DateOnly effectiveFrom, DateOnly today, RuleSetDocument national,
        string actor, string? comment, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (effectiveFrom < today)
        {
            throw new ArgumentOutOfRangeException(nameof(effectiveFrom), effectiveFrom, "The effective date may not be in the past.");
        }

        var draft = await TrackedDraftAsync(scope, ct);
        if (draft is null)
        {
            return new(DraftOutcome.NoDraft, null, []);
        }

        if (draft.ConcurrencyStamp != expectedStamp)
        {
            return await ConflictAsync(draft, ct);
        }

        var check = RuleFileCheck.Check(draft.Content, national, scope, await captures.ForCheckAsync(scope, ct));
        if (check.Problems.Count > 0)
        {
            return new(DraftOutcome.Invalid, draft, check.Problems);
        }

        try
        {
            await publisher.PublishRowAsync(draft, effectiveFrom, actor, comment, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusedAsync(draft.Id, ct);
        }

        return new(DraftOutcome.Done, draft, []);
    }

    /// <summary>Deletes the open draft if it still has <paramref name="expectedStamp"/> (audited with its content as before).</summary>
    public async Task<DraftResult> DiscardAsync(string scope, Guid expectedStamp, string actor, CancellationToken ct = default)
    {
        var draft = await TrackedDraftAsync(scope, ct);
        if (draft is null)
        {
            return new(DraftOutcome.NoDraft, null, []);
        }

        if (draft.ConcurrencyStamp != expectedStamp)
        {
            return await ConflictAsync(draft, ct);
        }

        db.RuleSetVersions.Remove(draft);
        db.AuditEntries.Add(Audit(actor, scope, DiscardAction, $"Draft version {draft.Version} discarded", draft.Content, null));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await RefusedAsync(draft.Id, ct);
        }

        return new(DraftOutcome.Done, null, []);
    }

    /// <summary>
    /// Makes an earlier version's content the draft: a new draft if none is open, otherwise the open draft's content
    /// (which must still have <paramref name="expectedStamp"/>).
    /// </summary>
    public async Task<DraftResult> RestoreAsync(string scope, int version, Guid? expectedStamp, RuleSetDocument national, string actor, CancellationToken ct = default)
    {
        var source = await VersionAsync(scope, version, ct);
        if (source is null || source.Status == RuleSetStatus.Draft)
        {
            return new(DraftOutcome.Invalid, null, [new(null, $"Version {version} is not an earlier version of {scope}.")]);
        }

        return await ReplaceDraftAsync(scope, source.Content, expectedStamp, national, actor, RestoreAction, $"Version {version} restored as the draft", ct);
    }

    /// <summary>
    /// Imports a rule file as the draft after checking it in full (<see cref="RuleFileCheck"/>): a problem anywhere changes
    /// nothing and is reported with its line. An import equal to the current draft (or, with no draft, to the latest published
    /// version) changes nothing.
    /// </summary>
    public async Task<DraftResult> ImportAsync(string scope, string text, Guid? expectedStamp, RuleSetDocument national, string actor, CancellationToken ct = default)
    {
        // The quotes are checked where the draft is written (against the draft or version it replaces).
        var (document, problems) = RuleFileCheck.Check(text, national, scope);
        if (document is null)
        {
            return new(DraftOutcome.Invalid, null, problems);
        }

        return await ReplaceDraftAsync(scope, RuleSetYaml.Write(document), expectedStamp, national, actor, ImportAction, "Rule file imported as the draft", ct);
    }

    private async Task<DraftResult> ReplaceDraftAsync(string scope, string content, Guid? expectedStamp, RuleSetDocument national, string actor,
        string action, string summary, CancellationToken ct)
    {
        var draft = await TrackedDraftAsync(scope, ct);
        if (draft is null)
        {
            var latest = await LatestPublishedAsync(scope, ct);
            if (latest?.Content == content)
            {
                return new(DraftOutcome.Unchanged, null, []);
            }

            // A restored version is held to the pages as they are now captured, as every draft write is.
            var check = RuleFileCheck.Check(content, national, scope, await captures.ForCheckAsync(scope, ct),
                latest is null ? null : RuleSetYaml.Read(latest.Content));
            if (check.Problems.Count > 0)
            {
                return new(DraftOutcome.Invalid, null, check.Problems);
            }

            try
            {
                return new(DraftOutcome.Done, await NewDraftAsync(scope, content, actor, action, summary, latest is null ? null : $"from v{latest.Version}", ct), []);
            }
            catch (DbUpdateException)
            {
                // Another admin opened a draft at the same moment (same version number): theirs stands.
                db.ChangeTracker.Clear();
                return await CurrentConflictAsync(scope, ct);
            }
        }

        if (expectedStamp != draft.ConcurrencyStamp)
        {
            return await ConflictAsync(draft, ct);
        }

        return await SaveAsync(scope, draft.ConcurrencyStamp, RuleSetYaml.Read(content), national, actor, summary, ct);
    }

    private async Task<RuleSetVersion> NewDraftAsync(string scope, string content, string actor, string action, string summary, string? comment, CancellationToken ct)
    {
        var highest = await db.RuleSetVersions.Where(v => v.Scope == scope).MaxAsync(v => (int?)v.Version, ct) ?? 0;
        var now = time.GetUtcNow();
        var row = new RuleSetVersion
        {
            Scope = scope, Version = highest + 1, Status = RuleSetStatus.Draft, Content = content, ContentHash = ContentHashing.Sha256Hex(content),
            CreatedAt = now, CreatedBy = actor, Comment = comment,
        };
        db.RuleSetVersions.Add(row);
        db.AuditEntries.Add(Audit(actor, scope, action, summary + $" (version {row.Version})", null, content));
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>
    /// What a change that the scope's draft no longer allows comes to: a conflict with the open draft as it now is (and the
    /// change that made it so), or "no draft" when there is none. For a form read before any draft was opened.
    /// </summary>
    public async Task<DraftResult> CurrentConflictAsync(string scope, CancellationToken ct = default) =>
        await FindDraftAsync(scope, ct) is { } draft ? await ConflictAsync(draft, ct) : new(DraftOutcome.NoDraft, null, []);

    /// <summary>The scope's open draft, tracked for an update.</summary>
    private Task<RuleSetVersion?> TrackedDraftAsync(string scope, CancellationToken ct) =>
        db.RuleSetVersions.Where(v => v.Scope == scope && v.Status == RuleSetStatus.Draft).OrderByDescending(v => v.Version).FirstOrDefaultAsync(ct);

    /// <summary>
    /// After a write refused by the concurrency check: nothing of it is kept, and the draft row is read again. Gone, or
    /// published meanwhile: "no draft"; still a draft: a conflict naming the other change.
    /// </summary>
    private async Task<DraftResult> RefusedAsync(int draftId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await db.RuleSetVersions.FirstOrDefaultAsync(v => v.Id == draftId, ct);
        return current is null || current.Status != RuleSetStatus.Draft ? new(DraftOutcome.NoDraft, current, []) : await ConflictAsync(current, ct);
    }

    private async Task<DraftResult> ConflictAsync(RuleSetVersion current, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.Scope == current.Scope && a.After == current.Content)
            .OrderByDescending(a => a.Id).FirstOrDefaultAsync(ct);
        return new(DraftOutcome.Conflict, current, [], last);
    }

    private AuditEntry Audit(string actor, string scope, string action, string summary, string? before, string? after) => new()
    {
        At = time.GetUtcNow(), Actor = actor, Scope = scope, Action = action, Summary = summary, Before = before, After = after,
    };

    private static string Trim(string text) => text.Length <= 500 ? text.Trim() : text[..500].Trim();
}
