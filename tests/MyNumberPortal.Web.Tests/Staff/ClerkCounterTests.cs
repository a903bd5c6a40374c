using System.Net;
using MyNumberPortal.Rules.Model;
using static MyNumberPortal.Web.Tests.Staff.CounterForm;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// Issue 15 item 4 over HTTP: the clerk picks the counter they sit at once (remembered in a cookie); the check warns when
/// that counter does not take the case and names those that do; "today" says the date it shows.
/// </summary>
public class ClerkCounterTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Shinagawa = "131091";

    [Fact]
    public async Task A_counter_that_does_not_take_the_case_is_warned_about_and_the_ones_that_do_are_named()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent);
        var start = Parse(await client.GetStringAsync(url));
        Assert.Null(start.QuerySelector(".counter-seat-warning"));
        Assert.Contains(start.QuerySelectorAll("#seat-select option"), o => o.GetAttribute("value") == "ebara-daiichi");

        // 荏原第一地域センター takes PIN resets by the holder only.
        var chosen = Parse(await client.GetStringAsync(url + "&counter=ebara-daiichi"));
        var warning = chosen.QuerySelector(".counter-seat-warning")?.TextContent ?? "";
        Assert.Contains("この窓口(荏原第一地域センター)では、この手続きを受け付けていません", warning);
        Assert.Contains("目黒行政サービスコーナー", warning);
        Assert.Contains("品川区役所 本庁舎3階戸籍住民課・第2庁舎3階特設会場", warning);
        Assert.DoesNotContain("品川第一地域センター", warning);

        // Remembered: the next case opened without choosing again is checked against the same counter.
        var again = Parse(await client.GetStringAsync(url));
        Assert.Equal("ebara-daiichi", again.QuerySelector("#seat-select option[selected]")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector(".counter-seat-warning"));
        // The holder's own PIN reset is taken there: no warning.
        var self = Parse(await client.GetStringAsync(CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.Self)));
        Assert.Null(self.QuerySelector(".counter-seat-warning"));

        // A counter that takes it: no warning. "none" forgets the choice.
        Assert.Null(Parse(await client.GetStringAsync(url + "&counter=meguro-service-corner")).QuerySelector(".counter-seat-warning"));
        Assert.Null(Parse(await client.GetStringAsync(url + "&counter=none")).QuerySelector(".counter-seat-warning"));
        Assert.Equal("none", Parse(await client.GetStringAsync(url)).QuerySelector("#seat-select option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task The_counter_choice_keeps_the_case_and_an_unknown_counter_is_ignored()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.Reissue, Applicants.Self, "reissue-reason=lost;lost-where=home");
        var page = Parse(await client.GetStringAsync(url));
        var form = page.QuerySelector("form.counter-seat")!;
        Assert.NotNull(form.QuerySelector("input[type=hidden][name=ref]"));

        var response = await client.GetAsync(url + "&counter=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ignored = Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(ignored.QuerySelector(".counter-case"));
        Assert.Null(ignored.QuerySelector(".counter-seat-warning"));

        // Choosing by procedure: the counter parameter is not read as an answer.
        var chosen = await client.GetAsync($"/staff/{Shinagawa}/check?procedure=pin-reset&applicant=self&pin-which=four-digit&counter=kofu-tokusetsu");
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        var warning = Parse(await chosen.Content.ReadAsStringAsync()).QuerySelector(".counter-seat-warning")?.TextContent ?? "";
        Assert.Contains("交付特設会場", warning);
    }

    [Fact]
    public async Task Today_says_the_date_it_shows_and_not_today_for_another_day()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var other = Parse(await client.GetStringAsync($"/staff/{Shinagawa}/today?date=2026-11-23"));
        var heading = other.QuerySelector("main h1")!.TextContent.Trim();
        Assert.Equal("2026年11月23日(月)の窓口", heading);
        Assert.DoesNotContain("本日", other.Title, StringComparison.Ordinal);
    }
}
