using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// Every reachable combination of answers for a case, found the way the resident guide walks it: read the case so far
/// (<see cref="GuideCase.Read(CompiledRuleSet, string, string, IEnumerable{KeyValuePair{string, string}})"/>), branch on
/// each option of its next question, stop when no question is left. Questions that are not relevant, or whose condition
/// is false, are never asked, so each case is one combination a resident can actually reach (no duplicates: two cases
/// differ in some answer both asked).
/// </summary>
public static class AnswerPaths
{
    /// <summary>
    /// The complete cases of a procedure and applicant kind, depth-first, questions in the order asked and options in
    /// their order. A case that asks nothing (or that the page does not cover) yields one case without answers.
    /// </summary>
    public static IEnumerable<GuideCase> For(CompiledRuleSet rules, string procedure, string applicant)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return Walk(rules, procedure, applicant, []);
    }

    private static IEnumerable<GuideCase> Walk(CompiledRuleSet rules, string procedure, string applicant, List<KeyValuePair<string, string>> answers)
    {
        var @case = GuideCase.Read(rules, procedure, applicant, answers);
        if (@case.NextQuestion is not { } next)
        {
            yield return @case;
            yield break;
        }

        foreach (var option in next.Options)
        {
            answers.Add(new(next.Id, option.Value));
            foreach (var complete in Walk(rules, procedure, applicant, answers))
            {
                yield return complete;
            }

            answers.RemoveAt(answers.Count - 1);
        }
    }
}
