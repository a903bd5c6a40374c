using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Guide;

/// <summary>One quoted passage of a source page, numbered for the checklist's footnotes.</summary>
public sealed record ChecklistFootnote(int Number, ResolvedSource Source)
{
    /// <summary>The id of the footnote's entry in the sources list at the end of the checklist.</summary>
    public string Id => "cl-fn-" + Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// The checklist's sources, said once at its end: every passage a fact of the guidance is quoted from gets a number
/// (in the order the checklist shows the facts), and each fact carries its number as a footnote link to the list.
/// Built before the checklist renders, so the list at the end holds every number its parts use.
/// </summary>
public sealed class ChecklistFootnotes
{
    private readonly Dictionary<(string Doc, string Quote), ChecklistFootnote> byPassage = [];
    private readonly List<ChecklistFootnote> all = [];

    public ChecklistFootnotes(Guidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        foreach (var step in guidance.Steps.OrderBy(s => s.Order))
        {
            Add(step.Source);
            foreach (var phone in step.Phones)
            {
                Add(phone.Source);
            }
        }

        Add(guidance.CoverageSource);
        foreach (var note in guidance.Notes.Where(n => n.Severity == Severities.Warning))
        {
            Add(note.Source);
        }

        foreach (var item in guidance.Items)
        {
            Add(item.Source);
        }

        foreach (var rule in guidance.IdRules)
        {
            Add(rule.Source);
        }

        foreach (var source in guidance.Fee.Sources.Concat(guidance.Fee.Items.Select(i => i.Source)).Concat(guidance.Fee.Exemptions.Select(e => e.Source)))
        {
            Add(source);
        }

        Add(guidance.Visits?.Source);
        foreach (var counter in guidance.Counters)
        {
            Add(counter.Source);
        }

        foreach (var phone in guidance.Phones)
        {
            Add(phone.Source);
        }

        foreach (var example in guidance.IdRules.SelectMany(r => r.Examples))
        {
            Add(Resolve(guidance, example.Source));
        }

        foreach (var note in guidance.Notes.Where(n => n.Severity != Severities.Warning))
        {
            Add(note.Source);
        }
    }

    /// <summary>Every footnote, by number.</summary>
    public IReadOnlyList<ChecklistFootnote> All => all;

    /// <summary>The footnotes grouped by their page, in order of first use.</summary>
    public IEnumerable<IGrouping<string, ChecklistFootnote>> ByDocument => all.GroupBy(f => f.Source.Document.Id);

    /// <summary>The footnote of a passage; null for none (or a passage the guidance does not hold).</summary>
    public ChecklistFootnote? Of(ResolvedSource? source) =>
        source is not null && byPassage.TryGetValue((source.Document.Id, source.Quote), out var note) ? note : null;

    /// <summary>A catalogue entry's source, resolved against the guidance's documents.</summary>
    public static ResolvedSource? Resolve(Guidance guidance, SourceRef? source)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return source is not null && guidance.Sources.FirstOrDefault(d => d.Id == source.Doc) is { } document
            ? new ResolvedSource(document, source.Quote)
            : null;
    }

    private void Add(ResolvedSource? source)
    {
        if (source is null || byPassage.ContainsKey((source.Document.Id, source.Quote)))
        {
            return;
        }

        var note = new ChecklistFootnote(all.Count + 1, source);
        byPassage[(source.Document.Id, source.Quote)] = note;
        all.Add(note);
    }
}
