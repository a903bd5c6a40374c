using Microsoft.AspNetCore.Antiforgery;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// Antiforgery that stores nothing on residents' pages. With interactive render modes on, Blazor persists an antiforgery
/// token on every page it renders, and storing it sets the antiforgery cookie and no-store headers on a visitor's first
/// page: residents' pages would then never be output-cached (a response with a cookie is not stored), and every resident
/// would get a cookie for forms they do not have (their forms are GETs; no interactive part reads the token). On
/// residents' pages (<see cref="IsResident"/>) the tokens are made but not stored; everywhere else (staff
/// pages, their forms and circuits) the framework's antiforgery is unchanged.
/// </summary>
public sealed class ResidentAntiforgery(IAntiforgery framework) : IAntiforgery
{
    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) =>
        IsResident(httpContext) ? framework.GetTokens(httpContext) : framework.GetAndStoreTokens(httpContext);

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => framework.GetTokens(httpContext);

    public Task<bool> IsRequestValidAsync(HttpContext httpContext) => framework.IsRequestValidAsync(httpContext);

    public Task ValidateRequestAsync(HttpContext httpContext) => framework.ValidateRequestAsync(httpContext);

    public void SetCookieTokenAndHeader(HttpContext httpContext)
    {
        if (!IsResident(httpContext))
        {
            framework.SetCookieTokenAndHeader(httpContext);
        }
    }

    /// <summary>The start page, the reference-code page, the guide pages and the public API.</summary>
    public static bool IsResident(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var path = httpContext.Request.Path;
        return path.Value is "/" or "" || path.StartsWithSegments("/code", StringComparison.Ordinal) || ResidentOutputCache.IsResidentPath(path);
    }
}

public static class ResidentAntiforgeryExtensions
{
    /// <summary>Wraps the registered <see cref="IAntiforgery"/> (call after <c>AddAntiforgery</c>/<c>AddRazorComponents</c>).</summary>
    public static IServiceCollection AddResidentAntiforgery(this IServiceCollection services)
    {
        var framework = services.Last(d => d.ServiceType == typeof(IAntiforgery));
        services.Remove(framework);
        services.AddSingleton<IAntiforgery>(sp => new ResidentAntiforgery(framework.ImplementationType is { } type
            ? (IAntiforgery)ActivatorUtilities.CreateInstance(sp, type)
            : (IAntiforgery)framework.ImplementationFactory!(sp)));
        return services;
    }
}
