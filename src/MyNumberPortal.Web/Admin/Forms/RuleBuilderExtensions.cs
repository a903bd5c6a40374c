using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

internal static class RuleBuilderExtensions
{
    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => AdminConsoleText.ErrorRequired);

    public static IRuleBuilderOptions<T, string> Id<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches("^[a-z0-9][a-z0-9-]{0,63}$").WithMessage(_ => AdminConsoleText.ErrorId);

    public static IRuleBuilderOptions<T, string> Phone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => p.Length == 0 || CompiledRuleSet.IsPhoneNumber(p)).WithMessage(_ => AdminConsoleText.ErrorPhone);

    public static IRuleBuilderOptions<T, string> Condition<T>(this IRuleBuilder<T, string> rule, AdminRuleContext context) =>
        rule.Must(c => context.ConditionProblem(c) is null).WithMessage((_, c) => context.ConditionProblem(c) ?? "");

    public static IRuleBuilderOptions<T, string> WholeNumber<T>(this IRuleBuilder<T, string> rule, int min, int max) =>
        rule.Must(v => v.Length == 0 || (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
            .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumber, min, max));

    public static IRuleBuilderOptions<T, string> SourceDoc<T>(this IRuleBuilder<T, string> rule, AdminRuleContext context) =>
        rule.Must(d => context.SourceIds.Contains(d)).WithMessage(_ => AdminConsoleText.ErrorSourceDoc);
}
