using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using MyNumberPortal.Web.Tests.Staff;
using Xunit.Abstractions;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Bad input (issue 7, part 4; docs/performance.md): thousands of generated random and hostile requests to every public
/// route and the API, anonymous and as a signed-in clerk. None may answer 5xx, and every 4xx must carry a message a
/// person can read: an HTML page with text, or problem details with a title or detail.
/// </summary>
/// <remarks>
/// Reproducible: request <c>i</c> is generated from <c>new Random(Seed + i)</c> alone, whatever order the requests run in.
/// A failure names the request's index, so <see cref="Describe"/> can rebuild it. Change <see cref="Seed"/> (or set
/// <c>FUZZ_SEED</c>, and <c>FUZZ_COUNT</c> for a longer run) to explore other inputs.
/// </remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const int DefaultSeed = 20261124;
    public const int DefaultCount = 12_000;

    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : DefaultSeed;
    private static readonly int Count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var c) && c > 0 ? c : DefaultCount;

    [Fact]
    public async Task Generated_hostile_requests_never_get_a_5xx_and_every_4xx_explains_itself()
    {
        using var factory = new FuzzFactory();
        using var anonymous = factory.CreateStaffClient();
        using var clerk = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(clerk, StaffFactory.NiigataClerk, StaffFactory.Password)).StatusCode);

        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            var request = FuzzRequest.Generate(new Random(Seed + i));
            using var message = request.ToMessage();
            HttpResponseMessage response;
            try
            {
                response = await (request.SignedIn ? clerk : anonymous).SendAsync(message, ct);
            }
            catch (InvalidOperationException e) when (e.Message == "The path contains null characters.")
            {
                // The test host decodes the path before the app (Kestrel does the same and answers 400 itself): never reaches the portal.
                statuses.AddOrUpdate(0, 1, (_, n) => n + 1);
                return;
            }

            using var disposeResponse = response;
            var body = await response.Content.ReadAsStringAsync(ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (Problem(request, response, body) is { } problem)
            {
                failures.Add($"#{i} {request}: {(int)response.StatusCode} {problem}");
            }
        });

        output.WriteLine($"Fuzz: {Count} requests (seed {Seed}) in {started.Elapsed.TotalSeconds:F1} s; statuses: "
            + string.Join(", ", statuses.OrderBy(p => p.Key).Select(p => p.Key == 0 ? $"refused by the host (NUL in the path)×{p.Value}" : $"{p.Key}×{p.Value}")));
        Assert.True(failures.IsEmpty, $"{failures.Count} of {Count} requests failed (seed {Seed}); the first 20:\n"
            + string.Join("\n", failures.OrderBy(f => int.Parse(f[1..f.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)).Take(20)));
        // Both anonymous and signed-in requests, and the error paths, were really exercised.
        Assert.Contains(statuses.Keys, k => k is >= 200 and < 300);
        Assert.Contains(statuses.Keys, k => k == 400);
        Assert.Contains(statuses.Keys, k => k == 404);
    }

    /// <summary>The generator is deterministic: the same seed gives the same requests.</summary>
    [Fact]
    public void Fuzz_requests_are_reproducible_from_the_seed()
    {
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Describe(Seed + i), Describe(Seed + i));
        }
    }

    /// <summary>Request number <c>seed - Seed</c> as text (method, URL, headers, body kind): to replay a failure.</summary>
    public static string Describe(int seed) => FuzzRequest.Generate(new Random(seed)).ToString();

    /// <summary>What is wrong with a response, or null when it is acceptable.</summary>
    private static string? Problem(FuzzRequest request, HttpResponseMessage response, string body)
    {
        var status = (int)response.StatusCode;
        if (status >= 500)
        {
            return "server error: " + Shorten(body);
        }

        // A forged staff form is never acted on: it gets an error, or a redirect to the sign-in or "not allowed" page.
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status < 400 && request.Method == HttpMethod.Post && request.BodyKind.StartsWith("forged form", StringComparison.Ordinal)
            && request.Url.StartsWith("/staff", StringComparison.Ordinal)
            && !(status is >= 300 and < 400 && (location.Contains("/staff/sign-in", StringComparison.Ordinal) || location.Contains("/staff/forbidden", StringComparison.Ordinal))))
        {
            return $"a forged form (no valid antiforgery token) was accepted (Location \"{location}\")";
        }

        if (status < 400 || request.Method == HttpMethod.Head)
        {
            return null;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                using var json = JsonDocument.Parse(body);
                var root = json.RootElement;
                return root.ValueKind == JsonValueKind.Object && (HasText(root, "title") || HasText(root, "detail"))
                    ? null
                    : "problem details without a title or detail: " + Shorten(body);
            }
            catch (JsonException)
            {
                return "JSON that does not parse: " + Shorten(body);
            }
        }

        if (mediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase))
        {
            var document = new HtmlParser().ParseDocument(body);
            var text = (document.QuerySelector("main") ?? document.Body)?.TextContent.Trim() ?? "";
            return text.Length >= 10 ? null : "an HTML page without text: " + Shorten(body);
        }

        if (mediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return body.Trim().Length >= 5 ? null : "an empty text message";
        }

        return $"no readable message (Content-Type \"{mediaType}\", {body.Length} characters)";
    }

    private static bool HasText(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString());

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

