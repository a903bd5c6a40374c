using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class ScopeValidator : AbstractValidator<ScopeInput>
{
    public ScopeValidator(AdminRuleContext context, bool sourceRequired = true)
    {
        RuleForEach(s => s.Procedures).Must(Procedures.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Procedures));
        RuleForEach(s => s.Applicants).Must(Applicants.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Applicants));
        RuleFor(s => s.When).Condition(context);
        if (sourceRequired)
        {
            RuleFor(s => s.SourceQuote).Required();
        }

        RuleFor(s => s.SourceDoc).SourceDoc(context).When(s => s.SourceQuote.Length > 0);
    }
}
