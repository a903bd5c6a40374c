using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>axe-core on every kind of page, in Japanese and English: no WCAG 2.2 A/AA violation.</summary>
[Collection(AccessibilityCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser)
{

    /// <summary>The page kinds: a name and the HTTP status the page is served with.</summary>
    private static readonly (string Name, int Status)[] PageKinds =
    [
        ("start", 200),
        ("start-results", 200),
        ("start-no-results", 200),
        ("search-error", 400),
        ("situation", 200),
        ("question", 200),
        ("question-error", 200),
        ("checklist-142123-lost-card", 200),
        ("checklist-132101-pin-reset", 200),
        ("checklist-151009-reissue", 200),
        ("checklist-131091-abolition", 200),
        ("checklist-131237-suspension-release", 200),
        ("print", 200),
        ("code", 200),
        ("code-error", 400),
        ("not-found", 404),
        ("unknown-municipality", 404),
        ("tampered-answer", 400),
    ];

    public static readonly TheoryData<string, string> Pages = Build();

    private static TheoryData<string, string> Build()
    {
        var data = new TheoryData<string, string>();
        foreach (var language in new[] { "ja", "en" })
        {
            foreach (var (name, _) in PageKinds)
            {
                data.Add(name, language);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task No_accessibility_violations(string kind, string language)
    {
        var page = await browser.SharedPageAsync(javaScript: true, language);
        try
        {
            var status = await OpenKindAsync(page, kind);
            Assert.Equal(PageKinds.Single(k => k.Name == kind).Status, status);
            Assert.Equal(language, await page.Locator("html").GetAttributeAsync("lang"));
            Assert.True(await page.Locator("main h1").CountAsync() == 1, $"{kind}: no single h1 at {page.Url}");

            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags },
            });
            Assert.True(result.Passes.Length > 0, $"axe checked nothing on {kind} ({language}).");
            Assert.True(result.Violations.Length == 0, DescribeAxeViolations($"{kind} ({language})", page.Url, result));
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Opens a page of the given kind the way a resident reaches it; returns its HTTP status.</summary>
    private static async Task<int> OpenKindAsync(IPage page, string kind)
    {
        switch (kind)
        {
            case "start": return await OpenAsync(page, "/");
            case "start-results": return await OpenAsync(page, "/?q=" + Uri.EscapeDataString("市"));
            case "start-no-results": return await OpenAsync(page, "/?q=zzzz");
            case "search-error": return await OpenAsync(page, "/?q=" + Uri.EscapeDataString(new string('あ', 70)));
            case "situation": return await OpenAsync(page, "/guide/142123");
            case "question": return await OpenAsync(page, "/guide/142123/lost-card?applicant=self");
            case "question-error":
                Assert.Equal(200, await OpenAsync(page, "/guide/142123/lost-card"));
                var status = await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]"));
                Assert.Equal(1, await page.Locator(".error-summary").CountAsync());
                return status;
            case "print":
                await OpenChecklistAsync(page, "142123", "lost-card", "applicant=self&lost-where=outside");
                return await ClickAndLoadAsync(page, page.Locator("main a[href*='/print']"));
            case "code": return await OpenAsync(page, "/code");
            case "code-error": return await OpenAsync(page, "/code?c=ZZZZ-ZZZZ-ZZ");
            case "not-found": return await OpenAsync(page, "/nope");
            case "unknown-municipality": return await OpenAsync(page, "/guide/999999");
            case "tampered-answer": return await OpenAsync(page, "/guide/142123/lost-card?applicant=self&lost-where=moon");
            default:
                var parts = kind.Split('-', 3);
                Assert.Equal("checklist", parts[0]);
                var answers = parts[2] == "lost-card" ? "applicant=self&lost-where=outside" : "applicant=self";
                await OpenChecklistAsync(page, parts[1], parts[2], answers);
                return 200;
        }
    }
}
