using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class IdRuleValidator : AbstractValidator<IdRuleInput>
{
    public IdRuleValidator()
    {
        RuleFor(r => r.Id).Required().Id().NotAnotherId();
        RuleFor(r => r.Subject).Must(s => s is IdSubjects.Holder or IdSubjects.Agent).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(r => r.Rule).Must(text => text.Length == 0 || IdCombinationRule.TryParse(text, out _, out _))
            .WithMessage((_, text) => IdCombinationRule.TryParse(text, out var parsed, out var error) && parsed is not null ? "" : AdminRuleContext.Format(AdminConsoleText.ErrorIdRule, error ?? ""));
        RuleFor(r => r.NoteJa).Required().When(r => r.Rule.Length == 0).WithMessage(_ => AdminConsoleText.ErrorIdRuleNoteNeeded);
        RuleFor(r => r.Visit).WholeNumber(1, 9);
        RuleFor(r => r.Scope).SetValidator(new ScopeValidator()).OverridePropertyName("");
    }
}
