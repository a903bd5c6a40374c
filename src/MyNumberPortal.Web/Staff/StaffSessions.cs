using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// A staff session is over, on every instance, once its account's security stamp changes (sign-out, password change or
/// reset, disabling: <see cref="StaffAccounts"/>), or once <see cref="StaffOptions.SessionAbsoluteHours"/> have passed since
/// signing in. The cookie is checked against the database on every request (one indexed read, staff requests only; nothing is
/// cached, so a copied cookie stops working at once everywhere).
/// </summary>
public static class StaffSessions
{
    /// <summary>The cookie handler's <c>OnValidatePrincipal</c>: rejects (and removes) a cookie whose session is over.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var services = context.HttpContext.RequestServices;
        if (principal is null || !await IsCurrentAsync(principal, services, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(StaffAuthentication.Scheme);
        }
    }

    /// <summary>Whether <paramref name="principal"/>'s session is still current: within the absolute lifetime, and its stamp the account's.</summary>
    public static async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<StaffOptions>>().Value;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!int.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(principal.FindFirstValue(StaffAuthentication.SignedInAtClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var since)
            || now - DateTimeOffset.FromUnixTimeSeconds(since) > TimeSpan.FromHours(Math.Max(0.01, settings.SessionAbsoluteHours)))
        {
            return false;
        }

        return await services.GetRequiredService<StaffAccounts>()
            .IsSessionValidAsync(id, principal.FindFirstValue(StaffAuthentication.SecurityStampClaim), cancellationToken);
    }

    /// <summary>The signed-in account's id, or null.</summary>
    public static int? AccountId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Ties antiforgery tokens to the staff session (the <c>portal:session</c> claim; empty when signed out).</summary>
    public sealed class AntiforgeryData : IAntiforgeryAdditionalDataProvider
    {
        public string GetAdditionalData(HttpContext context) => Session(context);

        public bool ValidateAdditionalData(HttpContext context, string additionalData) =>
            string.Equals(additionalData ?? "", Session(context), StringComparison.Ordinal);

        private static string Session(HttpContext context) => context.User.FindFirstValue(StaffAuthentication.SessionClaim) ?? "";
    }
}
