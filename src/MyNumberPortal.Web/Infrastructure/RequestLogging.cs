using Serilog;
using Serilog.Context;
using Serilog.Events;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// One log event per request through Serilog.AspNetCore (<c>UseSerilogRequestLogging</c>): method, route template,
/// status code, elapsed milliseconds and the correlation id. The correlation id is the request's <c>X-Correlation-Id</c>
/// when that is a short safe token, otherwise a new one; it is sent back in the response's <c>X-Correlation-Id</c> and
/// is on everything logged for the request (Serilog's log context).
/// </summary>
/// <remarks>
/// Residents' answers are in the query string, so only the matched route's template is logged (<c>/guide/{Code}/{Procedure}</c>),
/// never the path with its values, the query string, form values or cookies: the request event's properties are
/// exactly <see cref="Properties"/>. Health probes log at Debug, server errors at Error.
/// </remarks>
public static class RequestLogging
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>The request line's message template (what the tests and log queries look for).</summary>
    public const string MessageTemplate = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs} ms";

    /// <summary>What the route is logged as when no endpoint matched (static files, unknown addresses).</summary>
    public const string Unmatched = "(unmatched)";

    private const int MaxIdLength = 64;

    /// <summary>Adds the correlation id and the request line; call it first so that it sees the final status code.</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>().ForContext(Serilog.Core.Constants.SourceContextPropertyName, typeof(RequestLogging).FullName);
        app.Use(WithCorrelationId);
        return app.UseSerilogRequestLogging(o =>
        {
            o.Logger = logger;
            o.MessageTemplate = MessageTemplate;
            o.IncludeQueryInRequestPath = false;
            o.GetMessageTemplateProperties = (context, _, elapsedMs, statusCode) => Properties(context, elapsedMs, statusCode);
            o.GetLevel = (context, _, exception) => Level(context, exception);
        });
    }

    /// <summary>The request line's properties: never the path or the query string, only the route's template.</summary>
    public static IEnumerable<LogEventProperty> Properties(HttpContext context, double elapsedMs, int statusCode) =>
    [
        new("Method", new ScalarValue(context.Request.Method)),
        new("Route", new ScalarValue(Route(context))),
        new("StatusCode", new ScalarValue(statusCode)),
        new("ElapsedMs", new ScalarValue(Math.Round(elapsedMs, 1))),
    ];

    private static string Route(HttpContext context) => (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;

    private static LogEventLevel Level(HttpContext context, Exception? exception) =>
        exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
        : Route(context).StartsWith("/health/", StringComparison.Ordinal) ? LogEventLevel.Debug
        : LogEventLevel.Information;

    private static async Task WithCorrelationId(HttpContext context, RequestDelegate next)
    {
        var correlationId = AcceptedId(context.Request.Headers[HeaderName]) ?? Guid.NewGuid().ToString("N");
        context.Response.OnStarting(() =>
        {
            // Set when the response starts, so that the exception handler clearing the headers does not lose it.
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using (LogContext.PushProperty("CorrelationId", correlationId))
        {
            await next(context);
        }
    }

    /// <summary>The incoming correlation id if it is one value of 1–64 characters from [A-Za-z0-9-_.], else null.</summary>
    public static string? AcceptedId(Microsoft.Extensions.Primitives.StringValues values)
    {
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= MaxIdLength } id)
        {
            return null;
        }

        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return null;
            }
        }

        return id;
    }
}
