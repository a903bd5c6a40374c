using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;
using static MyNumberPortal.Web.Tests.Staff.CounterForm;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// Issue 15 item 2 over HTTP: the result says what to tell the resident (the steps, the time between visits with the
/// deadline as a date, the warnings of the case), whom to consult when the documents need judgement, and the summary
/// keeps the questions' hints.
/// </summary>
public class CounterNextTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Shinagawa = "131091";

    [Fact]
    public async Task A_voluntary_agents_first_visit_says_the_steps_the_time_between_visits_and_the_deadline_as_a_date()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent);
        var (response, page) = await PostAsync(client, url, ["holder=drivers-licence", "agent=my-number-card"]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("met", Outcome(page));
        var next = page.QuerySelector(".counter-result .counter-next")?.TextContent ?? "";
        Assert.Contains("住民に伝えること", next);
        // The steps of the case, the between-visit flow and the warnings, from 品川区's rules.
        Assert.Contains("申請者本人が、郵送された照会書兼回答書に回答書・委任状・暗証番号を記入する", next);
        Assert.Contains("申請者本人の住民登録地に照会書兼回答書が郵送されます", next);
        Assert.Contains("目黒行政サービスコーナー以外ではできません", next);
        Assert.Contains("封がされておらず", next);
        // 30 days from today, as a date.
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        Assert.Contains($"期限:{DateText.Long(today.AddDays(30), "ja")}まで", page.QuerySelector(".counter-deadline")!.TextContent);
    }

    [Fact]
    public async Task The_second_visit_gives_the_deadline_in_days_and_says_the_procedure_completes()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent) + "&visit=2";
        var (_, page) = await PostAsync(client, url, ["holder=drivers-licence", "agent=my-number-card"]);
        Assert.Equal("met", Outcome(page));
        Assert.Contains("手続きは今回の来庁で完了します", ResultText(page));
        Assert.Null(page.QuerySelector(".counter-deadline"));
    }

    [Fact]
    public async Task Needs_judgement_names_the_section_and_phone_to_consult()
    {
        using var client = await ClerkAsync(factory, "131237");
        var url = CheckUrl(factory, "131237", Procedures.Reissue, Applicants.Self, "reissue-reason=lost");
        var (_, page) = await PostAsync(client, url, []);
        Assert.Equal("needsjudgement", Outcome(page));
        var next = page.QuerySelector(".counter-next")!;
        Assert.Contains("判断に迷うときの問い合わせ先", next.TextContent);
        Assert.NotEmpty(next.QuerySelectorAll(".cl-phones a[href^='tel:']"));
        Assert.DoesNotContain("窓口に確認", ResultText(page));
    }

    [Fact]
    public async Task The_case_summary_shows_the_conditions_of_a_question()
    {
        // 新潟市: 「次のどちらかに当てはまりますか?」 is asked with its two conditions as the hint.
        using var client = await ClerkAsync(factory, "151009");
        var url = CheckUrl(factory, "151009", Procedures.Reissue, Applicants.LegalAgent, "reissue-reason=expiring;holder-status=under-15");
        var page = Parse(await client.GetStringAsync(url));
        var summary = page.QuerySelector(".counter-case-summary")!;
        var question = summary.QuerySelectorAll("dt").Single(d => d.TextContent.Contains("次のどちらかに当てはまりますか", StringComparison.Ordinal));
        Assert.Contains("本籍地が新潟市内で、関係が確認できる場合", question.QuerySelector(".counter-question-hint")!.TextContent);
    }
}
