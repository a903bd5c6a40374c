using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The host names the portal answers to. Redirects and the pages' base address are built from the request's
/// <c>Host</c>, so a request naming another host must not be answered: ASP.NET Core's host filtering refuses it (400)
/// unless <c>AllowedHosts</c> lists it. Development and the tests allow any host (<c>appsettings.json</c>: <c>*</c>);
/// Production allows the loopback names only (<c>appsettings.Production.json</c>) until the operator sets
/// <c>AllowedHosts</c> to the site's names (docs/operations.md).
/// </summary>
public static class HostNames
{
    /// <summary>The host a request without one is answered as (HTTP/1.0 may omit <c>Host</c>; the pages need a base address).</summary>
    public const string Fallback = "localhost";

    /// <summary>
    /// A request without a <c>Host</c> header (HTTP/1.0) is answered as the first allowed host name, or <see cref="Fallback"/>:
    /// the pages build their base address from it and failed with a 500 on an empty one.
    /// </summary>
    public static IApplicationBuilder UseHostForHttp10(this IApplicationBuilder app)
    {
        var allowed = app.ApplicationServices.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
        var host = allowed.FirstOrDefault(h => h.Length > 0 && !h.Contains('*', StringComparison.Ordinal)) ?? Fallback;
        return app.Use((context, next) =>
        {
            if (!context.Request.Host.HasValue)
            {
                context.Request.Host = new HostString(host);
            }

            return next(context);
        });
    }

    /// <summary>In Production, a warning when any host is allowed (the configuration that lets a request's Host steer redirects).</summary>
    public static void WarnIfAnyHost(WebApplication app)
    {
        var allowed = app.Services.GetRequiredService<IOptions<HostFilteringOptions>>().Value.AllowedHosts;
        if (app.Environment.IsProduction() && (allowed.Count == 0 || allowed.Contains("*")))
        {
            app.Logger.LogWarning("AllowedHosts allows any host name: set AllowedHosts to the site's host names (docs/operations.md)");
        }
    }
}
