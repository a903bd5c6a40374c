using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Staff;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// Staff sign-in (docs/staff.md): a cookie (HttpOnly, Secure outside Development, SameSite=Lax, sliding 8 hours, at most 12
/// hours after signing in) checked against the account's security stamp on every request (<see cref="StaffSessions"/>), and
/// the policies the staff pages use. Residents' pages carry no authorization and stay anonymous.
/// </summary>
public static class StaffAuthentication
{
    public const string Scheme = CookieAuthenticationDefaults.AuthenticationScheme;

    public const string CookieName = "portal-staff";

    public const string SignInPath = "/staff/sign-in";

    public const string SignOutPath = "/staff/sign-out";

    public const string ForbiddenPath = "/staff/forbidden";

    public const string HomePath = "/staff";

    public const string PasswordPath = "/staff/password";

    /// <summary>The query parameter that carries where to go after signing in (always a local address).</summary>
    public const string ReturnUrlParameter = "returnUrl";

    /// <summary>Claim: the account's municipality code (absent for an admin covering all).</summary>
    public const string MunicipalityClaim = "portal:municipality";

    /// <summary>Claim: <c>true</c> for an admin covering every municipality.</summary>
    public const string AllMunicipalitiesClaim = "portal:all-municipalities";

    /// <summary>Claim: the account's security stamp when the session began (a new stamp ends the session).</summary>
    public const string SecurityStampClaim = "portal:stamp";

    /// <summary>Claim: a random id of this session (antiforgery tokens are tied to it).</summary>
    public const string SessionClaim = "portal:session";

    /// <summary>Claim: <c>true</c> while the account signs in with a temporary password (<see cref="PasswordChangeRequired"/>).</summary>
    public const string MustChangePasswordClaim = "portal:must-change-password";

    /// <summary>Claim: when the session began (Unix seconds, UTC), for the absolute lifetime.</summary>
    public const string SignedInAtClaim = "portal:signed-in-at";

    public static WebApplicationBuilder AddStaffAuthentication(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        var staff = builder.Configuration.GetSection(StaffOptions.SectionName).Get<StaffOptions>() ?? new StaffOptions();
        builder.Services.AddAuthentication(Scheme).AddCookie(Scheme, o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(Math.Clamp(staff.SessionSlidingHours, 0.01, 24));
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.LogoutPath = SignOutPath;
            o.AccessDeniedPath = ForbiddenPath;
            o.ReturnUrlParameter = ReturnUrlParameter;
            // Every request: the session must not be older than the absolute lifetime, and the account's stamp must match.
            o.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
            // Signing in on the sign-in page and signing out on the sign-out page make the cookie handler follow the
            // query's returnUrl itself, unchecked (a raw U+3000 in it was a 500 from Kestrel's header check, a tab would be
            // an open redirect): it goes through the portal's one local-redirect check like every other address.
            o.Events.OnRedirectToReturnUrl = context =>
            {
                context.Response.Redirect(LocalRedirect.Or(context.RedirectUri, HomePath));
                return Task.CompletedTask;
            };
        });
        // Antiforgery tokens of a staff form are valid in the session they were issued in only.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgeryAdditionalDataProvider, StaffSessions.AntiforgeryData>());
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Clerk, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Clerk, StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.SameMunicipality, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Clerk, StaffRoles.Admin)
                .AddRequirements(new SameMunicipalityRequirement()))
            .AddPolicy(StaffPolicies.MunicipalityAdmin, p => p.RequireAuthenticatedUser().RequireRole(StaffRoles.Admin)
                .AddRequirements(new SameMunicipalityRequirement()));
        builder.Services.AddSingleton<IAuthorizationHandler, SameMunicipalityHandler>();
        builder.Services.AddCascadingAuthenticationState();
        // An open interactive staff page checks its session again every minute and stops once it has ended.
        builder.Services.AddScoped<AuthenticationStateProvider, StaffCircuitAuthentication>();
        builder.Services.AddScoped<CircuitHandler, StaffCircuitGuard>();
        return builder;
    }

    /// <summary>The signed-in principal for an account: name, role, municipality; the session's stamp, id and start.</summary>
    public static ClaimsPrincipal Principal(StaffAccount account, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.UserName),
            new(ClaimTypes.Role, account.Role),
            new(SecurityStampClaim, account.SecurityStamp),
            new(SessionClaim, Guid.NewGuid().ToString("N")),
            new(SignedInAtClaim, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        if (account.MunicipalityCode is { } code)
        {
            claims.Add(new Claim(MunicipalityClaim, code));
        }

        if (account.AllMunicipalities)
        {
            claims.Add(new Claim(AllMunicipalitiesClaim, "true"));
        }

        if (account.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme));
    }

    public static string? Municipality(this ClaimsPrincipal user) => user.FindFirst(MunicipalityClaim)?.Value;

    public static bool CoversAllMunicipalities(this ClaimsPrincipal user) => user.HasClaim(AllMunicipalitiesClaim, "true");

    /// <summary>Whether the signed-in staff member may open <paramref name="code"/>'s pages.</summary>
    public static bool Covers(this ClaimsPrincipal user, string code) =>
        StaffAccount.Covers(user.CoversAllMunicipalities(), user.Municipality(), code);
}

/// <summary>Authorization policy names for the staff pages. An admin satisfies every clerk policy.</summary>
public static class StaffPolicies
{
    /// <summary>Any signed-in staff member (clerk or admin).</summary>
    public const string Clerk = "Clerk";

    public const string Admin = "Admin";

    /// <summary>A staff member of the municipality in the route's <c>{code}</c> (or an admin covering all).</summary>
    public const string SameMunicipality = "SameMunicipality";

    /// <summary>An admin of the municipality in the route's <c>{code}</c> (or an admin covering all): the admin console.</summary>
    public const string MunicipalityAdmin = "MunicipalityAdmin";
}

/// <summary>The route's <c>{code}</c> must be the staff member's own municipality (or they cover all).</summary>
public sealed class SameMunicipalityRequirement : IAuthorizationRequirement
{
    public const string RouteValue = "code";
}

/// <summary>
/// Succeeds when the signed-in staff member covers the municipality in the route's <c>{code}</c> (the resource is the
/// request's <see cref="HttpContext"/> under endpoint routing; a string resource is taken as the code).
/// Otherwise the requirement fails and the cookie scheme sends the user to the 403 page.
/// </summary>
public sealed class SameMunicipalityHandler : AuthorizationHandler<SameMunicipalityRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, SameMunicipalityRequirement requirement)
    {
        var code = context.Resource switch
        {
            HttpContext http => http.GetRouteValue(SameMunicipalityRequirement.RouteValue) as string,
            string text => text,
            _ => null,
        };
        if (code is not null && context.User.Identity?.IsAuthenticated == true && context.User.Covers(code))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
