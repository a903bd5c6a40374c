using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// The audit log filtered by person, action and dates (a GET form), and exported as CSV with the same filter (issue 16
/// item 6); action names in the admin's language. Over HTTP, on entries made through the console.
/// </summary>
public sealed class AuditLogTests
{
    private const string Audit = $"/staff/{Shinagawa}/admin/audit";

    /// <summary>The test portal's day in Japan (its clock is fixed: <see cref="PortalFactory.Now"/>).</summary>
    private static readonly DateOnly Today = DateOnly.FromDateTime(PortalFactory.Now.DateTime);

    private static string Day(int offset) => Today.AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Filtering_by_person_action_and_dates_shows_only_those_entries_with_localized_actions()
    {
        using var factory = new AdminFactory();
        using var admin = await WithActivityAsync(factory);

        var byPerson = await PageAsync(admin, $"{Audit}?who={ShinagawaAdmin2}");
        var people = Rows(byPerson).Select(r => r[1]).Distinct().ToList();
        Assert.Equal([ShinagawaAdmin2], people);
        Assert.Equal(ShinagawaAdmin2, ((IHtmlSelectElement)byPerson.QuerySelector("select[name=who]")!).Value);

        var byAction = await PageAsync(admin, $"{Audit}?action=staff-create");
        Assert.Equal(["アカウントの作成"], Rows(byAction).Select(r => r[2]).Distinct().ToList());
        Assert.Contains(Rows(byAction), r => r[3].Contains("audited-clerk", StringComparison.Ordinal));

        // No English action names in the Japanese console: the filter's choices and the table are localized.
        var all = await PageAsync(admin, Audit);
        var text = all.QuerySelector("main")?.TextContent ?? all.Body!.TextContent;
        Assert.DoesNotContain("draft-save", text, StringComparison.Ordinal);
        Assert.DoesNotContain("staff-create", text, StringComparison.Ordinal);
        Assert.Contains(all.QuerySelectorAll("select[name=action] option"), o => o.TextContent == "下書きの保存" && o.GetAttribute("value") == "draft-save");
        var english = await PageAsync(admin, $"{Audit}?action=draft-save&lang=en");
        Assert.Equal(["Draft saved"], Rows(english).Select(r => r[2]).Distinct().ToList());

        // Dates are Japanese days, both ends included: today's entries are there from today to today, none from tomorrow or up to yesterday.
        var range = await PageAsync(admin, $"{Audit}?action=staff-create&from={Day(0)}&to={Day(0)}");
        Assert.Equal(2, Rows(range).Count);
        Assert.Empty(Rows(await PageAsync(admin, $"{Audit}?to={Day(-1)}")));
        var future = await PageAsync(admin, $"{Audit}?from={Day(1)}");
        Assert.Empty(Rows(future));
        Assert.Contains("条件に合う記録はありません", future.Body!.TextContent, StringComparison.Ordinal);

        // A wrong date is refused beside its field (400, never a 500), an end before the start too.
        var bad = await PageAsync(admin, $"{Audit}?from=2026-13-45", HttpStatusCode.BadRequest);
        Assert.NotNull(bad.QuerySelector("#f-from")!.ParentElement!.QuerySelector(".error-message"));
        var backwards = await PageAsync(admin, $"{Audit}?from={Day(1)}&to={Day(-1)}", HttpStatusCode.BadRequest);
        Assert.Contains("同じか後の日", backwards.QuerySelector("#f-to")!.ParentElement!.TextContent, StringComparison.Ordinal);
        await PageAsync(admin, $"{Audit}?who={new string('x', 4100)}&page=99999", HttpStatusCode.BadRequest);
        Assert.Empty(Rows(await PageAsync(admin, $"{Audit}?who=nobody&page=99999")));
    }

    [Fact]
    public async Task The_csv_export_holds_the_filtered_entries_with_a_bom_and_escaped_formulas()
    {
        using var factory = new AdminFactory();
        using var admin = await WithActivityAsync(factory);

        // The page's export link carries its filter.
        var page = await PageAsync(admin, $"{Audit}?action=staff-create");
        var link = page.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("audit.csv", StringComparison.Ordinal)).GetAttribute("href")!;
        Assert.Equal($"/staff/{Shinagawa}/admin/audit.csv?action=staff-create", link);

        var response = await admin.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var records = Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(["番号", "日時(日本時間)", "誰が", "操作", "操作の記号", "内容"], records[0]);
        Assert.Equal(2, records.Count - 1);
        Assert.All(records.Skip(1), r => Assert.Equal(["アカウントの作成", "staff-create"], r[3..5]));
        // An actor that looks like a formula is written so that a spreadsheet shows it instead of running it.
        Assert.Contains(records, r => r[2] == "'=HYPERLINK(\"x\")");
        Assert.DoesNotContain(records, r => r.Any(c => c.StartsWith('=')));

        var byPerson = Parse(Encoding.UTF8.GetString((await admin.GetByteArrayAsync($"{link.Split('?')[0]}?who={ShinagawaAdmin2}&lang=en"))[3..]));
        Assert.Equal("Who", byPerson[0][2]);
        Assert.All(byPerson.Skip(1), r => Assert.Equal(ShinagawaAdmin2, r[2]));
        Assert.NotEmpty(byPerson.Skip(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"{link.Split('?')[0]}?to=yesterday")).StatusCode);
        using var koganei = await factory.SignedInAsync(KoganeiAdmin);
        Assert.Contains("/staff/forbidden", (await koganei.GetAsync(link)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var clerk = await factory.SignedInAsync(StaffFactory.ShinagawaClerk);
        Assert.Contains("/staff/forbidden", (await clerk.GetAsync(link)).Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>
    /// 品川区's log after: a draft save by the second admin (the hours form), a clerk created by the first admin (the staff
    /// form), and an account created in the log under a formula-like actor (as the command line could).
    /// </summary>
    private static async Task<HttpClient> WithActivityAsync(AdminFactory factory)
    {
        using (var second = await factory.SignedInAsync(ShinagawaAdmin2))
        {
            var hours = $"/staff/{Shinagawa}/admin/counters/kofu-tokusetsu/hours";
            var fields = Fields(await PageAsync(second, hours), "hours");
            Set(fields, "Hours[1].Close", "12:30");
            Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, hours, fields)).StatusCode);
        }

        var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var staff = $"/staff/{Shinagawa}/admin/staff";
        var create = Fields(await PageAsync(admin, staff), "staff-create");
        Set(create, "UserName", "audited-clerk");
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(admin, staff, create)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync("formula-clerk", StaffFactory.Password, StaffRoles.Clerk, Shinagawa, false,
            "=HYPERLINK(\"x\")", default, auditScope: Shinagawa);
        return admin;
    }

    /// <summary>The table's rows as cell texts (when, who, action, what).</summary>
    private static List<string[]> Rows(IHtmlDocument page) =>
        page.QuerySelectorAll("table.admin-table tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();

    private static List<string[]> Parse(string text)
    {
        using var csv = new CsvParser(new StringReader(text), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Record!);
        }

        return records;
    }
}
