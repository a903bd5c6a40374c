using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

public sealed class PublishValidator : AbstractValidator<PublishInput>
{
    public PublishValidator()
    {
        // The dates the rest of the portal takes (2000-01-01 to 2098-12-31: holidays are computed up to 2099), today or later.
        RuleFor(p => p.EffectiveFrom).Must(d => PortalDates.ParseInRange(d) is not null).WithMessage(_ => AdminConsoleText.ErrorDate)
            .Must((_, d, validation) => PortalDates.ParseInRange(d) is not { } date || date >= AdminRuleContext.Of(validation).Today).WithMessage(_ => AdminConsoleText.ErrorEffectivePast);
        RuleFor(p => p.Comment).MaximumLength(500).WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorTooLong, 500));
    }
}
