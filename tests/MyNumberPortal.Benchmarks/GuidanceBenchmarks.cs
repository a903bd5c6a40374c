using BenchmarkDotNet.Attributes;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Benchmarks;

/// <summary>
/// A case read and evaluated on the in-memory compiled seed rules (<see cref="GuideCase.Read(CompiledRuleSet, string, string, IEnumerable{KeyValuePair{string, string}})"/>
/// then <see cref="GuideCase.Evaluate"/>): what the API and the checklist page do on every request (validation and the one
/// question plan, guidance with counters' next openings). Resolving the version in force from the catalog is part of
/// each call, as in the app.
/// </summary>
[MemoryDiagnoser]
public class GuidanceBenchmarks
{
    private RuleCatalog catalog = null!;
    private SeedCase simple = null!;
    private SeedCase complex = null!;

    [GlobalSetup]
    public void Setup()
    {
        catalog = SeedCases.LoadCatalog();
        var cases = SeedCases.All(catalog);
        simple = SeedCases.Simple(cases);
        complex = SeedCases.Complex(cases);
    }

    [Benchmark(Baseline = true, Description = "simple case")]
    public Guidance Simple() => Evaluate(simple);

    [Benchmark(Description = "most complex seed case")]
    public Guidance Complex() => Evaluate(complex);

    private Guidance Evaluate(SeedCase c) =>
        GuideCase.Read(catalog.Resolve(c.Code, SeedCases.Date)!, c.Procedure, c.Applicant, c.Answers).Evaluate(SeedCases.Date);
}
