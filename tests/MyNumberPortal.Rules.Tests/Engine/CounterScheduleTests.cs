using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Engine;

public sealed class CounterScheduleTests
{
    private static CounterSchedule Schedule(List<OpeningHoursDef> hours, params ClosureDef[] closures) =>
        CounterSchedule.Compile(new CounterDef { Id = "c", Hours = hours, Closures = [.. closures] });

    private static readonly List<OpeningHoursDef> WeekdaysWithLateTuesdayAndSunday =
    [
        new() { Days = ["mon", "tue", "wed", "thu", "fri"], Open = "08:30", Close = "17:00" },
        new() { Days = ["tue"], Open = "08:30", Close = "19:00" },
        new() { Days = ["sun"], Open = "10:00", Close = "15:00" },
    ];

    [Fact]
    public void Later_entries_override_earlier_ones_on_the_same_day()
    {
        var s = Schedule(WeekdaysWithLateTuesdayAndSunday);
        Assert.Equal(new TimeOnly(19, 0), s.OpeningOn(new DateOnly(2026, 11, 24))!.Close); // Tuesday
        Assert.Equal(new TimeOnly(17, 0), s.OpeningOn(new DateOnly(2026, 11, 25))!.Close); // Wednesday
        Assert.Null(s.OpeningOn(new DateOnly(2026, 11, 28))); // Saturday: no hours
    }

    [Fact]
    public void The_Sunday_after_the_third_Saturday_is_closed_even_when_it_is_the_fourth_Sunday()
    {
        var s = Schedule(WeekdaysWithLateTuesdayAndSunday, new ClosureDef { Kind = "maintenance-sunday" });
        // November 2026: Saturdays 7, 14, 21 → Sunday 22 is the maintenance day (the 4th Sunday).
        Assert.Null(s.OpeningOn(new DateOnly(2026, 11, 22)));
        Assert.NotNull(s.OpeningOn(new DateOnly(2026, 11, 15)));
        // February 2026 starts on a Sunday: 3rd Saturday is the 21st, so the 22nd (4th Sunday) is closed and the 15th (3rd Sunday) open.
        Assert.Null(s.OpeningOn(new DateOnly(2026, 2, 22)));
        Assert.NotNull(s.OpeningOn(new DateOnly(2026, 2, 15)));
    }

    [Fact]
    public void Third_Sunday_closure_is_not_the_maintenance_Sunday()
    {
        var s = Schedule(WeekdaysWithLateTuesdayAndSunday, new ClosureDef { Kind = "nth-weekday", Days = ["sun"], Weeks = [3] });
        Assert.Null(s.OpeningOn(new DateOnly(2026, 2, 15)));
        Assert.NotNull(s.OpeningOn(new DateOnly(2026, 2, 22)));
    }

    [Fact]
    public void Year_end_closes_12_29_to_1_3()
    {
        var s = Schedule(WeekdaysWithLateTuesdayAndSunday, new ClosureDef { Kind = "year-end" });
        Assert.NotNull(s.OpeningOn(new DateOnly(2026, 12, 28)));
        Assert.Null(s.OpeningOn(new DateOnly(2026, 12, 29)));
        Assert.Null(s.OpeningOn(new DateOnly(2027, 1, 3)));
        var next = s.NextOpenings(new DateOnly(2026, 12, 29), 1);
        Assert.Equal(new DateOnly(2027, 1, 4), Assert.Single(next).Date);
    }

    [Fact]
    public void Holidays_close_a_counter_only_when_listed()
    {
        var saturdays = new List<OpeningHoursDef> { new() { Days = ["sat"], Open = "08:30", Close = "12:00" } };
        var saturdayHoliday = new DateOnly(2028, 4, 29); // 昭和の日 on a Saturday: no substitute holiday
        Assert.True(JapaneseHolidays.IsHoliday(saturdayHoliday));
        Assert.Equal(DayOfWeek.Saturday, saturdayHoliday.DayOfWeek);
        Assert.Null(Schedule(saturdays, new ClosureDef { Kind = "national-holidays" }).OpeningOn(saturdayHoliday));
        Assert.NotNull(Schedule(saturdays).OpeningOn(saturdayHoliday));
    }

    [Fact]
    public void Second_and_fourth_Saturdays_only()
    {
        var s = Schedule([
            new() { Days = ["sat"], Open = "09:30", Close = "16:45" },
            new() { Days = ["sat"], Weeks = [2, 4], Open = "09:30", Close = "17:45" },
        ]);
        Assert.Equal(new TimeOnly(16, 45), s.OpeningOn(new DateOnly(2026, 11, 7))!.Close);
        Assert.Equal(new TimeOnly(17, 45), s.OpeningOn(new DateOnly(2026, 11, 14))!.Close);
        Assert.Equal(new TimeOnly(16, 45), s.OpeningOn(new DateOnly(2026, 11, 21))!.Close);
        Assert.Equal(new TimeOnly(17, 45), s.OpeningOn(new DateOnly(2026, 11, 28))!.Close);
    }

    [Fact]
    public void Next_openings_skip_closures()
    {
        var s = Schedule(WeekdaysWithLateTuesdayAndSunday, new ClosureDef { Kind = "national-holidays" }, new ClosureDef { Kind = "maintenance-sunday" });
        // Sat 2026-11-21 → Sun 22 maintenance, Mon 23 勤労感謝の日, so Tue 24, Wed 25, Thu 26.
        var next = s.NextOpenings(new DateOnly(2026, 11, 21), 3);
        Assert.Equal([new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], next.Select(o => o.Date));
        Assert.Equal(new Opening(new DateOnly(2026, 11, 24), new TimeOnly(8, 30), new TimeOnly(19, 0)), next[0]);
    }

    [Fact]
    public void No_hours_means_no_openings()
    {
        var s = Schedule([], new ClosureDef { Kind = "national-holidays" });
        Assert.False(s.HasHours);
        Assert.Empty(s.NextOpenings(new DateOnly(2026, 11, 24), 3));
    }

    [Theory]
    [InlineData("mon", "17:00", "08:30")]
    [InlineData("mon", "8:30", "17:00")]
    [InlineData("monday", "08:30", "17:00")]
    public void Rejects_bad_hours(string day, string open, string close) =>
        Assert.Throws<FormatException>(() => Schedule([new() { Days = [day], Open = open, Close = close }]));

    [Fact]
    public void Rejects_unknown_closures() =>
        Assert.Throws<FormatException>(() => Schedule([], new ClosureDef { Kind = "full-moon" }));
}
