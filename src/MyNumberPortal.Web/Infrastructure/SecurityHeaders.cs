using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Security headers on every response the app writes: pages, error pages, API JSON, problem details, static files,
/// health checks, redirects. See docs/security.md.
/// </summary>
/// <remarks>
/// The middleware is put first in the whole pipeline by a startup filter (ahead of the host's own middleware, the
/// developer exception page and routing, so short-circuited endpoints are covered too), and it writes the headers
/// in <see cref="HttpResponse.OnStarting(Func{Task})"/>, just before the response goes out: the exception handler
/// clears a failed response's headers, and the callback still runs after that. A header that an endpoint set itself
/// is left alone. Only responses Kestrel writes without running the app (a malformed request, a header section or
/// request line over the limits) lack them.
/// </remarks>
public static class SecurityHeaders
{
    /// <summary>
    /// Everything from this site only (scripts, styles, and the interactive pages' WebSocket to <c>/_blazor</c>); no inline
    /// script or style, no eval, no plugins, no framing, forms post here only. The base URL may only be this site's
    /// (<c>&lt;base href="/"&gt;</c>, which blazor.web.js resolves its addresses against).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Added to the policy outside Development on HTTPS responses (an HTTP-only deployment would lose its styles otherwise).</summary>
    public const string UpgradeInsecureRequests = "upgrade-insecure-requests";

    /// <summary>No powerful browser feature is used by any page.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), " +
        "microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()";

    /// <summary>
    /// Registers the security-header middleware at the very start of the pipeline, and HSTS (max-age from
    /// <c>SecurityHeaders:HstsMaxAgeDays</c>, default 365) outside Development.
    /// </summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var maxAgeDays = builder.Configuration.GetValue("SecurityHeaders:HstsMaxAgeDays", 365);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(maxAgeDays);
            // The portal may live on a subdomain of a city's own domain: its other hosts are not ours to pin.
            o.IncludeSubDomains = false;
        });
        // Index 0: ahead of the host's own startup filters (host filtering, forwarded headers), so their responses carry the headers too.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter>(new StartupFilter(development)));
        return builder;
    }

    /// <summary>Sets the headers on one response (the values do not depend on the request except for HTTPS).</summary>
    internal static void Apply(HttpContext context, bool development, HstsOptions hsts)
    {
        var headers = context.Response.Headers;
        var https = context.Request.IsHttps;
        // Blazor's pages come with a policy of their own that says only frame-ancestors: the portal's says that and the rest.
        if (headers.ContentSecurityPolicy is [{ } framework] && framework.StartsWith("frame-ancestors ", StringComparison.Ordinal) && !framework.Contains(';', StringComparison.Ordinal))
        {
            headers.Remove("Content-Security-Policy");
        }

        SetIfAbsent(headers, "Content-Security-Policy",
            !development && https ? ContentSecurityPolicy + "; " + UpgradeInsecureRequests : ContentSecurityPolicy);
        SetIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        // Residents' answers are in the URLs: no page address is sent to any other site (nor to this one).
        SetIfAbsent(headers, "Referrer-Policy", "no-referrer");
        SetIfAbsent(headers, "X-Frame-Options", "DENY");
        SetIfAbsent(headers, "Permissions-Policy", PermissionsPolicy);
        SetIfAbsent(headers, "Cross-Origin-Opener-Policy", "same-origin");
        // What app.UseHsts() does, written here so that a failed request's response keeps it too; the same options
        // (HstsOptions), and the same exclusions (localhost, 127.0.0.1, [::1]).
        if (!development && https && !hsts.ExcludedHosts.Contains(context.Request.Host.Host, StringComparer.OrdinalIgnoreCase))
        {
            SetIfAbsent(headers, "Strict-Transport-Security", HstsValue(hsts));
        }
    }

    internal static string HstsValue(HstsOptions hsts) =>
        $"max-age={(long)hsts.MaxAge.TotalSeconds}{(hsts.IncludeSubDomains ? "; includeSubDomains" : "")}{(hsts.Preload ? "; preload" : "")}";

    private static void SetIfAbsent(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name))
        {
            headers[name] = value;
        }
    }

    private sealed class StartupFilter(bool development) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            var hsts = app.ApplicationServices.GetRequiredService<IOptions<HstsOptions>>().Value;
            app.Use((context, nextMiddleware) =>
            {
                context.Response.OnStarting(static state =>
                {
                    var (context, development, hsts) = ((HttpContext, bool, HstsOptions))state;
                    Apply(context, development, hsts);
                    return Task.CompletedTask;
                }, (context, development, hsts));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
