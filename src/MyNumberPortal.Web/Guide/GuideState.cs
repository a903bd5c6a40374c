using System.Text;
using Microsoft.AspNetCore.Http;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Guide;

/// <summary>
/// Why a guide URL cannot be followed as it is, and where the resident can carry on from: the query could not be read
/// (a parameter repeated or too long: <see cref="Case"/> is null), or the case it describes has a problem.
/// </summary>
public sealed record GuideProblem(CaseProblem? Case, string ContinueUrl)
{
    public bool MalformedQuery => Case is null;
}

/// <summary>One answered step of the flow: who comes (applicant), or a circumstance question.</summary>
/// <remarks><see cref="Question"/> and <see cref="Answer"/> are null for the applicant, whose texts live in the resources.</remarks>
public sealed record AnsweredStep(string Id, LocalText? Question, string Value, LocalText? Answer, string ChangeUrl);

/// <summary>
/// Where a resident is in a guide flow, read from the URL alone:
/// <c>/guide/{code}/{procedure}?applicant=self&amp;lost-where=outside</c>. The applicant is asked first,
/// then the circumstance questions the rules need, one per page. Answers live only in the URL.
/// The answers are read once into a <see cref="GuideCase"/>; this class adds what is the URL's: the form's step
/// marker, the answer to pre-select, and the links (back, change, print).
/// </summary>
public sealed class GuideState
{
    /// <summary>The applicant is the first question of every flow; its parameter matches the JSON API's.</summary>
    public const string ApplicantKey = GuideCase.ApplicantField;

    /// <summary>Set by a question form, so that a submission without a choice shows an error rather than the question again.</summary>
    public const string StepKey = "step";

    /// <summary>Set by "change this answer" links: the answer to pre-select.</summary>
    public const string PreviousKey = "was";

    /// <summary>Language override (read by request localization; never an answer).</summary>
    public const string LanguageKey = "lang";

    private GuideState(GuideCase @case, string? startPath)
    {
        Case = @case;
        StartPath = startPath ?? $"/guide/{@case.Rules.Code}";
        Path = @case.Parameters;
    }

    /// <summary>The case the URL describes, read and planned once.</summary>
    public GuideCase Case { get; }

    /// <summary>The choice of situation: <c>/guide/{code}</c>, or the admin preview's own start for a draft.</summary>
    public string StartPath { get; }

    /// <summary>The flow's address without answers: <c>{StartPath}/{procedure}</c>.</summary>
    public string FlowPath => $"{StartPath}/{Procedure}";

    public CompiledRuleSet Rules => Case.Rules;
    public string Code => Rules.Code;
    public string Procedure => Case.Procedure;

    /// <summary>Who comes; null while that question is being asked (or when the URL has a problem that blocks the case).</summary>
    public string? Applicant => Case.IsValid ? Case.Applicant : null;

    /// <summary>The next circumstance question (null while the applicant is asked, or when all are answered).</summary>
    public QuestionDef? NextQuestion => Case.IsValid ? Case.NextQuestion : null;

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
    public IReadOnlyList<(string Id, string Value)> Path { get; }

    /// <summary>Number of the current question (1-based), for "question 2" style progress text.</summary>
    public int QuestionNumber => Path.Count + 1;

    /// <summary>Reads a guide URL's query against the rules. Never throws for any query.</summary>
    public static GuideState Read(CompiledRuleSet rules, string procedure, IQueryCollection query, string? startPath = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(query);
        var given = new List<KeyValuePair<string, string>>(query.Count);
        string? step = null, previous = null;
        var malformed = false;
        foreach (var (key, values) in query)
        {
            var value = values.Count == 1 ? values[0] ?? "" : null;
            if (key.Length > QueryReader.MaxLength || value is null || value.Length > QueryReader.MaxLength)
            {
                malformed = true;
                break;
            }

            switch (key)
            {
                case StepKey: step = value; break;
                case PreviousKey: previous = value; break;
                case LanguageKey: break;
                default: given.Add(new(key, value)); break;
            }
        }

        // A malformed query is not read at all: the resident starts the flow again.
        var state = new GuideState(GuideCase.Read(rules, procedure, malformed ? [] : given), startPath);
        if (malformed)
        {
            state.Problem = new(null, state.UrlFor([]));
        }
        else if (state.Case.Problems.FirstOrDefault() is { } problem)
        {
            // An answer the case does not ask: where it can, the resident carries on from the last question answered in order.
            state.Problem = new(problem, state.UrlFor(problem.Blocks ? [] : state.Path));
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

    /// <summary>The options of the current question, as (value, label); labels are null for the applicant (see the resources).</summary>
    public IReadOnlyList<(string Value, LocalText? Label)> Options() =>
        AskingApplicant
            ? Applicants.All.Select(a => (a, (LocalText?)null)).ToList()
            : NextQuestion?.Options.Select(o => (o.Value, (LocalText?)o.Label)).ToList() ?? [];

    /// <summary>The URL of this flow with the given answers (in order).</summary>
    public string UrlFor(IEnumerable<(string Id, string Value)> answers, string? suffix = null, string? previous = null) =>
        Build($"{FlowPath}{suffix}", answers, previous);

    /// <summary>The URL that shows the current state again (the checklist once complete).</summary>
    public string Url => UrlFor(Path);

    /// <summary>The print view of the checklist.</summary>
    public string PrintUrl => UrlFor(Path, "/print");

    /// <summary>"Back": the previous question, or the choice of situation before the first one.</summary>
    public string BackUrl => Path.Count == 0 ? StartPath : UrlFor(Path.Take(Path.Count - 1), previous: Path[^1].Value);

    /// <summary>The answered steps with their "change" links (each drops the answers after it and pre-selects the old one).</summary>
    public IReadOnlyList<AnsweredStep> Summary()
    {
        if (Applicant is not { } applicant)
        {
            return [];
        }

        var steps = new List<AnsweredStep>(Path.Count) { new(ApplicantKey, null, applicant, null, UrlFor([], previous: applicant)) };
        for (var i = 0; i < Case.Answers.Count; i++)
        {
            var answer = Case.Answers[i];
            steps.Add(new(answer.QuestionId, answer.Question.Text, answer.Value, answer.Option.Label, UrlFor(Path.Take(i + 1), previous: answer.Value)));
        }

        return steps;
    }

    /// <summary>The hidden fields a question form carries: the answers so far and the step marker.</summary>
    public IReadOnlyList<(string Name, string Value)> HiddenFields() =>
        [.. Path, (StepKey, CurrentId ?? "")];

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
