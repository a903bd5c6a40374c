using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Calendar;

/// <summary>
/// A counter's compiled opening schedule: weekly hours (later entries override earlier ones on the same day)
/// minus closures (holidays, year-end, the maintenance Sunday, fixed weekdays, nth weekdays, dates).
/// </summary>
public sealed class CounterSchedule
{
    private readonly IReadOnlyList<HoursRule> hours;
    private readonly IReadOnlyList<Func<DateOnly, bool>> closures;

    private CounterSchedule(IReadOnlyList<HoursRule> hours, IReadOnlyList<Func<DateOnly, bool>> closures)
    {
        this.hours = hours;
        this.closures = closures;
    }

    /// <summary>True when the counter publishes weekly hours.</summary>
    public bool HasHours => hours.Count > 0;

    /// <exception cref="FormatException">A day name, time or closure is not valid; the message says which.</exception>
    public static CounterSchedule Compile(CounterDef counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        var hours = counter.Hours.Select(h => HoursRule.From(counter.Id, h)).ToList();
        var closures = counter.Closures.Select(c => CompileClosure(counter.Id, c)).ToList();
        return new CounterSchedule(hours, closures);
    }

    /// <summary>The opening on a date, or null when closed (or when hours are not published).</summary>
    public Opening? OpeningOn(DateOnly date)
    {
        HoursRule? match = null;
        foreach (var rule in hours)
        {
            if (rule.Matches(date))
            {
                match = rule;
            }
        }

        if (match is null || closures.Any(closed => closed(date)))
        {
            return null;
        }

        return new Opening(date, match.Open, match.Close);
    }

    /// <summary>The next <paramref name="count"/> openings from <paramref name="from"/> (inclusive), looking ahead at most <paramref name="horizonDays"/> days.</summary>
    public IReadOnlyList<Opening> NextOpenings(DateOnly from, int count, int horizonDays = 60)
    {
        var result = new List<Opening>(count);
        if (!HasHours)
        {
            return result;
        }

        for (var day = 0; day < horizonDays && result.Count < count; day++)
        {
            if (OpeningOn(from.AddDays(day)) is { } opening)
            {
                result.Add(opening);
            }
        }

        return result;
    }

    /// <summary>The n-th occurrence (1-based) of the date's weekday within its month.</summary>
    public static int WeekOfMonth(DateOnly date) => ((date.Day - 1) / 7) + 1;

    /// <summary>True on the Sunday after the month's third Saturday (national system maintenance).</summary>
    public static bool IsMaintenanceSunday(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Sunday && date.AddDays(-1) is var saturday && saturday.Month == date.Month && WeekOfMonth(saturday) == 3;

    /// <summary>True from 12/29 to 1/3 (or the given MM-dd range, which may wrap over the new year).</summary>
    public static bool IsInRange(DateOnly date, (int Month, int Day) from, (int Month, int Day) to)
    {
        var key = (date.Month * 100) + date.Day;
        var start = (from.Month * 100) + from.Day;
        var end = (to.Month * 100) + to.Day;
        return start <= end ? key >= start && key <= end : key >= start || key <= end;
    }

    internal static DayOfWeek ParseDay(string counterId, string day) => day.Trim().ToLowerInvariant() switch
    {
        "mon" => DayOfWeek.Monday,
        "tue" => DayOfWeek.Tuesday,
        "wed" => DayOfWeek.Wednesday,
        "thu" => DayOfWeek.Thursday,
        "fri" => DayOfWeek.Friday,
        "sat" => DayOfWeek.Saturday,
        "sun" => DayOfWeek.Sunday,
        _ => throw new FormatException($"Counter {counterId}: \"{day}\" is not a day (mon, tue, wed, thu, fri, sat, sun)."),
    };

    private static Func<DateOnly, bool> CompileClosure(string counterId, ClosureDef closure)
    {
        switch (closure.Kind)
        {
            case "national-holidays":
                // Holidays are computed for 1970–2099; outside that range no date is a holiday (callers limit dates).
                return date => JapaneseHolidays.Covers(date) && JapaneseHolidays.IsHoliday(date);
            case "year-end":
                var from = ParseMonthDay(counterId, closure.From ?? "12-29");
                var to = ParseMonthDay(counterId, closure.To ?? "01-03");
                return date => IsInRange(date, from, to);
            case "maintenance-sunday":
                return IsMaintenanceSunday;
            case "weekdays":
                var days = RequireDays(counterId, closure);
                return date => days.Contains(date.DayOfWeek);
            case "nth-weekday":
                var nthDays = RequireDays(counterId, closure);
                var weeks = closure.Weeks.Count > 0 && closure.Weeks.All(w => w is >= 1 and <= 5)
                    ? closure.Weeks.ToHashSet()
                    : throw new FormatException($"Counter {counterId}: an nth-weekday closure needs weeks between 1 and 5.");
                return date => nthDays.Contains(date.DayOfWeek) && weeks.Contains(WeekOfMonth(date));
            case "dates":
                var dates = closure.Dates.Select(d => PortalDates.TryParseIso(d, out var parsed)
                    ? parsed
                    : throw new FormatException($"Counter {counterId}: \"{d}\" is not a date (yyyy-MM-dd).")).ToHashSet();
                return dates.Contains;
            default:
                throw new FormatException($"Counter {counterId}: unknown closure kind \"{closure.Kind}\".");
        }
    }

    private static HashSet<DayOfWeek> RequireDays(string counterId, ClosureDef closure) =>
        closure.Days.Count > 0
            ? closure.Days.Select(d => ParseDay(counterId, d)).ToHashSet()
            : throw new FormatException($"Counter {counterId}: a {closure.Kind} closure needs days.");

    private static (int, int) ParseMonthDay(string counterId, string text) =>
        PortalDates.TryParseMonthDay(text, out var month, out var day)
            ? (month, day)
            : throw new FormatException($"Counter {counterId}: \"{text}\" is not a month and day (MM-dd).");

    private sealed record HoursRule(IReadOnlySet<DayOfWeek> Days, IReadOnlySet<int> Weeks, TimeOnly Open, TimeOnly Close)
    {
        public bool Matches(DateOnly date) =>
            Days.Contains(date.DayOfWeek) && (Weeks.Count == 0 || Weeks.Contains(WeekOfMonth(date)));

        public static HoursRule From(string counterId, OpeningHoursDef def)
        {
            if (def.Days.Count == 0)
            {
                throw new FormatException($"Counter {counterId}: opening hours need at least one day.");
            }

            var open = ParseTime(counterId, def.Open);
            var close = ParseTime(counterId, def.Close);
            if (close <= open)
            {
                throw new FormatException($"Counter {counterId}: opening time {def.Open} must be before closing time {def.Close}.");
            }

            if (def.Weeks.Any(w => w is < 1 or > 5))
            {
                throw new FormatException($"Counter {counterId}: weeks must be between 1 and 5.");
            }

            return new HoursRule(def.Days.Select(d => ParseDay(counterId, d)).ToHashSet(), def.Weeks.ToHashSet(), open, close);
        }

        private static TimeOnly ParseTime(string counterId, string text) =>
            TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t
                : throw new FormatException($"Counter {counterId}: \"{text}\" is not a time (HH:mm).");
    }
}
