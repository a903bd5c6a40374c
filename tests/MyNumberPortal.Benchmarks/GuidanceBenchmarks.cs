using BenchmarkDotNet.Attributes;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Benchmarks;

/// <summary>
/// <see cref="GuidanceEvaluator.Evaluate"/> on the in-memory compiled seed rules: what the API and the checklist page
/// call on every request (validation, question plan, guidance with counters' next openings). Resolving the version in
/// force from the catalog is part of each call, as in the app.
/// </summary>
[MemoryDiagnoser]
public class GuidanceBenchmarks
{
    private RuleCatalog catalog = null!;
    private GuidanceRequest simple = null!;
    private string simpleCode = "";
    private GuidanceRequest complex = null!;
    private string complexCode = "";

    [GlobalSetup]
    public void Setup()
    {
        catalog = SeedCases.LoadCatalog();
        var cases = SeedCases.All(catalog);
        var s = SeedCases.Simple(cases);
        var c = SeedCases.Complex(cases);
        (simpleCode, simple) = (s.Code, new GuidanceRequest(s.Procedure, s.Applicant, s.Answers, SeedCases.Date));
        (complexCode, complex) = (c.Code, new GuidanceRequest(c.Procedure, c.Applicant, c.Answers, SeedCases.Date));
    }

    [Benchmark(Baseline = true, Description = "simple case")]
    public Guidance? Simple() => GuidanceEvaluator.Evaluate(catalog.Resolve(simpleCode, SeedCases.Date)!, simple).Guidance;

    [Benchmark(Description = "most complex seed case")]
    public Guidance? Complex() => GuidanceEvaluator.Evaluate(catalog.Resolve(complexCode, SeedCases.Date)!, complex).Guidance;
}
