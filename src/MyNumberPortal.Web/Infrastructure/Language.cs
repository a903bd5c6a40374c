using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The page language: Japanese by default, English when chosen. The choice is kept in a cookie (set by
/// <c>/language/{lang}</c>) and may be given in the URL as <c>?lang=en</c> (request localization reads both).
/// </summary>
public static class Language
{
    public const string Japanese = "ja";
    public const string English = "en";
    public const string CookieName = "lang";

    public static readonly IReadOnlyList<string> Supported = [Japanese, English];

    /// <summary>The language of the current request ("ja" or "en").</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Japanese;

    /// <summary>
    /// The language switch link for a page (a path and query on this site): the cookie is set and the
    /// resident returns to the same page, without any <c>lang</c> parameter that would override the choice.
    /// </summary>
    public static string SwitchUrl(string to, string pathAndQuery)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var back = pathAndQuery;
        if (query >= 0)
        {
            var kept = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(pathAndQuery[query..])
                .Where(p => p.Key != Guide.GuideState.LanguageKey)
                .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
            back = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(pathAndQuery[..query], kept);
        }

        return $"/language/{to}?return={Uri.EscapeDataString(back)}";
    }

    /// <summary>Rule content in the current language (Japanese where no English is given).</summary>
    public static string Of(LocalText? text) => text?.In(Current) ?? "";
}
