using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.FactCheck;

/// <summary>
/// One line of the fact-check table: a case (procedure × applicant × the answers a resident gives on one path
/// through the guide) and what the portal tells them for it. The facts are the evaluator's, unchanged, so the
/// table says exactly what the checklist says; words in a language are the presenter's business.
/// </summary>
public sealed record FactCheckRow
{
    /// <summary>1-based position in the table (stable for a given rule set).</summary>
    public required int Number { get; init; }

    public required string Procedure { get; init; }

    public required string Applicant { get; init; }

    /// <summary>The questions asked on this path, in order, with the answer given.</summary>
    public required IReadOnlyList<AnsweredQuestion> Answers { get; init; }

    /// <summary><see cref="CoverageStatuses"/>: covered, ask-counter or not-accepted.</summary>
    public required string Coverage { get; init; }

    /// <summary>Why the case is not covered (null when covered).</summary>
    public LocalText? CoverageReason { get; init; }

    public required IReadOnlyList<GuidanceItem> Items { get; init; }

    /// <summary>The identity-document rules, holder's before agent's (each keeps its rule text and parsed combination).</summary>
    public required IReadOnlyList<GuidanceIdRule> IdRules { get; init; }

    /// <summary>The fee; <see cref="GuidanceFee.Stated"/> is false where the page names none.</summary>
    public required GuidanceFee Fee { get; init; }

    public GuidanceVisits? Visits { get; init; }

    public required IReadOnlyList<GuidanceCounter> Counters { get; init; }

    /// <summary>The passages the row's facts are quoted from (coverage, items, ID rules, fee, visits, counters), each once, in that order.</summary>
    public required IReadOnlyList<ResolvedSource> Sources { get; init; }
}

/// <summary>
/// The fact-check table of a rule set on a date: every procedure × applicant kind × reachable combination of
/// answers (<see cref="AnswerPaths"/>), each case evaluated with <see cref="GuideCase.Evaluate"/>. Takes any
/// <see cref="CompiledRuleSet"/> (the published one in force, or a draft), so a municipality can check a set
/// line by line against its own page before or after it is published. Pure: no I/O.
/// </summary>
public sealed class FactCheckTable
{
    /// <summary>At most this many rows are built (a rule set with many options per question could reach millions).</summary>
    public const int DefaultMaxRows = 5000;

    private FactCheckTable(CompiledRuleSet rules, DateOnly date, IReadOnlyList<FactCheckRow> rows, bool truncated)
    {
        Code = rules.Code;
        MunicipalityName = rules.Municipality.Name;
        RuleSetVersion = rules.Version;
        EffectiveFrom = rules.EffectiveFrom;
        Date = date;
        Rows = rows;
        Truncated = truncated;
    }

    public string Code { get; }

    public LocalText MunicipalityName { get; }

    /// <summary>The version of the rule set the table was built from.</summary>
    public int RuleSetVersion { get; }

    public DateOnly? EffectiveFrom { get; }

    /// <summary>The date the cases were evaluated for (counters' openings depend on it).</summary>
    public DateOnly Date { get; }

    /// <summary>Procedures in <see cref="Procedures.All"/> order, then applicants in <see cref="Applicants.All"/> order, then the answer paths depth-first.</summary>
    public IReadOnlyList<FactCheckRow> Rows { get; }

    /// <summary>True when the limit stopped the table before every case was listed.</summary>
    public bool Truncated { get; }

    /// <summary>The rows of each procedure (procedures with no row are left out; every procedure has at least one when not truncated).</summary>
    public IReadOnlyList<(string Procedure, IReadOnlyList<FactCheckRow> Rows)> ByProcedure() =>
        Rows.GroupBy(r => r.Procedure, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<FactCheckRow>)g.ToList()))
            .ToList();

    /// <summary>Builds the table. Throws <see cref="InvalidOperationException"/> if a reachable case fails to evaluate (a bug: paths are built from the rules).</summary>
    public static FactCheckTable Build(CompiledRuleSet rules, DateOnly date, int maxRows = DefaultMaxRows)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRows);
        var rows = new List<FactCheckRow>();
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                foreach (var @case in AnswerPaths.For(rules, procedure, applicant))
                {
                    if (rows.Count == maxRows)
                    {
                        return new FactCheckTable(rules, date, rows, truncated: true);
                    }

                    rows.Add(Row(rows.Count + 1, @case, date));
                }
            }
        }

        return new FactCheckTable(rules, date, rows, truncated: false);
    }

    private static FactCheckRow Row(int number, GuideCase @case, DateOnly date)
    {
        var g = @case.Evaluate(date);
        var idRules = g.IdRules.OrderBy(r => r.Subject == IdSubjects.Holder ? 0 : 1).ToList();
        IEnumerable<ResolvedSource?> sources =
        [
            g.CoverageSource,
            .. g.Items.Select(i => i.Source),
            .. idRules.Select(r => r.Source),
            .. g.Fee.Sources,
            .. g.Fee.Items.Select(i => i.Source),
            .. g.Fee.Exemptions.Select(x => x.Source),
            g.Visits?.Source,
            .. g.Counters.Select(c => c.Source),
        ];
        return new FactCheckRow
        {
            Number = number,
            Procedure = @case.Procedure,
            Applicant = @case.Applicant!,
            Answers = g.Answers,
            Coverage = g.Coverage,
            CoverageReason = g.CoverageReason,
            Items = g.Items,
            IdRules = idRules,
            Fee = g.Fee,
            Visits = g.Visits,
            Counters = g.Counters,
            Sources = sources.OfType<ResolvedSource>().DistinctBy(s => (s.Document.Id, s.Quote)).ToList(),
        };
    }
}
