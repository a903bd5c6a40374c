using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using MyNumberPortal.Rules.Calendar;

namespace MyNumberPortal.Rules.Tests.Calendar;

public sealed partial class JapaneseHolidaysTests
{
    private static readonly DateOnly DataFrom = new(1970, 1, 1);
    private static readonly DateOnly DataTo = new(2050, 12, 31);

    private const string DataFile = "tests/tools/node_modules/@holiday-jp/holiday_jp/lib/holidays.js";

    [Fact]
    public void IsHoliday_agrees_with_holiday_jp_on_every_day_from_1970_to_2050()
    {
        var expected = HolidayJpData();
        var mismatches = new List<string>();
        for (var date = DataFrom; date <= DataTo; date = date.AddDays(1))
        {
            var theirs = expected.GetValueOrDefault(date);
            if (JapaneseHolidays.IsHoliday(date) != (theirs is not null))
            {
                mismatches.Add($"{date:yyyy-MM-dd} ({date.DayOfWeek}): ours {JapaneseHolidays.NameOf(date) ?? "-"}, holiday_jp {theirs ?? "-"}");
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} days differ from holiday_jp; first ones:\n{string.Join("\n", mismatches.Take(20))}");
    }

    [Fact]
    public void Names_agree_with_holiday_jp_after_mapping_its_labels()
    {
        var mismatches = HolidayJpData()
            .Where(h => h.Key >= DataFrom && h.Key <= DataTo)
            .Select(h => (Date: h.Key, Theirs: h.Value, Expected: OurNameFor(h.Key, h.Value), Ours: JapaneseHolidays.NameOf(h.Key)))
            .Where(h => h.Expected != h.Ours)
            .Select(h => $"{h.Date:yyyy-MM-dd}: ours {h.Ours ?? "-"}, holiday_jp {h.Theirs} (expected {h.Expected})")
            .ToList();

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} names differ; first ones:\n{string.Join("\n", mismatches.Take(20))}");
    }

    [Theory]
    [InlineData("1973-04-30", "振替休日")] // the first substitute holiday (天皇誕生日 on a Sunday)
    [InlineData("1987-05-04", "振替休日")] // 憲法記念日 on a Sunday
    [InlineData("1988-05-04", "国民の休日")] // the first day sandwiched between two holidays
    [InlineData("1989-02-24", "昭和天皇の大喪の礼")]
    [InlineData("1989-04-29", "みどりの日")]
    [InlineData("1990-11-12", "即位礼正殿の儀")]
    [InlineData("1993-06-09", "皇太子徳仁親王の結婚の儀")]
    [InlineData("1999-01-15", "成人の日")]
    [InlineData("2000-01-10", "成人の日")] // Happy Monday: second Monday
    [InlineData("2006-04-29", "みどりの日")]
    [InlineData("2007-04-29", "昭和の日")]
    [InlineData("2007-05-04", "みどりの日")]
    [InlineData("2008-05-06", "振替休日")] // 2007 rule: 5/4 Sunday moves past 5/5 to 5/6
    [InlineData("2009-09-22", "国民の休日")]
    [InlineData("2016-08-11", "山の日")]
    [InlineData("2018-12-23", "天皇誕生日")]
    [InlineData("2019-04-30", "国民の休日")]
    [InlineData("2019-05-01", "天皇の即位の日")]
    [InlineData("2019-05-02", "国民の休日")]
    [InlineData("2019-10-14", "体育の日")]
    [InlineData("2019-10-22", "即位礼正殿の儀")]
    [InlineData("2020-02-23", "天皇誕生日")]
    [InlineData("2020-07-23", "海の日")]
    [InlineData("2020-07-24", "スポーツの日")]
    [InlineData("2020-08-10", "山の日")]
    [InlineData("2021-07-22", "海の日")]
    [InlineData("2021-07-23", "スポーツの日")]
    [InlineData("2021-08-08", "山の日")]
    [InlineData("2021-08-09", "振替休日")]
    [InlineData("2022-10-10", "スポーツの日")]
    [InlineData("2023-01-02", "振替休日")]
    [InlineData("2024-02-12", "振替休日")]
    [InlineData("2026-09-22", "国民の休日")] // between 敬老の日 9/21 and 秋分の日 9/23
    [InlineData("2026-09-23", "秋分の日")]
    public void Known_holidays(string iso, string name)
    {
        var date = Parse(iso);
        Assert.True(JapaneseHolidays.IsHoliday(date));
        Assert.Equal(name, JapaneseHolidays.NameOf(date));
    }

