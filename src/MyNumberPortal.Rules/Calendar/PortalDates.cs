using System.Globalization;

namespace MyNumberPortal.Rules.Calendar;

/// <summary>
/// The portal's dates: the range it answers for (<see cref="Min"/>–<see cref="Max"/>) and the one way it reads and
/// writes a date, ISO 8601 <c>yyyy-MM-dd</c> (a <c>?date=</c> parameter, an effective date, a closure date, a page's
/// "updated" date). Culture-independent: the same on every server whatever its ICU data or globalization mode.
/// </summary>
public static class PortalDates
{
    /// <summary>The first date the portal answers for.</summary>
    public static readonly DateOnly Min = new(2000, 1, 1);

    /// <summary>
    /// The last date the portal answers for: the end of the last year but one that <see cref="JapaneseHolidays"/>
    /// computes, so that a counter's next openings (looking up to 60 days ahead) never leave the computed years.
    /// </summary>
    public static readonly DateOnly Max = new(2098, 12, 31);

    /// <summary>Whether the portal answers for <paramref name="date"/>.</summary>
    public static bool InRange(DateOnly date) => date >= Min && date <= Max;

    /// <summary>
    /// Reads an ISO date: exactly <c>yyyy-MM-dd</c> (ten characters, ASCII digits, no spaces), a real calendar date.
    /// Any year; see <see cref="ParseInRange"/> for a date the portal answers for.
    /// </summary>
    public static bool TryParseIso(string? text, out DateOnly date)
    {
        date = default;
        if (text is not { Length: 10 } || text[4] != '-' || text[7] != '-'
            || !TryDigits(text.AsSpan(0, 4), out var year) || !TryDigits(text.AsSpan(5, 2), out var month) || !TryDigits(text.AsSpan(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>An ISO date (<see cref="TryParseIso"/>), or null when the text is missing or not one.</summary>
    public static DateOnly? ParseIso(string? text) => TryParseIso(text, out var date) ? date : null;

    /// <summary>An ISO date within <see cref="Min"/>–<see cref="Max"/> (a <c>?date=</c> parameter, an effective date); null otherwise.</summary>
    public static DateOnly? ParseInRange(string? text) => TryParseIso(text, out var date) && InRange(date) ? date : null;

    /// <summary>
    /// Reads a yearly date <c>MM-dd</c> (e.g. the year-end closure's <c>12-29</c>); 02-29 is allowed (it matches in leap years).
    /// </summary>
    public static bool TryParseMonthDay(string? text, out int month, out int day)
    {
        // Read within a leap year, so that 02-29 reads.
        (month, day) = (0, 0);
        if (text is not { Length: 5 } || !TryParseIso("2000-" + text, out var date))
        {
            return false;
        }

        (month, day) = (date.Month, date.Day);
        return true;
    }

    /// <summary>ISO 8601: "2026-11-24".</summary>
    public static string ToIso(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}-{date.Month:D2}-{date.Day:D2}");

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
