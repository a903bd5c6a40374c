using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Admin;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The admin console in Chromium, as a new admin of 品川区 would use it: change a counter's hours (first wrongly, then
/// rightly), preview the resident checklist from the draft, publish, and see the resident checklist follow; the change
/// is in the audit log. The flow runs without JavaScript; axe (with JavaScript) finds no WCAG 2.2 A/AA violation on any
/// admin page it passes through.
/// </summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AdminConsoleBrowserTests(BrowserFixture browser)
{
    private const string Admin = "/staff/131091/admin";

    [Fact]
    public async Task An_admin_changes_a_counters_hours_previews_publishes_and_the_resident_checklist_follows()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: false);
        var (axeContext, axePage) = await browser.NewPageAsync(javaScript: true);
        var (residentContext, resident) = await browser.NewPageAsync(javaScript: false);
        try
        {
            // The resident's checklist before: the special venue closes at 19:00 on Tuesdays.
            await OpenChecklistAsync(resident, "131091", "reissue", "applicant=self");
            Assert.DoesNotContain("19:30", await resident.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            Assert.Equal(200, await OpenAsync(page, "/staff/sign-in?returnUrl=" + Uri.EscapeDataString(Admin)));
            await page.Locator("#user-name").FillAsync(AdminFactory.ShinagawaAdmin);
            await page.Locator("#password").FillAsync(StaffFactory.Password);
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
            Assert.Equal(Admin, new Uri(page.Url).AbsolutePath);
            await axeContext.AddCookiesAsync(await CopyCookiesAsync(context));
            await OpenWithoutAxeViolationsAsync(axePage, Admin, "admin-home");

            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"main a[href='{Admin}/counters']")));
            await OpenWithoutAxeViolationsAsync(axePage, $"{Admin}/counters", "counters");
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator($"main a[href='{Admin}/counters/kofu-tokusetsu/hours']")));
            var hours = new Uri(page.Url).AbsolutePath;
            await OpenWithoutAxeViolationsAsync(axePage, hours, "hours-form");

            // A closing time before the opening time: the message beside the field and in the summary; nothing saved.
            await page.Locator("#f-Hours-1-Close").FillAsync("08:00");
            Assert.Equal(400, await ClickAndLoadAsync(page, page.Locator("main form.admin-form button[type=submit]")));
            Assert.Equal(1, await page.Locator(".error-summary a[href$='#f-Hours-1-Close']").CountAsync());
            Assert.Contains("終了時刻", await page.Locator("#f-Hours-1-Close-error").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal("08:00", await page.Locator("#f-Hours-1-Close").InputValueAsync());
            await SaveScreenshotAsync(page, "admin-hours-error");
            var errorHtml = await page.ContentAsync();
            await axePage.SetContentAsync(errorHtml);
            await AssertNoAxeViolationsAsync(axePage, "hours-form-error");

            await page.Locator("#f-Hours-1-Close").FillAsync("19:30");
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form.admin-form button[type=submit]")));
            Assert.Equal(1, await page.Locator(".admin-notice-saved").CountAsync());
            Assert.Equal("19:30", await page.Locator("#f-Hours-1-Close").InputValueAsync());
            await SaveScreenshotAsync(page, "admin-hours-saved");

            // The preview shows the draft; residents still see the published hours.
            Assert.Equal(200, await OpenAsync(page, $"{Admin}/preview/reissue"));
            await AnswerUntilChecklistAsync(page, Answers("applicant=self"));
            Assert.Contains("19:30", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            await OpenWithoutAxeViolationsAsync(axePage, new Uri(page.Url).PathAndQuery, "preview-checklist");
            await OpenChecklistAsync(resident, "131091", "reissue", "applicant=self");
            Assert.DoesNotContain("19:30", await resident.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            // Publish from today.
            Assert.Equal(200, await OpenAsync(page, $"{Admin}/publish"));
            await OpenWithoutAxeViolationsAsync(axePage, $"{Admin}/publish", "publish");
            await SaveScreenshotAsync(page, "admin-publish");
            await page.Locator("#f-Comment").FillAsync("交付特設会場 火曜日は19:30まで");
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form.admin-form button[type=submit]")));
            Assert.Equal($"{Admin}/history", new Uri(page.Url).AbsolutePath);
            Assert.Equal(1, await page.Locator(".admin-notice-saved").CountAsync());
            await OpenWithoutAxeViolationsAsync(axePage, $"{Admin}/history", "history");

            await OpenChecklistAsync(resident, "131091", "reissue", "applicant=self");
            Assert.Contains("19:30", await resident.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

            // The audit log has the save and the publish, by this admin (the actions in the admin's language).
            Assert.Equal(200, await OpenAsync(page, $"{Admin}/audit"));
            var audit = await page.Locator("main table").InnerTextAsync();
            Assert.Contains("公開", audit, StringComparison.Ordinal);
            Assert.Contains("下書きの保存", audit, StringComparison.Ordinal);
            Assert.DoesNotContain("draft-save", audit, StringComparison.Ordinal);
            Assert.Contains(AdminFactory.ShinagawaAdmin, audit, StringComparison.Ordinal);
            await OpenWithoutAxeViolationsAsync(axePage, $"{Admin}/audit", "audit");
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main table tbody tr a").First));
            await OpenWithoutAxeViolationsAsync(axePage, new Uri(page.Url).AbsolutePath, "audit-entry");

            // The other editors, in English too.
            foreach (var path in new[] { "/municipality", "/fees/reissue-fee", "/items", "/id-documents", "/section/steps", "/import", "/history/1",
                "/staff", "/discard", "/audit?action=draft-save&from=2020-01-01" })
            {
                await OpenWithoutAxeViolationsAsync(axePage, Admin + path, "admin" + path.Replace('/', '-'));
            }

            await OpenWithoutAxeViolationsAsync(axePage, $"{hours}?lang=en", "hours-form-en");
        }
        finally
        {
            await residentContext.CloseAsync();
            await axeContext.CloseAsync();
            await context.CloseAsync();
        }
    }

    private static async Task OpenWithoutAxeViolationsAsync(IPage page, string path, string kind)
    {
        var status = await OpenAsync(page, path);
        Assert.True(status == 200, $"{kind}: {path} gave {status}");
        await AssertNoAxeViolationsAsync(page, kind);
    }
}
