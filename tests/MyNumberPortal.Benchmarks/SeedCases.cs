using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Benchmarks;

/// <summary>One fully answered case of the seed rules.</summary>
public sealed record SeedCase(string Code, string Procedure, string Applicant, IReadOnlyDictionary<string, string> Answers, int Questions, int Elements)
{
    public override string ToString() =>
        $"{Code} {Procedure} {Applicant} [{string.Join(", ", Answers.Select(a => $"{a.Key}={a.Value}"))}]: {Questions} questions, {Elements} elements";
}

/// <summary>
/// The shipped seed rules (Seed/rules/*.yaml) compiled into a <see cref="RuleCatalog"/> in memory, as the portal's snapshot
/// holds them, and every fully answered case they allow, to pick the simplest and the most complex one.
/// </summary>
public static class SeedCases
{
    /// <summary>Evaluations are asked for this day (a Tuesday; holidays and the maintenance Sunday fall in the next openings).</summary>
    public static readonly DateOnly Date = new(2026, 11, 24);

    public static RuleCatalog LoadCatalog()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Seed", "rules");
        var files = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).ToList();
        var national = RuleSetYaml.Read(File.ReadAllText(files.Single(f => Path.GetFileName(f) == "national.yaml")));
        var municipal = files.Where(f => Path.GetFileName(f) != "national.yaml")
            .Select(f => RuleSetYaml.Read(File.ReadAllText(f)))
            .Select(d => new PublishedRuleSet(d.Scope, 1, null, d))
            .ToList();
        var catalog = new RuleCatalog(national, municipal);
        if (catalog.Errors.Count > 0)
        {
            throw new InvalidOperationException("Seed rules do not compile: " + string.Join("; ", catalog.Errors));
        }

        return catalog;
    }

    /// <summary>Every complete case of every municipality: each procedure, applicant and path of answers.</summary>
    public static List<SeedCase> All(RuleCatalog catalog)
    {
        var cases = new List<SeedCase>();
        foreach (var code in catalog.Codes.Order(StringComparer.Ordinal))
        {
            var rules = catalog.Resolve(code, Date)!;
            foreach (var procedure in Procedures.All)
            {
                foreach (var applicant in Applicants.All)
                {
                    Walk(rules, procedure, applicant, new Dictionary<string, string>(StringComparer.Ordinal), cases);
                }
            }
        }

        return cases;
    }

    private static void Walk(CompiledRuleSet rules, string procedure, string applicant, Dictionary<string, string> answers, List<SeedCase> cases)
    {
        var @case = GuideCase.Read(rules, procedure, applicant, answers);
        if (@case.NextQuestion is { } next)
        {
            foreach (var option in next.Options)
            {
                var more = new Dictionary<string, string>(answers, StringComparer.Ordinal) { [next.Id] = option.Value };
                Walk(rules, procedure, applicant, more, cases);
            }

            return;
        }

        var g = @case.Evaluate(Date);
        var elements = g.Answers.Count + g.Steps.Count + g.Items.Count + g.IdRules.Count + g.IdRules.Sum(r => r.Examples.Count)
            + g.Fee.Items.Count + g.Fee.Exemptions.Count + g.Counters.Count + g.Counters.Sum(c => c.NextOpenings.Count)
            + g.Phones.Count + g.Notes.Count + g.Sources.Count;
        cases.Add(new SeedCase(rules.Code, procedure, applicant, answers, g.Answers.Count, elements));
    }

    /// <summary>The simplest covered case: fewest questions, then fewest elements (first in code order on a tie).</summary>
    public static SeedCase Simple(IEnumerable<SeedCase> cases) =>
        cases.Where(c => c.Questions > 0).OrderBy(c => c.Questions).ThenBy(c => c.Elements).First();

    /// <summary>The most complex case: most questions, then most elements.</summary>
    public static SeedCase Complex(IEnumerable<SeedCase> cases) =>
        cases.OrderByDescending(c => c.Questions).ThenByDescending(c => c.Elements).First();
}
