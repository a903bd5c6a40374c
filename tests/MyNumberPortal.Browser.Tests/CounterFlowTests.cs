using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The whole counter flow in Chromium with JavaScript on: a resident of 品川区 walks the resident flow to a checklist
/// and reads out its reference code; a clerk signs in through the real form, goes to the counter check from the staff
/// pages, opens the code, ticks what was presented and posts. axe finds no WCAG 2.2 A/AA violation on the check page
/// with the form and with each result, and nothing scrolls sideways at 320px.
/// </summary>
/// <remarks>
/// In the <see cref="BrowserCollection"/>: its server has had no sign-in, so these tests' three sign-ins stay inside
/// the sign-in rate limit (5 posts a minute per address), which the accessibility collection's sign-in test also uses.
/// </remarks>
[Collection(BrowserCollection.Name)]
public sealed class CounterFlowTests(BrowserFixture browser)
{
    private const string Shinagawa = "131091";
    private static readonly ViewportSize Narrow = new() { Width = 320, Height = 640 };

    [Fact]
    public async Task A_clerk_opens_a_residents_reference_code_ticks_the_documents_and_the_requirements_are_met()
    {
        var reference = await ResidentReferenceCodeAsync("applicant=self&reissue-reason=lost&lost-where=outside");
        var (context, page) = await browser.NewPageAsync(javaScript: true, BrowserFixture.Phone);
        try
        {
            await SignInAndOpenAsync(page, reference);
            Assert.Equal(1, await page.Locator("#documents-holder").CountAsync());
            Assert.Equal(0, await page.Locator("#documents-agent").CountAsync());
            Assert.Equal(0, await page.Locator(".counter-result").CountAsync());
            // A two-visit case: the application is visit 1.
            Assert.Equal("1", await page.Locator("#visit-select").InputValueAsync());
            await AssertNoAxeViolationsAsync(page, "counter-check-form");
            await AssertFitsNarrowScreenAsync(page, "counter-check-form");

            // Every item presented and the holder's driving licence (list A).
            var items = await TickEveryItemAsync(page);
            Assert.True(items >= 2, $"Only {items} items for a lost card's reissue at {page.Url}");
            await TickAsync(page, "holder-drivers-licence");
            Assert.Equal(200, await SubmitAsync(page));

            var result = page.Locator("section.counter-result");
            Assert.Equal("要件を満たしています", (await result.Locator("h2").InnerTextAsync()).Trim());
            Assert.Contains("counter-met", await result.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
            var text = await result.InnerTextAsync();
            Assert.Contains("本人確認書類は足りています", text, StringComparison.Ordinal);
            Assert.Contains("受け取る手数料", text, StringComparison.Ordinal);
            Assert.Contains("1,000円", text, StringComparison.Ordinal);
            Assert.Contains("もう一度来庁が必要です", text, StringComparison.Ordinal);
            // The ticks stay, so the clerk can correct one and post again.
            Assert.True(await page.Locator("#holder-drivers-licence").IsCheckedAsync());
            Assert.False(await page.Locator("#holder-my-number-card").IsCheckedAsync());
            await AssertNoAxeViolationsAsync(page, "counter-check-met");
            await AssertFitsNarrowScreenAsync(page, "counter-check-met");
            await AssertFocusIsVisibleAsync(page);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_missing_document_is_said_in_words_until_it_is_shown()
    {
        // A voluntary agent applies for the holder: the agent's own documents are checked apart from the holder's.
        var reference = await ResidentReferenceCodeAsync("applicant=voluntary-agent&reissue-reason=lost&lost-where=home");
        var (context, page) = await browser.NewPageAsync(javaScript: true, BrowserFixture.Phone);
        try
        {
            await SignInAndOpenAsync(page, reference);
            Assert.Equal(1, await page.Locator("#documents-holder").CountAsync());
            Assert.Equal(1, await page.Locator("#documents-agent").CountAsync());

            // Everything but the agent's own identity document.
            await TickEveryItemAsync(page);
            await TickAsync(page, "holder-drivers-licence");
            Assert.Equal(200, await SubmitAsync(page));

            var result = page.Locator("section.counter-result");
            Assert.Equal("足りないものがあります", (await result.Locator("h2").InnerTextAsync()).Trim());
            Assert.Contains("counter-missing", await result.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
            Assert.Equal(0, await result.Locator(".counter-missing-items").CountAsync());
            var shortfalls = result.Locator(".counter-idrule-missing");
            Assert.Equal(1, await shortfalls.CountAsync());
            var words = await shortfalls.InnerTextAsync();
            Assert.Contains("代理人", words, StringComparison.Ordinal);
            // The nearest way to meet "A×1 or B×2" from nothing is one A document; 品川区's list names no B document, so the
            // form asks for the number of list-B documents instead.
            Assert.Contains("不足:A書類を1点", words, StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("select#agent-b").CountAsync());
            Assert.Equal(1, await result.Locator(".counter-idrule-satisfied").CountAsync());
            await AssertNoAxeViolationsAsync(page, "counter-check-missing");
            await AssertFitsNarrowScreenAsync(page, "counter-check-missing");

            // An item left out is named too.
            await page.Locator("main input[name=item]").First.UncheckAsync();
            var unticked = (await page.Locator($"label[for='{await page.Locator("main input[name=item]").First.GetAttributeAsync("id")}']").InnerTextAsync()).Trim();
            Assert.Equal(200, await SubmitAsync(page));
            Assert.Contains(unticked, await page.Locator(".counter-result .counter-missing-items").InnerTextAsync(), StringComparison.Ordinal);

            // The agent shows their own My Number Card and every item is presented: met.
            await TickEveryItemAsync(page);
            await TickAsync(page, "agent-my-number-card");
            Assert.Equal(200, await SubmitAsync(page));
            Assert.Equal("要件を満たしています", (await page.Locator("section.counter-result h2").InnerTextAsync()).Trim());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_clerk_chooses_the_case_by_questions_and_a_case_the_page_does_not_cover_says_why_and_whom_to_call()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: true, BrowserFixture.Phone);
        try
        {
            await SignInAsync(page);
            Assert.Equal(200, await OpenAsync(page, $"/staff/{Shinagawa}/check"));
            await AssertNoAxeViolationsAsync(page, "counter-check-start");

            // Continue without a choice: the error summary says what to choose.
            var choose = page.Locator("main form:has(input[name=procedure])");
            Assert.Equal(400, await ClickAndLoadAsync(page, choose.Locator("button[type=submit]")));
            Assert.Contains("手続きを選んでください", await page.Locator(".error-summary").InnerTextAsync(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(page, "counter-check-choice-error");

            // A household member comes to apply for a reissue: 品川区's page does not describe that case.
            await page.Locator("label[for='procedure-reissue']").ClickAsync();
            await page.Locator("label[for='applicant-household-member']").ClickAsync();
            Assert.Equal(200, await ClickAndLoadAsync(page, choose.Locator("button[type=submit]")));
            var result = page.Locator("section.counter-result");
            // An uncovered case still asks what its steps and counters read (a lost card is never missed): the clerk
            // answers each question with its first choice until the result shows.
            for (var asked = 0; asked < 8 && await result.CountAsync() == 0; asked++)
            {
                var radio = page.Locator("main form input[type=radio]").First;
                await radio.CheckAsync();
                var form = page.Locator("main form:has(input[type=radio])");
                Assert.Equal(200, await ClickAndLoadAsync(page, form.Locator("button[type=submit]").First));
            }

            Assert.Equal("このページの案内では確認できません", (await result.Locator("h2").InnerTextAsync()).Trim());
            Assert.Contains("counter-notcovered", await result.GetAttributeAsync("class") ?? "", StringComparison.Ordinal);
            Assert.Contains("担当部署に確認してください", await result.InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await result.Locator(".cl-phones a[href^='tel:']").CountAsync() > 0, $"No phone to call at {page.Url}");
            Assert.Equal(0, await page.Locator("main input[type=checkbox]").CountAsync());
            await AssertNoAxeViolationsAsync(page, "counter-check-not-covered");
            await AssertFitsNarrowScreenAsync(page, "counter-check-not-covered");
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    /// <summary>A resident walks 品川区's reissue flow on a phone and reads the checklist's reference code out.</summary>
    private async Task<string> ResidentReferenceCodeAsync(string answers)
    {
        var page = await browser.SharedPageAsync(javaScript: true);
        try
        {
            await OpenChecklistAsync(page, Shinagawa, "reissue", answers);
            return await AssertChecklistAsync(page);
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>
    /// Signs in as the 品川区 clerk through the form, follows the staff pages' links to the counter check, types the code
    /// and opens it.
    /// </summary>
    private static async Task SignInAndOpenAsync(IPage page, string reference)
    {
        await SignInAsync(page);
        Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"main a[href='/staff/{Shinagawa}']")));
        Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"main nav.staff-header a[href='/staff/{Shinagawa}/check']")));

        await page.Locator("#ref").FillAsync(reference);
        Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form:has(#ref) button[type=submit]")));
        Assert.Equal($"/staff/{Shinagawa}/check", new Uri(page.Url).AbsolutePath);
        Assert.Equal(reference, (await page.Locator(".counter-case-summary dd.input-code").InnerTextAsync()).Trim());
        Assert.Equal(1, await page.Locator("main input[name=_handler][value='counter-check']").CountAsync());
    }

    /// <summary>Ticks every required item by tapping its label; returns how many.</summary>
    private static async Task<int> TickEveryItemAsync(IPage page)
    {
        var items = page.Locator("main input[type=checkbox][name=item]");
        var count = await items.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var id = await items.Nth(i).GetAttributeAsync("id");
            if (!await items.Nth(i).IsCheckedAsync())
            {
                await TickAsync(page, id!);
            }
        }

        return count;
    }

    /// <summary>Taps the label of the checkbox <paramref name="id"/>, as a clerk does, and checks it is ticked.</summary>
    private static async Task TickAsync(IPage page, string id)
    {
        await page.Locator($"label[for='{id}']").ClickAsync();
        Assert.True(await page.Locator($"[id='{id}']").IsCheckedAsync(), $"Tapping the label of #{id} did not tick it at {page.Url}");
    }

    private static Task<int> SubmitAsync(IPage page) =>
        ClickAndLoadAsync(page, page.Locator("main form:has(input[name=_handler][value='counter-check']) .counter-submit button[type=submit]"));


    /// <summary>At 320px wide the page does not scroll sideways; the viewport is restored afterwards.</summary>
    private static async Task AssertFitsNarrowScreenAsync(IPage page, string kind)
    {
        var before = page.ViewportSize;
        await page.SetViewportSizeAsync(Narrow.Width, Narrow.Height);
        try
        {
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= Narrow.Width, $"{kind} is {width}px wide at {Narrow.Width}px: {page.Url}");
            Assert.Equal(1, await page.EvaluateAsync<int>("() => document.styleSheets.length > 0 && [...document.styleSheets].some(s => s.href && s.href.endsWith('/css/counter.css') && s.cssRules.length > 0) ? 1 : 0"));
        }
        finally
        {
            await page.SetViewportSizeAsync(before?.Width ?? BrowserFixture.Phone.Width, before?.Height ?? BrowserFixture.Phone.Height);
        }
    }

    /// <summary>Tabbing to a checkbox shows a focus ring around its row, and to the visit select one around the select.</summary>
    private static async Task AssertFocusIsVisibleAsync(IPage page)
    {
        await page.Locator("main h1").ClickAsync();
        foreach (var (target, ring) in new[] { ("input[type=checkbox]", "e => e.closest('.checkbox')"), ("select", "e => e") })
        {
            var reached = false;
            for (var i = 0; i < 80 && !reached; i++)
            {
                await page.Keyboard.PressAsync("Tab");
                reached = await page.EvaluateAsync<bool>($"() => document.activeElement && document.activeElement.matches('main {target}')");
            }

            Assert.True(reached, $"Tab never reached a {target} on {page.Url}");
            var style = await page.EvaluateAsync<string>(
                $"() => {{ const e = ({ring})(document.activeElement); const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }}");
            Assert.StartsWith("solid 3px", style, StringComparison.Ordinal);
            await page.Locator("main h1").ClickAsync();
        }
    }
}
