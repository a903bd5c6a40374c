using System.Collections;
using System.Reflection;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Sources;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>Checks that hold for every seed file: it compiles, every quote is verbatim from its source, every case evaluates.</summary>
public sealed partial class SeedIntegrityTests
{
    public static readonly TheoryData<string> Codes = new() { "142123", "132101", "151009", "131091", "131237" };

    public static TheoryData<string> RuleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(SeedRules.RulesFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_of_the_five_municipalities_has_a_rule_file_that_compiles(string code)
    {
        var rules = SeedRules.For(code);
        Assert.Equal(code, rules.Code);
        Assert.False(string.IsNullOrWhiteSpace(rules.Municipality.Name.Ja));
        Assert.False(string.IsNullOrWhiteSpace(rules.Municipality.Name.En));
        Assert.NotNull(rules.Municipality.InquiryPhone);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Every_quote_appears_verbatim_in_the_source_document_it_names(string fileName)
    {
        var document = SeedRules.Read(fileName);
        var sources = SeedRules.National.Sources.Concat(document.Sources).GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.Last());
        var refs = SourceRefs(document).ToList();
        Assert.NotEmpty(refs);
        var missing = new List<string>();
        foreach (var (path, source) in refs)
        {
            if (!sources.TryGetValue(source.Doc, out var doc))
            {
                missing.Add($"{path}: unknown source \"{source.Doc}\"");
                continue;
            }

            var text = File.ReadAllText(Path.Combine(SeedRules.SourcesFolder, doc.File));
            if (string.IsNullOrWhiteSpace(source.Quote) || !QuoteCheck.Appears(text, source.Quote))
            {
                missing.Add($"{path}: \"{source.Quote}\" is not in {doc.File}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void Writing_is_canonical_and_round_trips(string fileName)
    {
        var once = RuleSetYaml.Write(SeedRules.Read(fileName));
        var twice = RuleSetYaml.Write(RuleSetYaml.Read(once));
        Assert.Equal(once, twice);
    }

    [Theory]
    [MemberData(nameof(RuleFiles))]
    public void File_name_starts_with_the_scope(string fileName)
    {
        var document = SeedRules.Read(fileName);
        Assert.StartsWith(document.Scope, fileName, StringComparison.Ordinal);
    }

    /// <summary>
    /// Walks every procedure × applicant × every combination of answers the question flow can produce,
    /// and evaluates each: nothing fails, and every result tells the resident where to turn.
    /// </summary>
    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_case_of_every_procedure_evaluates_to_guidance_with_somewhere_to_turn(string code)
    {
        var rules = SeedRules.For(code);
        var cases = 0;
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                foreach (var answers in AnswerPaths(rules, procedure, applicant, new Dictionary<string, string>()))
                {
                    cases++;
                    var @case = GuideCase.Read(rules, procedure, applicant, answers);
                    var context = $"{code} {procedure} {applicant} {string.Join(",", answers.Select(a => $"{a.Key}={a.Value}"))}";
                    Assert.True(@case.Complete, context + ": " + string.Join("; ", @case.Problems.Select(p => $"{p.Field}: {p.Kind}")));
                    var guidance = @case.Evaluate(new DateOnly(2026, 11, 24));
                    Assert.True(guidance.Phones.Count > 0 || guidance.Counters.Any(c => c.Phone is not null), context + ": no phone to call");
                    if (guidance.Coverage == CoverageStatuses.Covered && procedure != Procedures.LostCard)
                    {
                        Assert.True(guidance.Counters.Count > 0, context + ": covered, but no counter takes it");
                    }

                    Assert.All(guidance.Sources, s => Assert.True(File.Exists(Path.Combine(SeedRules.SourcesFolder, s.File)), s.File));
                }
            }
        }

        Assert.True(cases >= Procedures.All.Count * Applicants.All.Count, $"only {cases} cases walked");
    }

    internal static IEnumerable<Dictionary<string, string>> AnswerPaths(CompiledRuleSet rules, string procedure, string applicant, Dictionary<string, string> answers)
    {
        if (GuideCase.Read(rules, procedure, applicant, answers).NextQuestion is not { } question)
        {
            yield return answers;
            yield break;
        }

        foreach (var option in question.Options)
        {
            var next = new Dictionary<string, string>(answers) { [question.Id] = option.Value };
            foreach (var path in AnswerPaths(rules, procedure, applicant, next))
            {
                yield return path;
            }
        }
    }

    /// <summary>Every SourceRef in the document graph, with its path.</summary>
    private static IEnumerable<(string Path, SourceRef Source)> SourceRefs(object? node, string path = "")
    {
        switch (node)
        {
            case null or string:
                yield break;
            case SourceRef source:
                yield return (path, source);
                yield break;
            case IEnumerable list:
                var i = 0;
                foreach (var item in list)
                {
                    foreach (var found in SourceRefs(item, $"{path}[{i++}]"))
                    {
                        yield return found;
                    }
                }

                yield break;
        }

        if (node.GetType().Namespace != typeof(RuleSetDocument).Namespace)
        {
            yield break;
        }

        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var id = node.GetType().GetProperty("Id")?.GetValue(node) as string;
            foreach (var found in SourceRefs(property.GetValue(node), $"{path}{(id is null ? "" : $"({id})")}.{property.Name}"))
            {
                yield return found;
            }
        }
    }
}
