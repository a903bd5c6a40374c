using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Admin;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The admin fact-check table in Chromium: a 品川区 admin signs in through the form without JavaScript and opens it;
/// axe finds no WCAG 2.2 A/AA violation on a phone (rows as labelled blocks) or on a wide screen (the table).
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class FactCheckAccessibilityTests(BrowserFixture browser)
{
    private const string Path = "/staff/131091/admin/fact-check";
    private static readonly ViewportSize Wide = new() { Width = 1440, Height = 900 };

    [Fact]
    public async Task The_fact_check_table_has_no_accessibility_violations_on_a_phone_or_a_wide_screen()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: false);
        var (axeContext, axePage) = await browser.NewPageAsync(javaScript: true);
        var wideContext = await browser.NewContextAsync(javaScript: true, Wide, mobile: false);
        try
        {
            Assert.Equal(200, await OpenAsync(page, "/staff/sign-in?returnUrl=" + Uri.EscapeDataString(Path)));
            await page.Locator("#user-name").FillAsync(AdminFactory.ShinagawaAdmin);
            await page.Locator("#password").FillAsync(StaffFactory.Password);
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Equal(Path, new Uri(page.Url).AbsolutePath);
            Assert.True(await page.Locator("table.fc-table tbody tr").CountAsync() > 20);

            // On a phone each row is a block: nothing sticks out sideways.
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the fact-check page scrolls sideways on a phone");

            var cookies = await CopyCookiesAsync(context);
            await axeContext.AddCookiesAsync(cookies);
            await wideContext.AddCookiesAsync(cookies);

            Assert.Equal(200, await OpenAsync(axePage, Path));
            await AssertNoAxeViolationsAsync(axePage, "fact-check-phone");

            var widePage = await wideContext.NewPageAsync();
            Assert.Equal(200, await OpenAsync(widePage, Path + "?lang=en"));
            Assert.Equal("table-row", await widePage.Locator("table.fc-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
            await AssertNoAxeViolationsAsync(widePage, "fact-check-wide-en");
        }
        finally
        {
            await wideContext.CloseAsync();
            await axeContext.CloseAsync();
            await context.CloseAsync();
        }
    }

}
