using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// What the evaluation of a case shares: how many openings a counter shows, and a case's coverage before any answer.
/// A case is read and planned by <see cref="GuideCase"/> and evaluated by <see cref="GuideCase.Evaluate"/>, from a
/// compiled rule set only: no I/O, no shared mutable state, so it can run on every request and be benchmarked alone.
/// </summary>
public static class GuidanceEvaluator
{
    /// <summary>How many upcoming openings each counter shows.</summary>
    public const int OpeningsShown = 3;

    /// <summary>
    /// The coverage of a case before any answer: covered, ask-counter or not-accepted. A case whose coverage
    /// depends on answers is reported as covered (the answers decide later).
    /// </summary>
    public static string UnconditionalCoverageStatus(CompiledRuleSet rules, string procedure, string applicant) =>
        UnconditionalCoverage(rules, procedure, applicant)?.Element.Status ?? CoverageStatuses.Covered;

    internal static Scoped<CoverageDef>? UnconditionalCoverage(CompiledRuleSet rules, string procedure, string applicant) =>
        rules.Coverage.FirstOrDefault(c => c.InScope(procedure, applicant) && !c.When.Names().Any());
}
