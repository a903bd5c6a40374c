using Microsoft.Playwright;
using static MyNumberPortal.Browser.Tests.Portal;

namespace MyNumberPortal.Browser.Tests;

/// <summary>The strict Content-Security-Policy breaks nothing: no violation is reported, the script and the stylesheets load and act.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    [Fact]
    public async Task Pages_run_under_the_policy_without_a_violation()
    {
        var (context, page) = await browser.NewPageAsync(javaScript: true);
        try
        {
            var problems = new List<string>();
            page.Console += (_, message) =>
            {
                // A 404 page and the browser's own /favicon.ico request log "Failed to load resource"; assets are checked below.
                if (message.Type is "error" or "warning" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                {
                    problems.Add($"{message.Type}: {message.Text}");
                }
            };
            page.PageError += (_, error) => problems.Add("page error: " + error);
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType is "script" or "stylesheet" && response.Status != 200)
                {
                    problems.Add($"{response.Status} {response.Url}");
                }
            };
            page.RequestFailed += (_, request) => problems.Add($"failed: {request.Url} {request.Failure}");
            await page.AddInitScriptAsync(
                "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

            foreach (var path in new[] { "/", "/guide/142123", "/guide/142123/lost-card", "/guide/142123/lost-card?applicant=self&lost-where=outside", "/no-such-page" })
            {
                var response = await page.GotoAsync(path);
                Assert.NotNull(response);
                Assert.Contains("script-src 'self'", await response.HeaderValueAsync("content-security-policy") ?? "", StringComparison.Ordinal);
                Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
                // The three stylesheets (site, checklist, print) are loaded and readable.
                var sheets = await page.EvaluateAsync<string[]>(
                    "() => [...document.styleSheets].map(s => { try { return s.href + ' ' + s.cssRules.length; } catch (e) { return s.href + ' ' + e.name; } })");
                Assert.True(sheets.Count(s => System.Text.RegularExpressions.Regex.IsMatch(s, @"/css/(site|checklist|print)\.css [1-9]")) == 3, string.Join(", ", sheets));
            }

            // The print button, made by /js/enhance.js.
            Assert.Equal(200, await OpenAsync(page, "/guide/142123/lost-card/print?applicant=self&lost-where=outside"));
            Assert.Equal(1, await page.Locator("[data-print-button] button").CountAsync());
            Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
            Assert.Empty(problems);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
