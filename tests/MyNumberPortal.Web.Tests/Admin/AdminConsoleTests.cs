using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>The admin console over HTTP: access, drafts invisible until published, effective dates, conflicts, audit, export/import.</summary>
public sealed class AdminConsoleTests
{
    private const string Hours = $"/staff/{Shinagawa}/admin/counters/kofu-tokusetsu/hours";

    [Fact]
    public async Task The_console_needs_an_admin_of_that_municipality()
    {
        using var factory = new AdminFactory();
        using var anonymous = factory.CreateStaffClient();
        var response = await anonymous.GetAsync($"/staff/{Shinagawa}/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var clerk = await factory.SignedInAsync(Staff.StaffFactory.ShinagawaClerk);
        var asClerk = await clerk.GetAsync($"/staff/{Shinagawa}/admin");
        Assert.Equal(HttpStatusCode.Redirect, asClerk.StatusCode);
        Assert.Contains("/staff/forbidden", asClerk.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var koganei = await factory.SignedInAsync(KoganeiAdmin);
        Assert.Contains("/staff/forbidden", (await koganei.GetAsync($"/staff/{Shinagawa}/admin/counters")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("/staff/forbidden", (await koganei.GetAsync($"/staff/{Shinagawa}/admin/export")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await koganei.GetAsync("/staff/132101/admin")).StatusCode);

        using var all = await factory.SignedInAsync(Staff.StaffFactory.Admin);
        Assert.Equal(HttpStatusCode.OK, (await all.GetAsync($"/staff/{Shinagawa}/admin")).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/municipality")]
    [InlineData("/sources")]
    [InlineData("/counters")]
    [InlineData("/counters/kofu-tokusetsu")]
    [InlineData("/counters/kofu-tokusetsu/hours")]
    [InlineData("/counters/kofu-tokusetsu/closures")]
    [InlineData("/counters/new")]
    [InlineData("/items")]
    [InlineData("/items/new")]
    [InlineData("/fees")]
    [InlineData("/fees/new")]
    [InlineData("/id-documents")]
    [InlineData("/id-rules")]
    [InlineData("/id-rules/new")]
    [InlineData("/section/steps")]
    [InlineData("/section/questions")]
    [InlineData("/preview")]
    [InlineData("/preview/lost-card")]
    [InlineData("/preview/lost-card?applicant=self")]
    [InlineData("/publish")]
    [InlineData("/history")]
    [InlineData("/history/1")]
    [InlineData("/audit")]
    [InlineData("/audit?who=seed&action=seed&from=2020-01-01&to=2099-12-31")]
    [InlineData("/staff")]
    [InlineData("/import")]
    public async Task Every_admin_page_opens_in_both_languages(string page)
    {
        using var factory = new AdminFactory();
        using var client = await factory.SignedInAsync(ShinagawaAdmin);
        var ja = await PageAsync(client, $"/staff/{Shinagawa}/admin{page}");
        Assert.NotNull(ja.QuerySelector("h1"));
        var en = await PageAsync(client, $"/staff/{Shinagawa}/admin{page}{(page.Contains('?', StringComparison.Ordinal) ? '&' : '?')}lang=en");
        Assert.Equal("en", en.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("/counters/no-such-counter")]
    [InlineData("/counters/no-such-counter/hours")]
    [InlineData("/items/no-such-item")]
    [InlineData("/fees/no-such-fee")]
    [InlineData("/section/no-such-section")]
    [InlineData("/history/999")]
    [InlineData("/audit/999999")]
    [InlineData("/preview/no-such-procedure")]
    public async Task Unknown_things_are_404_pages(string page)
    {
        using var factory = new AdminFactory();
        using var client = await factory.SignedInAsync(ShinagawaAdmin);
        var html = await PageAsync(client, $"/staff/{Shinagawa}/admin{page}", HttpStatusCode.NotFound);
        Assert.NotNull(html.QuerySelector("h1"));
    }

    [Fact]
    public async Task A_saved_change_is_a_draft_residents_do_not_see_until_it_is_published()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        using var resident = factory.CreateClient();
        Assert.DoesNotContain("19:30", await ChecklistAsync(resident, Shinagawa, "reissue", "self"), StringComparison.Ordinal);

        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[1].Close", "19:30");
        var saved = await PostAsync(admin, Hours, form);
        Assert.True(HttpStatusCode.Redirect == saved.StatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Contains("saved=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // The draft has it; residents and the API do not.
        Assert.Equal("19:30", (await PageAsync(admin, Hours)).QuerySelector("#f-Hours-1-Close")!.GetAttribute("value"));
        await factory.Services.GetRequiredService<RuleSnapshotProvider>().RefreshIfChangedAsync(default);
        Assert.DoesNotContain("19:30", await ChecklistAsync(resident, Shinagawa, "reissue", "self"), StringComparison.Ordinal);

        // The preview asks the draft's questions, under the preview banner, in the preview's own flow.
        var preview = await PageAsync(admin, $"/staff/{Shinagawa}/admin/preview/reissue?applicant=self");
        Assert.Contains("下書き 第2版", preview.QuerySelector(".admin-preview-banner")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(preview.QuerySelector($"form[action='/staff/{Shinagawa}/admin/preview/reissue'] input[type=radio]"));

        var publish = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/publish"), "publish");
        Assert.Equal("2026-11-24", publish.Single(f => f.Key == "EffectiveFrom").Value);
        Set(publish, "Comment", "Tuesday until 19:30");
        var published = await PostAsync(admin, $"/staff/{Shinagawa}/admin/publish", publish);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        Assert.Contains("19:30", await ChecklistAsync(resident, Shinagawa, "reissue", "self"), StringComparison.Ordinal);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var audit = await db.AuditEntries.Where(a => a.Scope == Shinagawa).OrderBy(a => a.Id).ToListAsync();
        var save = audit.Single(a => a.Action == RuleSetDrafts.SaveAction);
        Assert.Equal(ShinagawaAdmin, save.Actor);
        Assert.Matches("close: [\"']?19:00", save.Before!);
        Assert.Matches("close: [\"']?19:30", save.After!);
        var publishEntry = audit.Single(a => a.Action == RuleSetPublisher.AuditAction);
        Assert.Matches("close: [\"']?19:00", publishEntry.Before!);
        Assert.Matches("close: [\"']?19:30", publishEntry.After!);

        // The audit page shows both sides.
        var entry = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/audit/{publishEntry.Id}");
        Assert.Contains("19:00", entry, StringComparison.Ordinal);
        Assert.Contains("19:30", entry, StringComparison.Ordinal);
        Assert.Contains(ShinagawaAdmin, entry, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publishing_with_a_future_date_changes_guidance_only_from_that_date()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        await SaveTuesdayUntil1930Async(admin);
        var publish = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/publish"), "publish");
        Set(publish, "EffectiveFrom", "2026-12-01");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/publish", publish)).StatusCode);

        using var api = factory.CreateClient();
        var (today, query) = await ChecklistWithQueryAsync(api, Shinagawa, "reissue", "self");
        Assert.DoesNotContain("19:30", today, StringComparison.Ordinal);
        var before = await api.GetStringAsync($"/api/municipalities/{Shinagawa}/procedures/reissue/guidance?{query}&date=2026-11-30");
        var from = await api.GetStringAsync($"/api/municipalities/{Shinagawa}/procedures/reissue/guidance?{query}&date=2026-12-01");
        Assert.DoesNotContain("19:30", before, StringComparison.Ordinal);
        Assert.Contains("19:30", from, StringComparison.Ordinal);

        var home = await admin.GetStringAsync($"/staff/{Shinagawa}/admin");
        Assert.Contains("2026-12-01", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_in_the_past_is_refused()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        await SaveTuesdayUntil1930Async(admin);
        var publish = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/publish"), "publish");
        Set(publish, "EffectiveFrom", "2026-11-23");
        var response = await PostAsync(admin, $"/staff/{Shinagawa}/admin/publish", publish);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("適用開始日は今日以降にしてください。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_admins_editing_at_once_get_a_conflict_not_a_lost_update()
    {
        using var factory = new AdminFactory();
        using var first = await factory.SignedInAsync(ShinagawaAdmin);
        using var second = await factory.SignedInAsync(ShinagawaAdmin2);
        var formA = Fields(await PageAsync(first, Hours), "hours");
        var formB = Fields(await PageAsync(second, Hours), "hours");

        Set(formA, "Hours[1].Close", "19:30");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(first, Hours, formA)).StatusCode);

        Set(formB, "Hours[0].Open", "09:00");
        var conflict = await PostAsync(second, Hours, formB);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var html = await conflict.Content.ReadAsStringAsync();
        Assert.Contains(ShinagawaAdmin, html, StringComparison.Ordinal);
        Assert.Contains("19:30", html, StringComparison.Ordinal); // what the other admin changed
        Assert.Contains("value=\"09:00\"", html, StringComparison.Ordinal); // what this admin typed is kept

        // The second save wrote nothing: the draft has the first change only, and the audit log one save.
        var now = await PageAsync(first, Hours);
        Assert.Equal("19:30", now.QuerySelector("#f-Hours-1-Close")!.GetAttribute("value"));
        Assert.Equal("08:30", now.QuerySelector("#f-Hours-0-Open")!.GetAttribute("value"));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.AuditEntries.Where(a => a.Actor == ShinagawaAdmin2 && a.Action != "sign-in").ToListAsync());

        // Reloaded, the second admin can make their change on top of the first.
        var again = Fields(await PageAsync(second, Hours), "hours");
        Set(again, "Hours[0].Open", "09:00");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(second, Hours, again)).StatusCode);
        var both = await PageAsync(first, Hours);
        Assert.Equal(("09:00", "19:30"), (both.QuerySelector("#f-Hours-0-Open")!.GetAttribute("value"), both.QuerySelector("#f-Hours-1-Close")!.GetAttribute("value")));
    }

    [Fact]
    public async Task Invalid_hours_are_explained_beside_the_field_and_nothing_is_saved()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[1].Close", "08:00");
        var response = await PostAsync(admin, Hours, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll(".error-summary a"), a => a.GetAttribute("href") == Hours + "#f-Hours-1-Close");
        Assert.Contains("終了時刻は開始時刻より後にしてください。", page.QuerySelector("#f-Hours-1-Close-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#f-Hours-1-Close")!.GetAttribute("aria-invalid"));

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().FindDraftAsync(Shinagawa));
    }

    [Fact]
    public async Task A_forged_post_without_the_antiforgery_token_is_rejected()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var form = Fields(await PageAsync(admin, Hours), "hours").Where(f => f.Key != "__RequestVerificationToken").ToList();
        Set(form, "Hours[1].Close", "19:30");
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, Hours, form)).StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().FindDraftAsync(Shinagawa));
    }

    [Fact]
    public async Task Export_then_import_of_an_unchanged_set_is_exact_and_changes_nothing()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var export = await admin.GetAsync($"/staff/{Shinagawa}/admin/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("application/yaml", export.Content.Headers.ContentType!.MediaType);
        var text = await export.Content.ReadAsStringAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var latest = await scope.ServiceProvider.GetRequiredService<RuleSetDrafts>().LatestPublishedAsync(Shinagawa);
            Assert.Equal(latest!.Content, text);
        }

        var before = await CountsAsync(factory);
        var form = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/import"), "import");
        Set(form, "Text", text);
        var response = await PostAsync(admin, $"/staff/{Shinagawa}/admin/import", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("何も変更していません", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task A_broken_import_lists_its_problems_with_lines_and_changes_nothing()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var text = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/export");
        var broken = System.Text.RegularExpressions.Regex.Replace(text, "close: [\"']?19:00[\"']?", "close: \"07:00\"");
        broken = System.Text.RegularExpressions.Regex.Replace(broken, "phone: [\"']?03-5742-6660[\"']?", "phone: \"12345\"");
        Assert.Contains("07:00", broken, StringComparison.Ordinal);
        Assert.Contains("12345", broken, StringComparison.Ordinal);
        Assert.NotEqual(text, broken);
        var before = await CountsAsync(factory);
        var form = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/import"), "import");
        Set(form, "Text", broken);
        var response = await PostAsync(admin, $"/staff/{Shinagawa}/admin/import", form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var problems = page.QuerySelectorAll(".admin-problem-list li").Select(li => li.TextContent).ToList();
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Matches(@"^\d+行目:", p));
        Assert.Equal(before, await CountsAsync(factory));
    }

    [Fact]
    public async Task An_earlier_version_can_be_restored_as_a_draft_and_published_again()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        await SaveTuesdayUntil1930Async(admin);
        var publish = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/publish"), "publish");
        await PostAsync(admin, $"/staff/{Shinagawa}/admin/publish", publish);

        var restore = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/history/1"), "restore");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/history/1", restore)).StatusCode);
        Assert.Equal("19:00", (await PageAsync(admin, Hours)).QuerySelector("#f-Hours-1-Close")!.GetAttribute("value"));
        var history = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/history");
        Assert.Contains("第3版", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_fee_and_a_changed_item_reach_the_resident_checklist_after_publishing()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        using var resident = factory.CreateClient();
        var before = await ChecklistAsync(resident, Shinagawa, "reissue", "self");
        Assert.Contains("1,000", before, StringComparison.Ordinal);

        var fee = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/fees/reissue-fee"), "fee");
        Set(fee, "Items[0].Amount", "900");
        Set(fee, "StatedTotal", "1000");
        var mismatch = await PostAsync(admin, $"/staff/{Shinagawa}/admin/fees/reissue-fee", fee);
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode); // 900 + 200 is not the 1,000 the page states
        Set(fee, "StatedTotal", "1100");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/fees/reissue-fee", fee)).StatusCode);

