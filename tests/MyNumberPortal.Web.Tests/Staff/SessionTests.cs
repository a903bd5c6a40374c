using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Web.Tests.Admin;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// A staff session is over once it is signed out, the password changes, the account is disabled, or 12 hours have passed
/// (issue 12): every copy of the cookie is refused from then on. Lockout is counted in the database, every attempt audited.
/// All through the real forms over HTTP.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_no_longer_opens_staff_pages()
    {
        using var factory = new StaffFactory();
        using var browser = factory.CreateStaffClient();
        var signedIn = await StaffFactory.SignInAsync(browser, StaffFactory.SignOutUser, StaffFactory.Password);
        using var thief = CopyOf(factory, signedIn);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/staff")).StatusCode);

        var fields = await StaffFactory.FormFieldsAsync(browser, "/staff/sign-out", "sign-out");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/staff/sign-out", new FormUrlEncodedContent(fields))).StatusCode);

        var refused = await thief.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/staff/sign-in", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await thief.GetAsync("/staff/131091/check")).StatusCode);
        Assert.Contains(await AuditAsync(factory, StaffFactory.SignOutUser), a => a.Action == "sign-out");
    }

    [Fact]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_this_one()
    {
        using var factory = new StaffFactory();
        using var here = factory.CreateStaffClient();
        using var elsewhere = factory.CreateStaffClient();
        await SignInAsync(here, StaffFactory.EdogawaClerk);
        await SignInAsync(elsewhere, StaffFactory.EdogawaClerk);

        var form = AdminFactory.Fields(await AdminFactory.PageAsync(here, StaffAuthentication.PasswordPath), "password");
        AdminFactory.Set(form, "current-password", "not the password");
        AdminFactory.Set(form, "new-password", "a new long password");
        AdminFactory.Set(form, "repeat-password", "a new long password");
        var wrong = await AdminFactory.PostAsync(here, StaffAuthentication.PasswordPath, form);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("いまのパスワードが違います", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await elsewhere.GetAsync("/staff")).StatusCode);

        form = AdminFactory.Fields(await AdminFactory.PageAsync(here, StaffAuthentication.PasswordPath), "password");
        AdminFactory.Set(form, "current-password", StaffFactory.Password);
        AdminFactory.Set(form, "new-password", "a new long password");
        AdminFactory.Set(form, "repeat-password", "a new long password");
        var changed = await AdminFactory.PostAsync(here, StaffAuthentication.PasswordPath, form);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/staff?password=changed", changed.Headers.Location!.PathAndQuery());

        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/staff")).StatusCode);
        using var again = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(again, StaffFactory.EdogawaClerk, StaffFactory.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(again, StaffFactory.EdogawaClerk, "a new long password")).StatusCode);
    }

    [Fact]
    public async Task Disabling_or_resetting_an_account_ends_its_sessions()
    {
        using var factory = new StaffFactory();
        using var clerk = factory.CreateStaffClient();
        await SignInAsync(clerk, StaffFactory.NiigataClerk);
        Assert.Equal(0, await StaffAccountCommand.RunAsync(factory.Services, [StaffAccountCommand.Disable, "--user", StaffFactory.NiigataClerk],
            TextReader.Null, TextWriter.Null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(clerk, StaffFactory.NiigataClerk, StaffFactory.Password)).StatusCode);

        Assert.Equal(0, await StaffAccountCommand.RunAsync(factory.Services, [StaffAccountCommand.Enable, "--user", StaffFactory.NiigataClerk],
            TextReader.Null, TextWriter.Null, CancellationToken.None));
        await SignInAsync(clerk, StaffFactory.NiigataClerk);
        Assert.Equal(0, await StaffAccountCommand.RunAsync(factory.Services, [StaffAccountCommand.SetPassword, "--user", StaffFactory.NiigataClerk],
            new StringReader("another long password\n"), TextWriter.Null, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Redirect, (await clerk.GetAsync("/staff")).StatusCode);
        await SignInAsync(clerk, StaffFactory.NiigataClerk, "another long password");

        var audit = await AuditAsync(factory, null);
        Assert.Contains(audit, a => a.Action == "staff-disable" && a.Summary.Contains(StaffFactory.NiigataClerk, StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "sign-in-disabled" && a.Actor == StaffFactory.NiigataClerk);
        Assert.Contains(audit, a => a.Action == "password-reset");
        Assert.DoesNotContain(audit, a => a.Summary.Contains("another long password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_session_ends_12_hours_after_signing_in_however_active()
    {
        using var factory = new ClockFactory();
        using var clerk = factory.CreateStaffClient();
        await SignInAsync(clerk, StaffFactory.KoganeiClerk);
        foreach (var hours in new[] { 5, 5 })
        {
            factory.Clock.Advance(TimeSpan.FromHours(hours));
            Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync("/staff")).StatusCode); // the sliding 8 hours are renewed
        }

        factory.Clock.Advance(TimeSpan.FromHours(2.5));
        var expired = await clerk.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/staff/sign-in", expired.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_token_from_one_session_is_refused_in_the_next()
    {
        using var factory = new AdminFactory();
        using var admin = await factory.SignedInAsync(AdminFactory.ShinagawaAdmin);
        var hours = $"/staff/{AdminFactory.Shinagawa}/admin/counters/kofu-tokusetsu/hours";
        var old = AdminFactory.Fields(await AdminFactory.PageAsync(admin, hours), "hours");

        var signOut = await StaffFactory.FormFieldsAsync(admin, "/staff/sign-out", "sign-out");
        await admin.PostAsync("/staff/sign-out", new FormUrlEncodedContent(signOut));
        await SignInAsync(admin, AdminFactory.ShinagawaAdmin);

        // The same user, signed in again: the first session's form token (and its stamp) no longer count.
        AdminFactory.Set(old, "Hours[1].Close", "12:30");
        Assert.Equal(HttpStatusCode.BadRequest, (await AdminFactory.PostAsync(admin, hours, old)).StatusCode);
        var fresh = AdminFactory.Fields(await AdminFactory.PageAsync(admin, hours), "hours");
        AdminFactory.Set(fresh, "Hours[1].Close", "12:30");
        Assert.Equal(HttpStatusCode.Redirect, (await AdminFactory.PostAsync(admin, hours, fresh)).StatusCode);
    }

    [Fact]
    public async Task Forty_wrong_passwords_at_once_check_at_most_five_and_are_all_audited()
    {
        const string victim = "race-victim";
        using var factory = new StaffFactory();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(victim, StaffFactory.Password, StaffRoles.Clerk, "131091", false, "test", default);
        }

        // 40 browsers, each with its form (GET), then 40 posts at the same moment.
        var browsers = Enumerable.Range(0, 40).Select(_ => factory.CreateStaffClient()).ToList();
        var forms = await Task.WhenAll(browsers.Select(b => StaffFactory.FormFieldsAsync(b, "/staff/sign-in", "sign-in")));
        using var start = new ManualResetEventSlim();
        var posts = browsers.Select((b, i) => Task.Run(async () =>
        {
            start.Wait();
            var fields = new Dictionary<string, string>(forms[i]) { ["Input.UserName"] = victim, ["Input.Password"] = $"wrong guess {i}" };
            return await b.PostAsync("/staff/sign-in", new FormUrlEncodedContent(fields));
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(posts);
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));

        var audit = await AuditAsync(factory, victim);
        Assert.Equal(40, audit.Count);
        var checkedPasswords = audit.Count(a => a.Action is "sign-in-failed" or "lockout");
        Assert.True(checkedPasswords <= 5, $"{checkedPasswords} passwords checked before the lock");
        Assert.Equal(1, audit.Count(a => a.Action == "lockout"));
        Assert.Equal(40 - checkedPasswords, audit.Count(a => a.Action == "sign-in-locked"));

        // Locked: even the right password is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(browsers[0], victim, StaffFactory.Password)).StatusCode);
        browsers.ForEach(b => b.Dispose());
    }

    private static async Task SignInAsync(HttpClient client, string user, string password = StaffFactory.Password)
    {
        var response = await StaffFactory.SignInAsync(client, user, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>A second client sending the staff cookie a sign-in set, by hand, as someone who copied it would.</summary>
    private static HttpClient CopyOf(StaffFactory factory, HttpResponseMessage signedIn)
    {
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal))
            .Split(';')[0][(StaffAuthentication.CookieName.Length + 1)..];
        var copy = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost"), HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", $"{StaffAuthentication.CookieName}={cookie}");
        return copy;
    }

    private static async Task<List<AuditEntry>> AuditAsync(StaffFactory factory, string? actor)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.AuditEntries.Where(a => a.Scope == StaffAccounts.AuditScope && (actor == null || a.Actor == actor)).ToListAsync();
    }

    /// <summary>The staff portal with a clock the test moves.</summary>
    private sealed class ClockFactory : StaffFactory
    {
        public MovableClock Clock { get; } = new(Now);

        protected override void Configure(IWebHostBuilder builder)
        {
            base.Configure(builder);
            builder.ConfigureServices(services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
            });
        }
    }

    public sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset now = start;

        public void Advance(TimeSpan by) => now += by;

        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }
}
