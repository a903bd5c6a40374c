using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// Turns a case (procedure, applicant, answers, date) into guidance, from a compiled rule set only:
/// no I/O, no shared mutable state, so it can run on every request and be benchmarked alone.
/// </summary>
public static class GuidanceEvaluator
{
    /// <summary>How many upcoming openings each counter shows.</summary>
    public const int OpeningsShown = 3;

    /// <summary>
    /// The questions for a case in the order they are asked, up to and including the first unanswered one.
    /// Questions whose condition is false, or that no rule of the case reads, are skipped. Answers to
    /// questions that are not asked are ignored. Returns no questions where the page does not cover the case.
    /// </summary>
    public static QuestionPlan PlanQuestions(CompiledRuleSet rules, string procedure, string applicant, IReadOnlyDictionary<string, string> answers)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(answers);
        var lookup = new AnswerLookup(procedure, applicant);
        var asked = new List<QuestionDef>();
        if (UnconditionalCoverage(rules, procedure, applicant) is not null)
        {
            return new QuestionPlan(asked, null, lookup);
        }

        var relevant = rules.RelevantQuestions(procedure, applicant);
        foreach (var q in rules.Questions)
        {
            if (!q.InScope(procedure, applicant) || !relevant.Contains(q.Element.Id) || !q.When.Evaluate(lookup))
            {
                continue;
            }

            if (!answers.TryGetValue(q.Element.Id, out var value) || !q.Element.Options.Any(o => o.Value == value))
            {
                return new QuestionPlan(asked, q.Element, lookup);
            }

            asked.Add(q.Element);
            lookup.Set(q.Element.Id, value);
        }

        return new QuestionPlan(asked, null, lookup);
    }

    /// <summary>Checks the request and evaluates it. Every problem is reported with the field it concerns.</summary>
    public static GuidanceResult Evaluate(CompiledRuleSet rules, GuidanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(request);
        var errors = Validate(rules, request);
        if (errors.Count > 0)
        {
            return new GuidanceResult(null, errors);
        }

        var plan = PlanQuestions(rules, request.Procedure, request.Applicant, request.Answers);
        if (plan.Next is { } missing)
        {
            return new GuidanceResult(null,
                [new AnswerError(missing.Id, "missing-answer", $"The question \"{missing.Id}\" must be answered for this case.")]);
        }

        return new GuidanceResult(new GuidanceBuilder(rules, request, plan).Build(), []);
    }

    private static List<AnswerError> Validate(CompiledRuleSet rules, GuidanceRequest request)
    {
        var errors = new List<AnswerError>();
        if (!Procedures.IsKnown(request.Procedure))
        {
            errors.Add(new("procedure", "unknown-procedure", $"\"{request.Procedure}\" is not a procedure. Use one of: {string.Join(", ", Procedures.All)}."));
        }

        if (!Applicants.IsKnown(request.Applicant))
        {
            errors.Add(new("applicant", "unknown-applicant", $"\"{request.Applicant}\" is not an applicant kind. Use one of: {string.Join(", ", Applicants.All)}."));
        }

        foreach (var (name, value) in request.Answers)
        {
            if (!rules.QuestionsById.TryGetValue(name, out var question))
            {
                errors.Add(new(name, "unknown-question", $"\"{name}\" is not a question of this municipality."));
            }
            else if (!question.Options.Any(o => o.Value == value))
            {
                errors.Add(new(name, "invalid-answer",
                    $"\"{value}\" is not an answer to \"{name}\". Allowed: {string.Join(", ", question.Options.Select(o => o.Value))}."));
            }
        }

        return errors;
    }

    /// <summary>
    /// The coverage of a case before any answer: covered, ask-counter or not-accepted. A case whose coverage
    /// depends on answers is reported as covered (the answers decide later).
    /// </summary>
    public static string UnconditionalCoverageStatus(CompiledRuleSet rules, string procedure, string applicant) =>
        UnconditionalCoverage(rules, procedure, applicant)?.Element.Status ?? CoverageStatuses.Covered;

    internal static Scoped<CoverageDef>? UnconditionalCoverage(CompiledRuleSet rules, string procedure, string applicant) =>
        rules.Coverage.FirstOrDefault(c => c.InScope(procedure, applicant) && !c.When.Names().Any());
}

/// <summary>The questions asked so far for a case and the next one to ask (null when all are answered).</summary>
public sealed class QuestionPlan(IReadOnlyList<QuestionDef> asked, QuestionDef? next, IAnswerLookup answers)
{
    public IReadOnlyList<QuestionDef> Asked { get; } = asked;
    public QuestionDef? Next { get; } = next;
    public IAnswerLookup Answers { get; } = answers;
    public bool Complete => Next is null;
}

/// <summary>Answers of the questions actually asked, plus the case's procedure and applicant.</summary>
internal sealed class AnswerLookup(string procedure, string applicant) : IAnswerLookup
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public string? Get(string name) => name switch
    {
        "procedure" => procedure,
        "applicant" => applicant,
        _ => values.GetValueOrDefault(name),
    };

    public void Set(string name, string value) => values[name] = value;
}
