using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class IdDocumentsValidator : AbstractValidator<IdDocumentsInput>
{
    public IdDocumentsValidator()
    {
        RuleForEach(d => d.Documents).Where(x => !x.Remove && !x.IsBlank).ChildRules(d =>
        {
            d.RuleFor(x => x.Id).Required().Id();
            d.RuleFor(x => x.Category).Must(c => c is "A" or "B").WithMessage(_ => AdminConsoleText.ErrorCategory);
            d.RuleFor(x => x.NameJa).Required();
            d.RuleFor(x => x.SourceQuote).Required();
            d.RuleFor(x => x.SourceDoc).SourceDoc().When(x => x.SourceQuote.Length > 0);
        }).OverridePropertyName(IdDocumentsInput.List);
        RuleFor(d => d.Documents).Must(list => list.Where(x => !x.Remove && !x.IsBlank).GroupBy(x => x.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(IdDocumentsInput.List);
    }
}
