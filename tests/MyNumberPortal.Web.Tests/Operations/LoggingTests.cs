using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// The portal on Kestrel (real HTTP on a loopback port), its formatted log lines captured instead of written to the
/// console. Levels as an operator turning logging up would set them: everything at Debug, ASP.NET Core included.
/// </summary>
public sealed class LoggingPortal : PortalFactory
{
    private HttpClient? client;

    public LoggingPortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public CapturedLog Log { get; } = new();

    public HttpClient Client
    {
        get
        {
            if (client is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                client = new HttpClient { BaseAddress = new Uri(address) };
            }

            return client;
        }
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug");
        builder.ConfigureServices(services => services.AddSingleton(new PortalLogOutput(Log)));
    }

    protected override void Dispose(bool disposing)
    {
        client?.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A thread-safe text writer that keeps what was written; <see cref="Lines"/> returns the complete lines.</summary>
public sealed class CapturedLog : TextWriter
{
    private readonly StringBuilder text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (text)
        {
            text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (text)
        {
            text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (text)
        {
            text.Append(buffer, index, count);
        }
    }

    public IReadOnlyList<string> Lines()
    {
        string all;
        lock (text)
        {
            all = text.ToString();
        }

        var end = all.LastIndexOf('\n');
        return end < 0 ? [] : all[..end].Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
    }
}

/// <summary>One structured request line per request, with the correlation id and the route template, and no answers.</summary>
public sealed class LoggingTests(LoggingPortal portal) : IClassFixture<LoggingPortal>
{
    private const string RequestTemplate = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs} ms";

    private const string GuideUrl = "/guide/142123/lost-card?applicant=self&lost-where=outside";

    private const string ApiUrl = "/api/municipalities/131091/procedures/pin-reset/guidance?applicant=voluntary-agent&date=2026-11-24&pin-which=both";

    [Fact]
    public async Task A_guide_page_logs_one_structured_line_with_the_given_correlation_id_and_no_answers()
    {
        var id = "guide-" + Guid.NewGuid().ToString("N")[..12] + ".A_1";
        using var request = new HttpRequestMessage(HttpMethod.Get, GuideUrl);
        request.Headers.Add("X-Correlation-Id", id);
        using var response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));

        var (line, json) = await RequestLineAsync(id);
        Assert.Equal("Information", json.GetProperty("Level").GetString());
        var properties = json.GetProperty("Properties");
        Assert.Equal("GET", properties.GetProperty("Method").GetString());
        Assert.Equal("/guide/{Code}/{Procedure}", properties.GetProperty("Route").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        Assert.True(properties.GetProperty("ElapsedMs").GetDouble() >= 0);
        Assert.Equal(id, properties.GetProperty("CorrelationId").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("Timestamp").GetString()));
        Assert.Contains("/guide/{Code}/{Procedure}", json.GetProperty("RenderedMessage").GetString(), StringComparison.Ordinal);

        foreach (var forbidden in new[] { "lost-where", "outside", "self", "applicant", "?applicant", "142123", "lost-card" })
        {
            Assert.DoesNotContain(forbidden, line, StringComparison.OrdinalIgnoreCase);
        }

        AssertNoAnswersAnywhere("lost-where=outside", "applicant=self", "lost-where");
    }

