using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

// FluentValidation validators for every admin form (FluentValidation.DependencyInjectionExtensions does not restore here,
// so forms construct them with the rule set they edit). Messages come from AdminConsoleText and so follow the page's
// language; each failure names its field (PropertyName = the form field name) for the message beside it and the summary.

/// <summary>What the validators check names against: the draft's questions (with the national ones), sources and phones.</summary>
public sealed class AdminRuleContext(RuleSetDocument draft, RuleSetDocument national)
{
    public IReadOnlySet<string> QuestionNames { get; } =
        draft.Questions.Select(q => q.Id).Concat(national.Questions.Select(q => q.Id)).Append("procedure").Append("applicant").ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> SourceIds { get; } = draft.Sources.Select(s => s.Id).Concat(national.Sources.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal);

    public IReadOnlySet<string> PhoneIds { get; } = draft.Phones.Select(p => p.Id).Concat(national.Phones.Select(p => p.Id)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="condition"/> parses and reads only known questions; otherwise what is wrong.</summary>
    public string? ConditionProblem(string condition)
    {
        if (condition.Length == 0)
        {
            return null;
        }

        try
        {
            var unknown = Condition.Parse(condition).Names().Where(n => !QuestionNames.Contains(n)).Distinct().ToList();
            return unknown.Count == 0 ? null : Format(AdminConsoleText.ErrorConditionUnknownQuestion, string.Join(", ", unknown));
        }
        catch (ConditionSyntaxException ex)
        {
            return Format(AdminConsoleText.ErrorConditionSyntax, ex.Message);
        }
    }

    public static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}

internal static class RuleBuilderExtensions
{
    public static IRuleBuilderOptions<T, string> Required<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().WithMessage(_ => AdminConsoleText.ErrorRequired);

    public static IRuleBuilderOptions<T, string> Id<T>(this IRuleBuilder<T, string> rule) =>
        rule.Matches("^[a-z0-9][a-z0-9-]{0,63}$").WithMessage(_ => AdminConsoleText.ErrorId);

    public static IRuleBuilderOptions<T, string> Phone<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(p => p.Length == 0 || CompiledRuleSet.IsPhoneNumber(p)).WithMessage(_ => AdminConsoleText.ErrorPhone);

    public static IRuleBuilderOptions<T, string> Condition<T>(this IRuleBuilder<T, string> rule, AdminRuleContext context) =>
        rule.Must(c => context.ConditionProblem(c) is null).WithMessage((_, c) => context.ConditionProblem(c) ?? "");

    public static IRuleBuilderOptions<T, string> WholeNumber<T>(this IRuleBuilder<T, string> rule, int min, int max) =>
        rule.Must(v => v.Length == 0 || (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max))
            .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumber, min, max));

    public static IRuleBuilderOptions<T, string> SourceDoc<T>(this IRuleBuilder<T, string> rule, AdminRuleContext context) =>
        rule.Must(d => context.SourceIds.Contains(d)).WithMessage(_ => AdminConsoleText.ErrorSourceDoc);
}

public sealed class ScopeValidator : AbstractValidator<ScopeInput>
{
    public ScopeValidator(AdminRuleContext context, bool sourceRequired = true)
    {
        RuleForEach(s => s.Procedures).Must(Procedures.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Procedures));
        RuleForEach(s => s.Applicants).Must(Applicants.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(ScopeInput.Applicants));
        RuleFor(s => s.When).Condition(context);
        if (sourceRequired)
        {
            RuleFor(s => s.SourceQuote).Required();
        }

        RuleFor(s => s.SourceDoc).SourceDoc(context).When(s => s.SourceQuote.Length > 0);
    }
}

public sealed class MunicipalityValidator : AbstractValidator<MunicipalityInput>
{
    public MunicipalityValidator(AdminRuleContext context, string scope)
    {
        RuleFor(m => m.Code).Must(LocalGovernmentCode.IsValid).WithMessage(_ => AdminConsoleText.ErrorCode)
            .Equal(scope).WithMessage(_ => AdminConsoleText.ErrorCodeScope);
        RuleFor(m => m.NameJa).Required();
        RuleFor(m => m.NameEn).Required();
        RuleFor(m => m.Kana).Required().Matches(@"^[\p{IsHiragana}\u30FC]+$").WithMessage(_ => AdminConsoleText.ErrorKana);
        RuleFor(m => m.Romaji).Required().Matches("^[A-Za-z][A-Za-z' -]*$").WithMessage(_ => AdminConsoleText.ErrorRomaji);
        RuleFor(m => m.PrefectureJa).Required();
        RuleFor(m => m.PrefectureEn).Required();
        RuleFor(m => m.InquiryPhone).Must(p => p.Length == 0 || context.PhoneIds.Contains(p)).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(m => m.SourceQuote).Required();
        RuleFor(m => m.SourceDoc).SourceDoc(context);
    }
}

