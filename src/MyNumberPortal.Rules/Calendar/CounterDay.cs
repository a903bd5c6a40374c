using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Calendar;

/// <summary>Whether a counter is open on a day.</summary>
public enum CounterDayStatus
{
    /// <summary>Open: <see cref="CounterDay.Opening"/> gives the hours.</summary>
    Open,

    /// <summary>Closed: <see cref="CounterDay.Closures"/> says why (empty: no hours on that weekday).</summary>
    Closed,

    /// <summary>The municipality's page publishes no hours for this counter.</summary>
    HoursNotPublished,
}

/// <summary>A closure that applies on the day: its kind, the rule's reason (if any) and the holiday's name for a holiday.</summary>
public sealed record CounterDayClosure(string Kind, LocalText? Reason, string? HolidayName);

/// <summary>One case a counter takes: procedures × applicant kinds (all of them when the rule lists none), which visits, and whether a condition on the answers applies.</summary>
public sealed record CounterDayAcceptance(IReadOnlyList<string> Procedures, IReadOnlyList<string> Applicants, IReadOnlyList<int> Visits, bool DependsOnAnswers);

/// <summary>
/// "Today at this counter" for one counter and one day: the opening (or why it is closed, or that no hours are
/// published) and the cases it takes (the clerks' "today at the counters"). Pure: computed from the compiled rules and the date only.
/// </summary>
public sealed record CounterDay(
    CounterDef Counter,
    DateOnly Date,
    CounterDayStatus Status,
    Opening? Opening,
    IReadOnlyList<CounterDayClosure> Closures,
    IReadOnlyList<CounterDayAcceptance> Accepts)
{
    /// <summary>Whether the counter takes cases on the day (open, or hours not published: the clerk should call).</summary>
    public bool MayTakeCases => Status != CounterDayStatus.Closed;

    /// <summary>Every counter of the rule set on <paramref name="date"/>, in the rules' order.</summary>
    public static IReadOnlyList<CounterDay> ForAll(CompiledRuleSet rules, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return rules.Counters.Select(c => For(c, date)).ToList();
    }

    public static CounterDay For(CompiledCounter counter, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var accepts = counter.Accepts.Select(a => new CounterDayAcceptance(
            Order(a.Procedures, Procedures.All),
            Order(a.Applicants, Applicants.All),
            a.Element.Visits.Order().ToList(),
            !string.IsNullOrWhiteSpace(a.Element.When))).ToList();

        if (!counter.Schedule.HasHours)
        {
            return new CounterDay(counter.Definition, date, CounterDayStatus.HoursNotPublished, null, [], accepts);
        }

        if (counter.Schedule.OpeningOn(date) is { } opening)
        {
            return new CounterDay(counter.Definition, date, CounterDayStatus.Open, opening, [], accepts);
        }

        return new CounterDay(counter.Definition, date, CounterDayStatus.Closed, null, ClosuresOn(counter.Definition, date), accepts);
    }

    /// <summary>
    /// The closures that apply on the date, each tried alone with the engine's own schedule (open every day, minus that
    /// closure), so the reasons agree with <see cref="CounterSchedule.OpeningOn"/>. A closure that matches a day without
    /// hours is still given (the rules' "closed on Saturdays"). Empty when the counter simply has no hours that day.
    /// </summary>
    private static List<CounterDayClosure> ClosuresOn(CounterDef counter, DateOnly date)
    {
        var result = new List<CounterDayClosure>();
        foreach (var closure in counter.Closures)
        {
            var alone = CounterSchedule.Compile(new CounterDef { Id = counter.Id, Hours = [EveryDay], Closures = [closure] });
            if (alone.OpeningOn(date) is null)
            {
                var holiday = closure.Kind == "national-holidays" && JapaneseHolidays.Covers(date) ? JapaneseHolidays.NameOf(date) : null;
                result.Add(new CounterDayClosure(closure.Kind, closure.Reason, holiday));
            }
        }

        return result;
    }

    private static readonly OpeningHoursDef EveryDay = new()
    {
        Days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
        Open = "00:00",
        Close = "23:59",
    };

    /// <summary>The listed ids in the vocabulary's order (all of them when none are listed); unknown ids last.</summary>
    private static List<string> Order(IReadOnlySet<string> listed, IReadOnlyList<string> all) =>
        listed.Count == 0
            ? all.ToList()
            : all.Where(listed.Contains).Concat(listed.Where(id => !all.Contains(id)).Order(StringComparer.Ordinal)).ToList();
}