        var item = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/items/reissue-photo"), "item");
        Set(item, "TextJa", "顔写真1枚(縦4.5cm×横3.5cm、6か月以内に撮影)");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/items/reissue-photo", item)).StatusCode);
        Assert.DoesNotContain("1,100", await ChecklistAsync(resident, Shinagawa, "reissue", "self"), StringComparison.Ordinal);

        var publish = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/publish"), "publish");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/publish", publish)).StatusCode);
        var after = await ChecklistAsync(resident, Shinagawa, "reissue", "self");
        Assert.Contains("1,100", after, StringComparison.Ordinal);
        Assert.Contains("6か月以内に撮影", after, StringComparison.Ordinal);

        var audit = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/audit");
        Assert.Contains("Fee reissue-fee", audit, StringComparison.Ordinal);
        Assert.Contains("Item reissue-photo", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_fact_check_table_can_be_read_from_the_draft_before_publishing()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        Assert.Contains("下書きがありません", await admin.GetStringAsync($"/staff/{Shinagawa}/admin/fact-check?draft=1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/{Shinagawa}/admin/fact-check.csv?draft=1")).StatusCode);

        var fee = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/fees/reissue-fee"), "fee");
        Set(fee, "Items[0].Amount", "900");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/fees/reissue-fee", fee)).StatusCode);

        var published = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/fact-check");
        var draft = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/fact-check?draft=1");
        Assert.DoesNotContain("1,100", published, StringComparison.Ordinal);
        Assert.Contains("1,100", draft, StringComparison.Ordinal);
        Assert.Contains("第2版", draft, StringComparison.Ordinal);
        Assert.Contains("1,100", await admin.GetStringAsync($"/staff/{Shinagawa}/admin/fact-check.csv?draft=1"), StringComparison.Ordinal);
        Assert.DoesNotContain("1,100", await admin.GetStringAsync($"/staff/{Shinagawa}/admin/fact-check.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_item_can_be_added_and_deleted_again()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var form = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/items/new"), "item");
        Set(form, "Id", "reissue-stamp");
        Set(form, "TextJa", "印鑑");
        Set(form, "SourceQuote", "");
        var missingSource = await PostAsync(admin, $"/staff/{Shinagawa}/admin/items/new", form);
        Assert.Equal(HttpStatusCode.BadRequest, missingSource.StatusCode);
        Assert.Contains("f-SourceQuote", await missingSource.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Set(form, "SourceQuote", "申請の際に古いカードをお持ちください。");
        form.Add(new("Procedures", "reissue"));
        var created = await PostAsync(admin, $"/staff/{Shinagawa}/admin/items/new", form);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains($"/staff/{Shinagawa}/admin/items/reissue-stamp", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var duplicate = await PostAsync(admin, $"/staff/{Shinagawa}/admin/items/new", Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/items/new"), "item")
            .Select(f => f.Key switch { "Id" => new KeyValuePair<string, string>("Id", "reissue-stamp"), "TextJa" => new("TextJa", "x"), "SourceQuote" => new("SourceQuote", "q"), _ => f }).ToList());
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);

        var delete = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/items/reissue-stamp"), "delete-item");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, $"/staff/{Shinagawa}/admin/items/reissue-stamp", delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/{Shinagawa}/admin/items/reissue-stamp")).StatusCode);
    }

    [Fact]
    public async Task A_section_edited_as_text_is_checked_with_the_line_of_its_problem()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var form = Fields(await PageAsync(admin, $"/staff/{Shinagawa}/admin/section/notes"), "section");
        var text = form.Single(f => f.Key == "Text").Value;
        Assert.StartsWith("notes:", text.TrimStart(), StringComparison.Ordinal);

        Set(form, "Text", text + "\n  - id: [broken");
        var broken = await PostAsync(admin, $"/staff/{Shinagawa}/admin/section/notes", form);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        // A YAML syntax error: its line in the text as typed, and its column.
        var html = await broken.Content.ReadAsStringAsync();
        Assert.Matches(@"\d+行目 \d+文字目", html);
        Assert.Contains("書式に誤りがあります", html, StringComparison.Ordinal);

        Set(form, "Text", "steps:\n  - id: extra\n    order: 1\n    title: {ja: x}\n");
        var otherKey = await PostAsync(admin, $"/staff/{Shinagawa}/admin/section/notes", form);
        Assert.Equal(HttpStatusCode.BadRequest, otherKey.StatusCode);

        Set(form, "Text", text.Replace("severity: warning", "severity: loud", StringComparison.Ordinal));
        var invalid = await PostAsync(admin, $"/staff/{Shinagawa}/admin/section/notes", form);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("severity", await invalid.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Set(form, "Text", text.Replace("severity: warning", "severity: info", StringComparison.Ordinal));
        var saved = await PostAsync(admin, $"/staff/{Shinagawa}/admin/section/notes", form);
        Assert.True(HttpStatusCode.Redirect == saved.StatusCode, await saved.Content.ReadAsStringAsync());
        var draft = await admin.GetStringAsync($"/staff/{Shinagawa}/admin/export?version=draft");
        Assert.DoesNotContain("severity: warning", draft, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_long_fields_and_unknown_values_get_messages_not_errors()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[0].SourceQuote", new string('あ', 5000));
        form.Add(new("Hours[0].Days", "someday"));
        form.Add(new("Hours[999999].Open", "09:00"));
        var response = await PostAsync(admin, Hours, form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("4000", html, StringComparison.Ordinal);
        Assert.Contains("選べない値です", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(admin, Hours, [.. form.Where(f => f.Key != "stamp"), new("stamp", "not-a-guid")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/staff/{Shinagawa}/admin/export?version=abc")).StatusCode);
    }

    /// <summary>Saves the special venue's Tuesday closing time as 19:30 (was 19:00) into the draft, through the hours form.</summary>
    private static async Task SaveTuesdayUntil1930Async(HttpClient admin)
    {
        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[1].Close", "19:30");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, Hours, form)).StatusCode);
    }

    private static async Task<(int, int)> CountsAsync(AdminFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.RuleSetVersions.CountAsync(), await db.AuditEntries.CountAsync(a => a.Action != "sign-in"));
    }
}
