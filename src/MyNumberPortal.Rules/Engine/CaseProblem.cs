using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// What is wrong with a case as given: the one vocabulary of every entry point (guide URL, reference code, the clerk's
/// form, the JSON API). Each maps the kinds to its own words; none of them is a sentence here.
/// </summary>
public enum CaseProblemKind
{
    /// <summary>The procedure is not one of <see cref="Procedures.All"/> (field <c>procedure</c>).</summary>
    UnknownProcedure,

    /// <summary>The applicant is not one of <see cref="Applicants.All"/> (field <c>applicant</c>).</summary>
    UnknownApplicant,

    /// <summary>The field names no question of this municipality.</summary>
    UnknownQuestion,

    /// <summary>The value is not one of the question's answers.</summary>
    InvalidAnswer,

    /// <summary>
    /// An answer to a question this case does not ask (yet): an earlier answer makes it moot, an earlier question
    /// (or the applicant) was not answered, or no rule of the case reads it. The guidance ignores it; a guide URL,
    /// which must be the exact path the resident walked, does not.
    /// </summary>
    NotAsked,
}

/// <summary>A problem of a case: its kind, the field it concerns (<c>procedure</c>, <c>applicant</c> or a question id) and the value given.</summary>
public sealed record CaseProblem(CaseProblemKind Kind, string Field, string? Value)
{
    /// <summary>The case cannot be evaluated because of it (every kind but <see cref="CaseProblemKind.NotAsked"/>).</summary>
    public bool Blocks => Kind != CaseProblemKind.NotAsked;
}

/// <summary>One question the case asks and the option chosen (by its index among the question's options).</summary>
public sealed record CaseAnswer(QuestionDef Question, int OptionIndex)
{
    public AnswerOption Option => Question.Options[OptionIndex];

    public string QuestionId => Question.Id;

    public string Value => Option.Value;
}
