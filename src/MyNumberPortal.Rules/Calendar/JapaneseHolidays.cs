namespace MyNumberPortal.Rules.Calendar;

/// <summary>
/// Japanese public holidays (休日) under the 国民の祝日に関する法律 and the special laws for imperial events, for
/// <see cref="MinYear"/>–<see cref="MaxYear"/>: the 国民の祝日 with their historical changes, 振替休日 and 国民の休日.
/// Years outside that range throw <see cref="ArgumentOutOfRangeException"/> rather than guess (the rules before 1970
/// differ, and the equinox formula is only an approximation). Each year is computed once and cached (thread-safe).
/// </summary>
/// <remarks>
/// The vernal and autumnal equinox days are set each February by the National Astronomical Observatory for the
/// following year; for other years they come from the standard approximation formula, so dates far in the future
/// are predictions that a future law or announcement may change.
/// </remarks>
public static class JapaneseHolidays
{
    /// <summary>The first year computed.</summary>
    public const int MinYear = 1970;

    /// <summary>The last year computed.</summary>
    public const int MaxYear = 2099;

    private const string SubstituteHoliday = "振替休日";
    private const string CitizensHoliday = "国民の休日";

    /// <summary>振替休日 exist from the 1973 amendment (in force 1973-04-12).</summary>
    private static readonly DateOnly SubstituteHolidaysFrom = new(1973, 4, 12);

    /// <summary>国民の休日 exist from the 1985 amendment (in force 1985-12-27).</summary>
    private static readonly DateOnly CitizensHolidaysFrom = new(1985, 12, 27);

    /// <summary>The 2005 amendment (in force 2007-01-01) changed both the substitute and the sandwiched-day rules.</summary>
    private const int Amendment2007 = 2007;

    /// <summary>One-off holidays under special laws. The 2019 laws deem their days 国民の祝日 for 振替休日 and 国民の休日;
    /// the earlier ones had no holiday neighbours, so treating them alike changes nothing.</summary>
    private static readonly (DateOnly Date, string Name)[] SpecialDays =
    [
        (new(1989, 2, 24), "昭和天皇の大喪の礼"),
        (new(1990, 11, 12), "即位礼正殿の儀"),
        (new(1993, 6, 9), "皇太子徳仁親王の結婚の儀"),
        (new(2019, 5, 1), "天皇の即位の日"),
        (new(2019, 10, 22), "即位礼正殿の儀"),
    ];

    private static readonly YearTable?[] Cache = new YearTable?[MaxYear - MinYear + 1];

    /// <summary>Whether <paramref name="date"/> is in the years computed (<see cref="MinYear"/>–<see cref="MaxYear"/>).</summary>
    public static bool Covers(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>True when <paramref name="date"/> is a public holiday (国民の祝日, 振替休日, 国民の休日 or a special-law holiday).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static bool IsHoliday(DateOnly date) => NameOf(date) is not null;

    /// <summary>
    /// The holiday's Japanese name (e.g. "元日", "振替休日", "国民の休日"), or null when <paramref name="date"/> is not a holiday.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static string? NameOf(DateOnly date) => TableFor(date.Year, nameof(date)).NameOf(date);

    /// <summary>Every holiday of <paramref name="year"/> with its Japanese name, sorted by date.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="year"/> is outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</exception>
    public static IReadOnlyList<(DateOnly Date, string Name)> InYear(int year) => TableFor(year, nameof(year)).Holidays;

    private static YearTable TableFor(int year, string paramName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(paramName, year, $"Japanese holidays are computed for {MinYear}–{MaxYear} only.");
        }

        ref var slot = ref Cache[year - MinYear];
        if (Volatile.Read(ref slot) is { } cached)
        {
            return cached;
        }

        // Racing threads compute the same table; the first one stored wins.
        var computed = Compute(year);
        return Interlocked.CompareExchange(ref slot, computed, null) ?? computed;
    }

    private static YearTable Compute(int year)
    {
        var national = NationalHolidays(year);
        var all = new SortedDictionary<DateOnly, string>(national);
        AddSubstituteHolidays(national, all);
        AddCitizensHolidays(national, all);
        return new YearTable(year, all);
    }

    /// <summary>The 国民の祝日 of the year (Article 2), plus the special-law days.</summary>
    private static SortedDictionary<DateOnly, string> NationalHolidays(int year)
    {
        var days = new SortedDictionary<DateOnly, string>();
        void Add(DateOnly? date, string name)
        {
            if (date is { } day)
            {
                days.Add(day, name);
            }
        }

        Add(new(year, 1, 1), "元日");
        Add(ComingOfAgeDay(year), "成人の日");
        Add(new(year, 2, 11), "建国記念の日");
        Add(EmperorsBirthday(year), "天皇誕生日");
        Add(new(year, 3, VernalEquinoxDay(year)), "春分の日");
        Add(year is >= 1989 and < Amendment2007 ? new(year, 4, 29) : null, "みどりの日");
        Add(year >= Amendment2007 ? new(year, 4, 29) : null, "昭和の日");
        Add(new(year, 5, 3), "憲法記念日");
        Add(year >= Amendment2007 ? new(year, 5, 4) : null, "みどりの日");
        Add(new(year, 5, 5), "こどもの日");
        Add(MarineDay(year), "海の日");
        Add(MountainDay(year), "山の日");
        Add(RespectForTheAgedDay(year), "敬老の日");
        Add(new(year, 9, AutumnalEquinoxDay(year)), "秋分の日");
        Add(SportsDay(year), year >= 2020 ? "スポーツの日" : "体育の日");
        Add(new(year, 11, 3), "文化の日");
        Add(new(year, 11, 23), "勤労感謝の日");
        foreach (var (date, name) in SpecialDays.Where(d => d.Date.Year == year))
        {
            Add(date, name);
        }

        return days;
    }

