using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class ClosuresValidator : AbstractValidator<ClosuresInput>
{
    public ClosuresValidator()
    {
        RuleForEach(c => c.Closures).Where(c => !c.Remove && !c.IsBlank).ChildRules(c =>
        {
            c.RuleFor(x => x.Kind).Must(ClosuresInput.Kinds.Contains).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
            c.RuleFor(x => x.Days).NotEmpty().When(x => x.Kind is "weekdays" or "nth-weekday").WithMessage(_ => AdminConsoleText.ErrorDaysNeeded);
            c.RuleFor(x => x.Weeks).Must(w => AdminInputs.Numbers(w) is { Count: > 0 } n && n.All(x => x is >= 1 and <= 5)).When(x => x.Kind == "nth-weekday")
                .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumbers, 1, 5));
            c.RuleFor(x => x.Dates).Must(d => AdminInputs.Dates(d) is { Count: > 0 } list && list.All(AdminInputs.IsDate)).When(x => x.Kind == "dates")
                .WithMessage(_ => AdminConsoleText.ErrorDates);
            c.RuleFor(x => x.From).Must(IsMonthDay).When(x => x.Kind == "year-end" && (x.From.Length > 0 || x.To.Length > 0)).WithMessage(_ => AdminConsoleText.ErrorMonthDay);
            c.RuleFor(x => x.To).Must(IsMonthDay).When(x => x.Kind == "year-end" && (x.From.Length > 0 || x.To.Length > 0)).WithMessage(_ => AdminConsoleText.ErrorMonthDay);
            c.RuleFor(x => x.SourceQuote).Required();
            c.RuleFor(x => x.SourceDoc).SourceDoc().When(x => x.SourceQuote.Length > 0);
        }).OverridePropertyName(ClosuresInput.List);
    }

    private static bool IsMonthDay(string text) => PortalDates.TryParseMonthDay(text, out _, out _);
}
