using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>A published version of a municipality's rule set and the date it takes effect (null: from the beginning).</summary>
public sealed record PublishedRuleSet(string Code, int Version, DateOnly? EffectiveFrom, RuleSetDocument Document);

/// <summary>
/// The in-memory snapshot of every published rule set, compiled once. Resolves the version in force on a date.
/// Immutable: a change in the store builds a new catalog, which replaces this one atomically.
/// </summary>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, List<CompiledRuleSet>> versions = new(StringComparer.Ordinal);

    public RuleCatalog(RuleSetDocument national, IEnumerable<PublishedRuleSet> published, long stamp = 0)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(published);
        National = national;
        Stamp = stamp;
        var errors = new List<string>();
        foreach (var p in published)
        {
            try
            {
                var compiled = CompiledRuleSet.Compile(national, p.Document, p.Version, p.EffectiveFrom);
                if (!versions.TryGetValue(p.Code, out var list))
                {
                    versions[p.Code] = list = [];
                }

                list.Add(compiled);
            }
            catch (RuleSetValidationException ex)
            {
                errors.AddRange(ex.Errors.Select(e => $"{p.Code} v{p.Version}: {e}"));
            }
        }

        foreach (var list in versions.Values)
        {
            list.Sort((x, y) => (x.EffectiveFrom ?? DateOnly.MinValue, x.Version).CompareTo((y.EffectiveFrom ?? DateOnly.MinValue, y.Version)));
        }

        Errors = errors;
    }

    /// <summary>The national content the rule sets were merged with.</summary>
    public RuleSetDocument National { get; }

    /// <summary>The store's change stamp this catalog was built from.</summary>
    public long Stamp { get; }

    /// <summary>Published versions that failed to compile (they are left out, and the previous version stays in force).</summary>
    public IReadOnlyList<string> Errors { get; }

    public IEnumerable<string> Codes => versions.Keys;

    /// <summary>The rule set in force on a date: the latest-effective version whose date is on or before it.</summary>
    public CompiledRuleSet? Resolve(string code, DateOnly date)
    {
        if (!versions.TryGetValue(code, out var list))
        {
            return null;
        }

        CompiledRuleSet? result = null;
        foreach (var v in list)
        {
            if ((v.EffectiveFrom ?? DateOnly.MinValue) <= date)
            {
                result = v;
            }
        }

        return result;
    }

    /// <summary>
    /// The published version a reference code was made with: the latest version (highest number) whose
    /// <c>Version % 1024</c> equals the tag (see <see cref="ReferenceCode.VersionTag"/>). Null when there is none.
    /// </summary>
    public CompiledRuleSet? FindVersion(string code, int versionTag)
    {
        if (!versions.TryGetValue(code, out var list))
        {
            return null;
        }

        CompiledRuleSet? result = null;
        foreach (var v in list)
        {
            if (ReferenceCode.VersionTag(v.Version) == versionTag && (result is null || v.Version >= result.Version))
            {
                result = v;
            }
        }

        return result;
    }

    /// <summary>The municipalities with a rule set in force on a date, in code order.</summary>
    public IReadOnlyList<CompiledRuleSet> InForce(DateOnly date) =>
        versions.Keys.Order(StringComparer.Ordinal).Select(c => Resolve(c, date)).OfType<CompiledRuleSet>().ToList();
}