    [Theory]
    [InlineData("1970-05-04")] // 憲法記念日 on a Sunday before 振替休日 existed
    [InlineData("1986-05-04")] // sandwiched but a Sunday: not a 国民の休日 before 2007
    [InlineData("2015-08-11")] // before 山の日
    [InlineData("2019-12-23")] // no 天皇誕生日 in 2019
    [InlineData("2020-10-12")] // スポーツの日 moved to 7/24
    [InlineData("2021-08-11")] // 山の日 moved to 8/8
    [InlineData("2022-01-03")] // 元日 on a Saturday gets no substitute
    [InlineData("2026-12-31")]
    public void Known_non_holidays(string iso)
    {
        var date = Parse(iso);
        Assert.False(JapaneseHolidays.IsHoliday(date));
        Assert.Null(JapaneseHolidays.NameOf(date));
    }

    [Fact]
    public void A_Saturday_holiday_gets_no_substitute()
    {
        var newYear = new DateOnly(2022, 1, 1);
        Assert.Equal(DayOfWeek.Saturday, newYear.DayOfWeek);
        Assert.Equal("元日", JapaneseHolidays.NameOf(newYear));
        Assert.DoesNotContain(JapaneseHolidays.InYear(2022), h => h.Name == "振替休日" && h.Date.Month == 1);
    }

    [Fact]
    public void InYear_is_sorted_complete_and_consistent_for_every_supported_year()
    {
        for (var year = JapaneseHolidays.MinYear; year <= JapaneseHolidays.MaxYear; year++)
        {
            var holidays = JapaneseHolidays.InYear(year);
            Assert.All(holidays.Zip(holidays.Skip(1)), pair => Assert.True(pair.First.Date < pair.Second.Date, $"{year}: {pair.First.Date} before {pair.Second.Date}"));
            Assert.All(holidays, h => Assert.Equal(year, h.Date.Year));
            Assert.All(holidays, h => Assert.Equal(h.Name, JapaneseHolidays.NameOf(h.Date)));
            Assert.Equal(holidays.Count, DaysOf(year).Count(JapaneseHolidays.IsHoliday));
            Assert.Contains(holidays, h => h.Name == "春分の日" && h.Date.Month == 3 && h.Date.Day is >= 19 and <= 22);
            Assert.Contains(holidays, h => h.Name == "秋分の日" && h.Date.Month == 9 && h.Date.Day is >= 21 and <= 24);
        }
    }

    [Fact]
    public void InYear_lists_2019_in_order()
    {
        var names = JapaneseHolidays.InYear(2019).Select(h => $"{h.Date:MM-dd} {h.Name}");
        Assert.Equal(
            [
                "01-01 元日", "01-14 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 昭和の日", "04-30 国民の休日",
                "05-01 天皇の即位の日", "05-02 国民の休日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日",
                "07-15 海の日", "08-11 山の日", "08-12 振替休日", "09-16 敬老の日", "09-23 秋分の日", "10-14 体育の日",
                "10-22 即位礼正殿の儀", "11-03 文化の日", "11-04 振替休日", "11-23 勤労感謝の日",
            ],
            names);
    }

