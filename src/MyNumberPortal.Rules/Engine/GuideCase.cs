using System.Runtime.CompilerServices;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// One resident's case: a municipality's rules, the procedure, who comes (the applicant) and the answers, read once
/// from wherever they come (a guide URL, a reference code, the clerk's form, the JSON API's parameters). Reading it
/// checks every answer and plans the questions once: which are asked, in order, and which one is next. The guidance
/// (<see cref="Evaluate"/>) and the reference code (<see cref="ReferenceCode.Create"/>) are made from that one plan;
/// nothing else in the rules domain plans questions, so no request can plan a case twice.
/// </summary>
/// <remarks>
/// The planning rules: the applicant is the first question of every case; then, in the rules' order, each question of
/// the case that some rule of the case reads and whose condition holds, up to the first one not answered. A case the
/// page does not cover at all (an unconditional <c>coverage</c> entry) asks only what its steps read (whether the card
/// was lost or stolen, so it is suspended at once). Immutable and thread-safe.
/// </remarks>
public sealed class GuideCase
{
    /// <summary>The applicant's field: the first question of every case (the guide URL's and the JSON API's parameter).</summary>
    public const string ApplicantField = "applicant";

    /// <summary>The procedure's field, in <see cref="CaseProblem.Field"/>.</summary>
    public const string ProcedureField = "procedure";

    private readonly AnswerLookup lookup;

    private GuideCase(CompiledRuleSet rules, string procedure, string? applicant, IReadOnlyList<CaseAnswer> answers, QuestionDef? next,
        IReadOnlyList<CaseProblem> problems, AnswerLookup lookup)
    {
        Rules = rules;
        Procedure = procedure;
        Applicant = applicant;
        Answers = answers;
        NextQuestion = next;
        Problems = problems;
        this.lookup = lookup;
    }

    public CompiledRuleSet Rules { get; }

    public string Procedure { get; }

    /// <summary>Who comes; null when not given (it is then the next question) or not one of <see cref="Applicants.All"/> (see <see cref="Problems"/>).</summary>
    public string? Applicant { get; }

    /// <summary>The questions asked, in order, each with its answer (empty while the applicant is not known, or when a problem blocks).</summary>
    public IReadOnlyList<CaseAnswer> Answers { get; }

    /// <summary>The next circumstance question to ask; null while the applicant is not known, when all are answered, or when a problem blocks.</summary>
    public QuestionDef? NextQuestion { get; }

    /// <summary>
    /// Every problem of the input, in the order given: first the procedure, then each field in turn (unknown applicant,
    /// unknown question, invalid answer), then the answers the case does not ask (<see cref="CaseProblemKind.NotAsked"/>).
    /// </summary>
    public IReadOnlyList<CaseProblem> Problems { get; }

    /// <summary>No problem blocks the case (answers that are not asked may remain; they are ignored).</summary>
    public bool IsValid => Problems.All(p => !p.Blocks);

    /// <summary>Valid and every question answered: the guidance and the reference code can be made.</summary>
    public bool Complete => IsValid && Applicant is not null && NextQuestion is null;

    /// <summary>The case's answers as (field, value) in the order asked, the applicant first: its canonical parameters.</summary>
    public IReadOnlyList<(string Field, string Value)> Parameters =>
        Applicant is null || !IsValid ? [] : [(ApplicantField, Applicant), .. Answers.Select(a => (a.QuestionId, a.Value))];

    /// <summary>
    /// Reads a case from its parameters in the order given: <c>applicant</c> and question id → answer value (a field
    /// given twice counts once, with its last value). Never throws for any input: problems are in <see cref="Problems"/>.
    /// </summary>
    public static GuideCase Read(CompiledRuleSet rules, string procedure, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(parameters);
        var given = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (field, value) in parameters)
        {
            if (given.TryAdd(field, value))
            {
                order.Add(field);
            }
            else
            {
                given[field] = value;
            }
        }

        var problems = new List<CaseProblem>();
        if (!Procedures.IsKnown(procedure))
        {
            problems.Add(new(CaseProblemKind.UnknownProcedure, ProcedureField, procedure));
        }

