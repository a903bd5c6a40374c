using MyNumberPortal.Rules.Calendar;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Dates and times as the resident pages show them. Computed here, not through cultures, so the output is the
/// same on every server whatever its ICU data or globalization mode.
/// </summary>
public static class DateText
{
    private static readonly string[] JapaneseWeekdays = ["日", "月", "火", "水", "木", "金", "土"];
    private static readonly string[] EnglishWeekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly DateOnly ReiwaStart = new(2019, 5, 1);
    private static readonly DateOnly HeiseiStart = new(1989, 1, 8);

    /// <summary>"2026年11月24日(火)" in Japanese; "Tue 24 November 2026" in English ("en"). Any other language is Japanese.</summary>
    public static string Long(DateOnly date, string language) =>
        IsEnglish(language)
            ? $"{Weekday(date, language)} {Number(date.Day)} {EnglishMonths[date.Month - 1]} {Number(date.Year)}"
            : $"{Number(date.Year)}年{Number(date.Month)}月{Number(date.Day)}日({Weekday(date, language)})";

    /// <summary>
    /// The Japanese era date: "令和8年11月24日" (Reiwa from 2019-05-01), "平成31年4月30日" (Heisei 1989-01-08 to
    /// 2019-04-30); the first year of an era is 元年 (令和元年5月1日). Earlier dates in Western years: "1989年1月7日".
    /// </summary>
    public static string Wareki(DateOnly date)
    {
        var (era, year) = date >= ReiwaStart ? ("令和", date.Year - 2018)
            : date >= HeiseiStart ? ("平成", date.Year - 1988)
            : ("", date.Year);
        var yearText = era.Length == 0 ? Number(year) : era + (year == 1 ? "元" : Number(year));
        return $"{yearText}年{Number(date.Month)}月{Number(date.Day)}日";
    }

    /// <summary>ISO 8601: "2026-11-24".</summary>
    public static string Iso(DateOnly date) => PortalDates.ToIso(date);

    /// <summary>24-hour time without a leading zero on the hour: "8:30", "17:15".</summary>
    public static string Time(TimeOnly time) => $"{Number(time.Hour)}:{Number(time.Minute, 2)}";

    /// <summary>The weekday: "火" in Japanese, "Tue" in English ("en").</summary>
    public static string Weekday(DateOnly date, string language) =>
        (IsEnglish(language) ? EnglishWeekdays : JapaneseWeekdays)[(int)date.DayOfWeek];

    private static bool IsEnglish(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase);

    /// <summary>ASCII digits, zero-padded to a width, independent of any culture's digits or separators.</summary>
    private static string Number(int value, int width = 1)
    {
        Span<char> digits = stackalloc char[11];
        var position = digits.Length;
        var n = Math.Abs((long)value);
        do
        {
            digits[--position] = (char)('0' + (n % 10));
            n /= 10;
        }
        while (n > 0 || digits.Length - position < width);

        return (value < 0 ? "-" : "") + new string(digits[position..]);
    }
}
