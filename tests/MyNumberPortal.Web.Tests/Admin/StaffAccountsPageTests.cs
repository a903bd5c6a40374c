using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Web.Tests.Staff;
using static MyNumberPortal.Web.Tests.Admin.AdminFactory;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>
/// Staff accounts from the console (issue 16 item 5), through the real forms over HTTP: an admin creates a clerk, whose
/// first sign-in leads to the password page until they set their own; a reset and a disable end the account's sessions
/// (a cookie copied before is refused); every change is in the municipality's audit log, never with a password.
/// </summary>
public sealed class StaffAccountsPageTests
{
    private const string Page = $"/staff/{Shinagawa}/admin/staff";

    [Fact]
    public async Task Create_first_sign_in_reset_and_disable_through_the_forms()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);

        // Create: the temporary password is shown once, on the answer to the post.
        var fields = Fields(await PageAsync(admin, Page), "staff-create");
        Set(fields, "UserName", "new-clerk");
        var created = await PostAsync(admin, Page, fields);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("no-store", created.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var createdPage = await ParseAsync(created);
        var first = TemporaryPassword(createdPage);
        Assert.Contains("new-clerk を作成しました", createdPage.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(createdPage.QuerySelectorAll("tbody th"), th => th.TextContent.Trim() == "new-clerk");
        // Shown once: the page opened again does not show it.
        Assert.DoesNotContain(first, await admin.GetStringAsync(Page), StringComparison.Ordinal);

        // First sign-in: every staff page leads to the password page until the clerk has set their own.
        using var clerk = factory.CreateStaffClient();
        var signedIn = await StaffFactory.SignInAsync(clerk, "new-clerk", first);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        foreach (var path in new[] { "/staff", $"/staff/{Shinagawa}/check" })
        {
            var forced = await clerk.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, forced.StatusCode);
            Assert.Equal(StaffAuthentication.PasswordPath, forced.Headers.Location!.OriginalString);
        }

        var passwordPage = await PageAsync(clerk, StaffAuthentication.PasswordPath);
        Assert.Contains("仮のパスワードでサインインしています", passwordPage.Body!.TextContent, StringComparison.Ordinal);
        await ChangeOwnPasswordAsync(clerk, first, "the clerk's own password");
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/staff")).StatusCode);
        using var copied = CopyOf(factory, clerk, await clerk.GetAsync("/staff"));
        Assert.Equal(HttpStatusCode.OK, (await copied.GetAsync("/staff")).StatusCode);

        // Reset: a new temporary password; the clerk's sessions (and the copied cookie) end; signing in asks for a new password again.
        var reset = await PostChangeAsync(admin, "reset", "new-clerk");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        var second = TemporaryPassword(await ParseAsync(reset));
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.Redirect, (await copied.GetAsync("/staff")).StatusCode);
        Assert.Contains("/staff/sign-in", (await clerk.GetAsync("/staff")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(clerk, "new-clerk", "the clerk's own password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(clerk, "new-clerk", second)).StatusCode);
        Assert.Equal(StaffAuthentication.PasswordPath, (await clerk.GetAsync("/staff")).Headers.Location!.OriginalString);
        await ChangeOwnPasswordAsync(clerk, second, "another own password");
        using var copiedAgain = CopyOf(factory, clerk, await clerk.GetAsync("/staff"));
        Assert.Equal(HttpStatusCode.OK, (await copiedAgain.GetAsync("/staff")).StatusCode);

        // Disable: the session copied before is refused, and so is signing in; enable lets them in again.
        var disabled = await PostChangeAsync(admin, "disable", "new-clerk");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        var afterDisable = await PageAsync(admin, disabled.Headers.Location!.OriginalString);
        Assert.Contains("new-clerk を停止しました", afterDisable.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await copiedAgain.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(clerk, "new-clerk", "another own password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostChangeAsync(admin, "enable", "new-clerk")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(clerk, "new-clerk", "another own password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync($"/staff/{Shinagawa}/check")).StatusCode);

        // Audited in the municipality's log, by the admin, never with a password; shown on the audit page.
        var audit = await AuditAsync(factory, Shinagawa);
        Assert.Contains(audit, a => a.Action == "staff-create" && a.Actor == ShinagawaAdmin && a.Summary.Contains("new-clerk", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "password-reset" && a.Actor == ShinagawaAdmin);
        Assert.Contains(audit, a => a.Action == "staff-disable" && a.Actor == ShinagawaAdmin);
        Assert.Contains(audit, a => a.Action == "staff-enable" && a.Actor == ShinagawaAdmin);
        var everything = await AuditAsync(factory, null);
        Assert.DoesNotContain(everything, a => $"{a.Summary}{a.Before}{a.After}".Contains(first, StringComparison.Ordinal)
            || $"{a.Summary}{a.Before}{a.After}".Contains(second, StringComparison.Ordinal));
        Assert.Contains("new-clerk", await admin.GetStringAsync($"/staff/{Shinagawa}/admin/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_form_is_refused_at_the_field_in_both_languages_and_nothing_is_stored()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(ShinagawaAdmin);
        var before = await CountAsync(factory);

        foreach (var (lang, message) in new[] { ("", "半角の英字・数字"), ("?lang=en", "Use only letters, digits") })
        {
            var fields = Fields(await PageAsync(admin, Page + lang), "staff-create");
            Set(fields, "UserName", "山田 太郎");
            var refused = await PostAsync(admin, Page + lang, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await ParseAsync(refused);
            var field = page.QuerySelector("#f-UserName")!.ParentElement!;
            Assert.Contains(message, field.QuerySelector(".error-message")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector(".admin-temporary-password"));
        }

        // A name already taken (case does not matter).
        var taken = Fields(await PageAsync(admin, Page), "staff-create");
        Set(taken, "UserName", StaffFactory.ShinagawaClerk.ToUpperInvariant());
        var refusedTaken = await PostAsync(admin, Page, taken);
        Assert.Equal(HttpStatusCode.BadRequest, refusedTaken.StatusCode);
        Assert.Contains("すでに使われています", (await ParseAsync(refusedTaken)).QuerySelector("#f-UserName")!.ParentElement!.TextContent, StringComparison.Ordinal);

        // A municipality's admin cannot raise an account to all municipalities (the box is not offered; posted anyway, refused).
        var page2 = await PageAsync(admin, Page);
        Assert.Null(page2.QuerySelector("input[name=AllMunicipalities]"));
        var raised = Fields(page2, "staff-create");
        Set(raised, "UserName", "raised-admin");
        Set(raised, "Role", StaffRoles.Admin);
        raised.Add(new("AllMunicipalities", "true"));
        var refusedRaise = await PostAsync(admin, Page, raised);
        Assert.Equal(HttpStatusCode.BadRequest, refusedRaise.StatusCode);
        Assert.Contains("すべての市区町村の管理者だけ", await refusedRaise.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task Clerks_other_municipalities_and_oneself_are_refused()
    {
        using var factory = new AdminFactory();
        using var clerk = await factory.SignedInAsync(StaffFactory.ShinagawaClerk);
        var asClerk = await clerk.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, asClerk.StatusCode);
        Assert.Contains(StaffAuthentication.ForbiddenPath, asClerk.Headers.Location!.OriginalString, StringComparison.Ordinal);

        using var koganei = await factory.SignedInAsync(KoganeiAdmin);
        Assert.Contains(StaffAuthentication.ForbiddenPath, (await koganei.GetAsync(Page)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        // From their own page, an account of 品川区 is not theirs to change: 404, and it still signs in.
        var own = $"/staff/132101/admin/staff";
        var fields = Fields(await PageAsync(koganei, own), "staff-change");
        fields.Add(new("Change", $"disable:{await IdOfAsync(factory, StaffFactory.ShinagawaClerk)}"));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(koganei, own, fields)).StatusCode);
        fields = Fields(await PageAsync(koganei, own), "staff-change");
        fields.Add(new("Change", $"reset:{await IdOfAsync(factory, StaffFactory.Admin)}"));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(koganei, own, fields)).StatusCode);
        // The all-municipality admin is not listed to a municipality's admin.
        Assert.DoesNotContain(StaffFactory.Admin, await koganei.GetStringAsync(own), StringComparison.Ordinal);

        // An admin cannot disable (or reset) themselves here.
        var self = Fields(await PageAsync(koganei, own), "staff-change");
        self.Add(new("Change", $"disable:{await IdOfAsync(factory, KoganeiAdmin)}"));
        var refused = await PostAsync(koganei, own, self);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("自分のアカウント", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var again = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(again, StaffFactory.ShinagawaClerk, StaffFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(again, KoganeiAdmin, StaffFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task An_all_municipality_admin_can_create_another()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(StaffFactory.Admin);
        var page = await PageAsync(admin, Page);
        Assert.NotNull(page.QuerySelector("input[name=AllMunicipalities]"));
        var fields = Fields(page, "staff-create");
        Set(fields, "UserName", "second-all-admin");
        Set(fields, "Role", StaffRoles.Admin);
        fields.Add(new("AllMunicipalities", "true"));
        var created = await PostAsync(admin, Page, fields);
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var password = TemporaryPassword(await ParseAsync(created));

        using var other = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(other, "second-all-admin", password)).StatusCode);
        await ChangeOwnPasswordAsync(other, password, "second admin's password");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/staff/151009/admin/staff")).StatusCode);
    }

    private static string TemporaryPassword(IHtmlDocument page)
    {
        var text = page.QuerySelector(".admin-temporary-password")?.TextContent.Trim();
        Assert.False(string.IsNullOrEmpty(text), "no temporary password shown");
        Assert.True(text.Length >= 12);
        return text;
    }

    private static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    private static async Task ChangeOwnPasswordAsync(HttpClient client, string current, string replacement)
    {
        var form = Fields(await PageAsync(client, StaffAuthentication.PasswordPath), "password");
        Set(form, "current-password", current);
        Set(form, "new-password", replacement);
        Set(form, "repeat-password", replacement);
        var changed = await PostAsync(client, StaffAuthentication.PasswordPath, form);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
    }

    /// <summary>Presses the list's button for <paramref name="action"/> on <paramref name="user"/>'s row.</summary>
    private static async Task<HttpResponseMessage> PostChangeAsync(HttpClient admin, string action, string user)
    {
        var page = await PageAsync(admin, Page);
        var button = page.QuerySelectorAll("button[name=Change]").Single(b => b.GetAttribute("value")!.StartsWith(action + ":", StringComparison.Ordinal)
            && b.Closest("tr")!.QuerySelector("th")!.TextContent.Trim() == user);
        var fields = Fields(page, "staff-change");
        fields.Add(new("Change", button.GetAttribute("value")!));
        return await PostAsync(admin, Page, fields);
    }

    /// <summary>A client sending the staff cookie <paramref name="source"/> holds now, by hand, as someone who copied it would.</summary>
    private static HttpClient CopyOf(AdminFactory factory, HttpClient source, HttpResponseMessage anyResponse)
    {
        _ = source;
        var cookie = anyResponse.RequestMessage!.Headers.GetValues("Cookie").SelectMany(c => c.Split(';'))
            .Select(c => c.Trim()).Single(c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal));
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private static async Task<List<AuditEntry>> AuditAsync(AdminFactory factory, string? scope)
    {
        await using var scopeServices = factory.Services.CreateAsyncScope();
        var db = scopeServices.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.AuditEntries.Where(a => scope == null || a.Scope == scope).ToListAsync();
    }

    private static async Task<int> CountAsync(AdminFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().StaffAccounts.CountAsync();
    }

    private static async Task<int> IdOfAsync(AdminFactory factory, string user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var normalized = user.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().StaffAccounts.Where(a => a.NormalizedUserName == normalized).Select(a => a.Id).SingleAsync();
    }
}
