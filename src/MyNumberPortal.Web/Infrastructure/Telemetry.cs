using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// OpenTelemetry traces and metrics (docs/operations.md, "Telemetry"): ASP.NET Core (requests), EF Core (database
/// commands) and the rules evaluator (<see cref="RulesTelemetry"/>), exported over OTLP to the endpoint in
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> or <c>Telemetry:OtlpEndpoint</c>. Without an endpoint nothing is collected or
/// exported: the SDK is not even registered, so no span is created. <c>Telemetry:Enabled=true</c> collects without an
/// endpoint (for an exporter a host adds itself, as the tests do).
/// </summary>
/// <remarks>
/// Spans carry the route and the path (municipality code and procedure), never the query string, where residents'
/// answers are: <c>url.query</c> is removed from every request span.
/// </remarks>
public static class Telemetry
{
    /// <summary>The service name the telemetry is reported under (<c>service.name</c>), unless <c>OTEL_SERVICE_NAME</c> says otherwise.</summary>
    public const string ServiceName = "mynumberportal";

    /// <summary>The OTLP endpoint configured, if any (the standard variable first).</summary>
    public static string? OtlpEndpoint(IConfiguration configuration) =>
        new[] { configuration["OTEL_EXPORTER_OTLP_ENDPOINT"], configuration["Telemetry:OtlpEndpoint"] }.FirstOrDefault(e => !string.IsNullOrWhiteSpace(e));

    public static WebApplicationBuilder AddPortalTelemetry(this WebApplicationBuilder builder)
    {
        var endpoint = OtlpEndpoint(builder.Configuration);
        if (endpoint is null && !builder.Configuration.GetValue("Telemetry:Enabled", false))
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddSource(RulesTelemetry.Name)
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Health probes every few seconds from every balancer would drown the requests that matter.
                    o.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);
                    o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                })
                .AddEntityFrameworkCoreInstrumentation())
            .WithMetrics(m => m
                .AddMeter(RulesTelemetry.Name)
                .AddMeter(MyNumberPortal.Rules.Engine.RulesMetrics.MeterName)
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddAspNetCoreInstrumentation());
        if (endpoint is not null)
        {
            // OTLP over HTTP/protobuf or gRPC as OTEL_EXPORTER_OTLP_PROTOCOL says (default gRPC), to the endpoint above.
            telemetry.UseOtlpExporter(builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] is "http/protobuf"
                ? OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf
                : OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return builder;
    }
}
