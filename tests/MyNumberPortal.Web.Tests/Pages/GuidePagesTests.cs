using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MyNumberPortal.Web.Tests.Pages;

/// <summary>The resident pages over real HTTP: search, language, question errors, and tampered or wrong URLs giving a helpful 4xx page.</summary>
public sealed class GuidePagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Start_page_lists_the_municipalities_in_Japanese_by_default()
    {
        var (status, page) = await Get("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ja", page.DocumentElement.GetAttribute("lang"));
        var links = page.QuerySelectorAll("a.choice").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(5, links.Count);
        Assert.Contains("/guide/142123", links);
        Assert.Contains("厚木市", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("label[for=q]"));
    }

    [Theory]
    [InlineData("品川市", "/guide/131091")]
    [InlineData("えどがわし", "/guide/131237")]
    [InlineData("Koganei", "/guide/132101")]
    [InlineData("151009", "/guide/151009")]
    [InlineData("ｱﾂｷﾞ", "/guide/142123")]
    public async Task Search_finds_the_municipality(string query, string link)
    {
        var (status, page) = await Get("/?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        var links = page.QuerySelectorAll("a.choice").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([link], links);
        Assert.Equal(query, page.QuerySelector<IHtmlInputElement>("#q")!.Value);
    }

    [Fact]
    public async Task Search_without_a_match_says_so_and_lists_all()
    {
        var (status, page) = await Get("/?q=" + Uri.EscapeDataString("大阪"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("大阪", page.QuerySelector("#results-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, page.QuerySelectorAll("a.choice").Length);
    }

    [Fact]
    public async Task Over_long_search_shows_an_error_summary_linked_to_the_field()
    {
        var (status, page) = await Get("/?q=" + new string('あ', 70));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches(@"^/\?q=[^#]*#q$", page.QuerySelector(".error-summary a")!.GetAttribute("href")); // this page's own address (<base href="/">)
        Assert.Equal("true", page.QuerySelector("#q")!.GetAttribute("aria-invalid"));
        Assert.StartsWith("エラー", page.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Situation_page_offers_every_procedure_in_everyday_words()
    {
        var (status, page) = await Get("/guide/142123");
        Assert.Equal(HttpStatusCode.OK, status);
        var links = page.QuerySelectorAll("a.choice").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/guide/142123/lost-card", "/guide/142123/suspension-release", "/guide/142123/pin-reset",
            "/guide/142123/reissue", "/guide/142123/abolition"], links);
        Assert.Contains("カードをなくした", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task First_question_is_who_goes_with_labelled_radios_and_a_back_link()
    {
        var (status, page) = await Get("/guide/142123/lost-card");
        Assert.Equal(HttpStatusCode.OK, status);
        var radios = page.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").ToList();
        Assert.Equal(["self", "household-member", "legal-agent", "voluntary-agent"], radios.Select(r => r.Value));
        Assert.All(radios, r => Assert.Equal("applicant", r.Name));
        Assert.Equal("/guide/142123", page.QuerySelector("a.back-link")!.GetAttribute("href"));
        Assert.Equal("/guide/142123/lost-card", page.QuerySelector("main form")!.GetAttribute("action"));
        Assert.Null(page.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task Continuing_without_a_choice_shows_the_error_and_keeps_the_answers()
    {
        var (status, page) = await Get("/guide/142123/lost-card?applicant=self&step=lost-where");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(@"^/guide/142123/lost-card\?[^#]*#answer-0$", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector(".error-message"));
        Assert.Contains(page.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"), i => i.Name == "applicant" && i.Value == "self");
        Assert.Equal("lost-where", page.QuerySelector<IHtmlInputElement>("input[type=radio]")!.Name);
    }

    [Fact]
    public async Task Change_link_preselects_the_old_answer_and_drops_later_ones()
    {
        var (_, checklist) = await Get("/guide/142123/lost-card?applicant=self&lost-where=outside");
        var change = checklist.QuerySelectorAll(".answer-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/guide/142123/lost-card?applicant=self&was=outside", change);
        var (status, question) = await Get("/guide/142123/lost-card?applicant=self&was=outside");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(question.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").Single(r => r.Value == "outside").IsChecked);
    }

    [Fact]
    public async Task Lost_card_checklist_says_to_call_the_suspension_line_first()
    {
        var (status, page) = await Get("/guide/142123/lost-card?applicant=self&lost-where=outside");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(page.QuerySelectorAll("a[href^='tel:']"), a => a.GetAttribute("href") == "tel:0120-95-0178");
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}(-[0-9A-Z]{1,4})?$", page.QuerySelector("#reference-code")!.TextContent.Trim());
        var asOf = page.QuerySelector("time.as-of")!;
        Assert.Equal("2026-11-24", asOf.GetAttribute("datetime"));
        Assert.Equal("2026年11月24日(火)(令和8年11月24日)時点の案内です。", asOf.TextContent);
    }

    [Theory]
    [InlineData("/guide/142123/lost-card?applicant=self&lost-where=moon", "moon")]
    [InlineData("/guide/142123/lost-card?applicant=martian", "martian")]
    [InlineData("/guide/142123/lost-card?applicant=self&favourite-colour=blue", "favourite-colour")]
    [InlineData("/guide/142123/lost-card?lost-where=home", "")]
    [InlineData("/guide/142123/lost-card?applicant=self&pin-which=both", "")]
    [InlineData("/guide/142123/reissue?applicant=self&lost-where=home", "")]
    [InlineData("/guide/142123/lost-card?applicant=self&applicant=legal-agent", "")]
    public async Task Tampered_answers_give_a_helpful_400_with_a_way_on(string url, string echoed)
    {
        var (status, page) = await Get(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(echoed, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var onward = page.QuerySelector("main a.button")!.GetAttribute("href")!;
        Assert.StartsWith("/guide/142123/", onward, StringComparison.Ordinal);
        var (next, _) = await Get(onward);
        Assert.Equal(HttpStatusCode.OK, next);
    }

    [Fact]
    public async Task Skipped_question_carries_on_from_the_last_answer_in_order()
    {
        var (status, page) = await Get("/guide/142123/reissue?applicant=self&lost-where=home");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("/guide/142123/reissue?applicant=self", page.QuerySelector("main a.button")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/guide/999999")]
    [InlineData("/guide/142124")]
    [InlineData("/guide/abc/lost-card")]
    [InlineData("/guide/142123/lost-it")]
    [InlineData("/guide/142123/lost-card/print")]
    [InlineData("/nope")]
    [InlineData("/guide/142123/lost-card/extra/segments")]
    public async Task Wrong_addresses_give_a_helpful_404_page(string url)
    {
        var (status, page) = await Get(url);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.NotNull(page.QuerySelector("main h1"));
        Assert.Contains(page.QuerySelectorAll("main a"), a => a.GetAttribute("href") == "/" || a.GetAttribute("href")!.StartsWith("/guide/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ZZZZ")]
    [InlineData("0000-0000-00")]
    [InlineData("<script>")]
    public async Task Bad_reference_codes_are_explained_at_the_field(string code)
    {
        var (status, page) = await Get("/code?c=" + Uri.EscapeDataString(code));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Matches(@"^/code\?c=[^#]*#c$", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#c-error"));
    }

    [Fact]
    public async Task English_is_chosen_by_link_and_kept_in_a_cookie()
    {
        var (_, japanese) = await Get("/guide/142123/lost-card?applicant=self");
        var switchUrl = japanese.QuerySelector("a.language-switch")!.GetAttribute("href")!;
        Assert.Equal("/language/en?return=" + Uri.EscapeDataString("/guide/142123/lost-card?applicant=self"), switchUrl);

        var response = await client.GetAsync(switchUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/guide/142123/lost-card?applicant=self", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lang=", StringComparison.Ordinal));

        using var request = new HttpRequestMessage(HttpMethod.Get, "/guide/142123/lost-card?applicant=self");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        var english = Parser.ParseDocument(await (await client.SendAsync(request)).Content.ReadAsStringAsync());
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Where did you lose the card?", english.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("日本語", english.QuerySelector("a.language-switch")!.TextContent.Trim());
    }

    [Fact]
    public async Task English_can_be_given_in_the_URL()
    {
        var (_, page) = await Get("/guide/131091?lang=en");
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("I lost my card", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll(".choice-label"), l => Assert.DoesNotMatch("[\u3040-\u30ff\u4e00-\u9fff]", l.TextContent));
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task Language_switch_never_redirects_off_the_site(string target)
    {
        var response = await client.GetAsync("/language/en?return=" + Uri.EscapeDataString(target));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/guide/142123/lost-card?applicant=self&lost-where=outside", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/nope", HttpStatusCode.NotFound)]
    [InlineData("/guide/999999", HttpStatusCode.NotFound)]
    [InlineData("/api/municipalities", HttpStatusCode.MethodNotAllowed)]
    public async Task HEAD_is_answered_like_GET_without_a_body(string url, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    private async Task<(HttpStatusCode Status, IHtmlDocument Page)> Get(string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, Parser.ParseDocument(await response.Content.ReadAsStringAsync()));
    }
}
