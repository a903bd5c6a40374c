using Microsoft.Playwright;
using MyNumberPortal.Web.Tests.Operations;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// The two-instance test (tests/MyNumberPortal.Web.Tests/Operations/TwoInstancesTests.cs) with a browser: two real
/// portal processes on one database behind <see cref="AffinityBalancer"/>, which sends the circuit (<c>/_blazor</c>) to
/// B and every page to A. The admin signs in (on A), opens today's counters (rendered by A) and narrows them: the
/// interactive part runs on B's circuit, started from A's protected component descriptors with the data-protection keys
/// the two share through the database. docs/operations.md, "Interactive staff pages and affinity".
/// </summary>
[Collection(StaffInteractiveCollection.Name)]
public sealed class TwoInstancesCircuitTests(BrowserFixture browser, TwoInstancesFixture portals) : IClassFixture<TwoInstancesFixture>, IAsyncLifetime
{
    private AffinityBalancer? balancer;

    public async Task InitializeAsync() => balancer = await AffinityBalancer.StartAsync(portals.A.Address, portals.B.Address);

    public async Task DisposeAsync()
    {
        if (balancer is not null)
        {
            await balancer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_page_from_A_runs_its_circuit_on_B()
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = balancer!.Address, Locale = "ja-JP", TimezoneId = "Asia/Tokyo" });
        context.SetDefaultTimeout(30_000);
        try
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, TwoInstancesFixture.AdminUser, TwoInstancesFixture.AdminPassword);

            Assert.Equal(200, await OpenAsync(page, "/staff/131091/today"));
            await page.Locator("form.staff-filter[data-ready='interactive']").WaitForAsync(); // B's circuit is up
            await page.Locator("#procedure").SelectOptionAsync("suspension-release");
            await Assertions.Expect(page.Locator("li.staff-counter[data-counter='kofu-tokusetsu']")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("li.staff-counter[data-counter='city-office-suspension-release']")).ToHaveCountAsync(1);

            var forwarded = balancer.Forwarded.ToList();
            Assert.Contains(forwarded, f => f.Instance == portals.A.Address && f.Path == "/staff/131091/today");
            Assert.Contains(forwarded, f => f.Instance == portals.B.Address && f.Path == "/_blazor" && f.WebSocket);
            Assert.DoesNotContain(forwarded, f => f.Instance == portals.B.Address && !f.Path.StartsWith("/_blazor", StringComparison.Ordinal));
            Assert.Equal(1, await portals.CountKeysAsync()); // one key ring, created by A, read by B
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
