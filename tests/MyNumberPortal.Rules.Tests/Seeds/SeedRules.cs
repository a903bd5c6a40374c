using System.Collections.Concurrent;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>The shipped seed rule files, compiled, for tests that check guidance against the seed text.</summary>
public static class SeedRules
{
    private static readonly Lazy<RuleSetDocument> NationalDocument = new(() => Read("national.yaml"));
    private static readonly ConcurrentDictionary<string, CompiledRuleSet> Compiled = new();

    public static string RulesFolder => Path.Combine(AppContext.BaseDirectory, "Seed", "rules");

    public static string SourcesFolder => Path.Combine(AppContext.BaseDirectory, "Seed", "sources");

    public static RuleSetDocument National => NationalDocument.Value;

    /// <summary>Every municipal rule file (not national.yaml).</summary>
    public static IReadOnlyList<string> MunicipalFiles =>
        Directory.GetFiles(RulesFolder, "*.yaml").Where(f => Path.GetFileName(f) != "national.yaml").Order(StringComparer.Ordinal).ToList();

    public static RuleSetDocument Read(string fileName) => RuleSetYaml.Read(File.ReadAllText(Path.Combine(RulesFolder, fileName)));

    /// <summary>The municipality's seed rules merged with the national file and compiled.</summary>
    public static CompiledRuleSet For(string code) => Compiled.GetOrAdd(code, c =>
    {
        var file = MunicipalFiles.SingleOrDefault(f => Path.GetFileName(f).StartsWith(c + "-", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No seed rule file for {c} in {RulesFolder}.");
        return CompiledRuleSet.Compile(National, RuleSetYaml.Read(File.ReadAllText(file)));
    });

    /// <summary>Reads a case of the municipality's seed rules (the answers in the order given).</summary>
    public static GuideCase Case(string code, string procedure, string applicant, params (string Question, string Answer)[] answers) =>
        GuideCase.Read(For(code), procedure, applicant, answers.Select(a => KeyValuePair.Create(a.Question, a.Answer)));

    /// <summary>Evaluates a case; fails with the case's problems when it cannot be evaluated.</summary>
    public static Guidance Evaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers)
    {
        var @case = Case(code, procedure, applicant, answers);
        return @case.Complete
            ? @case.Evaluate(date)
            : throw new InvalidOperationException($"{code} {procedure} {applicant}: "
                + string.Join("; ", @case.Problems.Select(p => $"{p.Field}: {p.Kind}")) + (@case.NextQuestion is { } next ? $"; {next.Id} not answered" : ""));
    }
}
