using FluentValidation;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// A new staff account: a plain user name, a known role, and never a scope above the creating admin's own (only an admin of
/// all municipalities makes another; a clerk never covers all). Whether the name is taken is checked by the page (the database).
/// </summary>
public sealed class StaffAccountValidator : AbstractValidator<StaffAccountInput>
{
    public StaffAccountValidator()
    {
        RuleFor(a => a.UserName).Required()
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage(_ => AdminConsoleText.ErrorUserNameFormat)
            .MaximumLength(StaffAccounts.MaxUserNameLength).WithMessage(_ => AdminConsoleText.ErrorUserNameFormat);
        RuleFor(a => a.Role).Must(StaffRoles.IsValid).WithMessage(_ => AdminConsoleText.ErrorRole);
        RuleFor(a => a.AllMunicipalities)
            .Must((_, all, validation) => !all || AdminRuleContext.Of(validation).CoversAllMunicipalities).WithMessage(_ => AdminConsoleText.ErrorAllNotAllowed)
            .Must((a, all) => !all || a.Role == StaffRoles.Admin).WithMessage(_ => AdminConsoleText.ErrorAllNeedsAdmin);
    }
}
