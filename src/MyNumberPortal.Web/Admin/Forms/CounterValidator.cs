using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class CounterValidator : AbstractValidator<CounterInput>
{
    public CounterValidator()
    {
        RuleFor(c => c.NameJa).Required();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c.Reservation).Must(r => r is ReservationPolicies.Required or ReservationPolicies.NotRequired or ReservationPolicies.NotStated)
            .WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(c => c.SourceQuote).Required();
        RuleFor(c => c.SourceDoc).SourceDoc();
        RuleForEach(c => c.Accepts).Where(a => !a.Remove && !a.IsBlank).ChildRules(a =>
        {
            a.RuleForEach(x => x.Procedures).Must(Procedures.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(AcceptInput.Procedures));
            a.RuleForEach(x => x.Applicants).Must(Applicants.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(AcceptInput.Applicants));
            a.RuleFor(x => x.Visits).Must(v => AdminInputs.Numbers(v) is { } n && n.All(x => x is >= 1 and <= 9))
                .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumbers, 1, 9));
        }).OverridePropertyName(CounterInput.List);
    }
}
