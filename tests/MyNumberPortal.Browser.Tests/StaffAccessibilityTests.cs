using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The staff pages in Chromium without JavaScript: a clerk signs in through the real form (after one failed try) and
/// opens the staff home, the municipality page and today's counters; axe finds no WCAG 2.2 A/AA violation on any.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class StaffAccessibilityTests(BrowserFixture browser)
{

    [Fact]
    public async Task A_clerk_signs_in_and_the_staff_pages_have_no_accessibility_violations()
    {
        // The clerk works without JavaScript. axe runs in the page's JavaScript, so each page is scanned in a second,
        // JavaScript-enabled context that carries the same session cookie.
        var (context, page) = await browser.NewPageAsync(javaScript: false);
        var (axeContext, axePage) = await browser.NewPageAsync(javaScript: true);
        try
        {
            Assert.Equal(200, await OpenAsync(page, "/staff/sign-in"));

            // A wrong password: the page answers 400 with the error summary and the message at the field.
            await page.Locator("#user-name").FillAsync(StaffFactory.ShinagawaClerk);
            await page.Locator("#password").FillAsync("not the password at all");
            Assert.Equal(400, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
            Assert.Equal(200, await OpenAsync(axePage, "/staff/sign-in"));
            await axePage.Locator("#user-name").FillAsync(StaffFactory.ShinagawaClerk);
            await axePage.Locator("#password").FillAsync("not the password at all");
            Assert.Equal(400, await ClickAndLoadAsync(axePage, axePage.Locator("main form button[type=submit]")));
            await AssertNoAxeViolationsAsync(axePage, "sign-in-error");

            // The right one: to the staff home.
            await page.Locator("#user-name").FillAsync(StaffFactory.ShinagawaClerk);
            await page.Locator("#password").FillAsync(StaffFactory.Password);
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
            await axeContext.AddCookiesAsync(await CopyCookiesAsync(context));
            await ScanAsync(page, axePage, "staff-home", 200);

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main a[href='/staff/131091']")));
            await ScanAsync(page, axePage, "staff-municipality", 200);

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main nav.staff-header a[href='/staff/131091/today']")));
            Assert.Contains("交付特設会場", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await ScanAsync(page, axePage, "staff-today", 200);

            // Another day through the date form, a holiday.
            await page.Locator("#date").FillAsync("2026-11-23");
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form.staff-filter button[type=submit]")));
            Assert.Contains("勤労感謝の日", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await ScanAsync(page, axePage, "staff-today-holiday", 200);

            Assert.Equal(400, await OpenAsync(page, "/staff/131091/today?date=2026-13-01"));
            await ScanAsync(page, axePage, "staff-today-bad-date", 400);
        }
        finally
        {
            await axeContext.CloseAsync();
            await context.CloseAsync();
        }
    }

    /// <summary>Opens the page the clerk is on in the JavaScript-enabled context and scans it.</summary>
    private static async Task ScanAsync(IPage page, IPage axePage, string kind, int status)
    {
        Assert.Equal(status, await OpenAsync(axePage, new Uri(page.Url).PathAndQuery));
        Assert.Equal(new Uri(page.Url).PathAndQuery, new Uri(axePage.Url).PathAndQuery);
        await AssertNoAxeViolationsAsync(axePage, kind);
    }

}
