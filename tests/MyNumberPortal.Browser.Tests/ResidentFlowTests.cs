using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// A resident on a phone, with and without JavaScript: from the start page to a checklist by tapping,
/// the error summary, the language switch, and the reference code at the counter.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ResidentFlowTests(BrowserFixture browser)
{
    public static readonly TheoryData<bool> Scripting = new() { false, true };

    /// <summary>One case per procedure, spread over the five municipalities: code, name, procedure, answers, found by search.</summary>
    public static readonly TheoryData<string, string, string, string, bool, bool> Flows = Build();

    private static TheoryData<string, string, string, string, bool, bool> Build()
    {
        var cases = new (string Code, string Name, string Procedure, string Answers, bool Search)[]
        {
            ("142123", "厚木市", "lost-card", "applicant=self&lost-where=outside", false),
            ("132101", "小金井市", "pin-reset", "applicant=self", true),
            ("151009", "新潟市", "reissue", "applicant=self", false),
            ("131091", "品川区", "abolition", "applicant=self", true),
            ("131237", "江戸川区", "suspension-release", "applicant=self", false),
        };
        var data = new TheoryData<string, string, string, string, bool, bool>();
        foreach (var javaScript in new[] { false, true })
        {
            foreach (var c in cases)
            {
                data.Add(c.Code, c.Name, c.Procedure, c.Answers, c.Search, javaScript);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Flows))]
    public async Task A_resident_taps_from_the_start_page_to_a_checklist(string code, string name, string procedure, string answers, bool search, bool javaScript)
    {
        var page = await browser.SharedPageAsync(javaScript);
        try
        {
            Assert.Equal(200, await OpenAsync(page, "/"));
            Assert.Equal("ja", await page.Locator("html").GetAttributeAsync("lang"));
            var clicks = 0;
            if (search)
            {
                // Finds the municipality by name, then taps the only result.
                await page.Locator("#q").FillAsync(name[..^1]);
                Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("form button[type=submit]")));
                clicks++;
                Assert.Equal(name[..^1], await page.Locator("#q").InputValueAsync());
                var results = page.Locator("a.choice");
                Assert.Equal(1, await results.CountAsync());
                Assert.Contains(name, await results.InnerTextAsync(), StringComparison.Ordinal);
            }

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"a.choice[href='/guide/{code}']")));
            clicks++;
            Assert.EndsWith($"/guide/{code}", page.Url, StringComparison.Ordinal);
            Assert.Contains(name, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(5, await page.Locator("a.choice").CountAsync());

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"a.choice[href='/guide/{code}/{procedure}']")));
            clicks++;
            Assert.True(await page.Locator("main input[type=radio][name=applicant]").CountAsync() >= 2, "The first question is not who goes.");

            var questionClicks = await AnswerUntilChecklistAsync(page, Answers(answers));
            clicks += questionClicks;
            var reference = await AssertChecklistAsync(page);

            // The checklist is this municipality's, and its answers are those given (one "change" link each, plus the situation).
            Assert.Contains(name, await page.Locator("main .caption").First.InnerTextAsync(), StringComparison.Ordinal);
            foreach (var (key, value) in Answers(answers))
            {
                Assert.Contains($"{key}={value}", page.Url, StringComparison.Ordinal);
            }

            Assert.Equal(questionClicks / 2 + 1, await page.Locator("section.answer-summary a").CountAsync());
            Assert.Matches(ReferenceCodePattern(), reference);

            if (procedure == "lost-card")
            {
                // Lost outside home: the police report step is there, and it took fewer than ten taps from the start page.
                Assert.Contains("警察", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
                Assert.True(clicks < 10, $"{clicks} taps from the start page to the lost-card checklist");
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    public static readonly TheoryData<string, string> LostCardEverywhere = BuildLostCard();

    private static TheoryData<string, string> BuildLostCard()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "142123", "132101", "151009", "131091", "131237" })
        {
            data.Add(code, "ja");
            data.Add(code, "en");
        }

        return data;
    }

    /// <summary>
    /// The "done when": from the start page to a lost-card checklist in under ten taps, for each of the five
    /// municipalities, in Japanese and in English (the English switch is one of the taps), on a phone, without JavaScript.
    /// </summary>
    [Theory]
    [MemberData(nameof(LostCardEverywhere))]
    public async Task A_resident_of_each_municipality_reaches_the_lost_card_checklist_in_under_ten_taps(string code, string language)
    {
        var (context, page) = await browser.NewPageAsync(javaScript: false);
        try
        {
            Assert.Equal(200, await OpenAsync(page, "/"));
            var taps = 0;
            if (language == "en")
            {
                Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.language-switch")));
                taps++;
            }

            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"a.choice[href='/guide/{code}']")));
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"a.choice[href='/guide/{code}/lost-card']")));
            taps += 2;
            taps += await AnswerUntilChecklistAsync(page, Answers("applicant=self&lost-where=outside"));
            await AssertChecklistAsync(page);

            // The first thing to do is to call the 24-hour suspension line; the national numbers are there as tel: links.
            var main = await page.Locator("main").InnerTextAsync();
            Assert.True(await page.Locator("main a[href='tel:0120-95-0178']").CountAsync() >= 1, "no tel: link to the suspension line");
            Assert.True(await page.Locator("main a[href='tel:0120-0178-27']").CountAsync() >= 1, "no tel: link to the foreign-language line");
            Assert.Contains(language == "en" ? "police" : "警察", main, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.True(taps < 10, $"{taps} taps from the start page to the lost-card checklist");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private const int ShortScreen = 400;

    [Theory]
    [MemberData(nameof(Scripting))]
    public async Task Continuing_without_a_choice_shows_the_error_summary_linked_to_the_first_answer(bool javaScript)
    {
        // A short phone screen, so that the answers start below the error summary's link.
        var page = await browser.SharedPageAsync(javaScript, viewport: new ViewportSize { Width = 390, Height = ShortScreen });
        try
        {
            Assert.Equal(200, await OpenAsync(page, "/guide/142123/lost-card?applicant=self"));
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
            var title = await page.TitleAsync();

            var status = await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]"));
            Assert.Equal(200, status);
            var summary = page.Locator(".error-summary");
            await Assertions.Expect(summary).ToBeVisibleAsync();
            Assert.Contains("applicant=self", page.Url, StringComparison.Ordinal);
            Assert.NotEqual(title, await page.TitleAsync());
            Assert.Equal(0, await page.Locator("main input[type=radio]:checked").CountAsync());
            var link = summary.Locator("a[href$='#answer-0']"); // the page's own address and #answer-0 (<base href="/">)
            Assert.Equal(1, await link.CountAsync());
            Assert.False(string.IsNullOrWhiteSpace(await link.InnerTextAsync()));
            Assert.True(await page.Locator(".error-message").IsVisibleAsync(), "No error message next to the question.");

            var before = await page.Locator("#answer-0").BoundingBoxAsync();
            Assert.True(before is { } b && b.Y + b.Height > ShortScreen, "The first answer is already on screen: the test cannot tell whether the link scrolls.");

            var question = page.Url;
            await link.ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("#answer-0", StringComparison.Ordinal));
            Assert.True(page.Url == question + "#answer-0", $"The error summary's link left the question page for {page.Url} (expected {question}#answer-0).");
            var radio = page.Locator("#answer-0");
            var box = await radio.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Y >= 0 && box.Y + box.Height <= ShortScreen, $"#answer-0 is not on screen after the link (top {box.Y}).");

            // The browser moves focus to a focusable link target: the keyboard carries on at the first answer.
            var focused = await page.EvaluateAsync<string?>("() => document.activeElement && document.activeElement.id");
            Assert.Equal("answer-0", focused);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Scripting))]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_to_the_main_content_of_the_same_page(bool javaScript)
    {
        var page = await browser.SharedPageAsync(javaScript, viewport: new ViewportSize { Width = 390, Height = ShortScreen });
        try
        {
            const string question = "/guide/142123/lost-card?applicant=self";
            Assert.Equal(200, await OpenAsync(page, question));
            await page.Keyboard.PressAsync("Tab");
            var skip = page.Locator("a.skip-link");
            await Assertions.Expect(skip).ToBeFocusedAsync();
            await Assertions.Expect(skip).ToBeInViewportAsync();

            await page.Keyboard.PressAsync("Enter");
            await page.WaitForURLAsync(url => url.EndsWith("#main", StringComparison.Ordinal));
            Assert.True(page.Url == browser.BaseUrl + question + "#main", $"The skip link left the page for {page.Url}.");
            await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Scripting))]
    public async Task The_language_switch_keeps_the_page_and_the_answers_and_stays_until_switched_back(bool javaScript)
    {
        var (context, page) = await browser.NewPageAsync(javaScript);
        try
        {
            const string question = "/guide/142123/lost-card?applicant=self";
            Assert.Equal(200, await OpenAsync(page, question));
            var html = page.Locator("html");
            Assert.Equal("ja", await html.GetAttributeAsync("lang"));
            var switcher = page.Locator("a.language-switch");
            Assert.Equal("English", (await switcher.InnerTextAsync()).Trim());
            var japaneseHeading = await page.Locator("main h1").InnerTextAsync();
            var japaneseLabel = await page.Locator("label[for='answer-0']").InnerTextAsync();

            Assert.Equal(200, await ClickAndLoadAsync(page, switcher));
            Assert.Equal("en", await html.GetAttributeAsync("lang"));
            Assert.Equal(browser.BaseUrl + question, page.Url);
            Assert.Equal("self", await page.Locator("main form input[type=hidden][name=applicant]").InputValueAsync());
            var englishHeading = await page.Locator("main h1").InnerTextAsync();
            Assert.NotEqual(japaneseHeading, englishHeading);
            Assert.Matches("[A-Za-z]{3}", englishHeading);
            Assert.Matches("[A-Za-z]{3}", await page.Locator("label[for='answer-0']").InnerTextAsync());
            Assert.NotEqual(japaneseLabel, await page.Locator("label[for='answer-0']").InnerTextAsync());
            Assert.Equal("日本語", (await page.Locator("a.language-switch").InnerTextAsync()).Trim());

            // The next page is English too.
            await page.Locator("label[for='answer-0']").ClickAsync();
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Contains("applicant=self&", page.Url, StringComparison.Ordinal);
            Assert.Equal("en", await html.GetAttributeAsync("lang"));
            var next = page.Url;

            // And back to Japanese, on the same page.
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.language-switch")));
            Assert.Equal("ja", await html.GetAttributeAsync("lang"));
            Assert.Equal(next, page.Url);
            Assert.Equal("English", (await page.Locator("a.language-switch").InnerTextAsync()).Trim());
            Assert.Equal(200, await OpenAsync(page, "/"));
            Assert.Equal("ja", await html.GetAttributeAsync("lang"));
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Scripting))]
    public async Task A_clerk_types_the_reference_code_and_gets_the_same_checklist(bool javaScript)
    {
        var page = await browser.SharedPageAsync(javaScript);
        try
        {
            var checklist = await OpenChecklistAsync(page, "151009", "reissue", "applicant=self");
            var heading = await page.Locator("main h1").InnerTextAsync();
            var reference = (await page.Locator("#reference-code").InnerTextAsync()).Trim();
            var body = await page.Locator("main").InnerTextAsync();

            // A new visit at the counter: the start page's link to the code page, type, open.
            var (clerkContext, clerk) = await browser.NewPageAsync(javaScript);
            try
            {
                Assert.Equal(200, await OpenAsync(clerk, "/"));
                Assert.Equal(200, await ClickAndLoadAsync(clerk, clerk.Locator("main a[href='/code']")));
                await clerk.Locator("#c").FillAsync(reference);
                Assert.Equal(200, await ClickAndLoadAsync(clerk, clerk.Locator("main form button[type=submit]")));

                // The same answers (the resident's URL also carries the form's "step" marker).
                Assert.Equal(Answered(checklist), Answered(new Uri(clerk.Url).PathAndQuery));
                Assert.Equal(heading, await clerk.Locator("main h1").InnerTextAsync());
                Assert.Equal(reference, (await clerk.Locator("#reference-code").InnerTextAsync()).Trim());
                Assert.Equal(body, await clerk.Locator("main").InnerTextAsync());
                Assert.Contains("/guide/151009/reissue?", clerk.Url, StringComparison.Ordinal);
            }
            finally
            {
                await clerkContext.CloseAsync();
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The path and the answers of a guide URL, without the question form's "step" marker.</summary>
    private static string Answered(string pathAndQuery)
    {
        var parts = pathAndQuery.Split('?', 2);
        var answers = parts.Length < 2 ? [] : parts[1].Split('&').Where(p => !p.StartsWith("step=", StringComparison.Ordinal));
        return parts[0] + "?" + string.Join('&', answers);
    }
}
