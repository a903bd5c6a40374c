using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace MyNumberPortal.Browser.Tests;

/// <summary>Resident actions on the portal's pages, as a person on a phone does them.</summary>
public static partial class Portal
{
    /// <summary>A reference code as the checklist shows it: XXXX-XXXX-XX, longer (a fourth group) for cases with more answers (新潟市 asks the ward).</summary>
    [GeneratedRegex(@"^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2,4}(-[0-9A-Z]{1,4})?$")]
    public static partial Regex ReferenceCodePattern();

    /// <summary>Opens a path on the portal and returns the final response's status.</summary>
    public static async Task<int> OpenAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return response.Status;
    }

    /// <summary>
    /// Clicks something that loads a new page (a link or a form's submit button) and waits until that page has loaded;
    /// returns the status of the page's final response (after any redirect). With JavaScript on, Blazor loads most pages
    /// by enhanced navigation (a fetch and an update of the document, no new document): then this waits for Blazor's
    /// "enhancedload" and returns the fetch's status; otherwise for the new document's load event.
    /// </summary>
    public static async Task<int> ClickAndLoadAsync(IPage page, ILocator target)
    {
        // Counts this document's enhanced loads (a new document starts without the counter).
        var before = await page.EvaluateAsync<int>(
            "() => { if (!window.Blazor) return -1; if (!window.__portalLoads) { window.__portalLoads = { count: 0 };" +
            " Blazor.addEventListener('enhancedload', () => window.__portalLoads.count++); } return window.__portalLoads.count; }");
        var final = new TaskCompletionSource<IResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnResponse(object? sender, IResponse response)
        {
            var request = response.Request;
            var pageLoad = request.IsNavigationRequest
                || (request.Headers.TryGetValue("accept", out var accept) && accept.Contains("blazor-enhanced-nav=on", StringComparison.Ordinal));
            if (pageLoad && response.Status is < 300 or >= 400)
            {
                final.TrySetResult(response);
            }
        }

        page.Response += OnResponse;
        try
        {
            await target.ClickAsync();
            var response = await final.Task.WaitAsync(TimeSpan.FromSeconds(30));
            // Done when this document had an enhanced load, or a new document has loaded.
            await page.WaitForFunctionAsync("n => !window.__portalLoads || window.__portalLoads.count > n", before);
            await page.WaitForLoadStateAsync(LoadState.Load);
            return response.Status;
        }
        finally
        {
            page.Response -= OnResponse;
        }
    }

    /// <summary>
    /// Answers one question page after another until the checklist: on each page taps the label of the
    /// preferred answer (by the radio's name and value), or of the first answer when there is no preference,
    /// then taps Continue. Returns the number of taps.
    /// </summary>
    public static async Task<int> AnswerUntilChecklistAsync(IPage page, IReadOnlyDictionary<string, string> prefer, int maxQuestions = 8)
    {
        var clicks = 0;
        for (var asked = 0; ; asked++)
        {
            var radios = page.Locator("main input[type=radio]");
            if (await radios.CountAsync() == 0)
            {
                return clicks;
            }

            Assert.True(asked < maxQuestions, $"More than {maxQuestions} questions: still asking at {page.Url}");
            var name = await radios.First.GetAttributeAsync("name") ?? "";
            var chosen = radios.First;
            if (prefer.TryGetValue(name, out var value))
            {
                chosen = page.Locator($"main input[type=radio][name='{name}'][value='{value}']");
                Assert.True(await chosen.CountAsync() == 1, $"No answer '{value}' for '{name}' at {page.Url}");
            }

            var id = await chosen.GetAttributeAsync("id");
            Assert.False(string.IsNullOrEmpty(id), $"A radio without an id at {page.Url}");
            await page.Locator($"label[for='{id}']").ClickAsync();
            clicks++;
            Assert.True(await chosen.IsCheckedAsync(), $"Tapping the label of #{id} did not select it at {page.Url}");

            var before = page.Url;
            var status = await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]"));
            clicks++;
            Assert.True(status == 200, $"Continue from {before} gave {status} at {page.Url}");
            Assert.Equal(0, await page.Locator(".error-summary").CountAsync());
            Assert.Contains($"{name}=", page.Url, StringComparison.Ordinal);
        }
    }

    /// <summary>Parses "applicant=self&amp;lost-where=outside" into preferred answers.</summary>
    public static IReadOnlyDictionary<string, string> Answers(string query) =>
        query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1]);

    /// <summary>Walks from the municipality's first question page to its checklist and returns the checklist's path.</summary>
    public static async Task<string> OpenChecklistAsync(IPage page, string code, string procedure, string answers)
    {
        Assert.Equal(200, await OpenAsync(page, $"/guide/{code}/{procedure}"));
        await AnswerUntilChecklistAsync(page, Answers(answers));
        await AssertChecklistAsync(page);
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>The checklist: a heading, the reference code, sections with headings, the answers, a back link.</summary>
    public static async Task<string> AssertChecklistAsync(IPage page)
    {
        var h1 = page.Locator("main h1");
        Assert.Equal(1, await h1.CountAsync());
        Assert.False(string.IsNullOrWhiteSpace(await h1.InnerTextAsync()), $"Empty h1 at {page.Url}");
        var code = page.Locator("#reference-code");
        Assert.True(await code.CountAsync() == 1, $"No #reference-code at {page.Url}");
        var text = (await code.InnerTextAsync()).Trim();
        Assert.Matches(ReferenceCodePattern(), text);
        Assert.True(await page.Locator("main section h2").CountAsync() >= 2, $"Fewer than two checklist sections at {page.Url}");
        Assert.Equal(1, await page.Locator("section.answer-summary").CountAsync());
        Assert.Equal(1, await page.Locator("main a.back-link").CountAsync());
        Assert.Equal(1, await page.Locator("main a[href*='/print']").CountAsync());
        return text;
    }

    /// <summary>The axe-core rule tags every browser test checks: WCAG 2.0, 2.1 and 2.2, levels A and AA.</summary>
    public static readonly List<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    /// <summary>The page has one h1, axe checked something on it, and found no WCAG A/AA violation.</summary>
    public static async Task AssertNoAxeViolationsAsync(IPage page, string kind)
    {
        Assert.True(await page.Locator("main h1").CountAsync() == 1, $"{kind}: no single h1 at {page.Url}");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags } });
        Assert.True(result.Passes.Length > 0, $"axe checked nothing on {kind}.");
        Assert.True(result.Violations.Length == 0, DescribeAxeViolations(kind, page.Url, result));
    }

    /// <summary>Signs in through the staff sign-in form (the 品川区 clerk unless told otherwise); ends on the staff home.</summary>
    public static async Task SignInAsync(IPage page, string user = MyNumberPortal.Web.Tests.Staff.StaffFactory.ShinagawaClerk, string password = MyNumberPortal.Web.Tests.Staff.StaffFactory.Password)
    {
        Assert.Equal(200, await OpenAsync(page, "/staff/sign-in"));
        await page.Locator("#user-name").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        Assert.Equal(200, await ClickAndLoadAsync(page, page.Locator("main form button[type=submit]")));
        Assert.Equal("/staff", new Uri(page.Url).AbsolutePath);
    }

    /// <summary>A picture for people to look at (artifacts/screenshots/NAME.png, not checked): the full page, or what the viewport shows.</summary>
    public static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var folder = Path.Combine(BrowserFixture.RepositoryRoot, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = fullPage });
    }

    /// <summary>A browser context's cookies, to sign another context (JavaScript on, for axe) in as the same person.</summary>
    public static async Task<IReadOnlyList<Cookie>> CopyCookiesAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();

    /// <summary>Each axe violation with what the page owners need to fix it: rule, help, the elements.</summary>
    public static string DescribeAxeViolations(string what, string url, Deque.AxeCore.Commons.AxeResult result)
    {
        var text = new System.Text.StringBuilder($"{result.Violations.Length} axe violation(s) on {what} {url}:");
        foreach (var violation in result.Violations)
        {
            text.Append($"\n- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                text.Append($"\n    at {node.Target}: {node.Html}");
                foreach (var check in (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []))
                {
                    text.Append($"\n      {check.Id}: {check.Message}");
                }
            }
        }

        return text.ToString();
    }
}
