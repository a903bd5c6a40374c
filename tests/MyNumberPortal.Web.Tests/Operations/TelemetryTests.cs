using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Web.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// OpenTelemetry (docs/operations.md, "Telemetry"): off without an endpoint; with an exporter, a checklist request is one
/// trace holding the evaluator's span; with an OTLP endpoint, that trace is sent there over OTLP.
/// </summary>
public sealed class TelemetryTests
{
    /// <summary>厚木市, a card lost outside the home: the answers are in the query string, and must not be in any span.</summary>
    private const string Checklist = "/guide/142123/lost-card?applicant=self&lost-where=outside";

    [Fact]
    public async Task Without_an_endpoint_nothing_is_collected_or_exported()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Checklist)).StatusCode);

        Assert.Null(portal.Services.GetService<TracerProvider>());
        Assert.Null(portal.Services.GetService<MeterProvider>());
        Assert.DoesNotContain(portal.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>(),
            s => s.GetType().FullName!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_checklist_request_is_one_trace_with_the_evaluators_span_and_metrics_and_no_answers()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using var portal = new TelemetryPortal(
            [new("Telemetry:Enabled", "true")],
            services => services
                .ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))
                .ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(metrics)));
        using var client = portal.CreateClient();
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, Checklist);
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);

        portal.Services.GetRequiredService<TracerProvider>().ForceFlush();
        portal.Services.GetRequiredService<MeterProvider>().ForceFlush();
        List<Activity> trace;
        lock (spans)
        {
            trace = spans.Where(s => s.TraceId == traceId).ToList(); // other tests' hosts may export to the same listener
        }

        var server = Assert.Single(trace, s => s.Kind == ActivityKind.Server);
        Assert.Equal("/guide/{Code}/{Procedure}", server.GetTagItem("http.route"));
        var evaluate = Assert.Single(trace, s => s.OperationName == RulesTelemetry.EvaluateSpan);
        Assert.Equal(RulesTelemetry.Name, evaluate.Source.Name);
        Assert.Equal(server.SpanId, evaluate.ParentSpanId);
        Assert.Equal("142123", evaluate.GetTagItem("portal.municipality"));
        Assert.Equal("lost-card", evaluate.GetTagItem("portal.procedure"));
        Assert.Equal("self", evaluate.GetTagItem("portal.applicant"));
        Assert.Equal("covered", evaluate.GetTagItem("portal.outcome"));

        // The answers (lost-where=outside) are in no span: not in a tag, not in a name.
        foreach (var span in trace)
        {
            var text = span.DisplayName + " " + string.Join(" ", span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            Assert.DoesNotContain("outside", text, StringComparison.Ordinal);
            Assert.DoesNotContain("lost-where", text, StringComparison.Ordinal);
        }

        Assert.Contains(metrics, m => m.Name == "portal.rules.evaluations");
        Assert.Contains(metrics, m => m.Name == "portal.rules.evaluation.duration");
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
    }

    [Fact]
    public async Task With_an_OTLP_endpoint_the_trace_is_sent_there()
    {
        await using var collector = await OtlpCollector.StartAsync();
        using var portal = new TelemetryPortal(
            [
                new("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Address),
                new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ],
            _ => { });
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Checklist)).StatusCode);
        Assert.True(portal.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000), "the exporter did not flush");

        var traces = collector.Received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        var body = string.Join("\n", traces.Select(r => Encoding.UTF8.GetString(r.Body)));
        Assert.Contains(RulesTelemetry.EvaluateSpan, body, StringComparison.Ordinal);
        Assert.Contains(Telemetry.ServiceName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("lost-where", body, StringComparison.Ordinal);
    }

    /// <summary>The portal with extra settings and services.</summary>
    private sealed class TelemetryPortal(KeyValuePair<string, string>[] settings, Action<IServiceCollection> services) : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureServices(services);
        }
    }

    /// <summary>A stand-in OTLP/HTTP receiver on loopback: keeps what is posted to it and answers 200.</summary>
    private sealed class OtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication app;

        private OtlpCollector(WebApplication app, string address)
        {
            this.app = app;
            Address = address;
        }

        public string Address { get; }

        public ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> Received { get; } = new();

        public static async Task<OtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            OtlpCollector? collector = null;
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector!.Received.Enqueue((context.Request.Path.Value!, context.Request.ContentType, body.ToArray()));
                return Results.Ok();
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            collector = new OtlpCollector(app, address);
            return collector;
        }

        public async ValueTask DisposeAsync() => await app.DisposeAsync();
    }
}
