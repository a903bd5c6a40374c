using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>
/// Its own server, whose circuits check their session every second (<c>Staff:CircuitRevalidationSeconds</c> = 1; 60 in
/// production), and its own Chromium.
/// </summary>
public sealed class QuickRevalidationFixture : IAsyncLifetime
{
    public BrowserFixture Browser { get; } = new(new Dictionary<string, string> { ["Staff:CircuitRevalidationSeconds"] = "1" });

    public Task InitializeAsync() => Browser.InitializeAsync();

    public Task DisposeAsync() => Browser.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StaffSessionEndCollection : ICollectionFixture<QuickRevalidationFixture>
{
    public const string Name = "browser-staff-session-end";
}

/// <summary>
/// An interactive staff page left open (today's counters, its circuit connected) is sent to the sign-in page once the
/// session is signed out elsewhere: in another tab of the same browser, or in another browser holding a copy of the
/// cookie (the sign-out ends every copy of the session). Nothing more is shown or answered over the old circuit.
/// </summary>
[Collection(StaffSessionEndCollection.Name)]
public sealed class StaffSessionEndBrowserTests(QuickRevalidationFixture fixture)
{
    private const string Today = "/staff/131091/today";

    [Theory]
    [InlineData("another tab")]
    [InlineData("another browser")]
    public async Task An_open_interactive_page_goes_to_sign_in_after_a_sign_out_elsewhere(string where)
    {
        var browser = fixture.Browser;
        var (context, page) = await browser.NewPageAsync(javaScript: true, new ViewportSize { Width = 1280, Height = 900 });
        IBrowserContext? other = null;
        try
        {
            await SignInAsync(page);
            Assert.Equal(200, await OpenAsync(page, Today));
            await page.Locator("form.staff-filter[data-ready='interactive']").WaitForAsync(); // the circuit is up

            IPage signOut;
            if (where == "another tab")
            {
                signOut = await context.NewPageAsync();
            }
            else
            {
                other = await browser.NewContextAsync(javaScript: true, new ViewportSize { Width = 1280, Height = 900 }, mobile: false);
                await other.AddCookiesAsync(await CopyCookiesAsync(context));
                signOut = await other.NewPageAsync();
            }

            Assert.Equal(200, await OpenAsync(signOut, "/staff/sign-out"));
            Assert.Equal(200, await ClickAndLoadAsync(signOut, signOut.Locator("main form button[type=submit]")));

            // The open page finds out at its circuit's next check and reloads, which the server answers with the sign-in page.
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/staff/sign-in", new() { Timeout = 30_000 });
            await Assertions.Expect(page.Locator("#user-name")).ToBeVisibleAsync();
            Assert.Equal(0, await page.Locator("li.staff-counter").CountAsync());

            // The page, opened again with what the browser still holds, is the sign-in page too.
            Assert.Equal(200, await OpenAsync(page, Today));
            Assert.Equal("/staff/sign-in", new Uri(page.Url).AbsolutePath);
        }
        finally
        {
            if (other is not null)
            {
                await other.CloseAsync();
            }

            await context.CloseAsync();
        }
    }
}
