using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Data.Sqlite;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Web.Tests.Admin;
using Xunit.Abstractions;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Crash safety (issue 7, part 5; docs/performance.md): the real portal process (the build next to this test, Production,
/// its own SQLite file) is killed with SIGKILL while an admin publishes in a loop over loopback HTTP, twice, and restarted
/// on the same file. Every acknowledged publish must be there with its audit entry, nothing half-published, the file intact
/// and the rule snapshot loaded. <c>run.sh crash</c> does the same with more rounds.
/// </summary>
public sealed partial class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const string Code = "131091";
    private const string User = "crash-admin";
    private const string Password = "crash-admin-password-131091";
    private const string Hours = $"/staff/{Code}/admin/counters/kofu-tokusetsu/hours";
    private const string Fee = $"/staff/{Code}/admin/fees/reissue-fee";
    private const string Publish = $"/staff/{Code}/admin/publish";
    private const string Checklist = $"/guide/{Code}/reissue?applicant=self&reissue-reason=damaged";

    private static readonly (int Amount, string Close)[] Pairs = [(830, "17:10"), (870, "17:20")];

    private readonly string folder = Directory.CreateTempSubdirectory("crash-safety-").FullName;

    [Fact]
    public async Task Killed_during_admin_publishes_the_store_keeps_every_acknowledged_version_and_nothing_half_published()
    {
        var db = Path.Combine(folder, "portal.db");
        var acknowledged = new List<(int Version, int Amount, string Close)>();
        var random = new Random(20261202);
        for (var round = 1; round <= 2; round++)
        {
            using var portal = await PortalProcess.StartAsync(db);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var before = acknowledged.Count;
            var loop = Task.Run(() => PublishLoopAsync(portal.BaseAddress, acknowledged, cts.Token), CancellationToken.None);
            var waited = Stopwatch.StartNew();
            while (CountOf(acknowledged) == before && !loop.IsCompleted && waited.Elapsed < TimeSpan.FromSeconds(45))
            {
                await Task.Delay(50, CancellationToken.None);
            }

            var delay = random.Next(0, 1500);
            await Task.Delay(delay, CancellationToken.None);
            portal.Kill();
            var stopped = await loop;
            output.WriteLine($"round {round}: killed {delay} ms after the first acknowledged publish; {CountOf(acknowledged) - before} acknowledged ({stopped})");
        }

        Assert.NotEmpty(acknowledged);
        string page;
        using (var portal = await PortalProcess.StartAsync(db))
        {
            using var client = new HttpClient { BaseAddress = portal.BaseAddress };
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            page = await client.GetStringAsync(new Uri(Checklist, UriKind.Relative));
        }

        var latest = CheckStore(db, acknowledged);

        // The restarted portal serves the latest published version: its pair, not the other. (That version may be one
        // published just before a kill whose 302 never arrived: committed, not acknowledged, and allowed.)
        var shown = Pairs.Single(p => AmountPattern(p.Amount).IsMatch(latest) && ClosePattern(p.Close).IsMatch(latest));
        var other = Pairs.Single(p => p != shown);
        Assert.Contains(FeeText(shown.Amount), page, StringComparison.Ordinal);
        Assert.Contains("~" + shown.Close, page, StringComparison.Ordinal);
        Assert.DoesNotContain(FeeText(other.Amount), page, StringComparison.Ordinal);
        Assert.DoesNotContain("~" + other.Close, page, StringComparison.Ordinal);
    }

    private static Regex AmountPattern(int amount) => new($"amount: {amount}\\b", RegexOptions.None, TimeSpan.FromSeconds(1));

    private static Regex ClosePattern(string close) => new($"close: [\"']?{close}", RegexOptions.None, TimeSpan.FromSeconds(1));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process: the temp folder is cleaned up by the system.
        }
    }

    private static int CountOf(List<(int Version, int Amount, string Close)> acknowledged)
    {
        lock (acknowledged)
        {
            return acknowledged.Count;
        }
    }

    private static string FeeText(int amount) => (amount + 200).ToString("N0", CultureInfo.InvariantCulture) + "円";

    /// <summary>Edit two places (fee and hours), save both, publish; until the portal stops answering.</summary>
    private static async Task<string> PublishLoopAsync(Uri baseAddress, List<(int Version, int Amount, string Close)> acknowledged, CancellationToken ct)
    {
        using var admin = new CookieClient(baseAddress);
        try
        {
            var signIn = AdminFactory.Fields(await admin.PageAsync("/staff/sign-in", ct), "sign-in");
            AdminFactory.Set(signIn, "Input.UserName", User);
            AdminFactory.Set(signIn, "Input.Password", Password);
            Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/staff/sign-in", signIn, ct)).StatusCode);
            while (!ct.IsCancellationRequested)
            {
                var hours = AdminFactory.Fields(await admin.PageAsync(Hours, ct), "hours");
                var target = hours.Single(f => f.Key == "Hours[0].Close").Value == Pairs[0].Close ? Pairs[1] : Pairs[0];
                var fee = AdminFactory.Fields(await admin.PageAsync(Fee, ct), "fee");
                AdminFactory.Set(fee, "Items[0].Amount", target.Amount.ToString(CultureInfo.InvariantCulture));
                AdminFactory.Set(fee, "StatedTotal", (target.Amount + 200).ToString(CultureInfo.InvariantCulture));
                Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(Fee, fee, ct)).StatusCode);
                hours = AdminFactory.Fields(await admin.PageAsync(Hours, ct), "hours");
                AdminFactory.Set(hours, "Hours[0].Close", target.Close);
                Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync(Hours, hours, ct)).StatusCode);
                var publish = AdminFactory.Fields(await admin.PageAsync(Publish, ct), "publish");
                var response = await admin.PostAsync(Publish, publish, ct);
                var match = PublishedPattern().Match(response.Headers.Location?.OriginalString ?? "");
                Assert.True(response.StatusCode == HttpStatusCode.Redirect && match.Success, $"publish: {(int)response.StatusCode} {response.Headers.Location}");
                lock (acknowledged)
                {
                    acknowledged.Add((int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), target.Amount, target.Close));
                }
            }

            return "stopped by the time limit";
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or TaskCanceledException)
        {
            return "portal gone: " + ex.GetType().Name;
        }
    }

    /// <summary>Checks the file; returns the content of the latest published version.</summary>
    private static string CheckStore(string db, List<(int Version, int Amount, string Close)> acknowledged)
    {
        using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using (var integrity = connection.CreateCommand())
        {
            integrity.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", integrity.ExecuteScalar() as string);
        }

        var rows = new Dictionary<int, (string Status, string? EffectiveFrom, string Content, string Hash, string? PublishedAt, string? PublishedBy)>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Version, Status, EffectiveFrom, Content, ContentHash, PublishedAt, PublishedBy FROM RuleSetVersions WHERE Scope = $scope";
            command.Parameters.AddWithValue("$scope", Code);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows[reader.GetInt32(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetString(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6));
            }
        }

        var audits = new Dictionary<int, string?>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT Summary, After FROM AuditEntries WHERE Scope = $scope AND Action = 'publish'";
            command.Parameters.AddWithValue("$scope", Code);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var match = AuditPattern().Match(reader.GetString(0));
                Assert.True(match.Success, reader.GetString(0));
                audits[int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        foreach (var (version, row) in rows)
        {
            Assert.True(string.Equals(ContentHashing.Sha256Hex(row.Content), row.Hash, StringComparison.OrdinalIgnoreCase), $"v{version}: content hash");
            if (row.Status == RuleSetStatus.Draft.ToString())
            {
                Assert.True(row.PublishedAt is null && row.PublishedBy is null, $"v{version}: a draft with a publish time");
            }
            else
            {
                Assert.Equal(RuleSetStatus.Published.ToString(), row.Status);
                Assert.True(row.PublishedAt is not null && row.PublishedBy is not null && (version == 1 || row.EffectiveFrom is not null), $"v{version}: half published");
                Assert.True(version == 1 || audits.GetValueOrDefault(version) == row.Content, $"v{version}: no publish audit entry with its content");
            }
        }

        Assert.True(rows.Values.Count(r => r.Status == RuleSetStatus.Draft.ToString()) <= 1, "more than one draft");
        Assert.All(audits.Keys, v => Assert.Equal(RuleSetStatus.Published.ToString(), rows[v].Status));
        foreach (var (version, amount, close) in acknowledged)
        {
            Assert.True(rows.TryGetValue(version, out var row), $"acknowledged v{version} missing");
            Assert.Equal(RuleSetStatus.Published.ToString(), row.Status);
            Assert.Matches(AmountPattern(amount), row.Content);
            Assert.Matches(ClosePattern(close), row.Content);
        }

        return rows.Where(r => r.Value.Status == RuleSetStatus.Published.ToString()).MaxBy(r => r.Key).Value.Content;
    }

    [GeneratedRegex(@"/history\?published=(\d+)")]
    private static partial Regex PublishedPattern();

    [GeneratedRegex(@"^Version (\d+) published")]
    private static partial Regex AuditPattern();

    /// <summary>A browser over plain HTTP: keeps every cookie (the portal marks staff cookies Secure), never follows redirects.</summary>
    private sealed class CookieClient(Uri baseAddress) : IDisposable
    {
        private readonly HttpClient client = new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        private readonly Dictionary<string, string> cookies = [];

        public async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string path, CancellationToken ct)
        {
            using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), ct);
            var html = await response.Content.ReadAsStringAsync(ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode}");
            return new HtmlParser().ParseDocument(html);
        }

        public Task<HttpResponseMessage> PostAsync(string path, List<KeyValuePair<string, string>> fields, CancellationToken ct) =>
            SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) }, ct);

        public void Dispose() => client.Dispose();

        private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            using (request)
            {
                if (cookies.Count > 0)
                {
                    request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
                }

                var response = await client.SendAsync(request, ct);
                if (response.Headers.TryGetValues("Set-Cookie", out var values))
                {
                    foreach (var value in values)
                    {
                        var pair = value.Split(';', 2)[0];
                        var equals = pair.IndexOf('=', StringComparison.Ordinal);
                        cookies[pair[..equals].Trim()] = pair[(equals + 1)..];
                    }
                }

                return response;
            }
        }
    }

    /// <summary>The portal as its own process: <c>dotnet MyNumberPortal.Web.dll</c> from this test's output folder.</summary>
    private sealed class PortalProcess : IDisposable
    {
        private readonly Process process;

        private PortalProcess(Process process, Uri baseAddress)
        {
            this.process = process;
            BaseAddress = baseAddress;
        }

        public Uri BaseAddress { get; }

        public static async Task<PortalProcess> StartAsync(string db)
        {
            int port;
            using (var listener = new TcpListener(IPAddress.Loopback, 0))
            {
                listener.Start();
                port = ((IPEndPoint)listener.LocalEndpoint).Port;
            }

            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MyNumberPortal.Web.dll"));
            info.ArgumentList.Add("--urls");
            info.ArgumentList.Add($"http://127.0.0.1:{port}");
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["ConnectionStrings__Portal"] = $"Data Source={db}";
            info.Environment["Staff__InitialAdmin__UserName"] = User;
            info.Environment["Staff__InitialAdmin__Password"] = Password;
            info.Environment["Staff__InitialAdmin__MunicipalityCode"] = Code;
            info.Environment["RateLimits__SignIn__PermitLimit"] = "1000";
            var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var portal = new PortalProcess(process, new Uri($"http://127.0.0.1:{port}"));
            using var probe = new HttpClient { BaseAddress = portal.BaseAddress, Timeout = TimeSpan.FromSeconds(15) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(120))
            {
                Assert.False(process.HasExited, "the portal exited at start");
                try
                {
                    if ((await probe.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                    {
                        return portal;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    // Not listening yet, or still migrating on a busy machine: ask again.
                }

                await Task.Delay(100);
            }

            portal.Dispose();
            throw new TimeoutException("the portal was not ready within 120 s");
        }

        /// <summary>SIGKILL (Process.Kill on Unix): no shutdown, no flush.</summary>
        public void Kill()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }
    }
}
