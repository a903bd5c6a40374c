using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Resources;
using MyNumberPortal.Rules.Sources;

namespace MyNumberPortal.Rules.Engine;

/// <summary>A problem in a rule file, with the line it is on where it can be placed (and the column, for a YAML problem).</summary>
public sealed record RuleFileProblem(int? Line, string Message, int? Column = null)
{
    public override string ToString() => Line is { } line ? $"Line {line}: {Message}" : Message;
}

/// <summary>
/// Checks a rule file as an import does: it must parse (strictly, unknown keys are errors), be for the expected scope,
/// and compile with the national content (<see cref="CompiledRuleSet.Compile"/>), and, given the captures of its source
/// pages, every quote must be on its page (<see cref="QuoteCheck"/>). Every problem is listed with its line. This is the
/// one check every draft write (form, section editor, import, restore) and every publish goes through.
/// </summary>
public static class RuleFileCheck
{
    /// <summary>Largest rule file accepted (characters). The biggest seed file is about 90,000.</summary>
    public const int MaxLength = 1_000_000;

    /// <param name="captures">Source id → captured page text; null: quotes are not checked.</param>
    /// <param name="known">The rule set before the change: quotes it already failed are not reported again (see <see cref="QuoteCheck"/>).</param>
    public static (RuleSetDocument? Document, IReadOnlyList<RuleFileProblem> Problems) Check(string text, RuleSetDocument national, string expectedScope,
        IReadOnlyDictionary<string, string>? captures = null, RuleSetDocument? known = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(national);
        if (text.Length > MaxLength)
        {
            return (null, [new(null, RuleSetLimits.Format(LimitText.FileTooLong, text.Length, MaxLength))]);
        }

        RuleSetDocument document;
        try
        {
            document = RuleSetYaml.Read(text);
        }
        catch (RuleFileFormatException ex)
        {
            return (null, [new(ex.Line, ex.Reason, ex.Column)]);
        }

        var map = YamlLineMap.Of(text);
        if (document.Scope != expectedScope)
        {
            return (null, [new(map.LineOf("scope") ?? 1, ScopeProblem(document.Scope, expectedScope))]);
        }

        var problems = Compile(document, national, captures, known).Select(e => new RuleFileProblem(map.LineOf(e), e)).ToList();
        return problems.Count == 0 ? (document, problems) : (null, problems);
    }

    /// <summary>The message for a file written for another scope, in the admin's language.</summary>
    public static string ScopeProblem(string? scope, string expected) => RuleSetLimits.Format(LimitText.ScopeMismatch, scope ?? "", expected);

    /// <summary>
    /// The validation messages of <paramref name="document"/> compiled with <paramref name="national"/> (empty: valid); with
    /// <paramref name="captures"/> (source id → captured page text), also every quote not on its page.
    /// </summary>
    public static IReadOnlyList<string> Compile(RuleSetDocument document, RuleSetDocument national, IReadOnlyDictionary<string, string>? captures = null,
        RuleSetDocument? known = null)
    {
        try
        {
            CompiledRuleSet.Compile(national, document);
        }
        catch (RuleSetValidationException ex)
        {
            return ex.Errors;
        }

        return captures is null ? [] : QuoteCheck.Check(document, captures, known).Select(m => m.Message).ToList();
    }
}
