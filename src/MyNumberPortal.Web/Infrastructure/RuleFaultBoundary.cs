using System.Globalization;
using System.Net;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The one error boundary of what residents read (docs/security.md, "A fault in one municipality's rules"): a published
/// rule set that does not compile (<see cref="RuleSetUnavailableException"/>, on any page or API answer), or any other
/// failure while answering a resident's page or API request, becomes <c>503</c> with a readable message for that
/// municipality: it cannot be shown just now, call this number (the municipality's inquiry phone from its rules, where
/// usable). Every other municipality is unaffected. The fault is logged for the admins without rule text or query values.
/// </summary>
public static partial class RuleFaultBoundary
{
    /// <summary>What a resident is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Put after request localization (the message is in the resident's language) and before the pages.</summary>
    public static IApplicationBuilder UseRuleFaultBoundary(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (RuleSetUnavailableException ex) when (!context.Response.HasStarted)
        {
            var logger = Logger(context);
            Unavailable(logger, ex.RuleSet.Code, ex.RuleSet.Version, Route(context));
            await WriteAsync(context, ex.RuleSet.Name, ex.RuleSet.Phone);
        }
        catch (Exception ex) when (!context.Response.HasStarted && IsResidents(context.Request.Path) && ex is not OperationCanceledException)
        {
            // The exception's message is not logged: it may quote what the request or the rules held. Its type and stack are.
            var logger = Logger(context);
            Failed(logger, Route(context), ex.GetType().FullName ?? "?", ex.StackTrace ?? "");
            var contact = Contact(context);
            await WriteAsync(context, contact?.Name, contact?.Phone);
        }
    });

    /// <summary>Residents' pages and the JSON API (not staff pages, not health checks).</summary>
    public static bool IsResidents(PathString path) =>
        path == "/" || path.StartsWithSegments("/guide") || path.StartsWithSegments("/code") || path.StartsWithSegments("/api");

    private static ILogger Logger(HttpContext context) =>
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RuleFaultBoundary).FullName!);

    private static string Route(HttpContext context) => (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? RequestLogging.Unmatched;

    /// <summary>The municipality of the route's <c>{code}</c> as residents know it: its name and inquiry phone, or null.</summary>
    private static (LocalText Name, PhoneLine? Phone)? Contact(HttpContext context)
    {
        if (context.GetRouteValue("code") is not string code || !LocalGovernmentCode.IsValid(code))
        {
            return null;
        }

        var catalog = context.RequestServices.GetRequiredService<RuleCatalogAccessor>().Current;
        var today = context.RequestServices.GetRequiredService<PortalClock>().Today;
        if (catalog.UnavailableOn(code, today) is { } broken)
        {
            return (broken.Name, broken.Phone);
        }

        var rules = catalog.InForce(today).FirstOrDefault(r => r.Code == code);
        return rules is null ? null : (rules.Municipality.Name,
            rules.Municipality.InquiryPhone is { } id && rules.Phones.TryGetValue(id, out var phone) ? phone : null);
    }

    private static async Task WriteAsync(HttpContext context, LocalText? name, PhoneLine? phone)
    {
        var response = context.Response;
        response.Clear();
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = ((int)RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var ja = CultureInfo.GetCultureInfo("ja");
        var en = CultureInfo.GetCultureInfo("en");
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable",
                detail: $"{Sentence(name, en)} {Call(name, phone, en)} {T(nameof(Text.UnavailableLater), en)}").ExecuteAsync(context);
            return;
        }

        response.ContentType = "text/html; charset=utf-8";
        string Html(CultureInfo culture) => $"""
            <h1>{WebUtility.HtmlEncode(Sentence(name, culture))}</h1>
            <p>{WebUtility.HtmlEncode(Call(name, phone, culture))}</p>{(phone is null ? "" : $"\n<p><a href=\"tel:{phone.Number}\">{WebUtility.HtmlEncode(phone.Number)}</a></p>")}
            <p>{WebUtility.HtmlEncode(T(nameof(Text.UnavailableLater), culture))}</p>
            """;
        await response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{WebUtility.HtmlEncode(Sentence(name, ja))} — {WebUtility.HtmlEncode(T(nameof(Text.SiteName), ja))}</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="main">
            {Html(ja)}
            <div lang="en">
            {Html(en)}
            </div>
            <p><a href="/">{WebUtility.HtmlEncode(T(nameof(Text.GoToStart), ja))}</a> / <a href="/" lang="en">{WebUtility.HtmlEncode(T(nameof(Text.GoToStart), en))}</a></p>
            </main></body>
            </html>
            """, context.RequestAborted);
    }

    private static string Sentence(LocalText? name, CultureInfo culture) => name is null
        ? T(nameof(Text.UnavailableGeneric), culture)
        : string.Format(culture, T(nameof(Text.UnavailableTitle), culture), name.In(culture.TwoLetterISOLanguageName));

    private static string Call(LocalText? name, PhoneLine? phone, CultureInfo culture) => phone is not null
        ? string.Format(culture, T(nameof(Text.UnavailableCall), culture), phone.Name.In(culture.TwoLetterISOLanguageName), phone.Number)
        : string.Format(culture, T(nameof(Text.UnavailableAsk), culture), name?.In(culture.TwoLetterISOLanguageName) ?? T(nameof(Text.UnavailableYourMunicipality), culture));

    private static string T(string key, CultureInfo culture) => Text.ResourceManager.GetString(key, culture) ?? key;

    [LoggerMessage(EventId = 20, Level = LogLevel.Debug, Message = "Rule set {Code} v{Version} is unavailable: {Route} answered 503 with the municipality's phone")]
    private static partial void Unavailable(ILogger logger, string code, int version, string route);

    [LoggerMessage(EventId = 21, Level = LogLevel.Error, Message = "A resident's request to {Route} failed with {ExceptionType}; answered 503 with the municipality's phone. {StackTrace}")]
    private static partial void Failed(ILogger logger, string route, string exceptionType, string stackTrace);
}
