using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Publishing;

/// <summary>
/// Publishes a rule-set document as its scope's next version (scoped): the row the seeder writes for version 1
/// (<see cref="RuleSetVersion.NewPublished"/>), numbered one above the scope's highest version (whatever its status),
/// with a <c>publish</c> audit entry (before: the latest published content of the scope, after: the new content),
/// then the municipality directory refreshed. Every instance's <c>RuleSnapshotProvider</c> sees the new row on its
/// next poll; in the publishing process call <c>RefreshIfChangedAsync</c> to see it at once.
/// Two publishes of one scope at the same moment: the unique (Scope, Version) index makes the second one fail
/// (<see cref="DbUpdateException"/>) instead of numbering two versions alike.
/// </summary>
public sealed class RuleSetPublisher(PortalDbContext db, TimeProvider time, ILogger<RuleSetPublisher>? logger = null)
{
    /// <summary>The audit action recorded for a publish.</summary>
    public const string AuditAction = "publish";

    private readonly ILogger logger = logger ?? NullLogger<RuleSetPublisher>.Instance;

    /// <summary>
    /// Stores <paramref name="document"/> (as canonical YAML) as the next version of its scope, published by
    /// <paramref name="actor"/>, in force from <paramref name="effectiveFrom"/> (null: from the beginning).
    /// Returns the stored row.
    /// </summary>
    public async Task<RuleSetVersion> PublishAsync(RuleSetDocument document, string actor, DateOnly? effectiveFrom = null,
        string? comment = null, CancellationToken cancellationToken = default)
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
        var before = await db.RuleSetVersions.AsNoTracking()
            .Where(v => v.Scope == scope && v.Status == RuleSetStatus.Published)
            .OrderByDescending(v => v.Version).Select(v => v.Content).FirstOrDefaultAsync(cancellationToken);
        var now = time.GetUtcNow();
        var row = RuleSetVersion.NewPublished(scope, highest + 1, content, effectiveFrom, actor, now, comment);
        db.RuleSetVersions.Add(row);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = actor, Scope = scope, Action = AuditAction,
            Summary = effectiveFrom is { } from ? $"Version {row.Version} published, in force from {from:yyyy-MM-dd}" : $"Version {row.Version} published",
            Before = before, After = content,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Published rule set {Scope} v{Version} by {Actor}", scope, row.Version, actor);
        await MunicipalityDirectory.RefreshAsync(db, cancellationToken);
        return row;
    }
}
