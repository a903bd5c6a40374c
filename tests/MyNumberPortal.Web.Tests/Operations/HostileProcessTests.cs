using System.Net;
using System.Net.Sockets;
using System.Text;
using MyNumberPortal.Tests.Shared;
using MyNumberPortal.Web.Tests.Admin;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// The issue's files against the real portal process (this build, Production, JSON logs, its own SQLite file), as the
/// hostile admin tried them: each import or section is refused, and the process stays up and keeps serving every
/// municipality. Memory and time are measured by the benchmarks' hostile part (docs/performance.md), not asserted here.
/// Also what only a real server shows: HTTP/1.0 without a Host header, and a Host that is not the site's.
/// </summary>
public sealed class HostileProcessTests : IAsyncLifetime
{
    private const string User = "hostile-admin";
    private const string Password = "a long admin password";
    private const string Admin = "/staff/131091/admin";

    private readonly string database = Path.Combine(Path.GetTempPath(), $"portal-hostile-{Guid.NewGuid():N}.db");
    private PortalProcess? portal;

    private PortalProcess Portal => portal ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        portal = PortalProcess.Start("hostile", new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ConnectionStrings__Portal"] = $"Data Source={database}",
            ["Staff__InitialAdmin__UserName"] = User,
            ["Staff__InitialAdmin__Password"] = Password,
            // The browser below stands behind a TLS-terminating balancer (the staff cookie is Secure in Production).
            ["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true",
        });
        await Portal.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        if (portal is not null)
        {
            await portal.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(database + suffix);
        }
    }

    [Fact]
    public async Task The_issues_files_are_refused_and_the_process_keeps_serving()
    {
        using var browser = new BalancedBrowser("203.0.113.21");
        var signIn = AdminFactory.Fields(await browser.PageAsync(Portal, "/staff/sign-in"), "sign-in");
        AdminFactory.Set(signIn, "Input.UserName", User);
        AdminFactory.Set(signIn, "Input.Password", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(Portal, "/staff/sign-in", signIn)).StatusCode);
        using var exported = await browser.GetAsync(Portal, $"{Admin}/export");
        var export = await exported.Content.ReadAsStringAsync();

        var files = new (string Page, string Form, string Text)[]
        {
            ($"{Admin}/import", "import", HostileRuleFiles.DeepCondition(export, 100_000)),
            ($"{Admin}/import", "import", HostileRuleFiles.AliasBomb(200)),
            ($"{Admin}/import", "import", HostileRuleFiles.AliasBomb(350)),
            ($"{Admin}/import", "import", HostileRuleFiles.HugeFee(export)),
            ($"{Admin}/section/questions", "section", HostileRuleFiles.SectionAliasBomb(200)),
        };
        foreach (var (page, name, text) in files)
        {
            var form = AdminFactory.Fields(await browser.PageAsync(Portal, page), name);
            AdminFactory.Set(form, "Text", text);
            using var refused = await browser.PostAsync(Portal, page, form);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{page}: {(int)refused.StatusCode}\n{Portal.Output}");
            Assert.False(Portal.HasExited, $"the portal exited on {page}\n{Portal.Output}");
            await AssertServingAsync();
        }

        Assert.DoesNotContain("((((((((", Portal.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Kestrel refuses a non-ASCII header value (the test server does not), and the cookie handler follows the query's
    /// <c>returnUrl</c> by itself when signing in on the sign-in page or out on the sign-out page: a raw ideographic space
    /// there was a 500 on the real server. Every one of these now goes through the portal's local-redirect check.
    /// </summary>
    [Fact]
    public async Task The_cookie_handlers_own_return_address_is_checked_too()
    {
        var ideographic = "?returnUrl=" + Uri.EscapeDataString("/\u3000/x");
        var tab = "?returnUrl=" + Uri.EscapeDataString("/\t/evil.example/x");
        foreach (var (query, address) in new[] { (ideographic, "203.0.113.22"), (tab, "203.0.113.23") })
        {
            using var browser = new BalancedBrowser(address);
            var signIn = AdminFactory.Fields(await browser.PageAsync(Portal, "/staff/sign-in" + query), "sign-in");
            AdminFactory.Set(signIn, "Input.UserName", User);
            AdminFactory.Set(signIn, "Input.Password", Password);
            using var signedIn = await browser.PostAsync(Portal, "/staff/sign-in" + query, signIn);
            Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in{query}: {(int)signedIn.StatusCode}\n{Portal.Output}");
            Assert.Equal(query == ideographic ? "/%E3%80%80/x" : "/staff", signedIn.Headers.Location!.AbsolutePath);
            var copied = browser.Cookies["portal-staff"];

            var signOut = AdminFactory.Fields(await browser.PageAsync(Portal, "/staff/sign-out" + query), "sign-out");
            using var signedOut = await browser.PostAsync(Portal, "/staff/sign-out" + query, signOut);
            Assert.True(signedOut.StatusCode == HttpStatusCode.Redirect, $"sign-out{query}: {(int)signedOut.StatusCode}\n{Portal.Output}");
            Assert.Equal("/staff/sign-in", signedOut.Headers.Location!.AbsolutePath);

            // The copied cookie of the ended session, on the sign-out page: the handler signs it out and redirects.
            browser.SetCookie("portal-staff", copied);
            using var stale = await browser.GetAsync(Portal, "/staff/sign-out" + query);
            Assert.True((int)stale.StatusCode < 500, $"stale cookie on sign-out{query}: {(int)stale.StatusCode}\n{Portal.Output}");
            Assert.True(stale.Headers.Location is null || stale.Headers.Location.OriginalString.StartsWith('/') || stale.Headers.Location.Host == Portal.Address.Host,
                $"{stale.Headers.Location}");
        }

        Assert.False(Portal.HasExited);
        Assert.DoesNotContain("\"Level\":\"Error\"", Portal.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/staff/sign-in")]
    [InlineData("/guide/131091")]
    public async Task HTTP_1_0_without_a_Host_header_is_answered(string path)
    {
        var status = await RawStatusAsync($"GET {path} HTTP/1.0\r\n\r\n");
        Assert.Equal("HTTP/1.1 200 OK", status);
    }

    [Fact]
    public async Task A_Host_that_is_not_the_sites_is_refused_in_Production()
    {
        Assert.StartsWith("HTTP/1.1 400", await RawStatusAsync("GET /language/en?return=/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
        Assert.StartsWith("HTTP/1.1 302", await RawStatusAsync($"GET /language/en?return=/ HTTP/1.1\r\nHost: 127.0.0.1:{Portal.Address.Port}\r\nConnection: close\r\n\r\n"), StringComparison.Ordinal);
    }

    private async Task AssertServingAsync()
    {
        foreach (var path in new[] { "/health/live", "/guide/131091/lost-card?applicant=self", "/api/municipalities/142123/procedures" })
        {
            using var response = await Portal.Client.GetAsync(new Uri(path.TrimStart('/'), UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>Sends a request exactly as written (no client adds a Host) and returns the status line.</summary>
    private async Task<string> RawStatusAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Portal.Address.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }
}
