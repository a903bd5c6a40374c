using System.Reflection;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// The top-level parts of a rule file (municipality, sources, phones, …, counters): what an import or a restore that met a
/// colleague's change offers to choose between, part by part (<see cref="AdminConflict"/>): the draft's as it now is, or the
/// file's (the version's). The choice is posted as <c>part:NAME</c> = <c>mine</c> or <c>theirs</c> (the default).
/// </summary>
public static class DocumentParts
{
    public const string ChoicePrefix = "part:";

    private static readonly PropertyInfo[] Properties = typeof(RuleSetDocument).GetProperties()
        .Where(p => p.CanWrite && p.Name is not (nameof(RuleSetDocument.FormatVersion) or nameof(RuleSetDocument.Scope))).ToArray();

    /// <summary>The parts' keys in the rule file, in the file's order.</summary>
    public static IReadOnlyList<string> All { get; } = Properties.Select(p => Key(p)).ToList();

    /// <summary>The part as rule-file text (only that key).</summary>
    public static string Text(RuleSetDocument document, string part)
    {
        ArgumentNullException.ThrowIfNull(document);
        var only = new RuleSetDocument { FormatVersion = document.FormatVersion, Scope = document.Scope };
        var property = Property(part);
        property.SetValue(only, property.GetValue(document));
        var text = RuleSetYaml.Write(only);
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("formatVersion:", StringComparison.Ordinal) && !l.StartsWith("scope:", StringComparison.Ordinal)));
    }

    /// <summary>The parts where <paramref name="current"/> and <paramref name="incoming"/> differ.</summary>
    public static IReadOnlyList<string> Differing(RuleSetDocument current, RuleSetDocument incoming) =>
        All.Where(p => Text(current, p) != Text(incoming, p)).ToList();

    /// <summary>A copy of <paramref name="current"/> with the parts the admin chose from <paramref name="incoming"/> (<c>part:NAME</c> = <c>mine</c>).</summary>
    public static RuleSetDocument Merge(RuleSetDocument current, RuleSetDocument incoming, FormReader form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var merged = RuleSetYaml.Clone(current);
        var copy = RuleSetYaml.Clone(incoming);
        foreach (var part in All.Where(p => form.Text(ChoicePrefix + p) == AdminConflict.Mine))
        {
            var property = Property(part);
            property.SetValue(merged, property.GetValue(copy));
        }

        return merged;
    }

    /// <summary>Which parts were taken from the file or version (for the audit summary).</summary>
    public static IReadOnlyList<string> Chosen(FormReader form) => All.Where(p => form.Text(ChoicePrefix + p) == AdminConflict.Mine).ToList();

    private static string Key(PropertyInfo property) => char.ToLowerInvariant(property.Name[0]) + property.Name[1..];

    private static PropertyInfo Property(string part) => Properties.Single(p => Key(p) == part);
}
