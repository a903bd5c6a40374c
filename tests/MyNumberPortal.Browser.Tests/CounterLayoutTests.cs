using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The counter check's layout in Chromium (issue 15 item 6): with the longest question of 品川区 in the case summary the
/// answer column stays at least 12 characters wide at 820px (a tablet) and 1280px; the tick lists go into columns where
/// there is room; the submit button is in the window at 320px and 820px. axe finds no WCAG 2.2 A/AA violation on the
/// check page's states: the code entry, the form, "missing" (the card being processed refused), "met", "not covered".
/// </summary>
[Collection(StaffInteractiveCollection.Name)]
public sealed class CounterLayoutTests(BrowserFixture browser)
{
    private const string Shinagawa = "131091";
    private const int Tablet = 820;
    private const int Desktop = 1280;

    /// <summary>A 品川区 resident's reference code, read off the checklist they reach by answering as given.</summary>
    private async Task<string> ResidentCodeAsync(string procedure, string answers)
    {
        var page = await browser.SharedPageAsync(javaScript: true);
        try
        {
            // Read off the page as it is (a code of a case with many answers has a fourth group, which ReferenceCodePattern does not take).
            Assert.Equal(200, await OpenAsync(page, $"/guide/{Shinagawa}/{procedure}"));
            await AnswerUntilChecklistAsync(page, Answers(answers));
            return (await page.Locator("#reference-code").InnerTextAsync()).Trim();
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private static Task<int> SubmitAsync(IPage page) =>
        ClickAndLoadAsync(page, page.Locator("main form:has(input[name=_handler][value='counter-check']) .counter-submit button[type=submit]"));

    private static async Task<int> OpenCodeAsync(IPage page, string reference)
    {
        Assert.Equal(200, await OpenAsync(page, $"/staff/{Shinagawa}/check"));
        await page.Locator("#ref").FillAsync(reference);
        return await ClickAndLoadAsync(page, page.Locator("main form:has(#ref) button[type=submit]"));
    }

    [Fact]
    public async Task The_check_page_is_readable_at_tablet_and_desktop_widths_and_has_no_accessibility_violations()
    {
        // A parent renewing a lost card for a child: the summary carries 品川区's longest question (relation-local).
        var child = await ResidentCodeAsync("reissue", "applicant=legal-agent&reissue-reason=lost&lost-where=home&holder-status=under-15&relation-local=yes");
        var pin = await ResidentCodeAsync("pin-reset", "applicant=voluntary-agent&pin-which=four-digit");
        var (context, page) = await browser.NewPageAsync(javaScript: true, new ViewportSize { Width = Desktop, Height = 900 });
        try
        {
            await SignInAsync(page);
            Assert.Equal(200, await OpenAsync(page, $"/staff/{Shinagawa}/check"));
            Assert.Equal("ref", await page.EvaluateAsync<string>("() => document.activeElement && document.activeElement.id"));
            await AssertNoAxeViolationsAsync(page, "counter-check-code");

            Assert.Equal(200, await OpenCodeAsync(page, child));
            var longest = await page.EvaluateAsync<string>(
                "() => [...document.querySelectorAll('.counter-case-summary dt')].map(d => d.textContent.trim()).sort((a, b) => b.length - a.length)[0]");
            Assert.Contains("親権者", longest, StringComparison.Ordinal);
            foreach (var width in new[] { Tablet, Desktop })
            {
                await page.SetViewportSizeAsync(width, 900);
                var narrowest = await page.EvaluateAsync<double>(
                    "() => Math.min(...[...document.querySelectorAll('.counter-case-summary dd')].map(d => d.getBoundingClientRect().width / parseFloat(getComputedStyle(d).fontSize)))");
                Assert.True(narrowest >= 12, $"At {width}px the answer column is {narrowest:0.0} characters wide: {page.Url}");
                var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
                Assert.True(scroll <= width, $"At {width}px the page is {scroll}px wide");
                await SaveScreenshotAsync(page, $"counter-check-{width}");
            }

            // At 1280px the documents go into columns; the submit button is in the window at 820px and 320px.
            await page.SetViewportSizeAsync(Desktop, 900);
            var columns = await page.EvaluateAsync<int>("() => getComputedStyle(document.querySelector('#documents-holder .counter-ticks, .counter-items .counter-ticks')).gridTemplateColumns.split(' ').length");
            Assert.True(columns >= 2, $"Tick list in {columns} column(s) at {Desktop}px");
            foreach (var width in new[] { 320, Tablet })
            {
                await page.SetViewportSizeAsync(width, 640);
                // While the clerk ticks the first list, the button is in the window (it sticks to the bottom).
                await page.EvaluateAsync("() => document.querySelector('.counter-items').scrollIntoView()");
                var (top, bottom) = (await page.EvaluateAsync<double>("() => document.querySelector('.counter-submit button').getBoundingClientRect().top"),
                    await page.EvaluateAsync<double>("() => document.querySelector('.counter-submit button').getBoundingClientRect().bottom"));
                Assert.True(top >= 0 && bottom <= 640, $"At {width}px the submit button is at {top}–{bottom}px, outside the window");
            }

            await page.SetViewportSizeAsync(Tablet, 900);
            await AssertNoAxeViolationsAsync(page, "counter-check-form");
            Assert.Equal(200, await SubmitAsync(page));
            Assert.Equal("足りないものがあります", (await page.Locator("section.counter-result h2").InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(page, "counter-check-missing");

            await page.Locator("#holder-b").SelectOptionAsync("2");
            await page.Locator("label[for='agent-drivers-licence']").ClickAsync();
            foreach (var item in await page.Locator("main input[name=item]").AllAsync())
            {
                await item.CheckAsync();
            }

            Assert.Equal(200, await SubmitAsync(page));
            Assert.Equal("要件を満たしています", (await page.Locator("section.counter-result h2").InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(page, "counter-check-met");

            // The card being processed, ticked as the holder's ID, is refused and said so.
            Assert.Equal(200, await OpenCodeAsync(page, pin));
            await page.Locator("label[for='holder-my-number-card']").ClickAsync();
            await page.Locator("label[for='agent-drivers-licence']").ClickAsync();
            Assert.Equal(200, await SubmitAsync(page));
            Assert.Equal("足りないものがあります", (await page.Locator("section.counter-result h2").InnerTextAsync()).Trim());
            Assert.Contains("本人確認書類として数えません", await page.Locator("section.counter-result").InnerTextAsync(), StringComparison.Ordinal);
            await AssertNoAxeViolationsAsync(page, "counter-check-excluded");

            // A case the page does not cover.
            Assert.Equal(200, await OpenAsync(page, $"/staff/{Shinagawa}/check"));
            await page.Locator("label[for='procedure-reissue']").ClickAsync();
            await page.Locator("label[for='applicant-household-member']").ClickAsync();
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form:has(input[name=procedure]) button[type=submit]")));
            // An uncovered case still asks what its steps and counters read: first choices until the result shows.
            for (var asked = 0; asked < 8 && await page.Locator("section.counter-result").CountAsync() == 0; asked++)
            {
                await page.Locator("main form input[type=radio]").First.CheckAsync();
                Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form:has(input[type=radio]) button[type=submit]").First));
            }

            Assert.Equal("このページの案内では確認できません", (await page.Locator("section.counter-result h2").InnerTextAsync()).Trim());
            await AssertNoAxeViolationsAsync(page, "counter-check-not-covered");
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
