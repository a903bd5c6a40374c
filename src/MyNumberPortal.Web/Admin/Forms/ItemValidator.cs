using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class ItemValidator : AbstractValidator<ItemInput>
{
    public ItemValidator(AdminRuleContext context, IEnumerable<string> otherIds)
    {
        var others = otherIds.ToHashSet(StringComparer.Ordinal);
        RuleFor(i => i.Id).Required().Id().Must(id => !others.Contains(id)).WithMessage(_ => AdminConsoleText.ErrorDuplicateId);
        RuleFor(i => i.TextJa).Required();
        RuleFor(i => i.Visit).WholeNumber(1, 9);
        RuleFor(i => i.Scope).SetValidator(new ScopeValidator(context)).OverridePropertyName("");
    }
}
