using Microsoft.AspNetCore.Http;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// The counter the clerk sits at, chosen once on the check page (<c>?counter=id</c>) and remembered in a cookie of that
/// municipality's staff pages. Only a counter id of the municipality's rules is taken; anything else is ignored.
/// </summary>
public static class ClerkCounter
{
    public const string QueryKey = "counter";

    /// <summary>The value that forgets the choice.</summary>
    public const string None = "none";

    private static readonly TimeSpan Remembered = TimeSpan.FromDays(365);

    public static string CookieName(string code) => "portal-counter-" + code;

    /// <summary>
    /// The clerk's counter: the one chosen in this request (remembered from now on, or forgotten with <see cref="None"/>),
    /// else the remembered one; null when none (or one the rules no longer have).
    /// </summary>
    public static CompiledCounter? Read(HttpContext? context, CompiledRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (context is null)
        {
            return null;
        }

        var cookie = CookieName(rules.Code);
        var path = $"/staff/{rules.Code}";
        if (context.Request.Query.TryGetValue(QueryKey, out var chosen) && chosen.Count == 1)
        {
            if (chosen[0] == None)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.Cookies.Delete(cookie, new CookieOptions { Path = path });
                }

                return null;
            }

            if (Find(rules, chosen[0]) is { } counter)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.Cookies.Append(cookie, counter.Definition.Id, new CookieOptions
                    {
                        Path = path, HttpOnly = true, Secure = context.Request.IsHttps, SameSite = SameSiteMode.Lax, MaxAge = Remembered, IsEssential = true,
                    });
                }

                return counter;
            }
        }

        return context.Request.Cookies.TryGetValue(cookie, out var remembered) ? Find(rules, remembered) : null;
    }

    private static CompiledCounter? Find(CompiledRuleSet rules, string? id) =>
        id is null ? null : rules.Counters.FirstOrDefault(c => string.Equals(c.Definition.Id, id, StringComparison.Ordinal));
}