    [Fact]
    public void The_list_cannot_be_modified_through_a_cast()
    {
        var holidays = JapaneseHolidays.InYear(2026);
        Assert.Throws<NotSupportedException>(() => ((IList<(DateOnly, string)>)holidays)[0] = (new DateOnly(2026, 1, 2), "x"));
    }

    [Fact]
    public void Concurrent_callers_see_the_same_answers()
    {
        var answers = new int[JapaneseHolidays.MaxYear - JapaneseHolidays.MinYear + 1];
        Parallel.For(JapaneseHolidays.MinYear, JapaneseHolidays.MaxYear + 1, year =>
            answers[year - JapaneseHolidays.MinYear] = DaysOf(year).Count(JapaneseHolidays.IsHoliday));

        Assert.All(Enumerable.Range(JapaneseHolidays.MinYear, answers.Length), year =>
            Assert.Equal(JapaneseHolidays.InYear(year).Count, answers[year - JapaneseHolidays.MinYear]));
    }

    [Fact]
    public void Years_outside_1970_to_2099_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.IsHoliday(new DateOnly(1969, 12, 31)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.NameOf(new DateOnly(2100, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseHolidays.InYear(2100));
        Assert.Equal("元日", JapaneseHolidays.NameOf(new DateOnly(1970, 1, 1)));
        Assert.Equal("勤労感謝の日", JapaneseHolidays.NameOf(new DateOnly(2099, 11, 23)));
    }

    /// <summary>holiday_jp labels substitutes "X 振替休日" and 国民の休日 "休日"; map them (and its short names) to ours.</summary>
    private static string OurNameFor(DateOnly date, string theirs) => theirs switch
    {
        _ when theirs.EndsWith(" 振替休日", StringComparison.Ordinal) => "振替休日",
        "休日" => "国民の休日",
        "休日（祝日扱い）" => date.Month == 5 ? "天皇の即位の日" : "即位礼正殿の儀",
        "体育の日（スポーツの日）" => "体育の日",
        "大喪の礼" => "昭和天皇の大喪の礼",
        "結婚の儀" => "皇太子徳仁親王の結婚の儀",
        _ => theirs,
    };

    private static IEnumerable<DateOnly> DaysOf(int year) =>
        Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(d => new DateOnly(year, 1, 1).AddDays(d));

    private static DateOnly Parse(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Date → name from the npm package @holiday-jp/holiday_jp (lib/holidays.js), installed by tests/run.sh.</summary>
    private static Dictionary<DateOnly, string> HolidayJpData()
    {
        var root = RepositoryRoot();
        var path = Path.Combine(root, DataFile);
        Assert.True(File.Exists(path), $"Holiday test data not found at {path}. Run `bash tests/run.sh` (it installs the npm package @holiday-jp/holiday_jp into tests/tools).");

        var data = HolidayEntry().Matches(File.ReadAllText(path))
            .ToDictionary(m => Parse(m.Groups["date"].Value), m => m.Groups["name"].Value);
        Assert.True(
            data.Count > 1000 && data.Keys.Min().Year == DataFrom.Year && data.Keys.Max().Year >= DataTo.Year,
            $"{path} does not look like holiday_jp data for {DataFrom.Year}–{DataTo.Year} ({data.Count} entries). Reinstall it with `bash tests/run.sh`.");
        return data;
    }

    /// <summary>The directory holding MyNumberPortal.sln, found from the test binaries (or, when they are built elsewhere, from this source file).</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        var root = FindUp(AppContext.BaseDirectory) ?? FindUp(Path.GetDirectoryName(sourceFile));
        Assert.True(root is not null, $"MyNumberPortal.sln not found above {AppContext.BaseDirectory}; run the tests from the repository with `bash tests/run.sh`.");
        return root!;
    }

    private static string? FindUp(string? start)
    {
        for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MyNumberPortal.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    [GeneratedRegex(@"date:\s*""(?<date>\d{4}-\d{2}-\d{2})""[^}]*?name:\s*""(?<name>[^""]*)""")]
    private static partial Regex HolidayEntry();
}
