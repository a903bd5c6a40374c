using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

/// <summary>What the validators check names against: the draft's questions (with the national ones), sources and phones.</summary>
public sealed class AdminRuleContext(RuleSetDocument draft, RuleSetDocument national)
{
    public IReadOnlySet<string> QuestionNames { get; } =
        draft.Questions.Select(q => q.Id).Concat(national.Questions.Select(q => q.Id)).Append("procedure").Append("applicant").ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> SourceIds { get; } = draft.Sources.Select(s => s.Id).Concat(national.Sources.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> PhoneIds { get; } = draft.Phones.Select(p => p.Id).Concat(national.Phones.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);

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
