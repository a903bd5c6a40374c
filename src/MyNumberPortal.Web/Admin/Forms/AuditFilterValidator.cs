using FluentValidation;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>The audit filter's dates: each empty or a day written yyyy-MM-dd, and the end not before the start.</summary>
public sealed class AuditFilterValidator : AbstractValidator<AuditFilterInput>
{
    public AuditFilterValidator()
    {
        RuleFor(f => f.From).Must(d => d.Length == 0 || AuditFilterInput.Day(d) is not null).WithMessage(_ => AdminConsoleText.ErrorDate)
            .OverridePropertyName("from");
        RuleFor(f => f.To).Must(d => d.Length == 0 || AuditFilterInput.Day(d) is not null).WithMessage(_ => AdminConsoleText.ErrorDate)
            .Must((f, to) => AuditFilterInput.Day(f.From) is not { } from || AuditFilterInput.Day(to) is not { } end || end >= from)
            .WithMessage(_ => AdminConsoleText.ErrorDateOrder)
            .OverridePropertyName("to");
    }
}
