using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace MyNumberPortal.Web.Tests.Pages;

/// <summary>
/// Walks the resident pages over real HTTP the way a browser without JavaScript does: follows the links,
/// submits each question's GET form with every option, and checks every path ends on a checklist whose
/// reference code, back link and "change" links all work.
/// </summary>
public sealed class GuideWalkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient client = factory.CreateClient(new() { AllowAutoRedirect = false });

    public static readonly TheoryData<string, string> Cases = Build();

    private static TheoryData<string, string> Build()
    {
        var data = new TheoryData<string, string>();
        foreach (var code in new[] { "142123", "132101", "151009", "131091", "131237" })
        {
            foreach (var procedure in new[] { "lost-card", "suspension-release", "abolition", "reissue", "pin-reset" })
            {
                data.Add(code, procedure);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_answer_path_reaches_a_checklist(string code, string procedure)
    {
        // From the municipality's situation page, as a resident arrives.
        var situation = await GetPage($"/guide/{code}");
        var start = situation.QuerySelectorAll<IHtmlAnchorElement>("a.choice").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/guide/{code}/{procedure}", start);

        var pending = new Stack<string>([$"/guide/{code}/{procedure}"]);
        var checklists = 0;
        var guard = 0;
        while (pending.TryPop(out var url))
        {
            Assert.True(++guard < 2000, "The walk does not end.");
            var page = await GetPage(url);
            var form = page.QuerySelector<IHtmlFormElement>("main form[method=get]");
            var radios = page.QuerySelectorAll<IHtmlInputElement>("main input[type=radio]").ToList();
            if (radios.Count > 0)
            {
                Assert.NotNull(form);
                Assert.All(radios, r => Assert.NotNull(page.QuerySelector($"label[for='{r.Id}']")));
                Assert.NotNull(page.QuerySelector("main h1"));
                foreach (var radio in radios)
                {
                    pending.Push(Submit(form!, radio));
                }

                continue;
            }

            await CheckChecklist(page, url);
            checklists++;
        }

        Assert.True(checklists >= 4, $"{code} {procedure}: only {checklists} checklists reached.");
    }

    private async Task CheckChecklist(IHtmlDocument page, string url)
    {
        Assert.NotNull(page.QuerySelector("main h1"));
        var reference = page.QuerySelector("#reference-code")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(reference), $"{url}: no reference code");

        // The reference code reopens exactly this checklist.
        var opened = await client.GetAsync("/code?c=" + Uri.EscapeDataString(reference!));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var target = await GetPage(opened.Headers.Location!.OriginalString);
        Assert.Equal(reference, target.QuerySelector("#reference-code")?.TextContent.Trim());
        Assert.Equal(page.QuerySelector("main h1")!.TextContent, target.QuerySelector("main h1")!.TextContent);

        // Back, print and every "change" link lead to a page, never an error.
        var links = page.QuerySelectorAll<IHtmlAnchorElement>("a.back-link, .answer-summary a, .reference-box a")
            .Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(links, l => l.Contains("/print", StringComparison.Ordinal));
        Assert.True(links.Count >= 3, url);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} from {url}: {(int)response.StatusCode}");
        }
    }

    /// <summary>What a browser sends for a GET form: its fields in document order, with the chosen radio.</summary>
    internal static string Submit(IHtmlFormElement form, IHtmlInputElement? chosen)
    {
        var fields = form.Elements.OfType<IHtmlInputElement>()
            .Where(i => i.Type == "hidden" || (i.Type == "radio" && i == chosen))
            .Select(i => Uri.EscapeDataString(i.Name!) + "=" + Uri.EscapeDataString(i.Value));
        return form.GetAttribute("action") + "?" + string.Join('&', fields);
    }

    private async Task<IHtmlDocument> GetPage(string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 2000)]}");
        return Parser.ParseDocument(html);
    }
}
