using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Sources;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// Quotes held to the page (issue 16 item 2), over HTTP: a quote not in its page's capture is refused on a form save and on
/// an import with nothing stored; a new capture that drops a passage lists exactly the facts quoting it, and once saved the
/// draft cannot be published until they are fixed.
/// </summary>
public sealed partial class QuotesOnThePageTests
{
    private const string Admin = $"/staff/{Shinagawa}/admin";
    private const string Dropped = "・遺失、盗難届の受理番号の控え(自宅外で紛失、盗難にあった場合)";

    [Theory]
    [InlineData("", "引用「印鑑をお持ちください」")]
    [InlineData("?lang=en", "the quote “印鑑をお持ちください”")]
    public async Task A_quote_not_on_the_page_is_refused_beside_its_field_and_nothing_is_stored(string lang, string expected)
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var before = await CountsAsync(factory);
        var form = Fields(await PageAsync(admin, $"{Admin}/items/new{lang}"), "item");
        Set(form, "Id", "reissue-stamp");
        Set(form, "TextJa", "印鑑");
        Set(form, "SourceQuote", "印鑑をお持ちください");
        form.Add(new("Procedures", "reissue"));

        var response = await PostAsync(admin, $"{Admin}/items/new{lang}", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var beside = page.GetElementById("f-SourceQuote-error")?.TextContent ?? "";
        Assert.Contains(expected, beside, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(factory));

        // The same item quoting the page as it is saves.
        Set(form, "SourceQuote", "申請の際に古いカードをお持ちください。");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/items/new{lang}", form)).StatusCode);
    }

    [Fact]
    public async Task An_import_with_a_quote_not_on_the_page_is_refused_with_its_line_and_nothing_is_stored()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var text = await admin.GetStringAsync($"{Admin}/export");
        var changed = text.Replace("quote: " + Dropped, "quote: ・印鑑(認印可)", StringComparison.Ordinal);
        Assert.NotEqual(text, changed);
        var before = await CountsAsync(factory);
        var form = Fields(await PageAsync(admin, $"{Admin}/import"), "import");
        Set(form, "Text", changed);

        var response = await PostAsync(admin, $"{Admin}/import", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll(".admin-problem-list li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, problems.Count); // the two facts that quoted the passage
        Assert.All(problems, p => Assert.Matches(@"^\d+行目:.*引用「・印鑑\(認印可\)」", p));
        Assert.All(problems, p => Assert.Contains("最も近い箇所", p, StringComparison.Ordinal));
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task A_new_capture_that_drops_a_passage_lists_exactly_the_facts_quoting_it_and_then_blocks_publishing()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        string current;
        Rules.Model.RuleSetDocument document;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            current = (await scope.ServiceProvider.GetRequiredService<SourceCaptures>().LatestAsync(Shinagawa, "shinagawa"))!.Text;
            document = RuleSetYaml.Read((await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().LatestPublishedAsync(Shinagawa))!.Content);
        }

        Assert.Contains(Dropped, current, StringComparison.Ordinal);
        var newText = current.Replace(Dropped, "", StringComparison.Ordinal);
        // The facts quoting the dropped passage, found here by plain text search over the published rules.
        var quoting = QuoteCheck.Facts(document)
            .Where(f => f.Source.Doc == "shinagawa" && Squash(f.Source.Quote).Contains(Squash(Dropped), StringComparison.Ordinal))
            .Select(f => f.Path).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, quoting.Count);

        var form = Fields(await PageAsync(admin, $"{Admin}/sources/shinagawa/capture"), "capture");
        Set(form, "Text", newText);
        form.Add(new("do", "check"));
        var checkedResponse = await PostAsync(admin, $"{Admin}/sources/shinagawa/capture", form);
        var checkedHtml = await checkedResponse.Content.ReadAsStringAsync();
        Assert.True(checkedResponse.StatusCode == HttpStatusCode.OK, checkedHtml);
        var checkedPage = new HtmlParser().ParseDocument(checkedHtml);
        var rows = checkedPage.QuerySelectorAll("tr.capture-miss").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToList()).ToList();
        Assert.Equal(quoting, rows.Select(r => r[0]).Order(StringComparer.Ordinal).ToList());
        Assert.All(rows, r => Assert.Equal(Dropped, r[1]));
        Assert.All(rows, r => Assert.NotEqual("", r[2]));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // Checking stores nothing.
            Assert.Equal(current, (await scope.ServiceProvider.GetRequiredService<SourceCaptures>().LatestAsync(Shinagawa, "shinagawa"))!.Text);
        }

        // A draft with an ordinary change, then the capture saved.
        var hours = Fields(await PageAsync(admin, $"{Admin}/counters/kofu-tokusetsu/hours"), "hours");
        Set(hours, "Hours[1].Close", "19:30");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/counters/kofu-tokusetsu/hours", hours)).StatusCode);
        form.RemoveAll(f => f.Key == "do");
        form.Add(new("do", "save"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/sources/shinagawa/capture", form)).StatusCode);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var entry = await db.AuditEntries.Where(a => a.Scope == Shinagawa && a.Action == SourceCaptures.CaptureAction).SingleAsync();
            Assert.Equal(ShinagawaAdmin, entry.Actor);
            Assert.Equal(newText, entry.After);
        }

        // The publish page lists them, and publishing is refused.
        var publishPage = await PageAsync(admin, $"{Admin}/publish");
        Assert.Equal(2, publishPage.QuerySelectorAll("#publish-quotes li").Length);
        var publish = Fields(publishPage, "publish");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, $"{Admin}/publish", publish)).StatusCode);
    }

    private static string Squash(string text) => WhiteSpace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    private static async Task<(int Versions, int Audit, int Captures)> CountsAsync(AdminFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.RuleSetVersions.CountAsync(), await db.AuditEntries.CountAsync(), await db.SourceCaptures.CountAsync());
    }
}
