using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// Publishing that is hard to get wrong (issue 16 item 3): discarding asks first and then says so; a scheduled version can
/// be cancelled; two versions are never scheduled for one day; staff 404s and states are in the admin's words. Over HTTP.
/// (The test portal's day is 2026-11-24.)
/// </summary>
public sealed class SaferPublishingTests
{
    private const string Admin = $"/staff/{Shinagawa}/admin";
    private const string Hours = $"{Admin}/counters/kofu-tokusetsu/hours";

    [Fact]
    public async Task Discarding_asks_on_its_own_page_then_says_the_draft_was_discarded()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        await ChangeHoursAsync(admin, "19:30");

        // The home page only links to the question; one click there discards nothing.
        var home = await PageAsync(admin, Admin);
        Assert.Null(home.QuerySelector("input[name=_handler][value=discard]"));
        Assert.NotNull(home.QuerySelector($"a[href='{Admin}/discard']"));

        var ask = await PageAsync(admin, $"{Admin}/discard");
        Assert.Contains("元に戻せません", ask.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("19:30", ask.QuerySelector(".admin-diff, table, pre")?.ParentElement?.TextContent ?? ask.Body.TextContent, StringComparison.Ordinal);
        Assert.NotNull(ask.QuerySelector($"a[href='{Admin}']"));
        var discarded = await PostAsync(admin, $"{Admin}/discard", Fields(ask, "discard"));
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        var after = await PageAsync(admin, discarded.Headers.Location!.OriginalString);
        var notice = after.QuerySelector("[role=status]")!.TextContent;
        Assert.Contains("下書きを破棄しました", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("下書きに保存しました", after.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("19:30", await admin.GetStringAsync(Hours), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(factory), a => a.Action == RuleSetDrafts.DiscardAction);

        // Nothing left to discard: said so, no button.
        var none = await PageAsync(admin, $"{Admin}/discard");
        Assert.Contains("破棄する下書きはありません", none.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(none.QuerySelector("button[type=submit]"));
    }

    [Fact]
    public async Task A_scheduled_version_can_be_cancelled_and_is_then_never_used()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var version = await PublishAsync(admin, "19:30", "2026-12-01");
        Assert.Equal(version, Resolve(factory, new DateOnly(2026, 12, 1)));

        var page = await PageAsync(admin, $"{Admin}/history/{version}");
        Assert.Contains("公開予定", page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var cancelled = await PostAsync(admin, $"{Admin}/history/{version}", Fields(page, "cancel-scheduled"));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var history = await PageAsync(admin, cancelled.Headers.Location!.OriginalString);
        Assert.Contains($"第{version}版の公開予定を取り消しました", history.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("取り下げ", Row(history, version), StringComparison.Ordinal);
        Assert.NotEqual(version, Resolve(factory, new DateOnly(2026, 12, 1)));
        Assert.Contains(await AuditAsync(factory), a => a.Action == RuleSetPublisher.CancelAction && a.Actor == ShinagawaAdmin);
        var audit = await admin.GetStringAsync($"{Admin}/audit");
        Assert.Contains("公開予定の取り消し", audit, StringComparison.Ordinal);

        // The version in force has no cancel button; posting one anyway cancels nothing.
        var inForce = await PageAsync(admin, $"{Admin}/history/1");
        Assert.Contains("適用中", inForce.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", inForce.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(inForce.QuerySelectorAll("input[name=_handler][value=cancel-scheduled]"));
        var forced = Fields(page, "restore").Where(f => f.Key == "__RequestVerificationToken").ToList();
        forced.Add(new("_handler", "cancel-scheduled"));
        var refused = await PostAsync(admin, $"{Admin}/history/1", forced);
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.NotEqual(HttpStatusCode.InternalServerError, refused.StatusCode);
        Assert.Equal(1, Resolve(factory, new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public async Task Publishing_again_for_a_scheduled_day_replaces_that_version()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var first = await PublishAsync(admin, "19:30", "2026-12-01");

        // A rollback: restore version 1 as the draft, publish it for the same day.
        var restore = Fields(await PageAsync(admin, $"{Admin}/history/1"), "restore");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"{Admin}/history/1", restore)).StatusCode);
        var second = await PublishDraftAsync(admin, "2026-12-01");

        var history = await PageAsync(admin, $"{Admin}/history");
        Assert.Single(history.QuerySelectorAll("tbody tr"), r => r.TextContent.Contains("公開予定", StringComparison.Ordinal));
        Assert.Contains("公開予定", Row(history, second), StringComparison.Ordinal);
        Assert.Contains("取り下げ", Row(history, first), StringComparison.Ordinal);
        Assert.Equal(second, Resolve(factory, new DateOnly(2026, 12, 1)));
        Assert.Contains(await AuditAsync(factory), a => a.Action == RuleSetPublisher.CancelAction && a.Summary.Contains($"replaced by version {second}", StringComparison.Ordinal));
        var home = await admin.GetStringAsync(Admin);
        Assert.Single(new HtmlParser().ParseDocument(home).QuerySelectorAll("dt"), d => d.TextContent.Contains("公開予定", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/staff/999999")]
    [InlineData("/staff/999999/check")]
    [InlineData("/staff/999999/admin")]
    [InlineData("/staff/999999/admin/staff")]
    [InlineData("/staff/999999/admin/audit")]
    [InlineData("/staff/999999/admin/discard")]
    [InlineData("/staff/999999/admin/history")]
    public async Task A_staff_404_names_the_code_and_never_shows_a_placeholder(string path)
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(Staff.StaffFactory.Admin);
        foreach (var lang in new[] { "", "?lang=en" })
        {
            var page = await PageAsync(admin, path + lang, HttpStatusCode.NotFound);
            Assert.DoesNotContain("{0}", page.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains("999999", page.Body.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Id_rules_read_in_japanese_and_または_is_accepted()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var list = (await PageAsync(admin, $"{Admin}/id-rules")).QuerySelector("main")!.TextContent;
        Assert.Contains("A×1 または B×2", list, StringComparison.Ordinal);
        Assert.DoesNotContain(" or ", list, StringComparison.Ordinal);

        var editor = $"{Admin}/id-rules/new";
        var form = Fields(await PageAsync(admin, editor), "id-rule");
        Set(form, "Rule", "A×1 または B×3");
        var saved = await PostAsync(admin, editor, form);
        Assert.NotEqual(HttpStatusCode.InternalServerError, saved.StatusCode);
        Assert.DoesNotContain("Rule", ErrorsOf(await new HtmlParser().ParseDocumentAsync(await saved.Content.ReadAsStringAsync())), StringComparer.Ordinal);
    }

    private static IEnumerable<string> ErrorsOf(IHtmlDocument page) =>
        page.QuerySelectorAll(".field-error input, .field-error textarea, .field-error select").Select(e => e.GetAttribute("name") ?? "");

    private static async Task ChangeHoursAsync(HttpClient admin, string close)
    {
        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[1].Close", close);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, Hours, form)).StatusCode);
    }

    private static async Task<int> PublishAsync(HttpClient admin, string close, string from)
    {
        await ChangeHoursAsync(admin, close);
        return await PublishDraftAsync(admin, from);
    }

    private static async Task<int> PublishDraftAsync(HttpClient admin, string from)
    {
        var publish = Fields(await PageAsync(admin, $"{Admin}/publish"), "publish");
        Set(publish, "EffectiveFrom", from);
        var response = await PostAsync(admin, $"{Admin}/publish", publish);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split("published=")[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string Row(IHtmlDocument history, int version) =>
        history.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href$='/history/{version}']") is not null).TextContent;

    private static int? Resolve(AdminFactory factory, DateOnly date) =>
        factory.Services.GetRequiredService<MyNumberPortal.Web.Infrastructure.RuleCatalogAccessor>().Current.TryResolve(Shinagawa, date)?.Version;

    private static async Task<List<AuditEntry>> AuditAsync(AdminFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.Where(a => a.Scope == Shinagawa).ToListAsync();
    }
}
