using System.Collections;
using System.Reflection;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>What a careful reviewer would flag in a rule set that still compiles.</summary>
public enum DraftWarningKind
{
    /// <summary>A counter with no "accepts" rows: it takes every procedure for every applicant.</summary>
    CounterTakesEverything,

    /// <summary>A counter with no opening hours: residents are told the hours are not published.</summary>
    CounterWithoutHours,

    /// <summary>An item (or ID rule) for a visit number larger than any visit count its cases have.</summary>
    VisitMissing,

    /// <summary>A question of this rule set that no condition reads: it would be asked for nothing.</summary>
    QuestionNeverRead,

    /// <summary>A text with Japanese but no English: English readers see the Japanese.</summary>
    EnglishMissing,
}

/// <param name="Element">The element's id (or the municipality's code), and for <see cref="DraftWarningKind.EnglishMissing"/> the field.</param>
/// <param name="Number">The visit number, for <see cref="DraftWarningKind.VisitMissing"/>.</param>
public sealed record DraftWarning(DraftWarningKind Kind, string Element, string Field = "", int Number = 0);

/// <summary>
/// Risky but valid things in a municipality's rule set (issue 16): counters that take everything or have no hours, items for a
/// visit the case does not have, questions no condition reads, missing English. <see cref="New"/> gives those a draft adds
/// to the latest published version (what to look at before publishing).
/// </summary>
public static class DraftWarnings
{
    public static IReadOnlyList<DraftWarning> New(RuleSetDocument draft, RuleSetDocument? published, RuleSetDocument national)
    {
        var before = published is null ? [] : Find(published, national).ToHashSet();
        return Find(draft, national).Where(w => !before.Contains(w)).ToList();
    }

    public static IReadOnlyList<DraftWarning> Find(RuleSetDocument document, RuleSetDocument national)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(national);
        var warnings = new List<DraftWarning>();
        foreach (var counter in document.Counters)
        {
            if (counter.Accepts.Count == 0)
            {
                warnings.Add(new(DraftWarningKind.CounterTakesEverything, counter.Id));
            }

            if (counter.Hours.Count == 0)
            {
                warnings.Add(new(DraftWarningKind.CounterWithoutHours, counter.Id));
            }
        }

        var visits = document.Visits.Concat(national.Visits).ToList();
        foreach (var (id, element, visit) in document.Items.Select(i => (i.Id, (ScopedElement)i, i.Visit))
            .Concat(document.IdRules.Select(r => (r.Id, (ScopedElement)r, r.Visit))))
        {
            if (visit is > 1 and var n && n > MostVisits(visits, element))
            {
                warnings.Add(new(DraftWarningKind.VisitMissing, id, Number: n));
            }
        }

        var read = Conditions(document).Concat(Conditions(national)).SelectMany(Names).ToHashSet(StringComparer.Ordinal);
        warnings.AddRange(document.Questions.Where(q => !read.Contains(q.Id)).Select(q => new DraftWarning(DraftWarningKind.QuestionNeverRead, q.Id)));
        Walk(document, document.Municipality?.Code ?? document.Scope, "", warnings, 0);
        return warnings;
    }

    /// <summary>The largest visit count of the visit rules that can apply to the element's cases (1 when none applies).</summary>
    private static int MostVisits(IEnumerable<VisitDef> visits, ScopedElement element) =>
        visits.Where(v => Overlaps(v.Procedures, element.Procedures) && Overlaps(v.Applicants, element.Applicants))
            .Select(v => v.Count).DefaultIfEmpty(1).Max();

    private static bool Overlaps(List<string> a, List<string> b) => a.Count == 0 || b.Count == 0 || a.Intersect(b, StringComparer.Ordinal).Any();

    private static IEnumerable<string> Conditions(RuleSetDocument d) =>
        new IEnumerable<ScopedElement>[] { d.Questions, d.Coverage, d.Steps, d.Items, d.IdRules, d.Fees, d.Visits, d.Notes }
            .SelectMany(e => e).Select(e => e.When)
            .Concat(d.Fees.SelectMany(f => f.Items.Select(i => i.When).Concat(f.Exemptions.Select(x => (string?)x.When))))
            .Concat(d.Counters.SelectMany(c => c.Accepts.Select(a => a.When)))
            .OfType<string>().Where(c => c.Length > 0);

    private static IEnumerable<string> Names(string condition)
    {
        try
        {
            return Condition.Parse(condition).Names().ToList();
        }
        catch (ConditionSyntaxException)
        {
            return [];
        }
    }

    /// <summary>Every <see cref="LocalText"/> of the document with Japanese and no English, named by the nearest element id and the field.</summary>
    private static void Walk(object node, string element, string field, List<DraftWarning> warnings, int depth)
    {
        if (depth > 8)
        {
            return;
        }

        if (node is LocalText text)
        {
            if (text.Ja.Trim().Length > 0 && text.En.Trim().Length == 0)
            {
                warnings.Add(new(DraftWarningKind.EnglishMissing, element, field));
            }

            return;
        }

        var type = node.GetType();
        if (type.Namespace != typeof(LocalText).Namespace)
        {
            return;
        }

        var id = type.GetProperty("Id")?.GetValue(node) as string;
        var here = string.IsNullOrEmpty(id) ? element : id;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType == typeof(string) || property.PropertyType.IsValueType)
            {
                continue;
            }

            switch (property.GetValue(node))
            {
                case null:
                    break;
                case IEnumerable list and not string:
                    foreach (var item in list)
                    {
                        if (item is not null)
                        {
                            Walk(item, here, property.Name, warnings, depth + 1);
                        }
                    }

                    break;
                case var value:
                    Walk(value, here, property.Name, warnings, depth + 1);
                    break;
            }
        }
    }
}
