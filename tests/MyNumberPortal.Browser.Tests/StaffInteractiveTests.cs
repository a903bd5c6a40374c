using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>Its own server and Chromium: the clerk's sign-ins here stay clear of the other collections' rate limit.</summary>
[CollectionDefinition(Name)]
public sealed class StaffInteractiveCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-staff-interactive";
}

/// <summary>
/// "Today at the counters" over the circuit in Chromium: once the page's interactive part has connected (the test
/// waits for it: a choice made before would be lost), choosing a procedure and an applicant narrows the list in place,
/// without a page load; without JavaScript the same form narrows it with the Show button and says that it does.
/// </summary>
[Collection(StaffInteractiveCollection.Name)]
public sealed class StaffInteractiveTests(BrowserFixture browser)
{
    private const string Today = "/staff/131091/today";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_clerk_narrows_todays_counters_by_procedure_and_applicant(bool javaScript)
    {
        var (context, page) = await browser.NewPageAsync(javaScript, new ViewportSize { Width = 1280, Height = 900 });
        try
        {
            await SignInAsync(page);
            Assert.Equal(200, await OpenAsync(page, Today));
            var counters = page.Locator("li.staff-counter");
            var all = await counters.CountAsync();
            Assert.Equal(13, all);
            Assert.Contains("2026年11月24日(火)", await page.Locator(".staff-today-date").InnerTextAsync(), StringComparison.Ordinal);

            if (javaScript)
            {
                await page.Locator("form.staff-filter[data-ready='interactive']").WaitForAsync(); // the circuit is up
                Assert.Equal("選ぶとすぐに一覧が変わります。別の日を見るときは、日付を選んで「表示する」を押してください。",
                    (await page.Locator(".staff-filter-mode").InnerTextAsync()).Trim());
                var documents = 0;
                page.Response += (_, response) => documents += response.Request.IsNavigationRequest ? 1 : 0;

                await page.Locator("#procedure").SelectOptionAsync("suspension-release");
                await Assertions.Expect(page.Locator("li.staff-counter[data-counter='kofu-tokusetsu']")).ToHaveCountAsync(0);
                var release = await counters.CountAsync();
                Assert.InRange(release, 1, all - 1);
                await Assertions.Expect(page.Locator(".staff-open-count")).ToContainTextAsync($"全13か所のうち{release}か所");

                // A reissue is taken at the special venue, but from no household member on that day: said so.
                await page.Locator("#procedure").SelectOptionAsync("reissue");
                await Assertions.Expect(page.Locator("li.staff-counter[data-counter='kofu-tokusetsu']")).ToHaveCountAsync(1);
                await page.Locator("#applicant").SelectOptionAsync("household-member");
                await Assertions.Expect(page.Locator(".staff-open-count")).ToHaveTextAsync("この日、選んだ手続きと申請者を受け付ける窓口はありません。");
                Assert.Equal(0, await counters.CountAsync());
                await page.Locator("#procedure").SelectOptionAsync("suspension-release");
                await page.Locator("#applicant").SelectOptionAsync("self");
                await Assertions.Expect(page.Locator("li.staff-counter[data-counter='city-office-suspension-release']")).ToHaveCountAsync(1);
                Assert.Equal(0, documents); // no page load: the list changed over the circuit
                Assert.EndsWith(Today, page.Url, StringComparison.Ordinal);
                await AssertNoAxeViolationsAsync(page, "staff-today-interactive");
                // What the clerk sees, wide and on a phone (artifacts/screenshots/).
                await SaveScreenshotAsync(page, "staff-today-filtered-1280");
                await page.SetViewportSizeAsync(360, 780);
                Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 360, "today's counters scroll sideways at 360 px");
                await SaveScreenshotAsync(page, "staff-today-filtered-360");
            }
            else
            {
                Assert.Contains("JavaScriptが無効です", await page.Locator(".staff-noscript").InnerTextAsync(), StringComparison.Ordinal);
                await page.Locator("#procedure").SelectOptionAsync("suspension-release");
                Assert.Equal(all, await counters.CountAsync()); // nothing happens until Show
                Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("form.staff-filter button[type=submit]")));
                Assert.Contains("procedure=suspension-release", page.Url, StringComparison.Ordinal);
                Assert.Equal(0, await page.Locator("li.staff-counter[data-counter='kofu-tokusetsu']").CountAsync());
                Assert.InRange(await counters.CountAsync(), 1, all - 1);
                Assert.Equal("suspension-release", await page.Locator("#procedure").InputValueAsync());
            }

            // Each table now lists the chosen procedure only.
            foreach (var row in await page.Locator("table.staff-accepts tbody th[scope=row]").AllInnerTextsAsync())
            {
                Assert.Equal("一時停止解除", row.Trim());
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
