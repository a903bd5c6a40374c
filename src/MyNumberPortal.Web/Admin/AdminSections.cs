using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// The parts of a rule set edited as rule-file text (the same format as the seed files and export): questions, coverage,
/// steps, visits, notes, phones and national overrides. Each is edited alone, checked in full (with the line of every
/// problem) before it is stored.
/// </summary>
public static class AdminSections
{
    public static readonly IReadOnlyList<string> All = ["phones", "questions", "coverage", "steps", "visits", "notes", "national-overrides"];

    public static bool IsKnown(string section) => All.Contains(section, StringComparer.Ordinal);

    public static string Title(string section) => section switch
    {
        "phones" => AdminConsoleText.SectionPhones,
        "questions" => AdminConsoleText.SectionQuestions,
        "coverage" => AdminConsoleText.SectionCoverage,
        "steps" => AdminConsoleText.SectionSteps,
        "visits" => AdminConsoleText.SectionVisits,
        "notes" => AdminConsoleText.SectionNotes,
        "national-overrides" => AdminConsoleText.SectionOverrides,
        _ => section,
    };

    public static int Count(RuleSetDocument d, string section) => section switch
    {
        "phones" => d.Phones.Count,
        "questions" => d.Questions.Count,
        "coverage" => d.Coverage.Count,
        "steps" => d.Steps.Count,
        "visits" => d.Visits.Count,
        "notes" => d.Notes.Count,
        "national-overrides" => d.NationalOverrides.Count,
        _ => 0,
    };

    /// <summary>The section as rule-file text (only that key of the document).</summary>
    public static string Text(RuleSetDocument d, string section)
    {
        var part = new RuleSetDocument { FormatVersion = d.FormatVersion, Scope = d.Scope };
        Copy(d, part, section);
        var text = RuleSetYaml.Write(part);
        // Leave out the two header lines every document has: the admin edits the section only.
        return string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("formatVersion:", StringComparison.Ordinal) && !l.StartsWith("scope:", StringComparison.Ordinal)));
    }

    /// <summary>
    /// Reads <paramref name="text"/> as the section and puts it into <paramref name="target"/>. Throws
    /// <see cref="RuleFileFormatException"/> (with the line in the text as typed) when it does not parse or holds other keys.
    /// </summary>
    public static void Apply(RuleSetDocument target, string section, string text)
    {
        var parsed = RuleSetYaml.Read($"formatVersion: 1\nscope: \"{target.Scope}\"\n" + text);
        var other = new RuleSetDocument { Scope = target.Scope };
        Copy(parsed, other, section);
        if (RuleSetYaml.Write(other) != RuleSetYaml.Write(parsed))
        {
            throw new RuleFileFormatException(1, string.Format(System.Globalization.CultureInfo.CurrentCulture, AdminConsoleText.ErrorSectionOtherKeys, Key(section)));
        }

        Copy(parsed, target, section);
    }

    /// <summary>The key of the section in the rule file.</summary>
    public static string Key(string section) => section == "national-overrides" ? "nationalOverrides" : section;

    private static void Copy(RuleSetDocument from, RuleSetDocument to, string section)
    {
        switch (section)
        {
            case "phones": to.Phones = from.Phones; break;
            case "questions": to.Questions = from.Questions; break;
            case "coverage": to.Coverage = from.Coverage; break;
            case "steps": to.Steps = from.Steps; break;
            case "visits": to.Visits = from.Visits; break;
            case "notes": to.Notes = from.Notes; break;
            case "national-overrides": to.NationalOverrides = from.NationalOverrides; break;
        }
    }
}
