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

    /// <summary>A condition that parses and reads only the draft's (and the national) questions.</summary>
    public static IRuleBuilderOptions<T, string> Condition<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must((_, c, validation) =>
        {
            if (AdminRuleContext.Of(validation).ConditionProblem(c) is not { } problem)
            {
                return true;
            }

            validation.MessageFormatter.AppendArgument(ProblemArgument, problem);
            return false;
        }).WithMessage("{" + ProblemArgument + "}");

    /// <summary>An id no other element of the same kind uses.</summary>
    public static IRuleBuilderOptions<T, string> NotAnotherId<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must((_, id, validation) => !AdminRuleContext.Of(validation).OtherIds.Contains(id)).WithMessage(_ => AdminConsoleText.ErrorDuplicateId);

    public static IRuleBuilderOptions<T, string> WholeNumber<T>(this IRuleBuilder<T, string> rule, int min, int max) =>
        rule.Must(v => v.Length == 0 || (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
            .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumber, min, max));

    public static IRuleBuilderOptions<T, string> SourceDoc<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must((_, d, validation) => AdminRuleContext.Of(validation).SourceIds.Contains(d)).WithMessage(_ => AdminConsoleText.ErrorSourceDoc);

    private const string ProblemArgument = "Problem";
}