public sealed class SourcesValidator : AbstractValidator<SourcesInput>
{
    public SourcesValidator()
    {
        RuleForEach(s => s.Sources).Where(s => !s.Remove && !s.IsBlank).ChildRules(s =>
        {
            s.RuleFor(x => x.Id).Required().Id();
            s.RuleFor(x => x.TitleJa).Required();
            s.RuleFor(x => x.Url).Must(u => u.Length == 0 || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
                .WithMessage(_ => AdminConsoleText.ErrorUrl);
            s.RuleFor(x => x.Updated).Must(d => d.Length == 0 || AdminInputs.IsDate(d)).WithMessage(_ => AdminConsoleText.ErrorDate);
        }).OverridePropertyName(SourcesInput.List);
        RuleFor(s => s.Sources).Must(list => list.Where(x => !x.Remove && !x.IsBlank).GroupBy(x => x.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(SourcesInput.List);
        RuleFor(s => s.Sources).Must(list => list.Any(x => !x.Remove && !x.IsBlank)).WithMessage(_ => AdminConsoleText.ErrorSourceNeeded).OverridePropertyName(SourcesInput.List);
    }
}

public sealed class CounterValidator : AbstractValidator<CounterInput>
{
    public CounterValidator(AdminRuleContext context)
    {
        RuleFor(c => c.NameJa).Required();
        RuleFor(c => c.Phone).Phone();
        RuleFor(c => c.Reservation).Must(r => r is ReservationPolicies.Required or ReservationPolicies.NotRequired or ReservationPolicies.NotStated)
            .WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(c => c.SourceQuote).Required();
        RuleFor(c => c.SourceDoc).SourceDoc(context);
        RuleForEach(c => c.Accepts).Where(a => !a.Remove && !a.IsBlank).ChildRules(a =>
        {
            a.RuleForEach(x => x.Procedures).Must(Procedures.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(AcceptInput.Procedures));
            a.RuleForEach(x => x.Applicants).Must(Applicants.IsKnown).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(AcceptInput.Applicants));
            a.RuleFor(x => x.Visits).Must(v => AdminInputs.Numbers(v) is { } n && n.All(x => x is >= 1 and <= 9))
                .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumbers, 1, 9));
        }).OverridePropertyName(CounterInput.List);
    }
}

public sealed class HoursValidator : AbstractValidator<HoursInput>
{
    public HoursValidator(AdminRuleContext context)
    {
        RuleForEach(h => h.Hours).Where(h => !h.Remove && !h.IsBlank).ChildRules(h =>
        {
            h.RuleFor(x => x.Days).NotEmpty().WithMessage(_ => AdminConsoleText.ErrorDaysNeeded);
            h.RuleForEach(x => x.Days).Must(AdminInputs.DayOrder.Contains).WithMessage(_ => AdminConsoleText.ErrorUnknownValue).OverridePropertyName(nameof(HoursRowInput.Days));
            h.RuleFor(x => x.Weeks).Must(w => AdminInputs.Numbers(w) is { } n && n.All(x => x is >= 1 and <= 5))
                .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumbers, 1, 5));
            h.RuleFor(x => x.Open).Must(AdminInputs.IsTime).WithMessage(_ => AdminConsoleText.ErrorTime);
            h.RuleFor(x => x.Close).Must(AdminInputs.IsTime).WithMessage(_ => AdminConsoleText.ErrorTime)
                .Must((x, close) => string.CompareOrdinal(x.Open, close) < 0).When(x => AdminInputs.IsTime(x.Open) && AdminInputs.IsTime(x.Close), ApplyConditionTo.CurrentValidator)
                .WithMessage(_ => AdminConsoleText.ErrorOpenBeforeClose);
            h.RuleFor(x => x.SourceQuote).Required();
            h.RuleFor(x => x.SourceDoc).SourceDoc(context).When(x => x.SourceQuote.Length > 0);
        }).OverridePropertyName(HoursInput.List);
        RuleFor(h => h.Hours).Custom((rows, ctx) =>
        {
            // One opening per day: a later row replaces an earlier one on the same day. That is how a "Tuesdays until 19:00"
            // row extends a "weekdays" row; but a later row that covers every week the earlier one does hides it entirely.
            var kept = rows.Select((r, i) => (Row: r, Index: i)).Where(x => !x.Row.Remove && !x.Row.IsBlank).ToList();
            for (var earlier = 0; earlier < kept.Count; earlier++)
            {
                var a = kept[earlier];
                if (a.Row.Days.Count == 0 || AdminInputs.Numbers(a.Row.Weeks) is not { } aw)
                {
                    continue;
                }

                // Row a is never used when, on each of its days, a later row covers every week it does.
                var hiders = new SortedSet<int>();
                var hidden = a.Row.Days.All(day => kept.Skip(earlier + 1).Any(b =>
                {
                    var covers = b.Row.Days.Contains(day) && AdminInputs.Numbers(b.Row.Weeks) is { } bw && (bw.Count == 0 || (aw.Count > 0 && aw.All(bw.Contains)));
                    if (covers)
                    {
                        hiders.Add(b.Index + 1);
                    }

                    return covers;
                }));
                if (hidden)
                {
                    ctx.AddFailure(AdminFields.Row(HoursInput.List, a.Index, "Days"),
                        AdminRuleContext.Format(AdminConsoleText.ErrorHoursOverlap, a.Index + 1, string.Join(", ", hiders)));
                }
            }
        });
    }

    public static string DayName(string day) => day switch
    {
        "mon" => AdminConsoleText.DayMon, "tue" => AdminConsoleText.DayTue, "wed" => AdminConsoleText.DayWed, "thu" => AdminConsoleText.DayThu,
        "fri" => AdminConsoleText.DayFri, "sat" => AdminConsoleText.DaySat, "sun" => AdminConsoleText.DaySun, _ => day,
    };
}

