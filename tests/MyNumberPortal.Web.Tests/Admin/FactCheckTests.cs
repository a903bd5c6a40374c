using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Rules.FactCheck;
using MyNumberPortal.Web.Tests.Staff;
using MyNumberPortal.Web.Tests.Support;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// The fact-check table (/staff/{code}/admin/fact-check and its CSV) over real HTTP on the seeded rules.
/// The portal's clock says Tuesday 2026-11-24.
/// </summary>
public sealed class FactCheckTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    private const string Page = "/staff/131091/admin/fact-check";
    private const string Csv = "/staff/131091/admin/fact-check.csv";
    private static readonly DateOnly Today = new(2026, 11, 24);

    private Task<HttpClient> SignedInAsync(string user) => factory.SignedInAsync(user);

    private static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvParser(reader, CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Record!);
        }

        return records;
    }

    private static int ExpectedRows(string code) => FactCheckTable.Build(SeedRuleSets.For(code), Today).Rows.Count;

    [Theory]
    [InlineData(Page)]
    [InlineData(Csv)]
    public async Task Anonymous_is_sent_to_sign_in(string url)
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync(url + "?date=2026-11-24");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in?returnUrl=" + Uri.EscapeDataString(url + "?date=2026-11-24"), response.Headers.Location!.PathAndQuery());
    }

    [Theory]
    [InlineData(StaffFactory.ShinagawaClerk, Page)]
    [InlineData(StaffFactory.ShinagawaClerk, Csv)]
    [InlineData(AdminFactory.KoganeiAdmin, Page)]
    [InlineData(AdminFactory.KoganeiAdmin, Csv)]
    public async Task A_clerk_or_another_municipalitys_admin_is_refused(string user, string url)
    {
        using var client = await SignedInAsync(user);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/staff/forbidden", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var forbidden = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var body = await forbidden.Content.ReadAsStringAsync();
        Assert.DoesNotContain("fc-table", body, StringComparison.Ordinal);
        Assert.DoesNotContain("交付特設会場", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_admin_sees_every_case_grouped_by_procedure()
    {
        using var client = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        var response = await client.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        Assert.Equal("ファクトチェック表", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("2026年11月24日(火)", page.QuerySelector(".fc-meta")!.TextContent, StringComparison.Ordinal);

        var expected = ExpectedRows("131091");
        Assert.Equal(expected, page.QuerySelectorAll("table.fc-table tbody tr").Length);
        Assert.Contains($"全{expected}件", page.QuerySelector(".fc-count")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["lost-card", "suspension-release", "abolition", "reissue", "pin-reset"],
            page.QuerySelectorAll("table.fc-table").Select(t => t.GetAttribute("data-procedure")));

        // A known row: reissue by the holder after losing the card outside (手数料 1,000円 = カード800円 + 電子証明書200円).
        var reissue = page.QuerySelector("table.fc-table[data-procedure=reissue]")!;
        var row = reissue.QuerySelectorAll("tbody tr").Single(r =>
            r.GetAttribute("data-applicant") == "self"
            && r.QuerySelectorAll(".fc-answers li").Select(li => li.TextContent.Trim()).SequenceEqual(
                ["新しいカードが必要な理由は何ですか? = なくした", "カードをなくしたのはどこですか? = 自宅の外(外出先)"]));
        Assert.Contains("受理番号", row.QuerySelector(".fc-items")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("警察署", row.QuerySelector(".fc-items")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("案内あり", row.QuerySelector(".fc-status")!.TextContent.Trim());
        Assert.Equal("1,000円", row.QuerySelector(".fc-fee-total")!.TextContent.Trim());
        Assert.Contains("800円", row.QuerySelector(".fc-fee")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("200円", row.QuerySelector(".fc-fee")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("A", row.QuerySelector(".fc-id")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("交付特設会場", row.QuerySelector(".fc-counters")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(row.QuerySelector(".fc-sources details q"));

        // The CSV link carries the date.
        Assert.Equal(Csv + "?date=2026-11-24", page.QuerySelector("a.fc-csv")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_tables_have_captions_and_scoped_headers()
    {
        using var client = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        var page = await ParseAsync(await client.GetAsync(Page));
        var tables = page.QuerySelectorAll("table.fc-table");
        Assert.Equal(5, tables.Length);
        Assert.All(tables, table =>
        {
            Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")?.TextContent));
            var headers = table.QuerySelectorAll("thead th");
            Assert.Equal(9, headers.Length);
            Assert.All(headers, th => Assert.Equal("col", th.GetAttribute("scope")));
            Assert.All(table.QuerySelectorAll("tbody tr"), tr =>
            {
                var rowHeader = Assert.Single(tr.QuerySelectorAll("th"));
                Assert.Equal("row", rowHeader.GetAttribute("scope"));
                // Each cell carries its column's heading for the narrow-screen layout.
                Assert.Equal(headers.Select(h => h.TextContent.Trim()), tr.Children.Select(c => c.GetAttribute("data-label")));
            });
            // The scrolling region is labelled by the caption and reachable by keyboard.
            var region = table.ParentElement!;
            Assert.Equal("region", region.GetAttribute("role"));
            Assert.Equal("0", region.GetAttribute("tabindex"));
            Assert.Equal(table.QuerySelector("caption")!.Id, region.GetAttribute("aria-labelledby"));
        });

        // Strict CSP: no inline style or script; the page's stylesheet is a file.
        Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
        Assert.NotNull(page.QuerySelector("link[rel=stylesheet][href='/css/fact-check.css']"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/fact-check.css")).StatusCode);
    }

    [Fact]
    public async Task The_csv_has_a_bom_a_header_and_one_record_per_case()
    {
        using var client = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        var response = await client.GetAsync(Csv);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Matches(@"^fact-check-131091-v\d+-2026-11-24\.csv$", disposition.FileNameStar ?? disposition.FileName!.Trim('"'));

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        // Records end with CRLF (RFC 4180); the header row is the first line.
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("番号,手続き,来庁する人,回答,", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.Contains("出典\r\n1,", text, StringComparison.Ordinal);
        var records = ReadCsv(bytes);
        Assert.Equal(["番号", "手続き", "来庁する人", "回答", "案内の状況", "案内できない理由", "持ち物", "本人確認書類", "手数料(合計)", "手数料の内訳", "来庁回数", "窓口", "出典"], records[0]);
        Assert.Equal(ExpectedRows("131091"), records.Count - 1);
        Assert.All(records, r => Assert.Equal(13, r.Length));
        Assert.Equal(Enumerable.Range(1, records.Count - 1).Select(n => n.ToString(CultureInfo.InvariantCulture)), records.Skip(1).Select(r => r[0]));

        // Multi-line cells survive the quoting: the reissue row after a loss outside, its fee and breakdown.
        var row = records.Single(r => r[1] == "再交付" && r[2] == "本人"
            && r[3] == "新しいカードが必要な理由は何ですか? = なくした\nカードをなくしたのはどこですか? = 自宅の外(外出先)");
        Assert.Contains("受理番号", row[6], StringComparison.Ordinal);
        Assert.Contains("警察署", row[6], StringComparison.Ordinal);
        Assert.Equal("1,000円", row[8]);
        Assert.Contains("800円", row[9], StringComparison.Ordinal);
        Assert.Contains('\n', row[9]);
        Assert.Equal("案内あり", row[4]);
    }

    [Fact]
    public async Task The_csv_and_the_page_are_in_English_when_chosen()
    {
        using var client = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        var page = await ParseAsync(await client.GetAsync(Page + "?lang=en"));
        Assert.Equal("Fact-check table", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal(Csv + "?date=2026-11-24&lang=en", page.QuerySelector("a.fc-csv")!.GetAttribute("href"));

        var records = ReadCsv(await client.GetByteArrayAsync(Csv + "?lang=en"));
        Assert.Equal("No.", records[0][0]);
        Assert.Equal("Procedure", records[0][1]);
        Assert.Equal(ExpectedRows("131091"), records.Count - 1);
        Assert.Contains(records, r => r[1] == "Reissue" && r[8] == "¥1,000");

        // The language cookie works as on every page.
        await client.GetAsync("/language/en?return=/");
        var cookie = ReadCsv(await client.GetByteArrayAsync(Csv));
        Assert.Equal("No.", cookie[0][0]);
    }

    [Fact]
    public async Task The_municipality_page_links_to_the_table_for_its_admins_only()
    {
        const string Link = "href=\"/staff/131091/admin/fact-check\"";
        using var admin = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        Assert.Contains(Link, await admin.GetStringAsync("/staff/131091"), StringComparison.Ordinal);
        using var clerk = await SignedInAsync(StaffFactory.ShinagawaClerk);
        Assert.DoesNotContain(Link, await clerk.GetStringAsync("/staff/131091"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_all_municipality_admin_gets_an_unknown_code_as_404()
    {
        using var client = await SignedInAsync(StaffFactory.Admin);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/132101/admin/fact-check")).StatusCode);
        foreach (var code in new[] { "131083", "999999", "abc" })
        {
            var page = await client.GetAsync($"/staff/{code}/admin/fact-check");
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Null((await ParseAsync(page)).QuerySelector("table"));
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/staff/{code}/admin/fact-check.csv")).StatusCode);
        }
    }

    [Fact]
    public async Task Koganeis_admin_gets_koganeis_table()
    {
        using var client = await SignedInAsync(AdminFactory.KoganeiAdmin);
        var records = ReadCsv(await client.GetByteArrayAsync("/staff/132101/admin/fact-check.csv?date=2026-11-23"));
        Assert.Equal(ExpectedRows("132101"), records.Count - 1);
        var page = await ParseAsync(await client.GetAsync("/staff/132101/admin/fact-check?date=2026-11-23"));
        Assert.Equal(ExpectedRows("132101"), page.QuerySelectorAll("table.fc-table tbody tr").Length);
        Assert.Contains("2026年11月23日(月)", page.QuerySelector(".fc-meta")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-02-30")]
    [InlineData("yesterday")]
    [InlineData("2099-01-01")]
    public async Task A_bad_date_answers_400(string date)
    {
        using var client = await SignedInAsync(AdminFactory.ShinagawaAdmin);
        var page = await client.GetAsync(Page + "?date=" + Uri.EscapeDataString(date));
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        var document = await ParseAsync(page);
        Assert.NotNull(document.QuerySelector(".error-summary"));
        Assert.Equal("true", document.QuerySelector("#date")!.GetAttribute("aria-invalid"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Csv + "?date=" + Uri.EscapeDataString(date))).StatusCode);
    }
}
