using System.Globalization;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests;

public sealed class DateTextTests
{
    [Theory]
    [InlineData(2026, 11, 24, "2026年11月24日(火)")]
    [InlineData(2026, 1, 4, "2026年1月4日(日)")]
    [InlineData(2025, 12, 29, "2025年12月29日(月)")]
    [InlineData(2024, 2, 29, "2024年2月29日(木)")]
    [InlineData(2019, 5, 1, "2019年5月1日(水)")]
    [InlineData(2000, 1, 1, "2000年1月1日(土)")]
    public void Long_in_Japanese(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.Long(new DateOnly(year, month, day), "ja"));

    [Theory]
    [InlineData(2026, 11, 24, "Tue 24 November 2026")]
    [InlineData(2026, 1, 4, "Sun 4 January 2026")]
    [InlineData(2025, 12, 29, "Mon 29 December 2025")]
    [InlineData(2024, 2, 29, "Thu 29 February 2024")]
    [InlineData(2026, 5, 2, "Sat 2 May 2026")]
    [InlineData(2026, 9, 18, "Fri 18 September 2026")]
    public void Long_in_English(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.Long(new DateOnly(year, month, day), "en"));

    [Fact]
    public void Other_languages_fall_back_to_Japanese()
    {
        var date = new DateOnly(2026, 11, 24);
        Assert.Equal("2026年11月24日(火)", DateText.Long(date, "fr"));
        Assert.Equal("2026年11月24日(火)", DateText.Long(date, ""));
        Assert.Equal("Tue 24 November 2026", DateText.Long(date, "EN"));
        Assert.Equal("火", DateText.Weekday(date, "de"));
    }

    [Theory]
    [InlineData(2026, 11, 24, "令和8年11月24日")]
    [InlineData(2020, 1, 1, "令和2年1月1日")]
    [InlineData(2019, 12, 31, "令和元年12月31日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(2019, 1, 1, "平成31年1月1日")]
    [InlineData(1990, 1, 1, "平成2年1月1日")]
    [InlineData(1989, 12, 31, "平成元年12月31日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1989, 1, 7, "1989年1月7日")]
    [InlineData(1988, 12, 31, "1988年12月31日")]
    [InlineData(2088, 2, 3, "令和70年2月3日")]
    public void Wareki_across_the_era_boundaries(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.Wareki(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(2026, 11, 24, "2026-11-24")]
    [InlineData(2026, 1, 4, "2026-01-04")]
    [InlineData(999, 9, 9, "0999-09-09")]
    [InlineData(1, 1, 1, "0001-01-01")]
    [InlineData(9999, 12, 31, "9999-12-31")]
    public void Iso(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DateText.Iso(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(8, 30, "8:30")]
    [InlineData(17, 15, "17:15")]
    [InlineData(0, 0, "0:00")]
    [InlineData(9, 5, "9:05")]
    [InlineData(12, 0, "12:00")]
    [InlineData(23, 59, "23:59")]
    public void Time_is_24_hour_without_a_leading_zero(int hour, int minute, string expected) =>
        Assert.Equal(expected, DateText.Time(new TimeOnly(hour, minute)));

    [Fact]
    public void Time_ignores_seconds() =>
        Assert.Equal("8:30", DateText.Time(new TimeOnly(8, 30, 59)));

    [Theory]
    [InlineData(2026, 11, 22, "日", "Sun")]
    [InlineData(2026, 11, 23, "月", "Mon")]
    [InlineData(2026, 11, 24, "火", "Tue")]
    [InlineData(2026, 11, 25, "水", "Wed")]
    [InlineData(2026, 11, 26, "木", "Thu")]
    [InlineData(2026, 11, 27, "金", "Fri")]
    [InlineData(2026, 11, 28, "土", "Sat")]
    [InlineData(1989, 1, 7, "土", "Sat")]
    [InlineData(1989, 1, 8, "日", "Sun")]
    public void Weekdays(int year, int month, int day, string japanese, string english)
    {
        var date = new DateOnly(year, month, day);
        Assert.Equal(japanese, DateText.Weekday(date, "ja"));
        Assert.Equal(english, DateText.Weekday(date, "en"));
    }

    [Fact]
    public void The_output_does_not_depend_on_the_current_culture()
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            foreach (var name in new[] { "ar-SA", "th-TH", "fa-IR", "ja-JP", "de-DE", "" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                var date = new DateOnly(2026, 11, 24);
                Assert.Equal("2026年11月24日(火)", DateText.Long(date, "ja"));
                Assert.Equal("Tue 24 November 2026", DateText.Long(date, "en"));
                Assert.Equal("令和8年11月24日", DateText.Wareki(date));
                Assert.Equal("2026-11-24", DateText.Iso(date));
                Assert.Equal("17:15", DateText.Time(new TimeOnly(17, 15)));
            }
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }
}
