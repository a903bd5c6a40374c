namespace MyNumberPortal.Web.Staff;

/// <summary>
/// A staff member signed in with a temporary password (a new account, or a reset by an admin: the
/// <see cref="StaffAuthentication.MustChangePasswordClaim"/>) is sent to the password page from every other staff page until
/// they have set their own password (which signs them in again without the claim). Signing out stays possible.
/// </summary>
public static class PasswordChangeRequired
{
    public static IApplicationBuilder UsePasswordChangeRequired(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var path = context.Request.Path;
            if (context.User.HasClaim(StaffAuthentication.MustChangePasswordClaim, "true")
                && path.StartsWithSegments("/staff", StringComparison.OrdinalIgnoreCase)
                && !path.Equals(StaffAuthentication.PasswordPath, StringComparison.OrdinalIgnoreCase)
                && !path.Equals(StaffAuthentication.SignOutPath, StringComparison.OrdinalIgnoreCase)
                && !path.Equals(StaffAuthentication.SignInPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(StaffAuthentication.PasswordPath);
                return;
            }

            await next(context);
        });
}
