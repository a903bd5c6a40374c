using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class FeeValidator : AbstractValidator<FeeInput>
{
    public FeeValidator()
    {
        RuleFor(f => f.Id).Required().Id().NotAnotherId();
        RuleFor(f => f.NameJa).Required();
        RuleFor(f => f.Scope).SetValidator(new ScopeValidator { SourceRequired = false }).OverridePropertyName("");
        RuleForEach(f => f.Items).Where(i => !i.Remove && !i.IsBlank).ChildRules(i =>
        {
            i.RuleFor(x => x.Id).Required().Id();
            i.RuleFor(x => x.LabelJa).Required();
            i.RuleFor(x => x.Amount).Required().Must(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= RuleSetLimits.MaxFeeAmount)
                .WithMessage(_ => AdminConsoleText.ErrorAmount);
            i.RuleFor(x => x.When).Condition();
        }).OverridePropertyName(FeeInput.ItemList);
        RuleForEach(f => f.Items).Where(i => !i.Remove && !i.IsBlank).ChildRules(i =>
            i.RuleFor(x => x.SourceQuote).Required()).When(f => f.Scope.SourceQuote.Length == 0).OverridePropertyName(FeeInput.ItemList);
        RuleFor(f => f.Items).Must(items => items.Where(i => !i.Remove && !i.IsBlank).GroupBy(i => i.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(FeeInput.ItemList);
        RuleFor(f => f.Items).Must(items => items.Where(i => !i.Remove && !i.IsBlank)
                .Sum(i => long.TryParse(i.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0) <= RuleSetLimits.MaxFeeTotal)
            .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorFeeTooHigh, RuleSetLimits.MaxFeeTotal)).OverridePropertyName(FeeInput.ItemList);
        RuleForEach(f => f.Exemptions).Where(x => !x.Remove && !x.IsBlank).ChildRules(x =>
        {
            x.RuleFor(e => e.Id).Required().Id();
            x.RuleFor(e => e.When).Required().Condition();
            x.RuleFor(e => e.ReasonJa).Required();
            x.RuleFor(e => e.SourceQuote).Required();
            x.RuleFor(e => e.SourceDoc).SourceDoc();
        }).OverridePropertyName(FeeInput.ExemptionList);
        RuleFor(f => f.StatedTotal).WholeNumber(0, 10_000_000)
            .Must((f, total) => total.Length == 0 || !int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t == Sum(f))
            .WithMessage((f, total) => AdminRuleContext.Format(AdminConsoleText.ErrorFeeTotal, total, Sum(f)));
    }

    /// <summary>The sum of the fee's unconditional items that parse.</summary>
    public static int Sum(FeeInput fee) =>
        fee.KeptItems.Where(i => i.When.Length == 0).Sum(i => int.TryParse(i.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
}