        string? applicant = null;
        foreach (var field in order)
        {
            var value = given[field];
            if (field == ApplicantField)
            {
                if (Applicants.IsKnown(value))
                {
                    applicant = value;
                }
                else
                {
                    problems.Add(new(CaseProblemKind.UnknownApplicant, field, value));
                }
            }
            else if (!rules.QuestionsById.TryGetValue(field, out var question))
            {
                problems.Add(new(CaseProblemKind.UnknownQuestion, field, value));
            }
            else if (!question.Options.Any(o => o.Value == value))
            {
                problems.Add(new(CaseProblemKind.InvalidAnswer, field, value));
            }
        }

        if (problems.Count > 0)
        {
            return new GuideCase(rules, procedure, applicant, [], null, problems, new AnswerLookup(procedure, applicant ?? ""));
        }

        if (applicant is null)
        {
            // The applicant is asked first: every answer given before it is one the case does not ask yet.
            problems.AddRange(order.Select(f => new CaseProblem(CaseProblemKind.NotAsked, f, given[f])));
            return new GuideCase(rules, procedure, null, [], null, problems, new AnswerLookup(procedure, ""));
        }

        var plan = Plan(rules, procedure, applicant, q => given.TryGetValue(q.Id, out var value) ? q.Options.FindIndex(o => o.Value == value) : null);
        problems.AddRange(order.Where(f => f != ApplicantField && !plan.Asked.Any(a => a.QuestionId == f))
            .Select(f => new CaseProblem(CaseProblemKind.NotAsked, f, given[f])));
        return new GuideCase(rules, procedure, applicant, plan.Asked, plan.Next, problems, plan.Lookup);
    }

    /// <summary>Reads a case from an applicant and answers (question id → value): <see cref="Read(CompiledRuleSet, string, IEnumerable{KeyValuePair{string, string}})"/>.</summary>
    public static GuideCase Read(CompiledRuleSet rules, string procedure, string applicant, IEnumerable<KeyValuePair<string, string>> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return Read(rules, procedure, answers.Prepend(new(ApplicantField, applicant)));
    }

    /// <summary>
    /// The case of a decoded reference code under these rules, walking the questions once and taking, for each question
    /// asked, the next option index. Null when the code does not fit these rules: another municipality, an index beyond a
    /// question's options, indexes left over, or questions left unanswered. The version tag is not checked (see
    /// <see cref="Open"/>, which replays a code under the version it was made with).
    /// </summary>
    public static GuideCase? FromReference(CompiledRuleSet rules, DecodedReference reference)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(reference);
        if (!string.Equals(rules.Code, reference.MunicipalityCode, StringComparison.Ordinal)
            || !Procedures.IsKnown(reference.Procedure) || !Applicants.IsKnown(reference.Applicant))
        {
            return null;
        }

        var used = 0;
        var fits = true;
        var plan = Plan(rules, reference.Procedure, reference.Applicant, q =>
        {
            var index = used < reference.OptionIndexes.Count ? reference.OptionIndexes[used++] : -1;
            fits = index >= 0 && index < q.Options.Count;
            return fits ? index : null;
        });
        return fits && plan.Next is null && used == reference.OptionIndexes.Count
            ? new GuideCase(rules, reference.Procedure, reference.Applicant, plan.Asked, null, [], plan.Lookup)
            : null;
    }

    /// <summary>
    /// Opens a reference code as typed by a resident or a clerk: reads it (<see cref="ReferenceCode.TryParse"/>), finds the
    /// municipality's rules in force on <paramref name="date"/>, replays the answers under the version the code was made
    /// with (today's when that version is gone), and gives the case under today's rules. When the versions differ the
    /// answers are read again under today's rules, keeping those it still asks: a question added since is then the
    /// next question; an answer that no longer exists makes the code outdated.
    /// </summary>
    public static OpenedReference Open(RuleCatalog catalog, string? text, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(null, null, ReferenceProblem.Empty);
        }

        if (!ReferenceCode.TryParse(text, out var reference, out _))
        {
            return new(null, null, ReferenceProblem.NotACode);
        }

        if (catalog.Resolve(reference.MunicipalityCode, date) is not { } current)
        {
            return new(reference, null, ReferenceProblem.UnknownMunicipality);
        }

        var made = catalog.FindVersion(reference.MunicipalityCode, reference.VersionTag) ?? current;
        var replayed = FromReference(made, reference);
        if (replayed is not null && !ReferenceEquals(made, current))
        {
            var today = Read(current, replayed.Procedure, replayed.Parameters.Select(p => KeyValuePair.Create(p.Field, p.Value)));
            replayed = today.IsValid ? today.WithoutUnasked() : null;
        }

        return replayed is null ? new(reference, null, ReferenceProblem.Outdated) : new(reference, replayed, null);
    }

    /// <summary>The same case without the answers it does not ask (they never take part in the plan).</summary>
    private GuideCase WithoutUnasked() =>
        new(Rules, Procedure, Applicant, Answers, NextQuestion, Problems.Where(p => p.Blocks).ToList(), lookup);

    /// <summary>The guidance for the case on <paramref name="date"/> (the day the resident asks about), from the case's one plan.</summary>
    /// <exception cref="InvalidOperationException">The case is not <see cref="Complete"/>.</exception>
    public Guidance Evaluate(DateOnly date) =>
        Complete
            ? new GuidanceBuilder(this, date).Build()
            : throw new InvalidOperationException($"The case {Rules.Code} {Procedure} is not complete: it has problems or unanswered questions.");

    /// <summary>The answers of the questions asked, with the procedure and applicant, as conditions read them.</summary>
    internal IAnswerLookup Lookup => lookup;

    /// <summary>
    /// The one planner: walks the case's questions in the rules' order, taking each asked question's option index from
    /// <paramref name="choose"/> (null: not answered, which makes it the next question).
    /// </summary>
    private static (IReadOnlyList<CaseAnswer> Asked, QuestionDef? Next, AnswerLookup Lookup) Plan(CompiledRuleSet rules, string procedure, string applicant,
        Func<QuestionDef, int?> choose)
    {
        RulesMetrics.PlanMade(rules.Municipality.Code);

        var lookup = new AnswerLookup(procedure, applicant);
        var asked = new List<CaseAnswer>();

        // A case the page does not cover at all still asks what decides its steps (a lost or stolen card is
        // suspended at once, whatever the page covers), and nothing else.
        var relevant = rules.AskedQuestions(procedure, applicant);
        foreach (var q in rules.Questions)
        {
            if (!q.InScope(procedure, applicant) || !relevant.Contains(q.Element.Id) || !q.When.Evaluate(lookup))
            {
                continue;
            }

            if (choose(q.Element) is not { } index)
            {
                return (asked, q.Element, lookup);
            }

            asked.Add(new CaseAnswer(q.Element, index));
            lookup.Set(q.Element.Id, q.Element.Options[index].Value);
        }

        return (asked, null, lookup);
    }

    /// <summary>Answers of the questions actually asked, plus the case's procedure and applicant.</summary>
    private sealed class AnswerLookup(string procedure, string applicant) : IAnswerLookup
    {
        private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

        public string? Get(string name) => name switch
        {
            ProcedureField => procedure,
            ApplicantField => applicant,
            _ => values.GetValueOrDefault(name),
        };

        public void Set(string name, string value) => values[name] = value;
    }
}

/// <summary>Why a reference code does not open a case.</summary>
public enum ReferenceProblem
{
    /// <summary>Nothing was entered.</summary>
    Empty,

    /// <summary>The text is not a code of this portal (characters, length, check characters or layout).</summary>
    NotACode,

    /// <summary>The code's municipality has no rules in force.</summary>
    UnknownMunicipality,

    /// <summary>The code does not fit the municipality's rules (made under rules whose questions have changed since).</summary>
    Outdated,
}

/// <summary>A reference code as opened: the code read (when it is one), and the case under today's rules or why there is none.</summary>
public sealed record OpenedReference(DecodedReference? Reference, GuideCase? Case, ReferenceProblem? Problem);
