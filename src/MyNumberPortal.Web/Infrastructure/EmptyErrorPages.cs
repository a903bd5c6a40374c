using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// A readable page for a page's error that has no body. Blazor's form handling answers a post without a valid
/// antiforgery token (a forged or expired form, or any POST to a page without one) with a bare 400 whose Content-Type
/// is already text/html, so the status code pages leave it empty; found by the bad-input tests
/// (tests/MyNumberPortal.Web.Tests/Operations/FuzzTests.cs). This writes a short page, in Japanese and English,
/// saying what happened and what to do.
/// </summary>
public static class EmptyErrorPages
{
    /// <summary>Put after <c>UseAntiforgery</c>, so it sees the pages' responses before anything is sent.</summary>
    public static IApplicationBuilder UseEmptyErrorPages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var response = context.Response;
        if (response.StatusCode is >= 400 and < 500 && !response.HasStarted && response.ContentLength is null or 0
            && !HttpMethods.IsHead(context.Request.Method))
        {
            if (response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                response.ContentType = "text/html; charset=utf-8";
                response.ContentLength = null;
                await response.WriteAsync(Page(response.StatusCode), context.RequestAborted);
            }
            else if (response.ContentType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
            {
                // The circuit endpoint (/_blazor) answers a method it does not take with an empty text/plain 405.
                response.ContentType = "text/plain; charset=utf-8";
                response.ContentLength = null;
                await response.WriteAsync(Message(response.StatusCode), context.RequestAborted);
            }
        }
    });

    /// <summary>The same, as plain text: the status, then the message in Japanese and in English.</summary>
    public static string Message(int status)
    {
        string T(string culture) => Text.ResourceManager.GetString(nameof(Text.ErrorPageGeneric), CultureInfo.GetCultureInfo(culture)) ?? "";
        return $"{status} {ReasonPhrases.GetReasonPhrase(status)}\n{T("ja")}\n{T("en")}\n";
    }

    /// <summary>The page for a status: a form that could not be accepted (400), or a generic request error.</summary>
    public static string Page(int status)
    {
        var ja = CultureInfo.GetCultureInfo("ja");
        var en = CultureInfo.GetCultureInfo("en");
        var key = status == StatusCodes.Status400BadRequest ? nameof(Text.ErrorPageFormRejected) : nameof(Text.ErrorPageGeneric);
        string T(string name, CultureInfo culture) => WebUtility.HtmlEncode(Text.ResourceManager.GetString(name, culture) ?? name);
        return $"""
            <!DOCTYPE html>
            <html lang="ja">
            <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{status} — {T(nameof(Text.SiteName), ja)}</title><link rel="stylesheet" href="/css/site.css" /></head>
            <body><main id="main">
            <h1>{T(key, ja)}</h1>
            <p lang="en">{T(key, en)}</p>
            <p><a href="/">{T(nameof(Text.GoToStart), ja)}</a> / <a href="/" lang="en">{T(nameof(Text.GoToStart), en)}</a></p>
            </main></body>
            </html>
            """;
    }
}
