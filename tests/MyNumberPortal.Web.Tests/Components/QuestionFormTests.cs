using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using MyNumberPortal.Web.Components.Guide;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Tests.Support;

namespace MyNumberPortal.Web.Tests.Components;

/// <summary>The question page and the answers summary rendered on their own (bunit), from states read off real URLs.</summary>
public sealed class QuestionFormTests : ComponentTest
{
    private static GuideState State(string code, string procedure, string query) =>
        GuideState.Read(SeedRuleSets.For(code), procedure, new QueryCollection(
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    private Task<IHtmlDocument> Question(GuideState state, string language = "ja") =>
        Task.FromResult(RenderPage<QuestionForm>(language, ps => ps.Add(c => c.State, state)));

    private Task<IHtmlDocument> Summary(GuideState state, string language = "ja") =>
        Task.FromResult(RenderPage<AnswerSummary>(language, ps => ps.Add(c => c.State, state)));

    [Fact]
    public async Task Asks_who_goes_first_with_a_labelled_radio_per_applicant_kind()
    {
        var page = await Question(State("142123", "lost-card", ""));
        Assert.Equal("手続きをするのはどなたですか?", page.QuerySelector("legend h1")!.TextContent);
        var radios = page.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").ToList();
        Assert.Equal(["self", "household-member", "legal-agent", "voluntary-agent"], radios.Select(r => r.Value));
        Assert.All(radios, r => Assert.Equal("applicant", r.Name));
        Assert.Equal(["カードの持ち主本人", "同じ世帯の家族", "親権者・成年後見人(法定代理人)", "本人から頼まれた人(任意代理人)"],
            radios.Select(r => page.QuerySelector($"label[for='{r.Id}']")!.TextContent));
        Assert.Equal("question-hint", page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Equal(["step"], page.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => i.Name));
    }

    [Fact]
    public async Task Carries_the_answers_so_far_as_hidden_fields_in_order()
    {
        var page = await Question(State("151009", "reissue", "applicant=self&reissue-reason=lost"));
        var hidden = page.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => (i.Name, i.Value)).ToList();
        Assert.Equal([("applicant", "self"), ("reissue-reason", "lost"), ("step", "lost-where")], hidden);
        Assert.Equal("カードをなくしたのはどこですか?", page.QuerySelector("legend h1")!.TextContent);
        Assert.Contains("質問 3", page.QuerySelector(".caption")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("/guide/151009/reissue?applicant=self&was=lost", page.QuerySelector("a.back-link")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Shows_an_error_summary_linked_to_the_first_option_when_nothing_was_chosen()
    {
        var page = await Question(State("142123", "lost-card", "applicant=self&step=lost-where"));
        Assert.EndsWith("#answer-0", page.QuerySelector(".error-summary a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#answer-0"));
        Assert.Equal("question-hint question-error", page.QuerySelector("fieldset")!.GetAttribute("aria-describedby"));
        Assert.Contains("答えを1つ選んでください", page.QuerySelector("#question-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_error_before_the_form_was_sent()
    {
        var page = await Question(State("142123", "lost-card", "applicant=self"));
        Assert.Null(page.QuerySelector(".error-summary"));
        Assert.Null(page.QuerySelector("#question-error"));
        Assert.DoesNotContain(page.QuerySelectorAll<IHtmlInputElement>("input[type=radio]"), r => r.IsChecked);
    }

    [Fact]
    public async Task A_change_link_preselects_the_previous_answer()
    {
        var page = await Question(State("142123", "lost-card", "applicant=self&was=stolen"));
        Assert.Equal(["stolen"], page.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").Where(r => r.IsChecked).Select(r => r.Value));
    }

    [Fact]
    public async Task English_question_page_has_no_Japanese_interface_text()
    {
        var page = await Question(State("131091", "pin-reset", "applicant=self"), "en");
        Assert.Equal("Which PIN did you forget (or lock)?", page.QuerySelector("legend h1")!.TextContent);
        Assert.Equal("Continue", page.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Equal("Back", page.QuerySelector("a.back-link")!.TextContent);
        Assert.Equal(["Only the 4-digit PIN", "Only the 6–16 character password", "Both"],
            page.QuerySelectorAll("label").Select(l => l.TextContent));
    }

    [Fact]
    public async Task Summary_lists_each_answer_with_a_change_link_that_drops_later_answers()
    {
        var page = await Summary(State("151009", "reissue", "applicant=self&reissue-reason=lost&lost-where=home"));
        var rows = page.QuerySelectorAll(".summary-row").ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["新しいカードがほしい", "カードの持ち主本人", "なくした", "自宅の中"],
            rows.Select(r => r.QuerySelector("dd")!.TextContent));
        Assert.Equal(["/guide/151009", "/guide/151009/reissue?was=self", "/guide/151009/reissue?applicant=self&was=lost",
            "/guide/151009/reissue?applicant=self&reissue-reason=lost&was=home"],
            rows.Select(r => r.QuerySelector("a")!.GetAttribute("href")));
        // Each "Change" link says, to a screen reader, which answer it changes.
        Assert.Contains("「カードをなくしたのはどこですか?」の回答を変更する", rows[3].QuerySelector(".visually-hidden")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_in_English()
    {
        var page = await Summary(State("142123", "lost-card", "applicant=self&lost-where=outside"), "en");
        Assert.Equal(["What has happened?", "Who will do the procedure?", "Where did you lose the card?"],
            page.QuerySelectorAll(".summary-row dt").Select(d => d.TextContent));
        Assert.Equal(["I lost my card or it was stolen", "The card holder", "Outside my home"],
            page.QuerySelectorAll(".summary-row dd:not(.summary-action)").Select(d => d.TextContent));
    }
}
