using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>A problem in a rule file, with the line it is on where it can be placed.</summary>
public sealed record RuleFileProblem(int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"Line {line}: {Message}" : Message;
}

/// <summary>
/// Checks a rule file as an import does: it must parse (strictly, unknown keys are errors), be for the expected scope,
/// and compile with the national content (<see cref="CompiledRuleSet.Compile"/>). Every problem is listed with its line.
/// </summary>
public static class RuleFileCheck
{
    /// <summary>Largest rule file accepted (characters). The biggest seed file is about 90,000.</summary>
    public const int MaxLength = 1_000_000;

    public static (RuleSetDocument? Document, IReadOnlyList<RuleFileProblem> Problems) Check(string text, RuleSetDocument national, string expectedScope)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(national);
        if (text.Length > MaxLength)
        {
            return (null, [new(null, $"The file has {text.Length:N0} characters; at most {MaxLength:N0} are accepted.")]);
        }

        RuleSetDocument document;
        try
        {
            document = RuleSetYaml.Read(text);
        }
        catch (RuleFileFormatException ex)
        {
            return (null, [new(ex.Line, ex.Reason)]);
        }

        var map = YamlLineMap.Of(text);
        if (document.Scope != expectedScope)
        {
            return (null, [new(map.LineOf("scope") ?? 1, $"scope is \"{document.Scope}\"; this file must be for \"{expectedScope}\".")]);
        }

        var problems = Compile(document, national).Select(e => new RuleFileProblem(map.LineOf(e), e)).ToList();
        return problems.Count == 0 ? (document, problems) : (null, problems);
    }

    /// <summary>The validation messages of <paramref name="document"/> compiled with <paramref name="national"/> (empty: valid).</summary>
    public static IReadOnlyList<string> Compile(RuleSetDocument document, RuleSetDocument national)
    {
        try
        {
            CompiledRuleSet.Compile(national, document);
            return [];
        }
        catch (RuleSetValidationException ex)
        {
            return ex.Errors;
        }
    }
}
