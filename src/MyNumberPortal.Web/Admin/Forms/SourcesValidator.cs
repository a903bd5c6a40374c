using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class SourcesValidator : AbstractValidator<SourcesInput>
{
    public SourcesValidator()
    {
        RuleForEach(s => s.Sources).Where(s => !s.Remove && !s.IsBlank).ChildRules(s =>
        {
            s.RuleFor(x => x.Id).Required().Id();
            s.RuleFor(x => x.TitleJa).Required();
            s.RuleFor(x => x.Url).Must(u => u.Length == 0 || RuleSetLimits.IsWebAddress(u))
                .WithMessage(x => RuleSetLimits.HasUserInfo(x.Url) ? AdminConsoleText.ErrorUrlUserInfo : AdminConsoleText.ErrorUrl);
            s.RuleFor(x => x.Updated).Must(d => d.Length == 0 || AdminInputs.IsDate(d)).WithMessage(_ => AdminConsoleText.ErrorDate);
        }).OverridePropertyName(SourcesInput.List);
        RuleFor(s => s.Sources).Must(list => list.Where(x => !x.Remove && !x.IsBlank).GroupBy(x => x.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(SourcesInput.List);
        RuleFor(s => s.Sources).Must(list => list.Any(x => !x.Remove && !x.IsBlank)).WithMessage(_ => AdminConsoleText.ErrorSourceNeeded).OverridePropertyName(SourcesInput.List);
    }
}
