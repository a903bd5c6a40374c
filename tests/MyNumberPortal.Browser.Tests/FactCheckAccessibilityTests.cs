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
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
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
            await page.Locator("#user-name").FillAsync(FactCheckFactory.ShinagawaAdmin);
            await page.Locator("#password").FillAsync(StaffFactory.Password);
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Equal(Path, new Uri(page.Url).AbsolutePath);
            Assert.True(await page.Locator("table.fc-table tbody tr").CountAsync() > 20);

            // On a phone each row is a block: nothing sticks out sideways.
            var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, "the fact-check page scrolls sideways on a phone");

            var cookies = (await context.CookiesAsync()).Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            }).ToList();
            await axeContext.AddCookiesAsync(cookies);
            await wideContext.AddCookiesAsync(cookies);

            Assert.Equal(200, await OpenAsync(axePage, Path));
            await AssertNoViolationsAsync(axePage, "fact-check-phone");

            var widePage = await wideContext.NewPageAsync();
            Assert.Equal(200, await OpenAsync(widePage, Path + "?lang=en"));
            Assert.Equal("table-row", await widePage.Locator("table.fc-table tbody tr").First.EvaluateAsync<string>("r => getComputedStyle(r).display"));
            await AssertNoViolationsAsync(widePage, "fact-check-wide-en");
        }
        finally
        {
            await wideContext.CloseAsync();
            await axeContext.CloseAsync();
            await context.CloseAsync();
        }
    }

    private static async Task AssertNoViolationsAsync(IPage page, string kind)
    {
        Assert.True(await page.Locator("main h1").CountAsync() == 1, $"{kind}: no single h1 at {page.Url}");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {kind}.");
        Assert.True(result.Violations.Length == 0, DescribeAxeViolations(kind, page.Url, result));
    }
}