/// <summary>The staff portal (clerks, no sign-in rate limit) without a log line per request on the console.</summary>
internal sealed class FuzzFactory : StaffFactory
{
    protected override void Configure(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }
}

/// <summary>One generated request. Its body is kept as bytes so that the message can be built again.</summary>
internal sealed class FuzzRequest
{
    private static readonly string[] Codes = ["151009", "131091", "142123", "132101", "131237"];
    private static readonly string[] UnknownCodes = ["131016", "011002", "271004", "000000", "999999"];
    private static readonly string[] ProceduresKnown = ["lost-card", "suspension-release", "abolition", "reissue", "pin-reset"];
    private static readonly string[] ApplicantsKnown = ["self", "household-member", "legal-agent", "voluntary-agent"];

    /// <summary>Question ids and answers of the seed rules (some of them), plus the flow's own keys.</summary>
    private static readonly string[] Keys =
    [
        "applicant", "date", "step", "was", "lang", "c", "q", "return", "returnUrl", "visit", "item", "holder", "agent", "procedure", "ref",
        "lost-where", "relation-local", "reissue-reason", "reissue-applied", "holder-status", "noto-earthquake", "found-where", "card-status",
        "under-15", "pin-kind", "favourite-colour",
    ];

    private static readonly string[] Answers =
    [
        "yes", "no", "outside", "home", "lost", "expiring", "under-15", "adult", "ja", "en", "self", "legal-agent", "moon", "",
    ];

    /// <summary>Hostile fragments, already written as they travel in a URL (percent-encoded where needed).</summary>
    private static readonly string[] RawHostile =
    [
        "%FF", "%C3%28", "%ED%A0%80", "%E3%81", "%C0%AF", "%00", "%zz", "%", "%%", "%u0041", "%F0%9F%A6%84", "%E2%80%AE",
        "%0D%0ASet-Cookie:%20x=y", "..%2F..%2F..%2Fetc%2Fpasswd", "%2e%2e%2f%2e%2e%2fappsettings.json", "..%5C..%5Cweb.config",
        "%252e%252e%252f", "%3Cscript%3Ealert(1)%3C/script%3E", "%22%3E%3Cimg%20src=x%20onerror=alert(1)%3E", "'%20OR%201=1--",
        "a%26b=c", "%3D%3D", "+", "%20", "%E5%93%81%E5%B7%9D", "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%96", "%C2%A0", "%EF%BB%BF",
    ];

    /// <summary>Hostile values as text (escaped before they go into a URL or a form).</summary>
    private static readonly string[] TextHostile =
    [
        "-1", "0", "99999999999999999999", "1e308", "NaN", "true", "null", "[]", "{}", "[object Object]", "undefined",
        "2026-02-30", "0000-00-00", "9999-12-31", "1999-12-31", "2099-01-01", "2026-11-24T00:00", "24/11/2026", "２０２６-１１-２４",
        "品川区", "しながわ", "ｼﾅｶﾞﾜ", "🦄", "\u202Egnp.exe", "a\u0301", "\u200B", "\uFEFF", "\uFFFD", "\u0000", "\t", " ",
        "<script>alert(1)</script>", "\"'><svg onload=alert(1)>", "javascript:alert(1)", "//evil.example/", "https://evil.example/",
        "/\\evil.example", "../../etc/passwd", "..\\..\\windows\\win.ini", "${jndi:ldap://x}", "{{7*7}}", "%s%s%s%n", "' OR 1=1 --",
        "3F10-080H-78", "3F10080H78", "0000-0000-00", "ZZZZ-ZZZZ-ZZZZ-ZZ", "iIlLoO01", "lost-where=outside",
    ];

