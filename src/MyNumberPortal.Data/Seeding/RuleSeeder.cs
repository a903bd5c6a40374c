using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Seeding;

/// <summary>
/// First-start content: every <c>Seed/rules/*.yaml</c> file whose scope has no version at all becomes version 1,
/// published by <see cref="RuleSetPublisher"/> (the one publishing path: its audit entry, here <c>seed</c>, and the directory),
/// in force from the beginning, by <c>seed</c>. A scope with any version (even a draft or a withdrawn one) is left alone,
/// so seeding again changes nothing. Every file is read and checked before anything is written.
/// Every source page of every seed file gets its capture from <c>Seed/sources/&lt;file&gt;</c> where it has none
/// (<see cref="SourceCaptures"/>), dated with the page's own "updated" date (or the day of seeding).
/// </summary>
public sealed class RuleSeeder(PortalDbContext db, RuleSetPublisher publisher, SourceCaptures captures, TimeProvider time, ILogger<RuleSeeder>? logger = null)
{
    /// <summary>The actor recorded for seeded versions and their audit entries.</summary>
    public const string Actor = "seed";

    /// <summary>The audit action of a seeded version (a publish by <see cref="Actor"/>).</summary>
    public const string AuditAction = "seed";

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
        var files = new Dictionary<string, (string File, RuleSetDocument Document)>(StringComparer.Ordinal);
        var paths = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.yaml") : [];
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var document = Read(path);
            if (!files.TryAdd(document.Scope, (Path.GetFileName(path), document)))
            {
                throw new InvalidOperationException($"Seed files {files[document.Scope].File} and {Path.GetFileName(path)} both have scope '{document.Scope}'.");
            }
        }

        var sources = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)) ?? directory, "sources");
        var captured = 0;
        foreach (var (scope, (_, document)) in files)
        {
            foreach (var source in document.Sources)
            {
                var page = Path.Combine(sources, Path.GetFileName(source.File));
                if (source.File.Length > 0 && File.Exists(page)
                    && await captures.AddMissingAsync(scope, source.Id, CapturedOn(source), await File.ReadAllTextAsync(page, cancellationToken), Actor, cancellationToken))
                {
                    captured++;
                }
            }
        }

        if (captured > 0)
        {
            logger.LogInformation("Seeded {Count} source page captures", captured);
        }

        var added = new List<string>();
        foreach (var (scope, (file, document)) in files.Where(f => !existing.Contains(f.Key)))
        {
            await publisher.PublishAsync(document, Actor, effectiveFrom: null, comment: $"Seeded from {file}", AuditAction, cancellationToken);
            added.Add(scope);
        }

        if (added.Count > 0)
        {
            logger.LogInformation("Seeded rule sets: {Scopes}", string.Join(", ", added));
        }
        else
        {
            // Nothing new: still bring the directory up to date with the published rule sets.
            await MunicipalityDirectory.RefreshAsync(db, cancellationToken);
        }

        return added;
    }

    /// <summary>The page's own "updated" date, or today when it has none.</summary>
    private DateOnly CapturedOn(SourceDocument source) =>
        DateOnly.TryParseExact(source.Updated, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
            ? day
            : DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    /// <summary>Parses a seed file (its content is stored as the document's canonical text).</summary>
    private static RuleSetDocument Read(string path)
    {
        try
        {
            var document = RuleSetYaml.Read(File.ReadAllText(path));
            return RuleSetVersion.IsValidScope(document.Scope)
                ? document
                : throw new InvalidOperationException("The scope must be 'national' or a 6-digit code.");
        }
        catch (Exception ex) when (ex is RuleFileFormatException or InvalidOperationException)
        {
            throw new InvalidOperationException($"Seed file {Path.GetFileName(path)}: {ex.Message}", ex);
        }
    }
}