public sealed class ClosuresValidator : AbstractValidator<ClosuresInput>
{
    public ClosuresValidator(AdminRuleContext context)
    {
        RuleForEach(c => c.Closures).Where(c => !c.Remove && !c.IsBlank).ChildRules(c =>
        {
            c.RuleFor(x => x.Kind).Must(ClosuresInput.Kinds.Contains).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
            c.RuleFor(x => x.Days).NotEmpty().When(x => x.Kind is "weekdays" or "nth-weekday").WithMessage(_ => AdminConsoleText.ErrorDaysNeeded);
            c.RuleFor(x => x.Weeks).Must(w => AdminInputs.Numbers(w) is { Count: > 0 } n && n.All(x => x is >= 1 and <= 5)).When(x => x.Kind == "nth-weekday")
                .WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorWholeNumbers, 1, 5));
            c.RuleFor(x => x.Dates).Must(d => AdminInputs.Dates(d) is { Count: > 0 } list && list.All(AdminInputs.IsDate)).When(x => x.Kind == "dates")
                .WithMessage(_ => AdminConsoleText.ErrorDates);
            c.RuleFor(x => x.From).Must(IsMonthDay).When(x => x.Kind == "year-end" && (x.From.Length > 0 || x.To.Length > 0)).WithMessage(_ => AdminConsoleText.ErrorMonthDay);
            c.RuleFor(x => x.To).Must(IsMonthDay).When(x => x.Kind == "year-end" && (x.From.Length > 0 || x.To.Length > 0)).WithMessage(_ => AdminConsoleText.ErrorMonthDay);
            c.RuleFor(x => x.SourceQuote).Required();
            c.RuleFor(x => x.SourceDoc).SourceDoc(context).When(x => x.SourceQuote.Length > 0);
        }).OverridePropertyName(ClosuresInput.List);
    }

    private static bool IsMonthDay(string text) => DateOnly.TryParseExact("2024-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}

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

public sealed class FeeValidator : AbstractValidator<FeeInput>
{
    public FeeValidator(AdminRuleContext context, IEnumerable<string> otherIds)
    {
        var others = otherIds.ToHashSet(StringComparer.Ordinal);
        RuleFor(f => f.Id).Required().Id().Must(id => !others.Contains(id)).WithMessage(_ => AdminConsoleText.ErrorDuplicateId);
        RuleFor(f => f.NameJa).Required();
        RuleFor(f => f.Scope).SetValidator(new ScopeValidator(context, sourceRequired: false)).OverridePropertyName("");
        RuleForEach(f => f.Items).Where(i => !i.Remove && !i.IsBlank).ChildRules(i =>
        {
            i.RuleFor(x => x.Id).Required().Id();
            i.RuleFor(x => x.LabelJa).Required();
            i.RuleFor(x => x.Amount).Required().Must(a => int.TryParse(a, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 1_000_000)
                .WithMessage(_ => AdminConsoleText.ErrorAmount);
            i.RuleFor(x => x.When).Condition(context);
        }).OverridePropertyName(FeeInput.ItemList);
        RuleForEach(f => f.Items).Where(i => !i.Remove && !i.IsBlank).ChildRules(i =>
            i.RuleFor(x => x.SourceQuote).Required()).When(f => f.Scope.SourceQuote.Length == 0).OverridePropertyName(FeeInput.ItemList);
        RuleFor(f => f.Items).Must(items => items.Where(i => !i.Remove && !i.IsBlank).GroupBy(i => i.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(FeeInput.ItemList);
        RuleForEach(f => f.Exemptions).Where(x => !x.Remove && !x.IsBlank).ChildRules(x =>
        {
            x.RuleFor(e => e.Id).Required().Id();
            x.RuleFor(e => e.When).Required().Condition(context);
            x.RuleFor(e => e.ReasonJa).Required();
            x.RuleFor(e => e.SourceQuote).Required();
            x.RuleFor(e => e.SourceDoc).SourceDoc(context);
        }).OverridePropertyName(FeeInput.ExemptionList);
        RuleFor(f => f.StatedTotal).WholeNumber(0, 10_000_000)
            .Must((f, total) => total.Length == 0 || !int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out var t) || t == Sum(f))
            .WithMessage((f, total) => AdminRuleContext.Format(AdminConsoleText.ErrorFeeTotal, total, Sum(f)));
    }

    /// <summary>The sum of the fee's unconditional items that parse.</summary>
    public static int Sum(FeeInput fee) =>
        fee.KeptItems.Where(i => i.When.Length == 0).Sum(i => int.TryParse(i.Amount, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0);
}

public sealed class IdDocumentsValidator : AbstractValidator<IdDocumentsInput>
{
    public IdDocumentsValidator(AdminRuleContext context)
    {
        RuleForEach(d => d.Documents).Where(x => !x.Remove && !x.IsBlank).ChildRules(d =>
        {
            d.RuleFor(x => x.Id).Required().Id();
            d.RuleFor(x => x.Category).Must(c => c is "A" or "B").WithMessage(_ => AdminConsoleText.ErrorCategory);
            d.RuleFor(x => x.NameJa).Required();
            d.RuleFor(x => x.SourceQuote).Required();
            d.RuleFor(x => x.SourceDoc).SourceDoc(context).When(x => x.SourceQuote.Length > 0);
        }).OverridePropertyName(IdDocumentsInput.List);
        RuleFor(d => d.Documents).Must(list => list.Where(x => !x.Remove && !x.IsBlank).GroupBy(x => x.Id).All(g => g.Count() == 1))
            .WithMessage(_ => AdminConsoleText.ErrorDuplicateId).OverridePropertyName(IdDocumentsInput.List);
    }
}

public sealed class IdRuleValidator : AbstractValidator<IdRuleInput>
{
    public IdRuleValidator(AdminRuleContext context, IEnumerable<string> otherIds)
    {
        var others = otherIds.ToHashSet(StringComparer.Ordinal);
        RuleFor(r => r.Id).Required().Id().Must(id => !others.Contains(id)).WithMessage(_ => AdminConsoleText.ErrorDuplicateId);
        RuleFor(r => r.Subject).Must(s => s is IdSubjects.Holder or IdSubjects.Agent).WithMessage(_ => AdminConsoleText.ErrorUnknownValue);
        RuleFor(r => r.Rule).Must(text => text.Length == 0 || IdCombinationRule.TryParse(text, out _, out _))
            .WithMessage((_, text) => IdCombinationRule.TryParse(text, out var parsed, out var error) && parsed is not null ? "" : AdminRuleContext.Format(AdminConsoleText.ErrorIdRule, error ?? ""));
        RuleFor(r => r.NoteJa).Required().When(r => r.Rule.Length == 0).WithMessage(_ => AdminConsoleText.ErrorIdRuleNoteNeeded);
        RuleFor(r => r.Visit).WholeNumber(1, 9);
        RuleFor(r => r.Scope).SetValidator(new ScopeValidator(context)).OverridePropertyName("");
    }
}

public sealed class PublishValidator : AbstractValidator<PublishInput>
{
    public PublishValidator(DateOnly today)
    {
        // The dates the rest of the portal takes (2000-01-01 to 2098-12-31: holidays are computed up to 2099), today or later.
        RuleFor(p => p.EffectiveFrom).Must(d => CounterDay.ParseDate(d) is not null).WithMessage(_ => AdminConsoleText.ErrorDate)
            .Must(d => CounterDay.ParseDate(d) is not { } date || date >= today).WithMessage(_ => AdminConsoleText.ErrorEffectivePast);
        RuleFor(p => p.Comment).MaximumLength(500).WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorTooLong, 500));
    }
}

/// <summary>Rule-file text posted as a whole (a section, an import): present and not too long; its content is then checked by the engine, line by line.</summary>
public sealed class RuleTextValidator : AbstractValidator<string>
{
    public RuleTextValidator()
    {
        RuleFor(t => t).Must(t => t.Trim().Length > 0).WithMessage(_ => AdminConsoleText.ErrorImportEmpty).OverridePropertyName("Text")
            .MaximumLength(RuleFileCheck.MaxLength).WithMessage(_ => AdminRuleContext.Format(AdminConsoleText.ErrorTooLong, RuleFileCheck.MaxLength)).OverridePropertyName("Text");
    }
}
