using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Rules.Format;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// Two admins at once (issue 12): after a 409 no stamped form can put a stale value back over a colleague's. The page shows
/// the draft as it now is with both versions side by side (the colleague's kept unless the admin picks theirs); the stale
/// form itself stays refused. Every kind of stamped form: an editor, the section editor, publish, discard, delete, restore, import.
/// </summary>
public sealed class ConflictTests
{
    private const string Hours = $"/staff/{Shinagawa}/admin/counters/kofu-tokusetsu/hours";
    private const string Admin = $"/staff/{Shinagawa}/admin";

    [Fact]
    public async Task The_two_admin_story_resubmitted_keeps_the_colleagues_closing_time()
    {
        using var factory = new AdminFactory();
        using var a = await factory.SignedInAsync(ShinagawaAdmin);
        using var b = await factory.SignedInAsync(ShinagawaAdmin2);
        var formA = Fields(await PageAsync(a, Hours), "hours");
        var formB = Fields(await PageAsync(b, Hours), "hours");
        var weekdayClose = Value(formA, "Hours[0].Close");

        // B saves the weekday closing time.
        Set(formB, "Hours[0].Close", "17:45");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(b, Hours, formB)).StatusCode);

        // A's stale save (A changed the Tuesday closing time; the form still holds the old weekday one) is refused.
        Set(formA, "Hours[1].Close", "19:30");
        var conflict = await PostAsync(a, Hours, formA);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var page = await ParseAsync(conflict);

        // Pressing save again on the stale form is refused again: the colleague's value stays.
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(a, Hours, formA)).StatusCode);
        Assert.Equal("17:45", await DraftValueAsync(a, "Hours[0].Close"));

        // The conflict page shows both values of each field that differs, the colleague's chosen.
        AssertChoice(page, "Hours[0].Close", theirs: "17:45", mine: weekdayClose);
        AssertChoice(page, "Hours[1].Close", theirs: "19:00", mine: "19:30");

        // Saved as it is, the page changes nothing: the colleague's closing time survives, A's is not written.
        var resolved = Fields(page, "hours");
        var asIs = await PostAsync(a, Hours, resolved);
        Assert.Equal(HttpStatusCode.Redirect, asIs.StatusCode);
        Assert.Equal(("17:45", "19:00"), (await DraftValueAsync(a, "Hours[0].Close"), await DraftValueAsync(a, "Hours[1].Close")));

        // Choosing their own value where they meant to change it: A's Tuesday change on top of B's weekday change.
        Set(resolved, "conflict:Hours[1].Close", "mine");
        var chosen = await PostAsync(a, Hours, resolved);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Contains("saved=1", chosen.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(("17:45", "19:30"), (await DraftValueAsync(a, "Hours[0].Close"), await DraftValueAsync(a, "Hours[1].Close")));
        Assert.Single(await AuditAsync(factory, ShinagawaAdmin, "draft-save"));
    }

    [Fact]
    public async Task The_section_editor_after_a_conflict_offers_both_texts_and_keeps_the_colleagues_by_default()
    {
        const string steps = $"{Admin}/section/steps";
        using var factory = new AdminFactory();
        using var a = await factory.SignedInAsync(ShinagawaAdmin);
        using var b = await factory.SignedInAsync(ShinagawaAdmin2);
        var formA = Fields(await PageAsync(a, steps), "section");
        var formB = Fields(await PageAsync(b, steps), "section");
        var original = Value(formA, "Text");
        var first = original.Split('\n').First(l => l.Contains("ja: ", StringComparison.Ordinal));

        Set(formB, "Text", original.Replace(first, first + "(B)", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(b, steps, formB)).StatusCode);
        Set(formA, "Text", original.Replace(first, first + "(A)", StringComparison.Ordinal));
        var conflict = await PostAsync(a, steps, formA);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(a, steps, formA)).StatusCode);

        var resolved = Fields(await ParseAsync(conflict), "section");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a, steps, resolved)).StatusCode);
        var now = Value(Fields(await PageAsync(a, steps), "section"), "Text");
        Assert.Contains("(B)", now, StringComparison.Ordinal);
        Assert.DoesNotContain("(A)", now, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_discard_and_delete_after_a_conflict_need_a_tick_and_the_stale_form_stays_refused()
    {
        using var factory = new AdminFactory();
        using var a = await factory.SignedInAsync(ShinagawaAdmin);
        using var b = await factory.SignedInAsync(ShinagawaAdmin2);
        await ChangeHoursAsync(b, "16:40"); // opens the draft
        var publish = Fields(await PageAsync(a, $"{Admin}/publish"), "publish");
        var discard = Fields(await PageAsync(a, $"{Admin}/discard"), "discard");
        const string fee = $"{Admin}/fees/reissue-fee";
        var delete = Fields(await PageAsync(a, fee), "delete-fee");
        await ChangeHoursAsync(b, "16:50");

        foreach (var (url, form, name) in new[] { ($"{Admin}/publish", publish, "publish"), ($"{Admin}/discard", discard, "discard"), (fee, delete, "delete-fee") })
        {
            var conflict = await PostAsync(a, url, form);
            Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
            Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(a, url, form)).StatusCode);
            var page = await ParseAsync(conflict);
            Assert.Contains(ShinagawaAdmin2, page.QuerySelector(".admin-conflict")!.TextContent, StringComparison.Ordinal);

            // From the conflict page without the tick: asked again, nothing done.
            var again = Fields(page, name);
            Assert.DoesNotContain(again, f => f.Key == "confirm");
            var untouched = await PostAsync(a, url, again);
            Assert.Equal(HttpStatusCode.BadRequest, untouched.StatusCode);
            Assert.NotNull((await ParseAsync(untouched)).QuerySelector("input[name=confirm]"));
        }

        Assert.Equal("16:50", await DraftValueAsync(a, "Hours[0].Close"));
        Assert.Empty(await AuditAsync(factory, ShinagawaAdmin, null));

        // With the tick, the admin acts on the draft as it now is: the delete keeps the colleague's hours.
        var ticked = Fields(await ParseAsync(await PostAsync(a, fee, delete)), "delete-fee");
        ticked.Add(new("confirm", "true"));
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a, fee, ticked)).StatusCode);
        Assert.Equal("16:50", await DraftValueAsync(a, "Hours[0].Close"));
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync(fee)).StatusCode);
    }

    [Fact]
    public async Task Restore_and_import_after_a_conflict_are_chosen_part_by_part()
    {
        using var factory = new AdminFactory();
        using var a = await factory.SignedInAsync(ShinagawaAdmin);
        using var b = await factory.SignedInAsync(ShinagawaAdmin2);
        await ChangeHoursAsync(b, "16:40");
        var export = await a.GetStringAsync($"{Admin}/export");
        var file = RuleSetYaml.Read(export);
        file.Fees[0].Name.Ja += "(A)";
        var import = Fields(await PageAsync(a, $"{Admin}/import"), "import");
        Set(import, "Text", RuleSetYaml.Write(file));
        var restore = Fields(await PageAsync(a, $"{Admin}/history/1"), "restore");
        await ChangeHoursAsync(b, "16:50");

        // Restore: refused, then offered part by part; as it is, the draft stays as the colleague left it.
        var conflict = await PostAsync(a, $"{Admin}/history/1", restore);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(a, $"{Admin}/history/1", restore)).StatusCode);
        var parts = Fields(await ParseAsync(conflict), "restore");
        Assert.Contains(parts, f => f.Key == "part:counters" && f.Value == "theirs");
        await PostAsync(a, $"{Admin}/history/1", parts);
        Assert.Equal("16:50", await DraftValueAsync(a, "Hours[0].Close"));

        // Import: the file's fees are taken, the colleague's counters kept.
        conflict = await PostAsync(a, $"{Admin}/import", import);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(a, $"{Admin}/import", import)).StatusCode);
        parts = Fields(await ParseAsync(conflict), "import");
        Assert.Equal(["counters", "fees"], parts.Where(f => f.Key.StartsWith("part:", StringComparison.Ordinal)).Select(f => f.Key[5..]).Order().ToArray());
        Set(parts, "part:fees", "mine");
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(a, $"{Admin}/import", parts)).StatusCode);
        Assert.Equal("16:50", await DraftValueAsync(a, "Hours[0].Close"));
        var draft = RuleSetYaml.Read(await a.GetStringAsync($"{Admin}/export?version=draft"));
        Assert.EndsWith("(A)", draft.Fees[0].Name.Ja, StringComparison.Ordinal);
    }

    private static async Task ChangeHoursAsync(HttpClient admin, string close)
    {
        var form = Fields(await PageAsync(admin, Hours), "hours");
        Set(form, "Hours[0].Close", close);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(admin, Hours, form)).StatusCode);
    }

    private static void AssertChoice(IHtmlDocument page, string field, string theirs, string mine)
    {
        var radios = page.QuerySelectorAll($"input[type=radio][name='conflict:{field}']").Cast<IHtmlInputElement>().ToList();
        Assert.Equal(["theirs", "mine"], radios.Select(r => r.Value));
        Assert.True(radios[0].IsChecked, "the colleague's value is the default");
        Assert.Equal(theirs, page.QuerySelector($"input[name='theirs:{field}']")!.GetAttribute("value"));
        Assert.Equal(mine, page.QuerySelector($"input[name='mine:{field}']")!.GetAttribute("value"));
        var shown = radios[0].ParentElement!.ParentElement!.TextContent;
        Assert.Contains(theirs, shown, StringComparison.Ordinal);
        Assert.Contains(mine, shown, StringComparison.Ordinal);
    }

    private static async Task<string> DraftValueAsync(HttpClient admin, string field) =>
        (await PageAsync(admin, Hours)).QuerySelector($"#f-{field.Replace("[", "-", StringComparison.Ordinal).Replace("].", "-", StringComparison.Ordinal)}")!.GetAttribute("value")!;

    private static string Value(List<KeyValuePair<string, string>> fields, string name) => fields.First(f => f.Key == name).Value;

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static async Task<List<AuditEntry>> AuditAsync(AdminFactory factory, string actor, string? action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.AuditEntries.Where(e => e.Actor == actor && e.Scope == Shinagawa && (action == null || e.Action == action)).ToListAsync();
    }
}
