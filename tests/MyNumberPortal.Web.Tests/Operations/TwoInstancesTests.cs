using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Web.Tests.Admin;
using Xunit.Abstractions;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Two real portal processes on loopback sharing one SQLite file, as N instances behind a load balancer share one
/// database (docs/operations.md, "Shared state between instances"). A starts first (it migrates and seeds the file,
/// creates the first admin from <c>Staff__InitialAdmin__*</c> and the data-protection key), B once A is ready. Both
/// run as behind the Compose proxy (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>); the tests reach them through
/// <see cref="BalancedBrowser"/>, which adds the balancer's forwarded headers. The browser tests use the same fixture
/// for an interactive page rendered by A whose circuit runs on B (tests/MyNumberPortal.Browser.Tests/TwoInstancesCircuitTests.cs).
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    /// <summary>How often each instance polls the change stamp in this test (<c>Rules__RefreshSeconds</c>).</summary>
    public const double RefreshSeconds = 1;

    /// <summary>Sign-in attempts allowed per client address and instance in a 60 s window (<c>RateLimits__SignIn__PermitLimit</c>).</summary>
    public const int SignInBurst = 3;

    /// <summary>The first admin, covering every municipality, created by A from <c>Staff__InitialAdmin__*</c>.</summary>
    public const string AdminUser = "city-admin";

    public const string AdminPassword = "two instances, one key ring";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private ServiceProvider? services;
    private PortalProcess? a;
    private PortalProcess? b;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"portal-two-{Guid.NewGuid():N}.db");

    public PortalProcess A => a ?? throw new InvalidOperationException("Portal A did not start.");

    public PortalProcess B => b ?? throw new InvalidOperationException("Portal B did not start.");

    /// <summary>The Data project's services on the shared file (the test process's own connection), to look into the database.</summary>
    public IServiceProvider Store => services ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={DatabasePath}" })
            .Build();
        services = new ServiceCollection().AddLogging().AddPortalData(config, Path.GetTempPath()).BuildServiceProvider();

        try
        {
            a = await StartReadyAsync("A", new Dictionary<string, string>
            {
                ["Staff__InitialAdmin__UserName"] = AdminUser,
                ["Staff__InitialAdmin__Password"] = AdminPassword,
            });
            // A creates the key ring as it starts (data protection's hosted service); wait until it is stored so
            // that B, started next, can only find it and never races A to create its own.
            await WaitForAsync(async () => await CountKeysAsync() > 0, TimeSpan.FromSeconds(10), $"A stored no data-protection key.\n{a.Output}");
            b = await StartReadyAsync("B", new Dictionary<string, string>());
        }
        catch
        {
            await DisposeAsync(); // leave no process behind even if xunit does not dispose a fixture that failed to start
            throw;
        }
    }

    public async Task<int> CountKeysAsync()
    {
        await using var db = await Store.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.CountAsync();
    }

    public async Task DisposeAsync()
    {
        // Kill both even if the other's disposal fails; then let go of the file and delete it. Safe to call twice.
        try
        {
            if (Interlocked.Exchange(ref a, null) is { } first)
            {
                await first.DisposeAsync();
            }
        }
        finally
        {
            if (Interlocked.Exchange(ref b, null) is { } second)
            {
                await second.DisposeAsync();
            }

            if (Interlocked.Exchange(ref services, null) is { } store)
            {
                await store.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(DatabasePath + suffix);
            }
        }
    }

    private async Task<PortalProcess> StartReadyAsync(string name, Dictionary<string, string> environment)
    {
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ConnectionStrings__Portal"] = $"Data Source={DatabasePath}",
            ["Database__Provider"] = "Sqlite",
            ["Rules__RefreshSeconds"] = RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Serilog__Format"] = "json",
            // The key manager says when it creates a key (Information): A must, B must not.
            ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.DataProtection.KeyManagement"] = "Information",
            // The polling below is one client on loopback: keep it clear of the API rate limit.
            ["RateLimits__Api__PermitLimit"] = "100000",
            ["RateLimits__SignIn__PermitLimit"] = SignInBurst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // As behind the Compose proxy: client address and scheme from X-Forwarded-For / X-Forwarded-Proto.
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        })
        {
            environment[key] = value;
        }

        for (var attempt = 1; ; attempt++)
        {
            var portal = PortalProcess.Start(name, environment);
            try
            {
                await portal.WaitUntilReadyAsync(StartTimeout);
                return portal;
            }
            catch (InvalidOperationException) when (attempt < 3 && portal.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The free port was taken between finding it and the portal binding it: try another.
                await portal.DisposeAsync();
            }
            catch
            {
                await portal.DisposeAsync();
                throw;
            }
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, string message)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(message);
            }

            await Task.Delay(100);
        }
    }
}

