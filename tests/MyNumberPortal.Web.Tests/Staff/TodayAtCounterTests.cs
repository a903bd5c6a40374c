using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// "Today at the counters" (/staff/{code}/today) over real HTTP, against the 品川区 seed
/// (src/MyNumberPortal.Data/Seed/rules/131091-shinagawa.yaml). The portal's clock says Tuesday 2026-11-24 10:00 JST.
/// </summary>
public class TodayAtCounterTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private async Task<HttpClient> ShinagawaClerkAsync()
    {
        var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.ShinagawaClerk, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static IElement Counter(IDocument page, string id) =>
        page.QuerySelector($"li.staff-counter[data-counter='{id}']") ?? throw new Xunit.Sdk.XunitException($"counter {id} not on the page");

    private static string Hours(IElement counter) => counter.QuerySelector(".staff-counter-hours")!.TextContent.Trim();

    [Fact]
    public async Task Today_lists_Shinagawas_counters_with_the_seeds_Tuesday_hours()
    {
        using var client = await ShinagawaClerkAsync();
        var response = await client.GetAsync("/staff/131091/today");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);

        Assert.Equal("本日の窓口", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("2026年11月24日(火)", page.QuerySelector(".staff-today-date")!.TextContent);
        Assert.Contains("今日", page.QuerySelector(".staff-today-date")!.TextContent);

        // Every counter of the seed is listed, in the seed's order.
        var ids = page.QuerySelectorAll("li.staff-counter").Select(c => c.GetAttribute("data-counter")).ToList();
        Assert.Equal(
            ["kofu-tokusetsu", "city-office-pin", "city-office-pin-agents", "ebara-daiichi", "shinagawa-daiichi", "osaki-daiichi", "oi-daiichi",
             "ebara-daiyon", "yashio", "meguro-service-corner", "ebara-post-office", "city-office-suspension-release", "mynumber-section-abolition"],
            ids.Where(id => id is not null).Take(13).ToList());

        // Tuesday: the later "tue 08:30–19:00" entry overrides the weekday hours where the seed has one.
        var special = Counter(page, "kofu-tokusetsu");
        Assert.Equal("open", special.GetAttribute("data-status"));
        Assert.Equal("8:30~19:00", Hours(special));
        Assert.Contains("品川区役所第二庁舎3階 交付特設会場", special.QuerySelector("h2")!.TextContent);
        Assert.Contains("品川区役所 第二庁舎3階", special.TextContent);
        var rows = special.QuerySelectorAll("table.staff-accepts tbody tr");
        var reissue = Assert.Single(rows);
        Assert.Contains("本人", reissue.TextContent);
        Assert.Contains("法定代理人", reissue.TextContent);
        Assert.Contains("1回目", reissue.TextContent);

        Assert.Equal("8:30~17:00", Hours(Counter(page, "shinagawa-daiichi")));
        Assert.Equal("10:00~16:00", Hours(Counter(page, "ebara-post-office")));
        Assert.Equal("8:30~19:00", Hours(Counter(page, "meguro-service-corner")));

        // Phone as a tel: link.
        var section = Counter(page, "mynumber-section-abolition");
        Assert.Equal("tel:03-5742-6660", section.QuerySelector("a.cl-tel")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_counter_without_published_hours_says_so_and_still_lists_what_it_takes()
    {
        using var client = await ShinagawaClerkAsync();
        var page = await ParseAsync(await client.GetAsync("/staff/131091/today"));
        var counter = Counter(page, "city-office-suspension-release");
        Assert.Equal("hours-not-published", counter.GetAttribute("data-status"));
        Assert.Contains("受付時間は公表されていません", Hours(counter));
        Assert.Contains("一時停止解除", counter.QuerySelector("table.staff-accepts")!.TextContent);
    }

    [Fact]
    public async Task A_public_holiday_shows_the_counters_closed_with_the_reason()
    {
        using var client = await ShinagawaClerkAsync();
        var response = await client.GetAsync("/staff/131091/today?date=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Contains("2026年11月23日(月)", page.QuerySelector(".staff-today-date")!.TextContent);
        Assert.DoesNotContain("今日", page.QuerySelector(".staff-today-date")!.TextContent);

        var special = Counter(page, "kofu-tokusetsu");
        Assert.Equal("closed", special.GetAttribute("data-status"));
        var hours = Hours(special);
        Assert.Contains("この日は休み", hours);
        Assert.Contains("祝日は休み", hours);
        Assert.Contains("勤労感謝の日", hours);
        Assert.Null(special.QuerySelector("table.staff-accepts"));
        Assert.Contains("この日は手続きを受け付けません", special.TextContent);

        Assert.Equal("closed", Counter(page, "ebara-post-office").GetAttribute("data-status"));
        Assert.Equal("hours-not-published", Counter(page, "city-office-suspension-release").GetAttribute("data-status"));
    }

    [Fact]
    public async Task The_maintenance_Sunday_and_a_Saturday_are_closed_with_their_reasons()
    {
        using var client = await ShinagawaClerkAsync();
        // November 2026: the third Saturday is the 21st, so Sunday the 22nd is the maintenance Sunday.
        var sunday = await ParseAsync(await client.GetAsync("/staff/131091/today?date=2026-11-22"));
        Assert.Contains("システムメンテナンス", Hours(Counter(sunday, "kofu-tokusetsu")));

        var saturday = await ParseAsync(await client.GetAsync("/staff/131091/today?date=2026-11-28"));
        Assert.Contains("土曜日は休み", Hours(Counter(saturday, "kofu-tokusetsu")));
        Assert.Contains("この曜日は受付時間がありません", Hours(Counter(saturday, "shinagawa-daiichi")));
    }

    [Fact]
    public async Task The_staff_municipality_page_links_to_today()
    {
        using var client = await ShinagawaClerkAsync();
        var html = await client.GetStringAsync("/staff/131091");
        Assert.Contains("href=\"/staff/131091/today\"", html);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    [InlineData("2026-11-24T00:00")]
    [InlineData("1999-12-31")]
    [InlineData("2099-01-01")]
    [InlineData("")]
    public async Task A_bad_date_answers_400_with_a_message(string date)
    {
        using var client = await ShinagawaClerkAsync();
        var response = await client.GetAsync("/staff/131091/today?date=" + Uri.EscapeDataString(date));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.NotNull(page.QuerySelector(".error-summary"));
        Assert.Contains("2026-11-24", page.QuerySelector("#date-error")!.TextContent);
        Assert.Equal("true", page.QuerySelector("#date")!.GetAttribute("aria-invalid"));
        // Today's list is still shown.
        Assert.Equal("open", Counter(page, "kofu-tokusetsu").GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_clerk_of_Atsugi_is_refused_Shinagawas_page()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.AtsugiClerk, StaffFactory.Password);
        var response = await client.GetAsync("/staff/131091/today");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var forbidden = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.DoesNotContain("交付特設会場", await forbidden.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/142123/today")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync("/staff/131091/today?date=2026-11-23");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in?returnUrl=" + Uri.EscapeDataString("/staff/131091/today?date=2026-11-23"),
            response.Headers.Location!.PathAndQuery());
    }

    [Fact]
    public async Task The_page_is_in_English_when_chosen()
    {
        using var client = await ShinagawaClerkAsync();
        var page = await ParseAsync(await client.GetAsync("/staff/131091/today?lang=en&date=2026-11-23"));
        Assert.Equal("Counters on Mon 23 November 2026", page.QuerySelector("main h1")!.TextContent.Trim()); // another day: its date, not "today"
        var special = Counter(page, "kofu-tokusetsu");
        Assert.Contains("Closed on this day", Hours(special));
        Assert.Contains("Closed on public holidays", Hours(special));
    }
}
