using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

/// <summary>Rule-file text posted as a whole (a section, an import): present and not too long; its content is then checked by the engine, line by line.</summary>
public sealed class RuleTextValidator : AbstractValidator<string>
{
    public RuleTextValidator()
    {
        RuleFor(t => t).Must(t => t.Trim().Length > 0).WithMessage(_ => AdminConsoleText.ErrorImportEmpty).OverridePropertyName("Text")
            .MaximumLength(RuleFileCheck.MaxLength).WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorTooLong, RuleFileCheck.MaxLength)).OverridePropertyName("Text");
    }
}
