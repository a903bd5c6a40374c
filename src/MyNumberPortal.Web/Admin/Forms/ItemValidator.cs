using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class ItemValidator : AbstractValidator<ItemInput>
{
    public ItemValidator()
    {
        RuleFor(i => i.Id).Required().Id().NotAnotherId();
        RuleFor(i => i.TextJa).Required();
        RuleFor(i => i.Visit).WholeNumber(1, 9);
        RuleFor(i => i.Scope).SetValidator(new ScopeValidator()).OverridePropertyName("");
    }
}
