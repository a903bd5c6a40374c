using Microsoft.AspNetCore.Http;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// What the clerk has recorded on the check form: ticked items and catalogue documents, the numbers of other documents by
/// category for the holder and the agent, and the rules confirmed by note. Read from the posted form; written back as
/// the form's state (and as hidden fields for whatever the current visit does not show, so a change of visit keeps it).
/// </summary>
public sealed class CounterTicks
{
    private const int MaxValues = 200;

    public HashSet<string> Items { get; } = new(StringComparer.Ordinal);
    public List<string> Holder { get; } = [];
    public List<string> Agent { get; } = [];
    public HashSet<string> Judged { get; } = new(StringComparer.Ordinal);
    public OtherDocuments HolderOther { get; private set; } = OtherDocuments.None;
    public OtherDocuments AgentOther { get; private set; } = OtherDocuments.None;

    public static CounterTicks Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var ticks = new CounterTicks();
        ticks.Items.UnionWith(Values(form, CounterQuery.Item));
        ticks.Holder.AddRange(Values(form, CounterQuery.Holder).Distinct(StringComparer.Ordinal));
        ticks.Agent.AddRange(Values(form, CounterQuery.Agent).Distinct(StringComparer.Ordinal));
        ticks.Judged.UnionWith(Values(form, CounterQuery.Judged));
        ticks.HolderOther = Other(form, CounterQuery.Holder);
        ticks.AgentOther = Other(form, CounterQuery.Agent);
        return ticks;
    }

    public bool Ticked(string subject, string documentId) => Documents(subject).Contains(documentId, StringComparer.Ordinal);

    public List<string> Documents(string subject) => subject == IdSubjects.Agent ? Agent : Holder;

    public OtherDocuments OtherOf(string subject) => subject == IdSubjects.Agent ? AgentOther : HolderOther;

    /// <summary>The name of a count field: "holder-a", "agent-bp".</summary>
    public static string CountField(string subject, string suffix) =>
        (subject == IdSubjects.Agent ? CounterQuery.Agent : CounterQuery.Holder) + suffix;

    /// <summary>
    /// Hidden fields for what the visit's form does not show: items of other visits, the documents of a subject whose
    /// fieldset is not shown, confirmed rules of other visits.
    /// </summary>
    public IEnumerable<(string Name, string Value)> Hidden(IReadOnlySet<string> shownItems, IReadOnlySet<string> shownSubjects, IReadOnlySet<string> shownRules)
    {
        foreach (var item in Items.Where(i => !shownItems.Contains(i)).Order(StringComparer.Ordinal))
        {
            yield return (CounterQuery.Item, item);
        }

        foreach (var subject in new[] { IdSubjects.Holder, IdSubjects.Agent }.Where(s => !shownSubjects.Contains(s)))
        {
            var name = subject == IdSubjects.Agent ? CounterQuery.Agent : CounterQuery.Holder;
            foreach (var id in Documents(subject))
            {
                yield return (name, id);
            }

            var other = OtherOf(subject);
            foreach (var (suffix, count) in new[] { (CounterQuery.OtherA, other.A), (CounterQuery.OtherB, other.B), (CounterQuery.OtherBPhoto, other.BWithPhoto) }.Where(c => c.Item2 != 0))
            {
                yield return (CountField(subject, suffix), count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var rule in Judged.Where(r => !shownRules.Contains(r)).Order(StringComparer.Ordinal))
        {
            yield return (CounterQuery.Judged, rule);
        }
    }

    private static IEnumerable<string> Values(IFormCollection form, string key) =>
        form[key].Select(v => v ?? "").Where(v => v.Length > 0).Select(QueryReader.Shorten).Take(MaxValues);

    private static OtherDocuments Other(IFormCollection form, string prefix) =>
        new(Count(form, prefix + CounterQuery.OtherA), Count(form, prefix + CounterQuery.OtherB), Count(form, prefix + CounterQuery.OtherBPhoto));

    /// <summary>A posted count: absent or empty is 0; anything but a small whole number is -1 (which the check reports).</summary>
    private static int Count(IFormCollection form, string key)
    {
        var text = form[key].LastOrDefault();
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        return text.Length <= 2 && int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1;
    }
}