public sealed class TwoInstancesTests(TwoInstancesFixture portals, ITestOutputHelper output) : IClassFixture<TwoInstancesFixture>
{
    private const string Shinagawa = "131091";

    /// <summary>
    /// The hours of 品川区's special issuing venue: row 0 is Monday–Friday and Sunday, 08:30–17:00 in the seed. The
    /// checklist shows a counter's next three openings from today (the processes run on the real clock), and any three
    /// include a day of row 0.
    /// </summary>
    private const string ShinagawaHours = $"/staff/{Shinagawa}/admin/counters/kofu-tokusetsu/hours";

    /// <summary>The hours of 厚木市's card centre: row 1 is Saturday, 08:30–12:00 in the seed (only ever drafted here, never published).</summary>
    private const string AtsugiHours = "/staff/142123/admin/counters/atsugi-card-center/hours";

    private const string SignIn = "/staff/sign-in";

    /// <summary>Niigata City, reissue after theft: the page states a fee (card 800 + e-certificate 200 yen).</summary>
    private const string Guidance =
        "api/municipalities/151009/procedures/reissue/guidance?applicant=self&reissue-reason=stolen&noto-earthquake=no&ward=chuo";

    /// <summary>The time a published rule may take to reach every instance (docs/operations.md: RefreshSeconds + rebuild), with room for a loaded machine.</summary>
    private static readonly TimeSpan PropagationLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Both_instances_serve_the_same_guidance()
    {
        var a = await GuidanceAsync(portals.A);
        var b = await GuidanceAsync(portals.B);
        Assert.Equal("covered", a.GetProperty("coverage").GetString());
        Assert.True(a.GetProperty("fee").GetProperty("total").GetInt32() > 0, "the case should have a stated fee");
        Assert.Equal(a.GetProperty("fee").GetRawText(), b.GetProperty("fee").GetRawText());
        Assert.Equal(a.GetProperty("ruleSetVersion").GetInt32(), b.GetProperty("ruleSetVersion").GetInt32());
        Assert.NotEqual(portals.A.Address, portals.B.Address);
        Assert.NotEqual(portals.A.ProcessId, portals.B.ProcessId);
    }

