using System.Text;
using Microsoft.AspNetCore.Http;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Guide;

/// <summary>Why a guide URL cannot be followed as it is.</summary>
public enum GuideProblemKind
{
    /// <summary>A parameter is repeated or too long.</summary>
    MalformedQuery,

    /// <summary>A parameter names no question of this municipality.</summary>
    UnknownQuestion,

    /// <summary>A value is not one of the question's answers.</summary>
    InvalidAnswer,

    /// <summary>An answer is given for a question that is not (yet) asked for this case: an earlier one was skipped, or it does not apply.</summary>
    SkippedQuestion,
}

/// <summary>A problem with the URL, the parameter it concerns, and where the resident can carry on from.</summary>
public sealed record GuideProblem(GuideProblemKind Kind, string Field, string? Value, string ContinueUrl);

/// <summary>One answered step of the flow: who comes (applicant), or a circumstance question.</summary>
/// <remarks><see cref="Question"/> and <see cref="Answer"/> are null for the applicant, whose texts live in the resources.</remarks>
public sealed record AnsweredStep(string Id, LocalText? Question, string Value, LocalText? Answer, string ChangeUrl);

/// <summary>
/// Where a resident is in a guide flow, read from the URL alone:
/// <c>/guide/{code}/{procedure}?applicant=self&amp;lost-where=outside</c>. The applicant is asked first,
/// then the circumstance questions the rules need, one per page. Answers live only in the URL.
/// </summary>
public sealed class GuideState
{
    /// <summary>The applicant is the first question of every flow; its parameter matches the JSON API's.</summary>
    public const string ApplicantKey = "applicant";

    /// <summary>Set by a question form, so that a submission without a choice shows an error rather than the question again.</summary>
    public const string StepKey = "step";

    /// <summary>Set by "change this answer" links: the answer to pre-select.</summary>
    public const string PreviousKey = "was";

    /// <summary>Language override (read by request localization; never an answer).</summary>
    public const string LanguageKey = "lang";

    private readonly List<(string Id, string Value)> path = [];

    private GuideState(CompiledRuleSet rules, string procedure, string? startPath)
    {
        Rules = rules;
        Procedure = procedure;
        StartPath = startPath ?? $"/guide/{rules.Code}";
    }

    /// <summary>The choice of situation: <c>/guide/{code}</c>, or the admin preview's own start for a draft.</summary>
    public string StartPath { get; }

    /// <summary>The flow's address without answers: <c>{StartPath}/{procedure}</c>.</summary>
    public string FlowPath => $"{StartPath}/{Procedure}";

    public CompiledRuleSet Rules { get; }
    public string Code => Rules.Code;
    public string Procedure { get; }

    /// <summary>Who comes; null while that question is being asked.</summary>
    public string? Applicant { get; private set; }

    /// <summary>The next circumstance question (null while the applicant is asked, or when all are answered).</summary>
    public QuestionDef? NextQuestion { get; private set; }

    public bool AskingApplicant => Applicant is null;

    /// <summary>All questions answered: the checklist can be shown.</summary>
    public bool Complete => Applicant is not null && NextQuestion is null;

    /// <summary>The current question's id ("applicant" or a question id); null when complete.</summary>
    public string? CurrentId => AskingApplicant ? ApplicantKey : NextQuestion?.Id;

    /// <summary>The form for the current question was sent without a choice.</summary>
    public bool MissingChoice { get; private set; }

    /// <summary>The answer to pre-select on the current question (from a "change" link), if it is a valid one.</summary>
    public string? Previous { get; private set; }

    public GuideProblem? Problem { get; private set; }

    /// <summary>The answers given so far, in the order asked, as (question id, value); the applicant first.</summary>
    public IReadOnlyList<(string Id, string Value)> Path => path;

    /// <summary>The circumstance answers (without the applicant), for the evaluator.</summary>
    public IReadOnlyDictionary<string, string> Answers =>
        path.Where(p => p.Id != ApplicantKey).ToDictionary(p => p.Id, p => p.Value, StringComparer.Ordinal);

    /// <summary>Number of the current question (1-based), for "question 2" style progress text.</summary>
    public int QuestionNumber => path.Count + 1;

    /// <summary>Reads a guide URL's query against the rules. Never throws for any query.</summary>
    public static GuideState Read(CompiledRuleSet rules, string procedure, IQueryCollection query, string? startPath = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(query);
        var state = new GuideState(rules, procedure, startPath);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        string? step = null, previous = null;
        foreach (var (key, values) in query)
        {
            var field = QueryReader.Shorten(key);
            var value = values.Count == 1 ? values[0] ?? "" : null;
            if (key.Length > QueryReader.MaxLength || value is null || value.Length > QueryReader.MaxLength)
            {
                state.Problem = new(GuideProblemKind.MalformedQuery, field, null, state.UrlFor([]));
                break;
            }

            switch (key)
            {
                case StepKey: step = value; break;
                case PreviousKey: previous = value; break;
                case LanguageKey: break;
                default: given[key] = value; break;
            }
        }

        if (state.Problem is null)
        {
            state.Walk(given);
        }

        if (state.Problem is null && step is not null && step == state.CurrentId)
        {
            state.MissingChoice = true;
        }

        if (previous is not null && state.Options().Any(o => o.Value == previous))
        {
            state.Previous = previous;
        }

        return state;
    }