    private static readonly string[] Methods = ["GET", "GET", "GET", "GET", "GET", "GET", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS"];

    private FuzzRequest(HttpMethod method, string url, List<KeyValuePair<string, string>> headers, byte[]? body, string? contentType, string bodyKind, bool signedIn)
    {
        Method = method;
        Url = url;
        Headers = headers;
        Body = body;
        ContentType = contentType;
        BodyKind = bodyKind;
        SignedIn = signedIn;
    }

    /// <summary>The test server's address (HTTPS: the staff cookie is Secure).</summary>
    public const string Origin = "https://localhost";

    public HttpMethod Method { get; }
    public string Url { get; }
    public List<KeyValuePair<string, string>> Headers { get; }
    public byte[]? Body { get; }
    public string? ContentType { get; }
    public string BodyKind { get; }
    public bool SignedIn { get; }

    public override string ToString() =>
        $"{(SignedIn ? "clerk" : "anonymous")} {Method} {(Url.Length > 200 ? Url[..200] + $"…({Url.Length})" : Url)}"
        + (Headers.Count > 0 ? $" headers [{string.Join(", ", Headers.Select(h => h.Key + (h.Value.Length > 40 ? $"({h.Value.Length})" : "=" + h.Value)))}]" : "")
        + (Body is null ? "" : $" body {BodyKind} ({Body.Length} bytes, {ContentType})");

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri(Origin + Url, UriKind.Absolute));
        foreach (var (name, value) in Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return message;
    }

