using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// What the admin forms' validators check against, beyond the form itself: the draft's questions (with the national
/// ones), sources and phones, the ids the other elements of the same kind already use, the municipality the draft
/// belongs to and today's date. The validators are registered once in the services (<c>AddValidatorsFromAssemblyContaining</c>)
/// and hold no state; a page passes this object with each validation (<see cref="For{T}"/>), and the rules read it
/// back with <see cref="Of{T}"/>.
/// </summary>
public sealed class AdminRuleContext(RuleSetDocument? draft = null, RuleSetDocument? national = null)
{
    /// <summary>Where the context is kept in a validation's <see cref="IValidationContext.RootContextData"/>.</summary>
    public const string Key = nameof(AdminRuleContext);

    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    public IReadOnlySet<string> QuestionNames { get; } =
        Ids(draft?.Questions.Select(q => q.Id), national?.Questions.Select(q => q.Id)).Append("procedure").Append("applicant").ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> SourceIds { get; } = Ids(draft?.Sources.Select(s => s.Id), national?.Sources.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> PhoneIds { get; } = Ids(draft?.Phones.Select(p => p.Id), national?.Phones.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>The ids the other elements of the edited kind use (a new or renamed element must not take one).</summary>
    public IReadOnlySet<string> OtherIds { get; init; } = None;

    /// <summary>The municipality (local government code) whose draft is edited.</summary>
    public string Scope { get; init; } = "";

    /// <summary>Whether the admin filling in the form covers every municipality (the staff accounts form).</summary>
    public bool CoversAllMunicipalities { get; init; }

    /// <summary>Today in Japan (a publication takes effect today or later).</summary>
    public DateOnly Today { get; init; }

    /// <summary>A validation of <paramref name="input"/> that carries this context.</summary>
    public ValidationContext<T> For<T>(T input)
    {
        var context = new ValidationContext<T>(input);
        context.RootContextData[Key] = this;
        return context;
    }

    /// <summary>The context a validation carries (child validations share their parent's).</summary>
    public static AdminRuleContext Of<T>(ValidationContext<T> validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return validation.RootContextData.TryGetValue(Key, out var value) && value is AdminRuleContext context
            ? context
            : throw new InvalidOperationException($"Validate admin forms with AdminRuleContext.For(input): the rules need the {Key}.");
    }

    private static IEnumerable<string> Ids(IEnumerable<string>? draft, IEnumerable<string>? national) => (draft ?? []).Concat(national ?? []);

    /// <summary>Null when <paramref name="condition"/> parses and reads only known questions; otherwise what is wrong.</summary>
    public string? ConditionProblem(string condition)
    {
        if (condition.Length == 0)
        {
            return null;
        }

        try
        {
            var unknown = Condition.Parse(condition).Names().Where(n => !QuestionNames.Contains(n)).Distinct().ToList();
            return unknown.Count == 0 ? null : Format(AdminConsoleText.ErrorConditionUnknownQuestion, string.Join(", ", unknown));
        }
        catch (ConditionSyntaxException ex)
        {
            return Format(AdminConsoleText.ErrorConditionSyntax, ex.Message);
        }
    }

    public static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