    /// <summary>1/15; the second Monday of January from 2000 (Happy Monday).</summary>
    private static DateOnly ComingOfAgeDay(int year) => year >= 2000 ? NthMonday(year, 1, 2) : new(year, 1, 15);

    /// <summary>4/29 (Shōwa) until 1988, 12/23 (Heisei) 1989–2018, none in 2019, 2/23 (Reiwa) from 2020.</summary>
    private static DateOnly? EmperorsBirthday(int year) => year switch
    {
        <= 1988 => new(year, 4, 29),
        <= 2018 => new(year, 12, 23),
        2019 => null,
        _ => new(year, 2, 23),
    };

    /// <summary>From 1996: 7/20; the third Monday of July from 2003; moved for the Tokyo Olympics in 2020 and 2021.</summary>
    private static DateOnly? MarineDay(int year) => year switch
    {
        < 1996 => null,
        < 2003 => new(year, 7, 20),
        2020 => new(year, 7, 23),
        2021 => new(year, 7, 22),
        _ => NthMonday(year, 7, 3),
    };

    /// <summary>From 2016: 8/11; moved for the Tokyo Olympics in 2020 and 2021.</summary>
    private static DateOnly? MountainDay(int year) => year switch
    {
        < 2016 => null,
        2020 => new(year, 8, 10),
        2021 => new(year, 8, 8),
        _ => new(year, 8, 11),
    };

    /// <summary>9/15; the third Monday of September from 2003.</summary>
    private static DateOnly RespectForTheAgedDay(int year) => year >= 2003 ? NthMonday(year, 9, 3) : new(year, 9, 15);

    /// <summary>体育の日 10/10; the second Monday of October from 2000; スポーツの日 from 2020, moved for the Olympics in 2020 and 2021.</summary>
    private static DateOnly SportsDay(int year) => year switch
    {
        < 2000 => new(year, 10, 10),
        2020 => new(year, 7, 24),
        2021 => new(year, 7, 23),
        _ => NthMonday(year, 10, 2),
    };

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + (7 * (n - 1)));
    }

    /// <summary>Day of March of the vernal equinox, by the standard approximation formula.</summary>
    private static int VernalEquinoxDay(int year) => EquinoxDay(year, year < 1980 ? 20.8357 : 20.8431);

    /// <summary>Day of September of the autumnal equinox, by the standard approximation formula.</summary>
    private static int AutumnalEquinoxDay(int year) => EquinoxDay(year, year < 1980 ? 23.2588 : 23.2488);

    /// <summary>
    /// INT(base + 0.242194 (Y − 1980) − INT((Y − L) / 4)), with L = 1983 before 1980 and 1980 from then on. INT truncates
    /// toward zero, as in the formula's source; for 1970–1979 the inner term is negative and flooring it would be a day late.
    /// </summary>
    private static int EquinoxDay(int year, double baseDay)
    {
        var leapYearBase = year < 1980 ? 1983 : 1980;
        var leapDays = (year - leapYearBase) / 4;
        return (int)(baseDay + (0.242194 * (year - 1980)) - leapDays);
    }

    /// <summary>
    /// Article 3(2): a 国民の祝日 on a Sunday makes the next day a holiday (from 1973-04-12); from 2007, the nearest
    /// following day that is not a 国民の祝日.
    /// </summary>
    private static void AddSubstituteHolidays(SortedDictionary<DateOnly, string> national, SortedDictionary<DateOnly, string> all)
    {
        foreach (var date in national.Keys.Where(d => d.DayOfWeek == DayOfWeek.Sunday && d >= SubstituteHolidaysFrom))
        {
            var substitute = date.AddDays(1);
            while (date.Year >= Amendment2007 && national.ContainsKey(substitute))
            {
                substitute = substitute.AddDays(1);
            }

            all.TryAdd(substitute, SubstituteHoliday);
        }
    }

    /// <summary>
    /// Article 3(3): a day that is not a 国民の祝日 but falls between two is a holiday (from 1985-12-27); before 2007,
    /// not when it is a Sunday or already a 振替休日.
    /// </summary>
    private static void AddCitizensHolidays(SortedDictionary<DateOnly, string> national, SortedDictionary<DateOnly, string> all)
    {
        foreach (var date in national.Keys)
        {
            var between = date.AddDays(1);
            var sundayExcluded = between.Year < Amendment2007 && between.DayOfWeek == DayOfWeek.Sunday;
            if (between >= CitizensHolidaysFrom && !sundayExcluded && !national.ContainsKey(between) && national.ContainsKey(between.AddDays(1)))
            {
                all.TryAdd(between, CitizensHoliday);
            }
        }
    }

    /// <summary>One year's holidays: a sorted list and a by-day-of-year lookup.</summary>
    private sealed class YearTable
    {
        private readonly string?[] namesByDayOfYear = new string?[366];

        public YearTable(int year, SortedDictionary<DateOnly, string> holidays)
        {
            var list = holidays.Where(h => h.Key.Year == year).Select(h => (h.Key, h.Value)).ToArray();
            foreach (var (date, name) in list)
            {
                namesByDayOfYear[date.DayOfYear - 1] = name;
            }

            Holidays = Array.AsReadOnly(list);
        }

        public IReadOnlyList<(DateOnly Date, string Name)> Holidays { get; }

        public string? NameOf(DateOnly date) => namesByDayOfYear[date.DayOfYear - 1];
    }
}
