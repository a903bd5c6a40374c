using Microsoft.AspNetCore.Localization;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Apis;

/// <summary>The language switch: a plain link (no script) that stores the choice in a cookie and returns to the page.</summary>
public static class LanguageApi
{
    public static IEndpointRouteBuilder MapLanguageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/language/{lang}", SwitchLanguage).ExcludeFromDescription();
        return app;
    }

    private static IResult SwitchLanguage(string lang, string? @return, HttpContext context)
    {
        if (!Language.Supported.Contains(lang))
        {
            return TypedResults.NotFound();
        }

        context.Response.Cookies.Append(Language.CookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(lang)),
            new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
            });
        // Only paths on this site: anything else (another host, "//host", "/\host", "/\t/host") goes to the start page.
        return TypedResults.Redirect(LocalRedirect.Or(@return, "/"));
    }
}