    public static FuzzRequest Generate(Random rng)
    {
        var signedIn = rng.Next(5) == 0;
        var method = new HttpMethod(Pick(rng, Methods));
        var code = rng.Next(10) switch
        {
            < 5 => Pick(rng, Codes),
            < 6 => Pick(rng, UnknownCodes),
            < 7 => rng.Next(1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            _ => Value(rng),
        };
        var procedure = rng.Next(3) > 0 ? Pick(rng, ProceduresKnown) : Value(rng);
        var url = rng.Next(24) switch
        {
            0 => "/?q=" + Value(rng),
            1 => "/guide/" + code,
            2 or 3 or 4 or 5 => $"/guide/{code}/{procedure}?{Query(rng)}",
            6 => $"/guide/{code}/{procedure}/print?{Query(rng)}",
            7 => "/code?c=" + Value(rng) + (rng.Next(2) == 0 ? "" : "&" + Query(rng)),
            8 => $"/language/{(rng.Next(2) == 0 ? Pick(rng, ["ja", "en"]) : Value(rng))}?return={Value(rng)}",
            9 => "/staff/sign-in" + (rng.Next(2) == 0 ? "" : "?returnUrl=" + Value(rng)),
            10 or 11 => $"/staff/{code}/check?{Query(rng)}",
            12 => $"/staff/{code}/today?date={Value(rng)}",
            13 => Pick(rng, ["/staff", "/staff/" + code, "/staff/sign-out", "/staff/forbidden", "/not-found", "/staff/" + code + "/" + Value(rng)]),
            14 => "/api/municipalities" + (rng.Next(3) == 0 ? "?" + Query(rng) : ""),
            15 => $"/api/municipalities/{code}/procedures",
            16 => $"/api/municipalities/{code}/procedures/{procedure}/questions?{Query(rng)}",
            17 or 18 or 19 => $"/api/municipalities/{code}/procedures/{procedure}/guidance?{Query(rng)}",
            20 => "/api/" + Path(rng),
            21 => Pick(rng, ["/health/live", "/health/ready", "/openapi/v1.json", "/css/site.css", "/js/enhance.js", "/favicon.ico", "/robots.txt"]),
            _ => "/" + Path(rng),
        };

        if (!Uri.TryCreate(Origin + url, UriKind.Absolute, out _))
        {
            // What no HTTP client can send: escape it, as a browser would.
            url = "/" + Uri.EscapeDataString(url.TrimStart('/'));
        }

        var headers = MakeHeaders(rng, signedIn);
        byte[]? body = null;
        string? contentType = null;
        var bodyKind = "";
        if (method != HttpMethod.Get && method != HttpMethod.Head && rng.Next(6) > 0)
        {
            (body, contentType, bodyKind) = MakeBody(rng, url);
        }

        return new FuzzRequest(method, url, headers, body, contentType, bodyKind, signedIn);
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    /// <summary>A value for a URL: a valid one, a hostile one, random characters or a long string.</summary>
    private static string Value(Random rng) => rng.Next(12) switch
    {
        0 or 1 => Pick(rng, Answers),
        2 or 3 => Pick(rng, RawHostile),
        4 or 5 or 6 => Uri.EscapeDataString(Pick(rng, TextHostile)),
        7 => Uri.EscapeDataString(RandomText(rng, rng.Next(1, 40))),
        8 => new string(Pick(rng, ['a', '9', '-', '品']), rng.Next(60, 2000)) is var s && s[0] == '品' ? Uri.EscapeDataString(s[..Math.Min(s.Length, 600)]) : s,
        9 => string.Concat(Enumerable.Range(0, rng.Next(2, 6)).Select(_ => Pick(rng, RawHostile))),
        10 => Pick(rng, ApplicantsKnown),
        _ => Pick(rng, Codes),
    };

    /// <summary>Random characters from every plane: ASCII, kana and kanji, symbols, lone surrogates replaced by escaping.</summary>
    private static string RandomText(Random rng, int length)
    {
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(rng.Next(5) switch
            {
                0 => (char)rng.Next(0x20, 0x7F),
                1 => (char)rng.Next(0x3040, 0x30FF),
                2 => (char)rng.Next(0x4E00, 0x9FFF),
                3 => (char)rng.Next(0x00A0, 0x2FFF),
                _ => (char)rng.Next(0x01, 0x20),
            });
        }

        return builder.ToString();
    }

    /// <summary>A query string: answers and flow keys, valid or not, sometimes repeated or malformed.</summary>
    private static string Query(Random rng)
    {
        var parts = new List<string>();
        if (rng.Next(3) > 0)
        {
            parts.Add("applicant=" + (rng.Next(3) > 0 ? Pick(rng, ApplicantsKnown) : Value(rng)));
        }

        for (var n = rng.Next(0, 8); n > 0; n--)
        {
            var key = rng.Next(6) > 0 ? Pick(rng, Keys) : Value(rng);
            var value = rng.Next(2) == 0 ? Pick(rng, Answers) : Value(rng);
            parts.Add(rng.Next(15) switch
            {
                0 => key,
                1 => "=" + value,
                2 => key + "[]=" + value,
                3 => key + "=" + value + "&" + key + "=" + value,
                _ => key + "=" + value,
            });
        }

        if (rng.Next(10) == 0)
        {
            parts.Add(Pick(rng, ["&&&", "===", "%26%3D", "&=&", "#frag", "?"]));
        }

        return string.Join("&", parts);
    }

    /// <summary>Unknown and traversal paths.</summary>
    private static string Path(Random rng) => rng.Next(6) switch
    {
        0 => Pick(rng, ["..%2F..%2Fappsettings.json", "%2e%2e/%2e%2e/etc/passwd", "css/..%2F..%2Fappsettings.json", "....//....//etc/passwd",
            "wwwroot/../App_Data/portal.db", "App_Data/portal.db", "%5C..%5C..%5Cappsettings.Production.json", ".git/config", "bin/MyNumberPortal.Web.dll",
            "guide/%00", "guide/151009/reissue/print/extra", "_framework/blazor.web.js", "_blazor", "css/%FF.css", "js/../../appsettings.json"]),
        1 => string.Join("/", Enumerable.Range(0, rng.Next(1, 30)).Select(_ => Value(rng))),
        2 => Value(rng),
        3 => "guide/" + Value(rng) + "/" + Value(rng) + "/" + Value(rng),
        4 => "staff/" + Value(rng) + "/" + Value(rng),
        _ => Uri.EscapeDataString(RandomText(rng, rng.Next(1, 100))),
    };

    private static List<KeyValuePair<string, string>> MakeHeaders(Random rng, bool signedIn)
    {
        var headers = new List<KeyValuePair<string, string>>();
        void Add(string name, string value) => headers.Add(new(name, value));
        if (rng.Next(3) == 0)
        {
            Add("Accept", Pick(rng, ["*/*", "application/json", "text/html", "application/problem+json", "text/plain", "image/png", "garbage/;;;", "", "application/xml;q=0"]));
        }

        if (rng.Next(4) == 0)
        {
            Add("Accept-Language", Pick(rng, ["en", "ja-JP", "zz", "*", "en;q=abc", new string('x', 3000), "ja,en;q=0.9,fr;q=0.8,de;q=0.7"]));
        }

        if (!signedIn && rng.Next(4) == 0)
        {
            // Cookies: a hostile language choice, forged staff and antiforgery cookies, or one huge cookie (within the 32 KB header limit).
            Add("Cookie", Pick(rng,
            [
                "lang=" + Pick(rng, ["en", "ja", "fr", "", "c=zz|uic=zz", "c%3Den%7Cuic%3Den", new string('e', 4000)]),
                "portal-staff=" + new string('A', rng.Next(1, 4000)),
                ".AspNetCore.Antiforgery.x=" + new string('B', rng.Next(1, 2000)),
                "a=" + new string('c', 20_000),
                string.Join("; ", Enumerable.Range(0, 200).Select(i => $"k{i}=v{i}")),
            ]));
        }

        if (rng.Next(5) == 0)
        {
            Add("X-Correlation-Id", Pick(rng, ["ok-id", new string('z', 500), "<script>", "a b c", "../../", ""]));
        }

        if (rng.Next(6) == 0)
        {
            Add("User-Agent", new string('u', rng.Next(1, 8000)));
        }

        if (rng.Next(8) == 0)
        {
            Add("Referer", "https://evil.example/" + new string('r', rng.Next(0, 2000)));
        }

        if (rng.Next(10) == 0)
        {
            // Many headers, together under Kestrel's 32 KB limit.
            for (var i = 0; i < 100; i++)
            {
                Add($"X-Fuzz-{i}", new string('h', 200));
            }
        }

        if (rng.Next(12) == 0)
        {
            Add(Pick(rng, ["X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-HTTP-Method-Override", "X-Original-URL", "Range", "If-None-Match", "Origin"]),
                Pick(rng, ["127.0.0.1", "evil.example", "ftp", "DELETE", "/staff", "bytes=0-1,5-", "*", "null", "https://evil.example"]));
        }

        return headers;
    }

    /// <summary>A body for POST and the like: forged forms (no antiforgery token or a bad one), wrong types, broken encodings, oversize.</summary>
    private static (byte[] Body, string? ContentType, string Kind) MakeBody(Random rng, string url)
    {
        const string Form = "application/x-www-form-urlencoded";
        var handler = url.StartsWith("/staff/sign-in", StringComparison.Ordinal) ? "sign-in"
            : url.Contains("/check", StringComparison.Ordinal) ? "counter-check"
            : Pick(rng, ["sign-in", "counter-check", "sign-out", "x"]);
        string FormText(IEnumerable<(string Key, string Value)> fields) => string.Join("&", fields.Select(f => f.Key + "=" + f.Value));
        switch (rng.Next(10))
        {
            case 0 or 1 or 2:
                // The sign-in form without its antiforgery token (or with a forged one), with real and invented user names.
                var signIn = new List<(string, string)>
                {
                    ("_handler", handler),
                    ("Input.UserName", rng.Next(2) == 0 ? Pick(rng, ["niigata-clerk", "all-admin", "admin", ""]) : Value(rng)),
                    ("Input.Password", Value(rng)),
                };
                if (rng.Next(2) == 0)
                {
                    signIn.Add(("__RequestVerificationToken", Value(rng)));
                }

                return (Encoding.UTF8.GetBytes(FormText(signIn)), Form, "forged form " + handler);
            case 3 or 4:
                // The counter-check form without a valid token, ticking invented items and documents.
                var check = new List<(string, string)> { ("_handler", handler), ("Input.Visit", Value(rng)) };
                for (var n = rng.Next(0, 12); n > 0; n--)
                {
                    check.Add((Pick(rng, ["item", "holder", "agent", "Input.Items", "Input.Holder[0]", "visit", "ref"]), Value(rng)));
                }

                if (rng.Next(2) == 0)
                {
                    check.Add(("__RequestVerificationToken", new string('T', rng.Next(1, 300))));
                }

                return (Encoding.UTF8.GetBytes(FormText(check)), Form, "forged form " + handler);
            case 5:
                // Invalid UTF-8 in a form body.
                var bytes = new byte[rng.Next(1, 400)];
                rng.NextBytes(bytes);
                return ([.. "_handler=sign-in&Input.UserName="u8, .. bytes], Form + (rng.Next(2) == 0 ? "; charset=utf-8" : ""), "form with invalid UTF-8");
            case 6:
                // More fields than the form limit (256).
                return (Encoding.UTF8.GetBytes(FormText(Enumerable.Range(0, 300).Select(i => ($"f{i}", "v")))), Form, "form with 300 fields");
            case 7:
                // Over the 64 KB body limit.
                return (Encoding.UTF8.GetBytes("_handler=sign-in&Input.UserName=" + new string('x', 70_000)), Form, "oversize form");
            case 8:
                return (Encoding.UTF8.GetBytes(Pick(rng, ["{\"applicant\":\"self\"}", "[1,2,3]", "{", "null", "<xml/>", "\u0000\u0001"])),
                    Pick(rng, ["application/json", "text/xml", "text/plain", null, "application/octet-stream"]), "wrong type");
            default:
                var random = new byte[rng.Next(0, 2000)];
                rng.NextBytes(random);
                return (random, Pick(rng, ["multipart/form-data; boundary=zzz", "multipart/form-data", Form, "application/json; charset=utf-7", "x/y", null]), "random bytes");
        }
    }
}
