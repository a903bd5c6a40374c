using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Components.Staff;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Tests.Support;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// The interactive list of "today at the counters" (Components/Staff/TodayCounters.razor) under bunit: choosing a
/// procedure or an applicant (the select's change event, as the circuit delivers it) narrows the list at once. The rules
/// are the portal's own (its seeded store), the clock says Tuesday 2026-11-24; 品川区's seed
/// (src/MyNumberPortal.Data/Seed/rules/131091-shinagawa.yaml).
/// </summary>
public sealed class TodayCountersTests : ComponentTest, IClassFixture<PortalFactory>
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    public TodayCountersTests(PortalFactory portal)
    {
        Services.AddSingleton(portal.Services.GetRequiredService<RuleCatalogAccessor>());
        Services.AddSingleton(portal.Services.GetRequiredService<PortalClock>());
    }

    private IRenderedComponent<TodayCounters> Shinagawa(bool interactive, string language = "ja", string? procedure = null)
    {
        SetRendererInfo(new RendererInfo("Server", interactive));
        return RenderIn<TodayCounters>(language, ps => ps
            .Add(c => c.Code, "131091")
            .Add(c => c.Date, Tuesday)
            .Add(c => c.Procedure, procedure));
    }

    private static List<string> Counters(IRenderedComponent<TodayCounters> cut) =>
        [.. cut.FindAll("li.staff-counter").Select(li => li.GetAttribute("data-counter")!)];

    [Fact]
    public void Choosing_a_procedure_then_an_applicant_narrows_the_list_at_once()
    {
        var cut = Shinagawa(interactive: true);
        var all = Counters(cut);
        Assert.Equal(13, all.Count);
        Assert.Contains("kofu-tokusetsu", all);
        var before = cut.Find(".staff-open-count").TextContent;
        Assert.StartsWith("受付中の窓口: 全13か所のうち", before, StringComparison.Ordinal);

        cut.Find("select#procedure").Change(Procedures.SuspensionRelease);

        var release = Counters(cut);
        Assert.Contains("city-office-suspension-release", release);
        Assert.DoesNotContain("kofu-tokusetsu", release); // the special venue takes reissues only
        Assert.True(release.Count < all.Count);
        // Each table now lists the chosen procedure only.
        Assert.All(cut.FindAll("table.staff-accepts tbody th[scope=row]"), th => Assert.Equal("一時停止解除", th.TextContent.Trim()));
        // The count says which day and how many of all the counters.
        var count = cut.Find(".staff-open-count").TextContent;
        Assert.Contains("2026年11月24日(火)", count, StringComparison.Ordinal);
        Assert.Contains($"全13か所のうち{release.Count}か所", count, StringComparison.Ordinal);

        cut.Find("select#applicant").Change(Applicants.Self);
        var self = Counters(cut);
        Assert.Contains("city-office-suspension-release", self);
        Assert.True(self.Count <= release.Count);
        var applicants = cut.FindAll("table.staff-accepts tbody td:first-of-type");
        Assert.NotEmpty(applicants);
        Assert.All(applicants, td => Assert.Contains("本人", td.TextContent, StringComparison.Ordinal));

        // Back to every procedure and applicant: the full list again.
        cut.Find("select#procedure").Change("");
        cut.Find("select#applicant").Change("");
        Assert.Equal(all, Counters(cut));
        cut.Find(".staff-open-count").MarkupMatches($"<p class=\"staff-open-count\" role=\"status\">{before}</p>");
    }

    [Fact]
    public void A_choice_nobody_takes_says_so()
    {
        var cut = Shinagawa(interactive: true, procedure: Procedures.Reissue);
        Assert.Contains("kofu-tokusetsu", Counters(cut));
        cut.Find("select#applicant").Change(Applicants.HouseholdMember);
        Assert.Empty(Counters(cut));
        Assert.Equal("この日、選んだ手続きと申請者を受け付ける窓口はありません。", cut.Find(".staff-open-count").TextContent.Trim());
    }

    [Fact]
    public void The_form_says_how_it_works_before_and_after_the_circuit_connects()
    {
        var prerendered = Shinagawa(interactive: false, procedure: Procedures.Reissue);
        var form = prerendered.Find("form.staff-filter");
        Assert.Equal("static", form.GetAttribute("data-ready"));
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/staff/131091/today", form.GetAttribute("action"));
        Assert.Equal("選んでから「表示する」を押してください。", prerendered.Find(".staff-filter-mode").TextContent.Trim());
        Assert.Contains("JavaScriptが無効です", prerendered.Find("noscript").TextContent, StringComparison.Ordinal);
        // Without a circuit the choice from the URL is what the browser would send again: marked selected.
        Assert.Equal("reissue", prerendered.Find("select#procedure option[selected]").GetAttribute("value"));

        var interactive = Shinagawa(interactive: true, language: "en");
        Assert.Equal("interactive", interactive.Find("form.staff-filter").GetAttribute("data-ready"));
        Assert.Equal("The list changes as you choose. For another day, choose the date and press Show.", interactive.Find(".staff-filter-mode").TextContent.Trim());
    }
}