    private void Walk(Dictionary<string, string> given)
    {
        foreach (var (key, value) in given)
        {
            if (key == ApplicantKey)
            {
                if (!Applicants.IsKnown(value))
                {
                    Problem = new(GuideProblemKind.InvalidAnswer, key, value, UrlFor([]));
                    return;
                }
            }
            else if (!Rules.QuestionsById.TryGetValue(key, out var question))
            {
                Problem = new(GuideProblemKind.UnknownQuestion, key, value, UrlFor([]));
                return;
            }
            else if (!question.Options.Any(o => o.Value == value))
            {
                Problem = new(GuideProblemKind.InvalidAnswer, key, value, UrlFor([]));
                return;
            }
        }

        if (!given.TryGetValue(ApplicantKey, out var applicant))
        {
            if (given.Count > 0)
            {
                var first = given.Keys.First();
                Problem = new(GuideProblemKind.SkippedQuestion, first, given[first], UrlFor([]));
            }

            return;
        }

        Applicant = applicant;
        path.Add((ApplicantKey, applicant));
        var plan = GuidanceEvaluator.PlanQuestions(Rules, Procedure, applicant, given);
        foreach (var q in plan.Asked)
        {
            path.Add((q.Id, given[q.Id]));
        }

        NextQuestion = plan.Next;
        var stray = given.Keys.FirstOrDefault(k => k != ApplicantKey && !plan.Asked.Any(q => q.Id == k));
        if (stray is not null)
        {
            // Where it can, the resident carries on from the last question answered in order.
            Problem = new(GuideProblemKind.SkippedQuestion, stray, given[stray], UrlFor(path));
        }
    }

    /// <summary>The options of the current question, as (value, label); labels are null for the applicant (see the resources).</summary>
    public IReadOnlyList<(string Value, LocalText? Label)> Options() =>
        AskingApplicant
            ? Applicants.All.Select(a => (a, (LocalText?)null)).ToList()
            : NextQuestion?.Options.Select(o => (o.Value, (LocalText?)o.Label)).ToList() ?? [];

    /// <summary>The URL of this flow with the given answers (in order).</summary>
    public string UrlFor(IEnumerable<(string Id, string Value)> answers, string? suffix = null, string? previous = null) =>
        Build($"{FlowPath}{suffix}", answers, previous);

    /// <summary>The URL that shows the current state again (the checklist once complete).</summary>
    public string Url => UrlFor(path);

    /// <summary>The print view of the checklist.</summary>
    public string PrintUrl => UrlFor(path, "/print");

    /// <summary>"Back": the previous question, or the choice of situation before the first one.</summary>
    public string BackUrl => path.Count == 0 ? StartPath : UrlFor(path.Take(path.Count - 1), previous: path[^1].Value);

    /// <summary>The answered steps with their "change" links (each drops the answers after it and pre-selects the old one).</summary>
    public IReadOnlyList<AnsweredStep> Summary()
    {
        var steps = new List<AnsweredStep>(path.Count);
        for (var i = 0; i < path.Count; i++)
        {
            var (id, value) = path[i];
            var change = UrlFor(path.Take(i), previous: value);
            if (id == ApplicantKey)
            {
                steps.Add(new(id, null, value, null, change));
            }
            else
            {
                var q = Rules.QuestionsById[id];
                steps.Add(new(id, q.Text, value, q.Options.First(o => o.Value == value).Label, change));
            }
        }

        return steps;
    }

    /// <summary>The hidden fields a question form carries: the answers so far and the step marker.</summary>
    public IReadOnlyList<(string Name, string Value)> HiddenFields() =>
        [.. path, (StepKey, CurrentId ?? "")];

    public static string Build(string pathAndBase, IEnumerable<(string Id, string Value)> answers, string? previous = null)
    {
        var sb = new StringBuilder(pathAndBase);
        var sep = '?';
        foreach (var (id, value) in answers)
        {
            sb.Append(sep).Append(Uri.EscapeDataString(id)).Append('=').Append(Uri.EscapeDataString(value));
            sep = '&';
        }

        if (previous is not null)
        {
            sb.Append(sep).Append(PreviousKey).Append('=').Append(Uri.EscapeDataString(previous));
        }

        return sb.ToString();
    }
}
