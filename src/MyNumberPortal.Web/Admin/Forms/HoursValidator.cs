using System.Globalization;
using FluentValidation;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;
using MyNumberPortal.Web.Staff;

namespace MyNumberPortal.Web.Admin;

public sealed class HoursValidator : AbstractValidator<HoursInput>
{
    public HoursValidator()
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
            h.RuleFor(x => x.SourceDoc).SourceDoc().When(x => x.SourceQuote.Length > 0);
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
