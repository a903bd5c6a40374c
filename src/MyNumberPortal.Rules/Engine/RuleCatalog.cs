using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// A published version of a municipality's rule set and the date it takes effect (null: from the beginning).
/// <paramref name="ReadProblem"/>: the stored text could not be read (the document is then empty), and the version is unavailable.
/// </summary>
public sealed record PublishedRuleSet(string Code, int Version, DateOnly? EffectiveFrom, RuleSetDocument Document, string? ReadProblem = null);

/// <summary>
/// The in-memory snapshot of every published rule set, compiled once. Resolves the version in force on a date.
/// Immutable: a change in the store builds a new catalog, which replaces this one atomically.
/// </summary>
/// <remarks>
/// A published version that no longer compiles (stored before a bound existed, or broken by a change of the national
/// content) stays in the catalog as an <see cref="UnavailableRuleSet"/>: on the dates it is in force its municipality
/// answers "temporarily unavailable, call …" (<see cref="RuleSetUnavailableException"/>), and every other municipality
/// is unaffected. An older version is not served in its place: its facts may be the ones the newer version corrected.
/// </remarks>
public sealed class RuleCatalog
{
    private readonly Dictionary<string, List<CompiledRuleSet>> versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<UnavailableRuleSet>> unavailable = new(StringComparer.Ordinal);

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
                if (p.ReadProblem is { } problem)
                {
                    throw new RuleSetValidationException(p.Code, [problem]);
                }

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
                if (!unavailable.TryGetValue(p.Code, out var list))
                {
                    unavailable[p.Code] = list = [];
                }

                list.Add(UnavailableRuleSet.From(p, national, ex.Errors));
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

    /// <summary>The problems of published versions that failed to compile, each starting with the code and version.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Every published version that failed to compile.</summary>
    public IEnumerable<UnavailableRuleSet> UnavailableVersions => unavailable.Values.SelectMany(l => l);

    public IEnumerable<string> Codes => versions.Keys;

    /// <summary>The rule set in force on a date: the latest-effective version whose date is on or before it.</summary>
    /// <exception cref="RuleSetUnavailableException">The version in force on that date does not compile.</exception>
    public CompiledRuleSet? Resolve(string code, DateOnly date)
    {
        var (compiled, broken) = InForceOn(code, date);
        return broken is not null ? throw new RuleSetUnavailableException(broken) : compiled;
    }

    /// <summary>The rule set in force on a date, or null when there is none or it is unavailable (for pages that must work either way, like the admin console's).</summary>
    public CompiledRuleSet? TryResolve(string code, DateOnly date) => InForceOn(code, date).Compiled;

    /// <summary>The version in force on a date that does not compile, or null (none, or it compiles).</summary>
    public UnavailableRuleSet? UnavailableOn(string code, DateOnly date) => InForceOn(code, date).Broken;

    /// <summary>The latest-effective version on or before <paramref name="date"/>: compiled, or unavailable (at most one is set).</summary>
    private (CompiledRuleSet? Compiled, UnavailableRuleSet? Broken) InForceOn(string code, DateOnly date)
    {
        CompiledRuleSet? result = null;
        if (versions.TryGetValue(code, out var list))
        {
            foreach (var v in list)
            {
                if ((v.EffectiveFrom ?? DateOnly.MinValue) <= date)
                {
                    result = v;
                }
            }
        }

        UnavailableRuleSet? broken = null;
        foreach (var u in unavailable.GetValueOrDefault(code) ?? [])
        {
            if ((u.EffectiveFrom ?? DateOnly.MinValue) <= date && (broken is null || Later(u.EffectiveFrom, u.Version, broken.EffectiveFrom, broken.Version)))
            {
                broken = u;
            }
        }

        if (broken is null || (result is not null && Later(result.EffectiveFrom, result.Version, broken.EffectiveFrom, broken.Version)))
        {
            return (result, null);
        }

        return (null, broken);
    }

