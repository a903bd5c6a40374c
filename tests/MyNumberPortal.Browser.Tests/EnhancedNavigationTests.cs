using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// Residents' pages with Blazor's script: where JavaScript runs, moving from page to page (links and the question
/// form) is enhanced navigation, one document for the whole flow (a value kept on the window survives); without
/// JavaScript the same flow loads a new page per step. Either way the checklist is reached, axe finds nothing, and the
/// print view still gets its print button.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EnhancedNavigationTests(BrowserFixture browser)
{
    private const string Marker = "() => window.__residentMarker";

    [Fact]
    public async Task With_JavaScript_a_resident_walks_to_the_checklist_and_its_print_view_without_a_full_reload()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: true);
        try
        {
            var documents = 0;
            page.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest)
                {
                    documents++;
                }
            };

            Assert.Equal(200, await OpenAsync(page, "/"));
            Assert.True(await page.EvaluateAsync<bool>("() => typeof window.Blazor === 'object'"), "blazor.web.js did not run");
            await page.EvaluateAsync("() => { window.__residentMarker = 'same document'; }");

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.choice[href='/guide/142123']")));
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.choice[href='/guide/142123/lost-card']")));
            // After an enhanced navigation the keyboard starts at the main content, as on a new page.
            await Assertions.Expect(page.Locator("main#main")).ToBeFocusedAsync();
            await AnswerUntilChecklistAsync(page, Answers("applicant=self&lost-where=outside"));
            await AssertChecklistAsync(page);
            Assert.Contains("/guide/142123/lost-card?", page.Url, StringComparison.Ordinal);
            Assert.Equal("same document", await page.EvaluateAsync<string?>(Marker));
            Assert.Equal(1, documents); // only the start page was a document load
            await AssertNoAxeViolationsAsync(page, "checklist-after-enhanced-navigation");

            // The print view, reached the same way, gets its print button from enhance.js after the enhanced load.
            var print = page.Locator("main a[href*='/print?']").First;
            Assert.Equal(200, await ClickAndLoadAsync(page, print));
            Assert.Contains("/print?", page.Url, StringComparison.Ordinal);
            Assert.Equal("same document", await page.EvaluateAsync<string?>(Marker));
            Assert.Equal(1, await page.Locator("[data-print-button] button").CountAsync());
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Fact]
    public async Task Without_JavaScript_the_same_flow_loads_a_page_per_step()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: false);
        try
        {
            var documents = 0;
            page.Response += (_, response) =>
            {
                if (response.Request.IsNavigationRequest && response.Status == 200)
                {
                    documents++;
                }
            };

            Assert.Equal(200, await OpenAsync(page, "/"));
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.choice[href='/guide/142123']")));
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("a.choice[href='/guide/142123/lost-card']")));
            var taps = await AnswerUntilChecklistAsync(page, Answers("applicant=self&lost-where=outside"));
            await AssertChecklistAsync(page);
            Assert.Equal(3 + taps / 2, documents); // start, municipality, procedure, then one page per answer
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main a[href*='/print?']").First));
            Assert.Equal(0, await page.Locator("[data-print-button] button").CountAsync()); // no script, no button: the browser's own print
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
