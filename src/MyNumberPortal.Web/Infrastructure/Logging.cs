using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;
using Serilog.Formatting.Json;
using Serilog.Settings.Configuration;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Serilog as the only logging provider (<c>AddSerilog</c>): one JSON object per line on the console outside
/// Development, readable text in Development. Levels come from the <c>Serilog</c> configuration section
/// (<c>Serilog:MinimumLevel:Default</c>, <c>Serilog:MinimumLevel:Override:&lt;category&gt;</c>, so also
/// <c>Serilog__MinimumLevel__Default</c> and the like in the environment); <c>Serilog:Format</c> (<c>json</c> or
/// <c>text</c>) overrides the environment's default format. One line per request: <see cref="RequestLogging"/>.
/// </summary>
/// <remarks>
/// The logger is built when the service provider first asks for it, so that a registered <see cref="PortalLogOutput"/>
/// (the tests capture the formatted lines with one) takes the console's place. The static <see cref="Log.Logger"/> is
/// left alone: several hosts in one process (the tests) each keep their own logger.
/// </remarks>
public static class PortalLogging
{
    /// <summary>Log events held for the console writer at most (about a few seconds of peak traffic).</summary>
    public const int AsyncBufferSize = 50_000;

    /// <summary>The readable format's line: time, level, message, category and the request's correlation id.</summary>
    public const string TextTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} <{SourceContext}> {CorrelationId}{NewLine}{Exception}";

    /// <summary>
    /// Categories held at a floor whatever the configuration says, because below it they write what a log must not hold:
    /// ASP.NET Core's hosting diagnostics log every request's full URL with its query string (residents' answers) at
    /// Information; the data-protection key store logs every key it reads, key material included, at Debug.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, LogEventLevel> Floors = new Dictionary<string, LogEventLevel>
    {
        ["Microsoft.AspNetCore.Hosting.Diagnostics"] = LogEventLevel.Warning,
        ["Microsoft.AspNetCore.DataProtection.EntityFrameworkCore"] = LogEventLevel.Information,
    };

    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(
            (services, config) => Configure(config, services.GetRequiredService<IConfiguration>(), services.GetRequiredService<IHostEnvironment>(),
                services.GetService<PortalLogOutput>()),
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>A logger configured as the portal's (for tests of the configuration itself).</summary>
    public static Logger CreateLogger(IConfiguration configuration, IHostEnvironment environment, PortalLogOutput? output = null) =>
        Configure(new LoggerConfiguration(), configuration, environment, output).CreateLogger();

    /// <summary>The portal's Serilog configuration: levels and extras from configuration, the format by environment.</summary>
    public static LoggerConfiguration Configure(LoggerConfiguration config, IConfiguration configuration, IHostEnvironment environment, PortalLogOutput? output)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var json = configuration["Serilog:Format"] is { Length: > 0 } format
            ? !format.Equals("text", StringComparison.OrdinalIgnoreCase)
            : !environment.IsDevelopment();

        config
            .MinimumLevel.Information()
            .ReadFrom.Configuration(SerilogSection(configuration), new ConfigurationReaderOptions(typeof(Log).Assembly, typeof(ConsoleLoggerConfigurationExtensions).Assembly))
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Instance", Environment.MachineName);
        foreach (var (category, level) in Floors)
        {
            config.MinimumLevel.Override(category, level);
        }

        ITextFormatter formatter = json
            ? new JsonFormatter(renderMessage: true)
            : new MessageTemplateTextFormatter(TextTemplate);
        config.WriteTo.Logger(sink =>
        {
            sink.MinimumLevel.Verbose().Enrich.With<WithoutRequestPath>();
            if (output is not null)
            {
                sink.WriteTo.Sink(new TextWriterSink(output.Writer, formatter));
            }
            else
            {
                // Written on a background thread (Serilog.Sinks.Async): a request does not wait for the console.
                // Lines are flushed when the logger is disposed (the host's shutdown); a full buffer drops lines rather than block requests.
                sink.WriteTo.Async(a => a.Console(formatter), bufferSize: AsyncBufferSize, blockWhenFull: false);
            }
        });
        return config;
    }

    /// <summary>
    /// The <c>Serilog</c> section's values alone. Some configuration sources report a section that has children
    /// as an empty value (the test host's settings do), which Serilog would take for an empty level and reject.
    /// </summary>
    private static IConfiguration SerilogSection(IConfiguration configuration) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(configuration.GetSection("Serilog").AsEnumerable().Where(kv => !string.IsNullOrEmpty(kv.Value)))
            .Build();

    /// <summary>
    /// Drops <c>RequestPath</c>, which ASP.NET Core's hosting puts in the log scope of every request: the path holds values
    /// (and whatever an unknown address holds); the request line's route template says which page it was.
    /// </summary>
    private sealed class WithoutRequestPath : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory) => logEvent.RemovePropertyIfPresent("RequestPath");
    }

    /// <summary>Writes each event, formatted, to a text writer (one line per event in the JSON format).</summary>
    private sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
    {
        private readonly Lock gate = new();

        public void Emit(LogEvent logEvent)
        {
            lock (gate)
            {
                formatter.Format(logEvent, writer);
                writer.Flush();
            }
        }
    }
}

/// <summary>Registered in the services, takes the console's place as where the formatted log lines go.</summary>
public sealed class PortalLogOutput(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