    [Fact]
    public async Task A_guide_page_without_a_correlation_id_gets_a_new_one_in_the_response_and_the_log()
    {
        using var response = await portal.Client.GetAsync(GuideUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
        var (line, json) = await RequestLineAsync(id);
        Assert.Equal("/guide/{Code}/{Procedure}", json.GetProperty("Properties").GetProperty("Route").GetString());
        Assert.Equal(200, json.GetProperty("Properties").GetProperty("StatusCode").GetInt32());
        Assert.DoesNotContain("outside", line, StringComparison.Ordinal);
        Assert.DoesNotContain("self", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_request_logs_its_route_template_without_the_query_values()
    {
        var id = "api-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiUrl);
        request.Headers.Add("X-Correlation-Id", id);
        using var response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        var (line, json) = await RequestLineAsync(id);
        var properties = json.GetProperty("Properties");
        Assert.Equal("/api/municipalities/{code}/procedures/{procedure}/guidance", properties.GetProperty("Route").GetString());
        Assert.Equal(200, properties.GetProperty("StatusCode").GetInt32());
        foreach (var forbidden in new[] { "voluntary-agent", "pin-which", "both", "2026-11-24&", "131091", "pin-reset", "applicant=" })
        {
            Assert.DoesNotContain(forbidden, line, StringComparison.Ordinal);
        }

        AssertNoAnswersAnywhere("pin-which", "voluntary-agent");
    }

    [Fact]
    public async Task An_unknown_address_is_logged_with_its_status_and_no_path()
    {
        var id = "missing-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no-such-page/secret-value?x=private-answer");
        request.Headers.Add("X-Correlation-Id", id);
        using var response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        var (line, json) = await RequestLineAsync(id);
        Assert.Equal(404, json.GetProperty("Properties").GetProperty("StatusCode").GetInt32());
        Assert.DoesNotContain("secret-value", line, StringComparison.Ordinal);
        AssertNoAnswersAnywhere("private-answer");
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("semi;colon")]
    [InlineData("quote\"d")]
    [InlineData("a/b")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123456789")]
    public async Task An_unsafe_correlation_id_is_replaced(string unsafeId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, GuideUrl);
        Assert.True(request.Headers.TryAddWithoutValidation("X-Correlation-Id", unsafeId));
        using var response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.NotEqual(unsafeId, id);
        Assert.Matches("^[0-9a-f]{32}$", id);
        await RequestLineAsync(id);
        Assert.DoesNotContain(portal.Log.Lines(), l => l.Contains(JsonEncodedText.Encode(unsafeId).ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_correlation_id_values_are_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Correlation-Id", ["first-one", "second-one"]);
        using var response = await portal.Client.SendAsync(request);

        var id = Assert.Single(response.Headers.GetValues("X-Correlation-Id"));
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    [Fact]
    public async Task Health_probes_log_at_debug_and_other_lines_of_a_request_carry_its_correlation_id()
    {
        var id = "ready-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/ready");
        request.Headers.Add("X-Correlation-Id", id);
        using var response = await portal.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (_, json) = await RequestLineAsync(id);
        Assert.Equal("Debug", json.GetProperty("Level").GetString());
        Assert.Equal("/health/ready", json.GetProperty("Properties").GetProperty("Route").GetString());

        // The health check service logs (at Debug) while the request runs: those lines are in the request's scope.
        var others = LinesOf(id).Where(l => l.Json.GetProperty("MessageTemplate").GetString() != RequestTemplate).ToList();
        Assert.Contains(others, l => l.Json.GetProperty("Properties").GetProperty("SourceContext").GetString()!.Contains("HealthCheck", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_line_is_one_json_object()
    {
        using var response = await portal.Client.GetAsync(GuideUrl);
        await RequestLineAsync(Assert.Single(response.Headers.GetValues("X-Correlation-Id")));
        Assert.All(portal.Log.Lines(), line =>
        {
            using var document = JsonDocument.Parse(line);
            Assert.Equal(JsonValueKind.Object, document.RootElement.ValueKind);
            Assert.True(document.RootElement.TryGetProperty("Level", out _));
        });
    }

    [Fact]
    public async Task The_data_protection_key_is_never_logged_even_with_ASP_NET_Core_at_Debug()
    {
        // The sign-in form carries an antiforgery token: the key ring is read from the database (and created if new).
        using var response = await portal.Client.GetAsync("/staff/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await RequestLineAsync(Assert.Single(response.Headers.GetValues("X-Correlation-Id")));

        var lines = portal.Log.Lines();
        Assert.Contains(lines, l => l.Contains("Microsoft.AspNetCore.", StringComparison.Ordinal) && l.Contains("\"Debug\"", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("masterKey", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.Contains("Reading data with key", StringComparison.Ordinal));
    }

    /// <summary>Waits for the request's line (it is written once the response has gone), then checks that it is the only one.</summary>
    private async Task<(string Line, JsonElement Json)> RequestLineAsync(string correlationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline && !RequestLines(correlationId).Any())
        {
            await Task.Delay(25);
        }

        await Task.Delay(200); // a second line, if there were one, would have been written by now
        return Assert.Single(RequestLines(correlationId));
    }

    private IEnumerable<(string Line, JsonElement Json)> RequestLines(string correlationId) =>
        LinesOf(correlationId).Where(l => l.Json.GetProperty("MessageTemplate").GetString() == RequestTemplate);

    private List<(string Line, JsonElement Json)> LinesOf(string correlationId) =>
        [.. portal.Log.Lines()
            .Select(line => (Line: line, Json: JsonDocument.Parse(line).RootElement.Clone()))
            .Where(l => l.Json.TryGetProperty("Properties", out var p)
                && p.TryGetProperty("CorrelationId", out var c) && c.GetString() == correlationId)];

    /// <summary>Not in any line the portal logged, at any level, from any category.</summary>
    private void AssertNoAnswersAnywhere(params string[] values)
    {
        var lines = portal.Log.Lines();
        Assert.NotEmpty(lines);
        foreach (var value in values)
        {
            Assert.DoesNotContain(lines, l => l.Contains(value, StringComparison.Ordinal));
        }
    }
}

/// <summary>The logger itself: levels from configuration (as environment variables give them), format by environment.</summary>
public sealed class LoggerConfigurationTests
{
    [Fact]
    public void Levels_come_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // What Serilog__MinimumLevel__Default=Warning and Serilog__MinimumLevel__Override__Chatty=Error become.
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Chatty"] = "Error",
        }).Build();
        var output = new CapturedLog();
        using (var logger = PortalLogging.CreateLogger(configuration, new Environment("Production"), new PortalLogOutput(output)))
        {
            logger.Information("not written");
            logger.Warning("written {Value}", 1);
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Chatty.Part").Warning("not written either");
            logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "Chatty.Part").Error("written too");
        }

        var lines = output.Lines();
        Assert.Equal(2, lines.Count);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("written {Value}", first.RootElement.GetProperty("MessageTemplate").GetString());
        Assert.Equal("written 1", first.RootElement.GetProperty("RenderedMessage").GetString());
        Assert.Equal(1, first.RootElement.GetProperty("Properties").GetProperty("Value").GetInt32());
    }

    [Fact]
    public void Development_writes_readable_text_unless_configured_otherwise()
    {
        var empty = new ConfigurationBuilder().Build();
        var output = new CapturedLog();
        using (var logger = PortalLogging.CreateLogger(empty, new Environment("Development"), new PortalLogOutput(output)))
        {
            logger.Information("Hello {Name}", "portal");
        }

        var line = Assert.Single(output.Lines());
        Assert.Contains("INF] Hello portal", line, StringComparison.Ordinal);
        Assert.False(line.StartsWith('{'));

        var json = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Serilog:Format"] = "json" }).Build();
        output = new CapturedLog();
        using (var logger = PortalLogging.CreateLogger(json, new Environment("Development"), new PortalLogOutput(output)))
        {
            logger.Information("Hello {Name}", "portal");
        }

        using var document = JsonDocument.Parse(Assert.Single(output.Lines()));
        Assert.Equal("portal", document.RootElement.GetProperty("Properties").GetProperty("Name").GetString());
    }

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "MyNumberPortal.Web";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