    private static bool Later(DateOnly? from, int version, DateOnly? otherFrom, int otherVersion) =>
        (from ?? DateOnly.MinValue, version).CompareTo((otherFrom ?? DateOnly.MinValue, otherVersion)) > 0;

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

    /// <summary>The municipalities with a rule set in force on a date, in code order (not those whose version in force is unavailable).</summary>
    public IReadOnlyList<CompiledRuleSet> InForce(DateOnly date) =>
        versions.Keys.Order(StringComparer.Ordinal).Select(c => InForceOn(c, date).Compiled).OfType<CompiledRuleSet>().ToList();

    /// <summary>The municipalities whose version in force on a date does not compile, in code order.</summary>
    public IReadOnlyList<UnavailableRuleSet> UnavailableInForce(DateOnly date) =>
        unavailable.Keys.Order(StringComparer.Ordinal).Select(c => UnavailableOn(c, date)).OfType<UnavailableRuleSet>().ToList();
}

/// <summary>
/// A published version that does not compile: what residents are told instead (the municipality's name and the phone
/// to call, where the document names them in a usable form) and, for admins, its problems.
/// </summary>
public sealed record UnavailableRuleSet(string Code, int Version, DateOnly? EffectiveFrom, MunicipalityInfo Municipality, PhoneLine? Phone, IReadOnlyList<string> Problems)
{
    /// <summary>The municipality's name (its code where the document names it in no usable form).</summary>
    public LocalText Name => Municipality.Name;

    /// <summary>The problems' paths alone (<c>fees.reissue.items.card</c>), at most 10: what may be logged (no rule text).</summary>
    public IReadOnlyList<string> ProblemPaths => Problems.Select(p => p.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon ? p[..colon] : "")
        .Where(p => p.Length is > 0 and <= 200).Distinct(StringComparer.Ordinal).Take(10).ToList();

    internal static UnavailableRuleSet From(PublishedRuleSet published, RuleSetDocument national, IReadOnlyList<string> problems)
    {
        var municipality = published.Document.Municipality;
        var name = Clean(municipality?.Name?.Ja) is { Length: > 0 } ja ? new LocalText { Ja = ja, En = Clean(municipality?.Name?.En) } : new LocalText { Ja = published.Code };
        var info = new MunicipalityInfo
        {
            Code = published.Code, Name = name, Kana = Clean(municipality?.Kana), Romaji = Clean(municipality?.Romaji),
            Prefecture = new LocalText { Ja = Clean(municipality?.Prefecture?.Ja), En = Clean(municipality?.Prefecture?.En) },
        };
        var id = municipality?.InquiryPhone;
        var phone = (published.Document.Phones ?? []).Concat(national.Phones).FirstOrDefault(p => p is not null && p.Id == id);
        var usable = phone is not null && CompiledRuleSet.IsPhoneNumber(phone.Number) && Clean(phone.Name?.Ja).Length > 0;
        return new UnavailableRuleSet(published.Code, published.Version, published.EffectiveFrom, info,
            usable ? new PhoneLine { Id = phone!.Id, Name = new LocalText { Ja = Clean(phone.Name!.Ja), En = Clean(phone.Name.En) }, Number = phone.Number } : null, problems);
    }

    /// <summary>A name as it may be shown: one line within bounds, without misleading characters; otherwise empty.</summary>
    private static string Clean(string? text) =>
        text is { Length: > 0 and <= RuleSetLimits.MaxShortText } && RuleSetLimits.MisleadingCharacter(text, multiline: false) is null ? text : "";
}

/// <summary>The rule set in force for a municipality on the date asked about does not compile: residents are told to call instead.</summary>
public sealed class RuleSetUnavailableException(UnavailableRuleSet ruleSet)
    : Exception($"The published rule set {ruleSet.Code} v{ruleSet.Version} cannot be used ({ruleSet.Problems.Count} problem(s)).")
{
    public UnavailableRuleSet RuleSet { get; } = ruleSet;
}
