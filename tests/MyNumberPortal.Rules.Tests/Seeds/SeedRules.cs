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

    public static GuidanceResult TryEvaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers) =>
        GuidanceEvaluator.Evaluate(For(code), new GuidanceRequest(procedure, applicant,
            answers.ToDictionary(a => a.Question, a => a.Answer, StringComparer.Ordinal), date));

    /// <summary>Evaluates a case; fails with the evaluator's errors when the case cannot be evaluated.</summary>
    public static Guidance Evaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers)
    {
        var result = TryEvaluate(code, procedure, applicant, date, answers);
        return result.Guidance ?? throw new InvalidOperationException(
            $"{code} {procedure} {applicant}: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }
}
