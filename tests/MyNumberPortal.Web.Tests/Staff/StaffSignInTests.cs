using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>Sign-in, sign-out, lockout, antiforgery and the one-municipality rule over real HTTP.</summary>
public class StaffSignInTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    [Theory]
    [InlineData("/staff", "%2Fstaff")]
    [InlineData("/staff/131091", "%2Fstaff%2F131091")]
    public async Task Unauthenticated_staff_pages_redirect_to_sign_in_with_a_local_return_url(string path, string encoded)
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.EndsWith("/staff/sign-in?returnUrl=" + encoded, location);
    }

    [Fact]
    public async Task Resident_pages_stay_anonymous()
    {
        using var client = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/guide/131091")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/sign-in")).StatusCode);
    }

    [Fact]
    public async Task Signing_in_with_the_form_token_sets_a_cookie_that_opens_the_staff_home()
    {
        using var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.ShinagawaClerk, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff", response.Headers.Location!.OriginalString.Replace("https://localhost", "", StringComparison.Ordinal));
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal-staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var home = await client.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        var html = await home.Content.ReadAsStringAsync();
        Assert.Contains(StaffFactory.ShinagawaClerk, html);
        Assert.Contains("品川区", html);
    }

    [Fact]
    public async Task User_names_are_case_insensitive()
    {
        using var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, "  " + StaffFactory.AtsugiClerk.ToUpperInvariant(), StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task A_clerk_sees_only_their_own_municipality()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.ShinagawaClerk, StaffFactory.Password);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/131091")).StatusCode);

        var other = await client.GetAsync("/staff/142123");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/staff/forbidden", other.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        var forbidden = await client.GetAsync(other.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var html = await forbidden.Content.ReadAsStringAsync();
        Assert.Contains("このページは開けません", html);
        Assert.Contains("href=\"/staff\"", html);
        Assert.DoesNotContain("厚木市", html);
    }

    [Fact]
    public async Task An_admin_covering_all_opens_every_municipality()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.Admin, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/131091")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/142123")).StatusCode);
        var home = await (await client.GetAsync("/staff")).Content.ReadAsStringAsync();
        Assert.Contains("href=\"/staff/142123\"", home);
        Assert.Contains("href=\"/staff/131091\"", home);
    }

    [Fact]
    public async Task A_forged_post_without_antiforgery_token_is_rejected_with_400()
    {
        using var client = factory.CreateStaffClient();
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["Input.UserName"] = StaffFactory.ShinagawaClerk,
            ["Input.Password"] = StaffFactory.Password,
        };
        var response = await client.PostAsync("/staff/sign-in", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("portal-staff=", StringComparison.Ordinal));

        // A token from the form but no antiforgery cookie (another site's page posting) is rejected too.
        using var browser = factory.CreateStaffClient();
        var form = await StaffFactory.FormFieldsAsync(browser, "/staff/sign-in", "sign-in");
        using var attacker = factory.CreateStaffClient();
        form["Input.UserName"] = StaffFactory.ShinagawaClerk;
        form["Input.Password"] = StaffFactory.Password;
        var forged = await attacker.PostAsync("/staff/sign-in", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        // Sign-out without a token.
        var signOut = await client.PostAsync("/staff/sign-out", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "sign-out" }));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_get_the_same_generic_message()
    {
        using var client = factory.CreateStaffClient();
        var wrong = await StaffFactory.SignInAsync(client, StaffFactory.AtsugiClerk, "not the password at all");
        var unknown = await StaffFactory.SignInAsync(client, "nobody-here", "not the password at all");
        foreach (var response in new[] { wrong, unknown })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);
            var summary = document.QuerySelector(".error-summary a")!;
            Assert.Equal("ユーザー名またはパスワードが違います", summary.TextContent.Trim());
            Assert.Equal("/staff/sign-in#user-name", summary.GetAttribute("href")); // the page's own address (<base href="/">)
            Assert.NotNull(document.GetElementById("user-name"));
            Assert.DoesNotContain("not the password at all", html);
            Assert.DoesNotContain("portal-staff=", string.Join(";", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        }

        // The successful sign-in afterwards resets the count (the account is not on its way to a lockout).
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(client, StaffFactory.AtsugiClerk, StaffFactory.Password)).StatusCode);
    }

    [Fact]
    public async Task Empty_fields_are_reported_and_linked_to_their_inputs()
    {
        using var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, "", "");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var links = document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/staff/sign-in#user-name", "/staff/sign-in#password"], links);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_the_right_password_is_refused_while_locked()
    {
        using var client = factory.CreateStaffClient();
        for (var i = 1; i <= 4; i++)
        {
            var html = await (await StaffFactory.SignInAsync(client, StaffFactory.LockVictim, "wrong password " + i)).Content.ReadAsStringAsync();
            Assert.Contains("ユーザー名またはパスワードが違います", html);
        }

        var fifth = await (await StaffFactory.SignInAsync(client, StaffFactory.LockVictim, "wrong password 5")).Content.ReadAsStringAsync();
        Assert.Contains("ロックされています", fifth);

        var right = await StaffFactory.SignInAsync(client, StaffFactory.LockVictim, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("ロックされています", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);

        // Audited, without passwords.
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var entries = await db.AuditEntries.Where(a => a.Actor == StaffFactory.LockVictim).ToListAsync();
        Assert.Contains(entries, e => e.Action == "lockout");
        Assert.Contains(entries, e => e.Action == "sign-in-locked");
        Assert.Equal(4, entries.Count(e => e.Action == "sign-in-failed"));
        Assert.DoesNotContain(entries, e => (e.Summary + e.Before + e.After).Contains("wrong password", StringComparison.Ordinal)
            || (e.Summary + e.Before + e.After).Contains(StaffFactory.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.SignOutUser, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff")).StatusCode);

        var fields = await StaffFactory.FormFieldsAsync(client, "/staff/sign-out", "sign-out");
        Assert.True(fields.ContainsKey("__RequestVerificationToken"));
        var response = await client.PostAsync("/staff/sign-out", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/staff/sign-in?signed-out=true", response.Headers.Location!.PathAndQuery());

        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/staff")).StatusCode);
        Assert.Contains("サインアウトしました", await client.GetStringAsync("/staff/sign-in?signed-out=true"));
    }

    [Theory]
    [InlineData("https://evil.example/steal", "/staff")]
    [InlineData("//evil.example/steal", "/staff")]
    [InlineData("/\\evil.example", "/staff")]
    [InlineData("/staff/131091", "/staff/131091")]
    public async Task The_return_url_is_followed_only_when_local(string returnUrl, string expected)
    {
        using var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.ShinagawaClerk, StaffFactory.Password, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.True(!location.IsAbsoluteUri || location.Host == "localhost", location.ToString());
        Assert.Equal(expected, location.PathAndQuery());
    }

    [Fact]
    public async Task The_forbidden_page_is_plain_and_anonymous()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync("/staff/forbidden");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("このページは開けません", await response.Content.ReadAsStringAsync());
        var english = await client.GetAsync("/staff/forbidden?lang=en");
        Assert.Contains("You cannot open this page", await english.Content.ReadAsStringAsync());
    }
}

internal static class UriPaths
{
    /// <summary>Path and query of an absolute or relative redirect location.</summary>
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
