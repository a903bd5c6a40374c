namespace MyNumberPortal.Data.Entities;

/// <summary>
/// A member of staff who signs in to the counter pages: a clerk of one municipality, or an admin of one municipality
/// or of all of them. The password is stored only as a <c>PasswordHasher&lt;StaffAccount&gt;</c> hash.
/// Created and checked through <see cref="Staff.StaffAccounts"/>.
/// </summary>
public class StaffAccount
{
    public int Id { get; set; }

    /// <summary>The user name as typed when the account was created.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The user name trimmed and upper-cased (invariant): unique, so user names are case-insensitive.</summary>
    public string NormalizedUserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    /// <summary><see cref="StaffRoles.Clerk"/> or <see cref="StaffRoles.Admin"/>.</summary>
    public string Role { get; set; } = StaffRoles.Clerk;

    /// <summary>The municipality's 6-digit code; null only for an admin covering all municipalities.</summary>
    public string? MunicipalityCode { get; set; }

    /// <summary>An admin who may open every municipality's pages.</summary>
    public bool AllMunicipalities { get; set; }

    /// <summary>Failed sign-ins since the last successful one (or since the last lockout began).</summary>
    public int FailedAttempts { get; set; }

    /// <summary>Until when (UTC) sign-in is refused, or null.</summary>
    public DateTimeOffset? LockedUntil { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// Part of every session cookie issued to the account, and checked against the cookie on each request: a new value ends
    /// every session of the account on every instance. Renewed on sign-out, password change or reset, and disabling.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();

    /// <summary>A disabled account cannot sign in, and its sessions have ended.</summary>
    public bool Disabled { get; set; }

    /// <summary>
    /// The password is a temporary one an admin gave (a new account, or a reset from the console): after signing in, every
    /// staff page leads to the password page until the account's own password is set.
    /// </summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Renewed on every update (concurrency token): two sign-ins updating the same account at once cannot both win.</summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    /// <summary>A new random security stamp (32 hex digits).</summary>
    public static string NewSecurityStamp() => Guid.NewGuid().ToString("N");

    /// <summary>Whether this account may open the pages of <paramref name="code"/>.</summary>
    public static bool Covers(bool allMunicipalities, string? ownCode, string code) =>
        allMunicipalities || string.Equals(ownCode, code, StringComparison.Ordinal);
}

/// <summary>The two staff roles. An admin can do everything a clerk can.</summary>
public static class StaffRoles
{
    public const string Clerk = "Clerk";

    public const string Admin = "Admin";

    public static bool IsValid(string role) => role is Clerk or Admin;
}
