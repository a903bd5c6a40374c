using System.Diagnostics;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// One log event per request: method, route template, status code, elapsed milliseconds and the correlation id.
/// The correlation id is the request's <c>X-Correlation-Id</c> when that is a short safe token, otherwise a new one;
/// it is sent back in the response's <c>X-Correlation-Id</c> and is in the log scope of everything logged for the request.
/// </summary>
/// <remarks>
/// Residents' answers are in the query string, so only the matched route's template is logged (<c>/guide/{Code}/{Procedure}</c>),
/// never the path with its values, the query string, form values or cookies. Health probes log at Debug.
/// </remarks>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public const string HeaderName = "X-Correlation-Id";

    /// <summary>What the route is logged as when no endpoint matched (static files, unknown addresses).</summary>
    public const string Unmatched = "(unmatched)";

    private const int MaxIdLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        var start = Stopwatch.GetTimestamp();
        var correlationId = AcceptedId(context.Request.Headers[HeaderName]) ?? NewId();
        context.Response.OnStarting(() =>
        {
            // Set when the response starts, so that the exception handler clearing the headers does not lose it.
            context.Response.Headers[HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId });
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? Unmatched;
            var level = route.StartsWith("/health/", StringComparison.Ordinal) ? LogLevel.Debug : LogLevel.Information;
            var elapsed = Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1);
            RequestFinished(logger, level, context.Request.Method, route, status, elapsed);
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

    private static string NewId() => Guid.NewGuid().ToString("N");

    [LoggerMessage(EventId = 1, EventName = "RequestFinished",
        Message = "HTTP {Method} {Route} responded {StatusCode} in {ElapsedMs} ms")]
    private static partial void RequestFinished(ILogger logger, LogLevel level, string method, string route, int statusCode, double elapsedMs);
}

public static class RequestLoggingExtensions
{
    /// <summary>Adds <see cref="RequestLoggingMiddleware"/>; call it first so that it sees the final status code.</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) => app.UseMiddleware<RequestLoggingMiddleware>();
}
