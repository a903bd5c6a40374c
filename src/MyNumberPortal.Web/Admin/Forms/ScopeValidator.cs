using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class ScopeValidator : AbstractValidator<ScopeInput>
{
    public ScopeValidator()
    {
        RuleForEach(s => s.Procedures).Must(Procedures.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Procedures));
        RuleForEach(s => s.Applicants).Must(Applicants.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Applicants));
        RuleFor(s => s.When).Condition();
        RuleFor(s => s.SourceQuote).Required().When(_ => SourceRequired);
        RuleFor(s => s.SourceDoc).SourceDoc().When(s => s.SourceQuote.Length > 0);
    }

    /// <summary>Whether the scope must quote its source (a fee whose items quote theirs need not).</summary>
    public bool SourceRequired { get; init; } = true;
}
