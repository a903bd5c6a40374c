using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class MunicipalityValidator : AbstractValidator<MunicipalityInput>
{
    public MunicipalityValidator()
    {
        RuleFor(m => m.Code).Must(LocalGovernmentCode.IsValid).WithMessage(_ => AdminConsoleText.ErrorCode)
            .Must((_, code, validation) => code == AdminRuleContext.Of(validation).Scope).WithMessage(_ => AdminConsoleText.ErrorCodeScope);
        RuleFor(m => m.NameJa).Required();
        RuleFor(m => m.NameEn).Required();
        RuleFor(m => m.Kana).Required().Matches(@"^[\p{IsHiragana}\u30FC]+$").WithMessage(_ => AdminConsoleText.ErrorKana);
        RuleFor(m => m.Romaji).Required().Matches("^[A-Za-z][A-Za-z' -]*$").WithMessage(_ => AdminConsoleText.ErrorRomaji);
        RuleFor(m => m.PrefectureJa).Required();
        RuleFor(m => m.PrefectureEn).Required();
        RuleFor(m => m.InquiryPhone).Must((_, p, validation) => p.Length == 0 || AdminRuleContext.Of(validation).PhoneIds.Contains(p)).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(m => m.SourceQuote).Required();
        RuleFor(m => m.SourceDoc).SourceDoc();
    }
}
