using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Admin;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// Two admins at once in Chromium, without JavaScript (issue 12): after a colleague's save, the refused page shows both
/// values of each field side by side, the colleague's chosen; the admin picks their own where they meant to change it, and
/// both changes are kept. axe finds no WCAG 2.2 A/AA violation on that page; screenshots at 360 and 1280 px for people.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AdminConflictBrowserTests(BrowserFixture browser)
{
    private const string Admin = "/staff/131091/admin";
    private const string Hours = Admin + "/counters/shinagawa-daiichi/hours";

    [Fact]
    public async Task After_a_colleagues_save_both_values_are_shown_and_the_admin_chooses()
    {
        var (contextA, a) = await browser.NewPageAsync(javaScript: false);
        var (contextB, b) = await browser.NewPageAsync(javaScript: false);
        var (axeContext, axePage) = await browser.NewPageAsync(javaScript: true);
        try
        {
            await SignInAsync(a);
            await SignInAsync(b);
            Assert.Equal(200, await OpenAsync(a, Hours));
            Assert.Equal(200, await OpenAsync(b, Hours));
            var close = await a.Locator("#f-Hours-0-Close").InputValueAsync();

            // The colleague saves a closing time; this admin, on the page read before, changes the opening time.
            await b.Locator("#f-Hours-0-Close").FillAsync("17:15");
            Assert.Equal(200, await ClickAndLoadAsync(b, b.Locator("main form.admin-form button[type=submit]")));
            await a.Locator("#f-Hours-0-Open").FillAsync("09:00");
            Assert.Equal(409, await ClickAndLoadAsync(a, a.Locator("main form.admin-form button[type=submit]")));

            var shown = await a.Locator("#f-conflict-Hours-0-Close").InnerTextAsync();
            Assert.Contains("17:15", shown, StringComparison.Ordinal);
            Assert.Contains(close, shown, StringComparison.Ordinal);
            Assert.True(await a.Locator("#f-conflict-Hours-0-Close-theirs").IsCheckedAsync());
            Assert.True(await a.Locator("#f-conflict-Hours-0-Open-theirs").IsCheckedAsync());
            await a.SetViewportSizeAsync(360, 780);
            await SaveScreenshotAsync(a, "admin-conflict-360");
            await a.Locator("#f-conflict-Hours-0-Open").ScrollIntoViewIfNeededAsync();
            await SaveScreenshotAsync(a, "admin-conflict-360-fields", fullPage: false);
            await a.SetViewportSizeAsync(1280, 900);
            await SaveScreenshotAsync(a, "admin-conflict-1280");
            await a.Locator("#f-conflict-Hours-0-Open").ScrollIntoViewIfNeededAsync();
            await SaveScreenshotAsync(a, "admin-conflict-1280-fields", fullPage: false);
            await axePage.SetContentAsync(await a.ContentAsync());
            await AssertNoAxeViolationsAsync(axePage, "admin-conflict");

            // This admin keeps the colleague's closing time and picks their own opening time.
            await a.Locator("label[for='f-conflict-Hours-0-Open-mine']").ClickAsync();
            Assert.Equal(200, await ClickAndLoadAsync(a, a.Locator("main form.admin-form button[type=submit]")));
            Assert.Equal(1, await a.Locator(".admin-notice-saved").CountAsync());
            Assert.Equal(("09:00", "17:15"), (await a.Locator("#f-Hours-0-Open").InputValueAsync(), await a.Locator("#f-Hours-0-Close").InputValueAsync()));

            // Leave no draft behind for the other browser tests.
            Assert.Equal(200, await OpenAsync(a, Admin + "/discard"));
            Assert.Equal(200, await ClickAndLoadAsync(a, a.Locator("main form.admin-form button[type=submit]")));
        }
        finally
        {
            await axeContext.CloseAsync();
            await contextB.CloseAsync();
            await contextA.CloseAsync();
        }
    }

    private static async Task SignInAsync(IPage page)
    {
        Assert.Equal(200, await OpenAsync(page, "/staff/sign-in?returnUrl=" + Uri.EscapeDataString(Admin)));
        await page.Locator("#user-name").FillAsync(AdminFactory.ShinagawaAdmin);
        await page.Locator("#password").FillAsync(StaffFactory.Password);
        Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
    }
}
