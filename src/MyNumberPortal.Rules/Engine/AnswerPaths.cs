using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// Every reachable combination of answers for a case, found the way the resident guide walks it: ask the next
/// question <see cref="GuidanceEvaluator.PlanQuestions"/> names, branch on each of its options, stop when no question
/// is left. Questions that are not relevant, or whose condition is false, are never asked, so each path is one
/// combination a resident can actually reach (no duplicates: two paths differ in some answer both asked).
/// </summary>
public static class AnswerPaths
{
    /// <summary>
    /// The complete answer sets of a case, depth-first, questions in the order asked and options in their order.
    /// A case that asks nothing (or that the page does not cover) yields one empty set.
    /// </summary>
    public static IEnumerable<IReadOnlyList<(QuestionDef Question, AnswerOption Answer)>> For(CompiledRuleSet rules, string procedure, string applicant)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Walk(rules, procedure, applicant, [], new Dictionary<string, string>(StringComparer.Ordinal));
    }

    private static IEnumerable<IReadOnlyList<(QuestionDef Question, AnswerOption Answer)>> Walk(
        CompiledRuleSet rules, string procedure, string applicant, List<(QuestionDef Question, AnswerOption Answer)> path, Dictionary<string, string> answers)
    {
        var plan = GuidanceEvaluator.PlanQuestions(rules, procedure, applicant, answers);
        if (plan.Next is not { } next)
        {
            yield return path.ToList();
            yield break;
        }

        foreach (var option in next.Options)
        {
            path.Add((next, option));
            answers[next.Id] = option.Value;
            foreach (var complete in Walk(rules, procedure, applicant, path, answers))
            {
                yield return complete;
            }

            answers.Remove(next.Id);
            path.RemoveAt(path.Count - 1);
        }
    }

    /// <summary>The answers of a path as the evaluator takes them (question id → value).</summary>
    public static IReadOnlyDictionary<string, string> ToAnswers(IEnumerable<(QuestionDef Question, AnswerOption Answer)> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.ToDictionary(p => p.Question.Id, p => p.Answer.Value, StringComparer.Ordinal);
    }
}
