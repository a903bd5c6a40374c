using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.FactCheck;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// One fact-check row in words, in the current UI language: what the page shows in its cells and what the CSV
/// download writes, so both say the same. Multi-line cells are lists (one line each in the CSV).
/// </summary>
public sealed record FactCheckCells(
    int Number,
    string Procedure,
    string Applicant,
    IReadOnlyList<string> Answers,
    string Coverage,
    string CoverageReason,
    IReadOnlyList<string> Items,
    IReadOnlyList<string> IdRules,
    string FeeTotal,
    IReadOnlyList<string> FeeBreakdown,
    string Visits,
    IReadOnlyList<string> Counters,
    IReadOnlyList<string> Sources)
{
    /// <summary>The column headings, in the CSV's order (one per value of <see cref="Values"/>).</summary>
    public static IReadOnlyList<string> Headings =>
    [
        FactCheckText.ColNumber, FactCheckText.ColProcedure, FactCheckText.ColApplicant, FactCheckText.ColAnswers,
        FactCheckText.ColCoverage, FactCheckText.ColCoverageReason, FactCheckText.ColItems, FactCheckText.ColIdRules,
        FactCheckText.ColFeeTotal, FactCheckText.ColFeeBreakdown, FactCheckText.ColVisits, FactCheckText.ColCounters,
        FactCheckText.ColSources,
    ];

    /// <summary>The cells as single texts (lists joined by line breaks), in the order of <see cref="Headings"/>.</summary>
    public IReadOnlyList<string> Values =>
    [
        Number.ToString(System.Globalization.CultureInfo.InvariantCulture), Procedure, Applicant, Lines(Answers),
        Coverage, CoverageReason, Lines(Items), Lines(IdRules), FeeTotal, Lines(FeeBreakdown), Visits, Lines(Counters),
        Lines(Sources),
    ];

    private static string Lines(IReadOnlyList<string> lines) => string.Join('\n', lines);

    public static FactCheckCells From(FactCheckRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var manyVisits = row.Visits is { Count: > 1 };
        return new FactCheckCells(
            row.Number,
            ProcedureName(row.Procedure),
            ApplicantName(row.Applicant),
            row.Answers.Count == 0
                ? [FactCheckText.NoAnswers]
                : row.Answers.Select(a => ChecklistWords.Format(FactCheckText.AnswerFormat, Language.Of(a.Question), Language.Of(a.Answer))).ToList(),
            CoverageName(row.Coverage),
            Language.Of(row.CoverageReason),
            row.Items.Count == 0 ? [FactCheckText.None] : row.Items.Select(i => Item(i, manyVisits)).ToList(),
            row.IdRules.Count == 0 ? [FactCheckText.None] : row.IdRules.Select(IdRule).ToList(),
            FeeTotalText(row.Fee),
            FeeBreakdownLines(row.Fee),
            VisitsText(row.Visits),
            row.Counters.Count == 0 ? [FactCheckText.None] : row.Counters.Select(Counter).ToList(),
            row.Sources.Select(Source).ToList());
    }

    public static string ProcedureName(string procedure) =>
        Procedures.Names.TryGetValue(procedure, out var name) ? Language.Of(name) : procedure;

    public static string ApplicantName(string applicant) =>
        Applicants.Names.TryGetValue(applicant, out var name) ? Language.Of(name) : applicant;

    public static string CoverageName(string coverage) => coverage switch
    {
        CoverageStatuses.Covered => FactCheckText.CoverageCovered,
        CoverageStatuses.NotAccepted => FactCheckText.CoverageNotAccepted,
        _ => FactCheckText.CoverageAskCounter,
    };

    private static string Item(GuidanceItem item, bool manyVisits)
    {
        var text = Language.Of(item.Text);
        return manyVisits && item.Visit is { } visit
            ? ChecklistWords.Format(FactCheckText.ItemForVisit, text, ChecklistWords.Format(ChecklistText.VisitOrdinal, visit))
            : text;
    }

    private static string IdRule(GuidanceIdRule rule)
    {
        var subject = rule.Subject == IdSubjects.Agent ? FactCheckText.IdSubjectAgent : FactCheckText.IdSubjectHolder;
        var words = rule.Combination is { } combination ? ChecklistWords.IdCombination(combination) : FactCheckText.IdNoCombination;
        var text = ChecklistWords.Format(FactCheckText.IdRuleFormat, subject, words);
        if (rule.Visit is { } visit)
        {
            text = ChecklistWords.Format(FactCheckText.ItemForVisit, text, ChecklistWords.Format(ChecklistText.VisitOrdinal, visit));
        }

        return rule.Note is { } note && Language.Of(note).Length > 0
            ? text + ChecklistText.ListSeparator + ChecklistWords.Format(FactCheckText.IdNote, Language.Of(note))
            : text;
    }

    private static string FeeTotalText(GuidanceFee fee)
    {
        if (!fee.Stated)
        {
            return FactCheckText.FeeNotStated;
        }

        var total = ChecklistWords.Yen(fee.Total);
        return fee.Exemptions.Count > 0 ? ChecklistWords.Format(FactCheckText.FeeWaivedTotal, total) : total;
    }

    private static List<string> FeeBreakdownLines(GuidanceFee fee)
    {
        var lines = fee.Items.Select(i => ChecklistWords.Format(FactCheckText.FeeItemFormat, Language.Of(i.Label), ChecklistWords.Yen(i.Amount))).ToList();
        foreach (var exemption in fee.Exemptions)
        {
            var line = ChecklistWords.Format(FactCheckText.FeeExemption, Language.Of(exemption.Reason));
            if (exemption.Evidence is { } evidence && Language.Of(evidence).Length > 0)
            {
                line += ChecklistText.ListSeparator + ChecklistWords.Format(FactCheckText.FeeEvidence, Language.Of(evidence));
            }

            lines.Add(line);
        }

        // Nothing stated: the total says so, and the breakdown is empty.
        return lines;
    }

    private static string VisitsText(GuidanceVisits? visits)
    {
        if (visits is null)
        {
            return FactCheckText.VisitsNotStated;
        }

        var parts = new List<string>
        {
            ChecklistWords.Format(FactCheckText.VisitsCount, visits.Count),
            visits.CompletesSameDay ? FactCheckText.VisitsSameDay : FactCheckText.VisitsNotSameDay,
        };
        if (visits.Between is { } between && Language.Of(between).Length > 0)
        {
            parts.Add(ChecklistWords.Format(FactCheckText.VisitsBetween, Language.Of(between)));
        }

        if (visits.ValidDays is { } days)
        {
            parts.Add(ChecklistWords.Format(FactCheckText.VisitsValid, days));
        }

        return string.Join(ChecklistText.ListSeparator, parts);
    }

    private static string Counter(GuidanceCounter counter)
    {
        var name = Language.Of(counter.Name);
        return counter.Visits.Count > 0
            ? ChecklistWords.Format(FactCheckText.CounterForVisits, name, ChecklistWords.VisitList(counter.Visits))
            : name;
    }

    private static string Source(ResolvedSource source) =>
        ChecklistWords.Format(FactCheckText.SourceFormat, Language.Of(source.Document.Title), source.Quote);
}
