using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>The print view on paper (one A4 page), narrow phones (no sideways scrolling), and the README's screenshots.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintAndLayoutTests(BrowserFixture browser)
{
    /// <summary>An ordinary case: a card lost outside home, the holder goes in person.</summary>
    private const string OrdinaryChecklist = "/guide/142123/lost-card?applicant=self&lost-where=outside";

    public static readonly TheoryData<bool> Scripting = new() { false, true };

    [Theory]
    [MemberData(nameof(Scripting))]
    public async Task The_print_view_hides_the_site_chrome_and_fits_one_A4_page(bool javaScript)
    {
        var page = await browser.SharedPageAsync(javaScript);
        try
        {
            Assert.Equal(200, await OpenAsync(page, OrdinaryChecklist));
            var reference = await AssertChecklistAsync(page);
            Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main a[href*='/print']")));
            Assert.Contains("/guide/142123/lost-card/print?", page.Url, StringComparison.Ordinal);
            Assert.Contains("applicant=self", page.Url, StringComparison.Ordinal);
            Assert.Contains("lost-where=outside", page.Url, StringComparison.Ordinal);

            // The print stylesheet is linked for print only, and is there.
            Assert.Equal(1, await page.Locator("link[rel=stylesheet][href$='css/print.css'][media=print]").CountAsync());
            var css = await page.APIRequest.GetAsync("/css/print.css");
            Assert.Equal(200, css.Status);

            // On screen the header and footer are there ...
            Assert.True(await page.Locator(".site-header").IsVisibleAsync(), "The header is not shown on screen.");
            Assert.True(await page.Locator(".site-footer").IsVisibleAsync(), "The footer is not shown on screen.");

            // ... on paper they are not; the checklist, its heading and the reference code are.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            foreach (var hidden in new[] { ".site-header", ".site-footer", ".language-switch", ".print-bar", ".skip-link" })
            {
                foreach (var element in await page.Locator(hidden).AllAsync())
                {
                    Assert.False(await element.IsVisibleAsync(), $"{hidden} is printed.");
                }
            }

            Assert.True(await page.Locator("main h1").IsVisibleAsync(), "The heading is not printed.");
            Assert.Contains(reference, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.True(await page.Locator("main section h2").CountAsync() >= 2, "The checklist sections are not printed.");

            var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = false });
            var file = Path.Combine(Path.GetTempPath(), $"mynumberportal-print-{(javaScript ? "js" : "nojs")}.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var pages = CountPdfPages(pdf);
            Assert.True(pages == 1, $"The print view of {OrdinaryChecklist} takes {pages} A4 pages, not 1 (PDF: {file}).");
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Page objects in a PDF: "/Type /Page", not "/Type /Pages".</summary>
    internal static int CountPdfPages(byte[] pdf) => PdfPageObject().Matches(Encoding.Latin1.GetString(pdf)).Count;

    [GeneratedRegex(@"/Type\s*/Page(?![A-Za-z])")]
    private static partial Regex PdfPageObject();

    public static readonly TheoryData<string, bool, bool> NarrowPages = Narrow();

    private static TheoryData<string, bool, bool> Narrow()
    {
        var data = new TheoryData<string, bool, bool>();
        foreach (var path in new[] { "/", "/guide/142123/lost-card?applicant=self", OrdinaryChecklist })
        {
            foreach (var english in new[] { false, true })
            {
                foreach (var javaScript in new[] { false, true })
                {
                    data.Add(path, english, javaScript);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NarrowPages))]
    public async Task Nothing_scrolls_sideways_on_a_320_pixel_wide_screen(string path, bool english, bool javaScript)
    {
        var page = await browser.SharedPageAsync(javaScript, english ? "en" : "ja", new ViewportSize { Width = 320, Height = 640 });
        try
        {
            Assert.Equal(200, await OpenAsync(page, path));
            Assert.Equal(english ? "en" : "ja", await page.Locator("html").GetAttributeAsync("lang"));
            Assert.True(await page.Locator("main h1").IsVisibleAsync());
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            if (width > 320)
            {
                var wide = await page.EvaluateAsync<string[]>(WidestElements);
                Assert.Fail($"{path} ({(english ? "en" : "ja")}) is {width}px wide at 320px; too wide: {string.Join("; ", wide)}");
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Which elements stick out to the right (for the failure message).</summary>
    private const string WidestElements = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
          .slice(0, 8)
          .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
               + ' right=' + Math.round(e.getBoundingClientRect().right))
        """;

    [Fact]
    public async Task Screenshots_of_the_start_page_a_question_and_a_checklist()
    {
        // Written to docs/screenshots only with UPDATE_SCREENSHOTS=1; otherwise taken and checked, not kept.
        var update = Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1";
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "docs", "screenshots");
        var page = await browser.SharedPageAsync(javaScript: true);
        try
        {
            var shots = new (string File, string Path, bool FullPage)[]
            {
                ("start.png", "/", false),
                ("question.png", "/guide/142123/lost-card?applicant=self", false),
                ("checklist.png", OrdinaryChecklist, true),
            };
            foreach (var shot in shots)
            {
                Assert.Equal(200, await OpenAsync(page, shot.Path));
                Assert.True(await page.Locator("main h1").IsVisibleAsync());
                await page.EvaluateAsync("() => document.fonts.ready");
                var options = new PageScreenshotOptions { FullPage = shot.FullPage, Type = ScreenshotType.Png, Animations = ScreenshotAnimations.Disabled };
                if (shot.FullPage)
                {
                    // The whole checklist down to at most three phone screens, to keep the file small.
                    var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
                    options.Clip = new() { X = 0, Y = 0, Width = BrowserFixture.Phone.Width, Height = Math.Min(height, 3 * BrowserFixture.Phone.Height) };
                }

                var png = await page.ScreenshotAsync(options);
                Assert.True(png.Length > 1000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', $"{shot.File} is not a PNG.");
                Assert.True(png.Length < 400 * 1024, $"{shot.File} is {png.Length / 1024} KB.");
                if (update)
                {
                    Directory.CreateDirectory(folder);
                    await File.WriteAllBytesAsync(Path.Combine(folder, shot.File), png);
                }
            }
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
