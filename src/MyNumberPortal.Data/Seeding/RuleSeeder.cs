using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Format;

namespace MyNumberPortal.Data.Seeding;

/// <summary>
/// First-start content: every <c>Seed/rules/*.yaml</c> file whose scope has no version at all becomes version 1,
/// published, in force from the beginning, created by <c>seed</c>, with an audit entry. A scope with any version
/// (even a draft or a withdrawn one) is left alone, so seeding again changes nothing. Then the municipality
/// directory is refreshed from the published rule sets.
/// </summary>
public sealed class RuleSeeder(PortalDbContext db, TimeProvider time, ILogger<RuleSeeder>? logger = null)
{
    /// <summary>The actor recorded for seeded versions and their audit entries.</summary>
    public const string Actor = "seed";

    private readonly ILogger logger = logger ?? NullLogger<RuleSeeder>.Instance;

    /// <summary>Where the seed files are: <c>&lt;app base&gt;/Seed/rules</c>.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "Seed", "rules");

    /// <summary>Seeds from <see cref="DefaultDirectory"/>. Returns the scopes that got a version 1.</summary>
    public Task<IReadOnlyList<string>> SeedAsync(CancellationToken cancellationToken) => SeedAsync(DefaultDirectory, cancellationToken);

    /// <summary>Seeds from the given folder (a missing folder seeds nothing). Returns the scopes that got a version 1.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(string directory, CancellationToken cancellationToken)
    {
        var existing = (await db.RuleSetVersions.Select(v => v.Scope).Distinct().ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<string>();
        var now = time.GetUtcNow();
        var paths = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml") : [];
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var (scope, content) = Read(path);
            if (!files.TryAdd(scope, Path.GetFileName(path)))
            {
                throw new InvalidOperationException($"Seed files {files[scope]} and {Path.GetFileName(path)} both have scope '{scope}'.");
            }

            if (existing.Contains(scope))
            {
                continue;
            }

            db.RuleSetVersions.Add(RuleSetVersion.NewPublished(scope, 1, content, effectiveFrom: null, Actor, now,
                $"Seeded from {Path.GetFileName(path)}"));
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Actor = Actor, Scope = scope, Action = "seed",
                Summary = $"Version 1 published from seed file {Path.GetFileName(path)}", After = content,
            });
            added.Add(scope);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (added.Count > 0)
        {
            logger.LogInformation("Seeded rule sets: {Scopes}", string.Join(", ", added));
        }

        await MunicipalityDirectory.RefreshAsync(db, cancellationToken);
        return added;
    }

    /// <summary>Parses a seed file; the stored content is the canonical text of the document.</summary>
    private static (string Scope, string Content) Read(string path)
    {
        try
        {
            var document = RuleSetYaml.Read(File.ReadAllText(path));
            if (!RuleSetVersion.IsValidScope(document.Scope))
            {
                throw new InvalidOperationException("The scope must be 'national' or a 6-digit code.");
            }

            return (document.Scope, RuleSetYaml.Write(document));
        }
        catch (Exception ex) when (ex is RuleFileFormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Seed file {Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }
}