    [Fact]
    public async Task Signed_in_on_A_a_form_from_A_is_accepted_by_B_with_the_cookie_and_antiforgery_token_of_A()
    {
        using var browser = new BalancedBrowser("203.0.113.11");
        await SignInOnAAsync(browser);

        // The hours form as A renders it: A's antiforgery token in the form, A's antiforgery and staff cookies in the jar.
        var form = AdminFactory.Fields(await browser.PageAsync(portals.A, AtsugiHours), "hours");
        Assert.Contains(form, f => f.Key == "__RequestVerificationToken" && f.Value.Length > 0);
        var antiforgeryCookie = Assert.Single(browser.Cookies.Keys, k => k.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        AdminFactory.Set(form, "Hours[1].Close", "12:30");

        // Control: B checks the token against the antiforgery cookie; without that cookie the same post is refused.
        using (var forged = await browser.PostAsync(portals.B, AtsugiHours, form, withoutCookie: antiforgeryCookie))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        }

        // Control: without the staff cookie B does not know who posts (it sends the browser to sign in).
        using (var anonymous = await browser.PostAsync(portals.B, AtsugiHours, form, withoutCookie: StaffAuthentication.CookieName))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.Contains(SignIn, anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // The real post, to the other instance: B unprotects A's cookie and A's token with the key ring in the database.
        using var saved = await browser.PostAsync(portals.B, AtsugiHours, form);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect,
            $"B answered {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}\nB:\n{portals.B.Output}");
        Assert.Contains("saved=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // What B saved is the shared draft: A shows it.
        var again = await browser.PageAsync(portals.A, AtsugiHours);
        Assert.Equal("12:30", again.QuerySelector("#f-Hours-1-Close")!.GetAttribute("value"));
        Assert.Equal(1, await portals.CountKeysAsync());
    }

    [Fact]
    public async Task Signed_out_on_A_a_copy_of_the_cookie_no_longer_opens_staff_pages_on_B()
    {
        using var browser = new BalancedBrowser("203.0.113.12");
        await SignInOnAAsync(browser);
        using var copy = new BalancedBrowser("203.0.113.13");
        copy.SetCookie(StaffAuthentication.CookieName, browser.Cookies[StaffAuthentication.CookieName]);
        using (var before = await copy.GetAsync(portals.B, "/staff"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var signOut = AdminFactory.Fields(await browser.PageAsync(portals.A, "/staff/sign-out"), "sign-out");
        using (var signedOut = await browser.PostAsync(portals.A, "/staff/sign-out", signOut))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        }

        // The other instance refuses the copy at once: the account's security stamp changed in the shared database.
        using var after = await copy.GetAsync(portals.B, "/staff");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains(SignIn, after.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_published_in_the_admin_console_on_A_is_served_by_B_within_the_stated_time()
    {
        var (checklist, query) = await AdminFactory.ChecklistWithQueryAsync(portals.B.Client, Shinagawa, "reissue", "self");
        var resident = $"/guide/{Shinagawa}/reissue?{query}";
        Assert.Contains("17:00", checklist, StringComparison.Ordinal);
        Assert.DoesNotContain("17:30", checklist, StringComparison.Ordinal);

        using var browser = new BalancedBrowser("203.0.113.12");
        await SignInOnAAsync(browser);

        // The closing time 17:00 → 17:30, saved as a draft and published on A through the console's own forms.
        var hours = AdminFactory.Fields(await browser.PageAsync(portals.A, ShinagawaHours), "hours");
        AdminFactory.Set(hours, "Hours[0].Close", "17:30");
        using (var saved = await browser.PostAsync(portals.A, ShinagawaHours, hours))
        {
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"save: {(int)saved.StatusCode} {await saved.Content.ReadAsStringAsync()}");
        }

        var publish = AdminFactory.Fields(await browser.PageAsync(portals.A, $"/staff/{Shinagawa}/admin/publish"), "publish");
        AdminFactory.Set(publish, "Comment", "two-instances test: open until 17:30");
        var effective = publish.Single(f => f.Key == "EffectiveFrom").Value; // today in Japan, the form's default
        using var published = await browser.PostAsync(portals.A, $"/staff/{Shinagawa}/admin/publish", publish);
        var clock = Stopwatch.StartNew(); // the version is committed before the answer comes
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"publish: {(int)published.StatusCode} {await published.Content.ReadAsStringAsync()}");
        var location = published.Headers.Location!.OriginalString;
        var version = int.Parse(location[(location.IndexOf("published=", StringComparison.Ordinal) + "published=".Length)..], System.Globalization.CultureInfo.InvariantCulture);

        // Watch both instances' resident page (not the console) at once, each until it serves the new closing time.
        var watches = await Task.WhenAll(new[] { portals.A, portals.B }.Select(p => WatchAsync(p, resident, "17:30", clock)));
        foreach (var watch in watches)
        {
            output.WriteLine(watch.Seen is { } delay
                ? $"instance {watch.Portal.Name} served 品川区 version {version} (effective {effective}) at most {delay.TotalSeconds:0.00} s after A's publish answered, on poll {watch.Polls} (Rules:RefreshSeconds={TwoInstancesFixture.RefreshSeconds})"
                : $"instance {watch.Portal.Name} did not serve version {version} within {PropagationLimit.TotalSeconds} s ({watch.Polls} polls)");
        }

        Assert.True(watches.All(w => w.Seen is not null),
            $"within {PropagationLimit.TotalSeconds} s only [{string.Join(", ", watches.Where(w => w.Seen is not null).Select(w => w.Portal.Name))}] served the new hours.\nA:\n{portals.A.Output}\nB:\n{portals.B.Output}");
        // The publishing instance rebuilds its snapshot before it answers, so its very first page has the change.
        Assert.Equal(1, watches[0].Polls);

        using var api = await portals.B.Client.GetAsync(new Uri($"api/municipalities/{Shinagawa}/procedures/reissue/guidance?{query}", UriKind.Relative));
        var json = await api.Content.ReadAsStringAsync();
        Assert.True(api.StatusCode == HttpStatusCode.OK, json);
        using var guidance = JsonDocument.Parse(json);
        Assert.Equal(version, guidance.RootElement.GetProperty("ruleSetVersion").GetInt32());
        Assert.Contains("17:30", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sign_in_form_answers_429_with_Retry_After_after_the_burst_per_client_address()
    {
        // Behind the balancer each client has its own partition, taken from X-Forwarded-For.
        using var browser = new BalancedBrowser("203.0.113.13");
        for (var i = 0; i < TwoInstancesFixture.SignInBurst; i++)
        {
            using var wrong = await PostSignInAsync(browser, portals.B, "nobody", "not the password at all");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var limited = await PostSignInAsync(browser, portals.B, TwoInstancesFixture.AdminUser, TwoInstancesFixture.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode); // even the right password, until the window ends
        var retryAfter = int.Parse(SecurityHeadersTests.Header(limited, "Retry-After"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(StaffAuthentication.CookieName, browser.Cookies.Keys);

        // The form itself still shows, and another client address is not held back.
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(portals.B, SignIn)).StatusCode);
        using var other = new BalancedBrowser("203.0.113.14");
        using var fine = await PostSignInAsync(other, portals.B, "nobody", "not the password at all");
        Assert.Equal(HttpStatusCode.BadRequest, fine.StatusCode);
    }

    [Fact]
    public async Task Both_instances_use_the_one_data_protection_key_in_the_database()
    {
        Assert.False(portals.A.HasExited);
        Assert.False(portals.B.HasExited);
        Assert.Equal(HttpStatusCode.OK, (await portals.B.Client.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(1, await portals.CountKeysAsync()); // B reused A's key instead of creating its own
        const string stored = "Creating key";
        Assert.Contains(stored, portals.A.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, portals.B.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Polls <paramref name="url"/> on one instance (every 100 ms, each request up to the client's timeout) until the page
    /// contains <paramref name="text"/> or <see cref="PropagationLimit"/> has passed on <paramref name="clock"/>. The
    /// time kept is when the answer that had it arrived: an upper bound of the true delay.
    /// </summary>
    private static async Task<(PortalProcess Portal, TimeSpan? Seen, int Polls)> WatchAsync(PortalProcess portal, string url, string text, Stopwatch clock)
    {
        var polls = 0;
        while (clock.Elapsed < PropagationLimit)
        {
            polls++;
            try
            {
                if ((await portal.Client.GetStringAsync(new Uri(url, UriKind.Relative))).Contains(text, StringComparison.Ordinal))
                {
                    return (portal, clock.Elapsed, polls);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // A slow or failed answer on a loaded machine: poll again until the limit; the caller reports the output.
            }

            await Task.Delay(100);
        }

        return (portal, null, polls);
    }

    /// <summary>Signs in on A with the real form (GET for the token, POST), and checks that the staff cookie came back.</summary>
    private async Task SignInOnAAsync(BalancedBrowser browser)
    {
        using var response = await PostSignInAsync(browser, portals.A, TwoInstancesFixture.AdminUser, TwoInstancesFixture.AdminPassword);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in on A: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}\nA:\n{portals.A.Output}");
        Assert.Contains(StaffAuthentication.CookieName, browser.Cookies.Keys);
    }

    private static async Task<HttpResponseMessage> PostSignInAsync(BalancedBrowser browser, PortalProcess portal, string user, string password)
    {
        var form = AdminFactory.Fields(await browser.PageAsync(portal, SignIn), "sign-in");
        AdminFactory.Set(form, "Input.UserName", user);
        AdminFactory.Set(form, "Input.Password", password);
        return await browser.PostAsync(portal, SignIn, form);
    }

    private static async Task<JsonElement> GuidanceAsync(PortalProcess portal)
    {
        using var response = await portal.Client.GetAsync(new Uri(Guidance, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{portal.Name}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.Clone();
    }
}
