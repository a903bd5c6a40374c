using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Output caching of what residents read (docs/performance.md): the guide pages (/guide/**) and the JSON API. A
/// response is a pure function of its exact path and query, the language, today's date in Japan and the rule snapshot,
/// so the same answer is rendered once and then served from memory until one of those changes (or 60 s pass).
/// </summary>
/// <remarks>
/// <para>Only anonymous GET/HEAD 200 responses without <c>Set-Cookie</c> are stored (the framework's default policy);
/// staff pages never are: they carry antiforgery tokens bound to one browser.</para>
/// <para>The key holds the raw path and query string, case and order kept: the framework's own key upper-cases the
/// path and query names, which the portal does not treat alike (<c>Applicant=self</c> is an unknown question).</para>
/// <para><c>OutputCache:Enabled=false</c> turns it off (run.sh measures both ways).</para>
/// </remarks>
public static class ResidentOutputCache
{
    public const string PolicyName = "resident";

    /// <summary>How long an entry lives at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    public static WebApplicationBuilder AddResidentOutputCache(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue("OutputCache:Enabled", true);
        builder.Services.AddOutputCache(o =>
        {
            o.SizeLimit = 32 * 1024 * 1024;
            o.MaximumBodySize = 512 * 1024;
            o.DefaultExpirationTimeSpan = Lifetime;
            o.AddPolicy(PolicyName, b => b
                .With(c => enabled && IsResidentPath(c.HttpContext.Request.Path))
                .Expire(Lifetime)
                .SetVaryByQuery([])
                .VaryByValue(c => new("path", c.Request.Path.Value ?? ""))
                .VaryByValue(c => new("query", c.Request.QueryString.Value ?? ""))
                .VaryByValue(c => new("lang", CultureInfo.CurrentUICulture.Name))
                // Blazor answers its enhanced navigation (a fetch asking for "text/html; blazor-enhanced-nav=on") apart from
                // a full page load where they differ (a redirect is a header then): neither is served the other's answer.
                .VaryByValue(c => new("enhanced", IsEnhancedNavigation(c.Request) ? "1" : "0"))
                .VaryByValue(c => new("today", DateText.Iso(c.RequestServices.GetRequiredService<PortalClock>().Today)))
                .VaryByValue(c => new("rules", RulesKey(c.RequestServices.GetRequiredService<RuleCatalogAccessor>().Current))));
        });
        return builder;
    }

    /// <summary>The resident guide pages and the public API: never the staff pages.</summary>
    public static bool IsResidentPath(PathString path) =>
        path.StartsWithSegments("/guide", StringComparison.Ordinal) || path.StartsWithSegments("/api/municipalities", StringComparison.Ordinal);

    /// <summary>
    /// The output cache, with one repair: a page served from it carries Blazor's <c>blazor-enhanced-nav: allow</c> as
    /// <c>Allow</c> (the cache stores common header texts in a case-insensitive table, and "Allow" is one of them), and
    /// blazor.web.js compares the value exactly: it would treat every cached page as not Blazor's and reload it in full.
    /// </summary>
    public static IApplicationBuilder UseResidentOutputCache(this IApplicationBuilder app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                if (headers.TryGetValue(EnhancedNavigationHeader, out var value) && value.Count == 1
                    && string.Equals(value[0], "allow", StringComparison.OrdinalIgnoreCase) && value[0] != "allow")
                {
                    headers[EnhancedNavigationHeader] = "allow";
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        return app.UseOutputCache();
    }

    private const string EnhancedNavigationHeader = "blazor-enhanced-nav";

    /// <summary>Whether the request is blazor.web.js's enhanced navigation or form post (not a full page load).</summary>
    public static bool IsEnhancedNavigation(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("blazor-enhanced-nav=on", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>The snapshot in force: its change stamp and the instance (a rebuilt catalog is a new key).</summary>
    private static string RulesKey(Rules.Engine.RuleCatalog catalog) =>
        string.Create(CultureInfo.InvariantCulture, $"{catalog.Stamp}:{RuntimeHelpers.GetHashCode(catalog)}");
}
