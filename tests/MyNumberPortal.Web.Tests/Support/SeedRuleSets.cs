using System.Collections.Concurrent;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Tests.Support;

/// <summary>The shipped seed rule files (copied to the output by the Data project), compiled once per municipality.</summary>
public static class SeedRuleSets
{
    private static readonly Lazy<RuleSetDocument> National = new(() => Read("national.yaml"));
    private static readonly ConcurrentDictionary<string, CompiledRuleSet> Compiled = new();

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Seed", "rules");

    private static RuleSetDocument Read(string file) => RuleSetYaml.Read(File.ReadAllText(Path.Combine(Folder, file)));

    public static CompiledRuleSet For(string code) => Compiled.GetOrAdd(code, c =>
        CompiledRuleSet.Compile(National.Value, Read(Path.GetFileName(Directory.GetFiles(Folder, c + "-*.yaml").Single()))));

    public static Guidance Evaluate(string code, string procedure, string applicant, DateOnly date, params (string Question, string Answer)[] answers)
    {
        var @case = GuideCase.Read(For(code), procedure, applicant, answers.Select(a => KeyValuePair.Create(a.Question, a.Answer)));
        return @case.Complete ? @case.Evaluate(date) : throw new InvalidOperationException($"{code} {procedure} {applicant}: not a complete case");
    }
}
