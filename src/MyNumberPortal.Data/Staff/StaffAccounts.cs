using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Data.Staff;

/// <summary>Settings under <c>Staff</c>: lockout and the first admin account.</summary>
public sealed class StaffOptions
{
    public const string SectionName = "Staff";

    /// <summary>Failed sign-ins in a row that lock the account (default 5).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long a locked account refuses sign-in, in minutes (default 15).</summary>
    public int LockoutMinutes { get; set; } = 15;

    /// <summary>The first admin, created on start only when no admin exists (<c>Staff:InitialAdmin:*</c>).</summary>
    public InitialAdminOptions InitialAdmin { get; set; } = new();
}

/// <summary><c>Staff:InitialAdmin:UserName</c>, <c>:Password</c> and optional <c>:MunicipalityCode</c> (else all municipalities).</summary>
public sealed class InitialAdminOptions
{
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? MunicipalityCode { get; set; }
}

public enum SignInOutcome
{
    /// <summary>User name and password are right.</summary>
    Succeeded,

    /// <summary>Unknown user name or wrong password (the two are never told apart).</summary>
    Failed,

    /// <summary>The account is locked (this attempt locked it, or it was locked already); the password was not accepted.</summary>
    LockedOut,
}

public sealed record SignInResult(SignInOutcome Outcome, StaffAccount? Account = null, DateTimeOffset? LockedUntil = null);

public enum InitialAdminOutcome
{
    Created,
    AdminExists,
    NotConfigured,
}

/// <summary>A staff account that cannot be created as asked (weak password, bad code, duplicate user name, …).</summary>
public sealed class StaffAccountException(string message) : Exception(message);

/// <summary>
/// Staff accounts (scoped): create, sign in with lockout, the first admin. Passwords are hashed with
/// <see cref="PasswordHasher{TUser}"/>; every sign-in success, failure and lockout writes an <see cref="AuditEntry"/>
/// (scope <c>staff</c>; never a password).
/// </summary>
public sealed partial class StaffAccounts(PortalDbContext db, TimeProvider time, IOptions<StaffOptions> options, ILogger<StaffAccounts> logger)
{
    public const int MinPasswordLength = 12;

    public const int MaxUserNameLength = 100;

    /// <summary>The audit scope of staff entries.</summary>
    public const string AuditScope = "staff";

    private static readonly PasswordHasher<StaffAccount> Hasher = new();

    /// <summary>A hash of no one's password: verified against for unknown user names, so they take as long as known ones.</summary>
    private static readonly Lazy<string> DummyHash = new(() => Hasher.HashPassword(new StaffAccount(), Guid.NewGuid().ToString("N")));

    /// <summary>Trimmed, upper-case (invariant): what makes user names unique regardless of case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken) =>
        db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == Normalize(userName), cancellationToken);

    /// <summary>
    /// Creates an account. A clerk needs a municipality code; an admin needs a code or <paramref name="allMunicipalities"/>
    /// (not both). Throws <see cref="StaffAccountException"/> for a password shorter than <see cref="MinPasswordLength"/>,
    /// an empty or too long user name, an unknown role, a code that is not 6 digits, or a user name already taken.
    /// </summary>
    public async Task<StaffAccount> CreateAsync(string userName, string password, string role, string? municipalityCode,
        bool allMunicipalities, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        userName = userName.Trim();
        municipalityCode = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        if (userName.Length == 0 || userName.Length > MaxUserNameLength || userName.Any(char.IsControl))
        {
            throw new StaffAccountException($"The user name must be 1 to {MaxUserNameLength} characters.");
        }

        if (password.Length < MinPasswordLength)
        {
            throw new StaffAccountException($"The password must be at least {MinPasswordLength} characters.");
        }

        if (!StaffRoles.IsValid(role))
        {
            throw new StaffAccountException($"Unknown role '{role}' (use {StaffRoles.Clerk} or {StaffRoles.Admin}).");
        }

        if (allMunicipalities && role != StaffRoles.Admin)
        {
            throw new StaffAccountException("Only an admin can cover all municipalities.");
        }

        if (allMunicipalities && municipalityCode is not null)
        {
            throw new StaffAccountException("Give either a municipality code or all municipalities, not both.");
        }

        if (!allMunicipalities && (municipalityCode is null || !CodePattern().IsMatch(municipalityCode)))
        {
            throw new StaffAccountException("The municipality code must be 6 digits.");
        }

        var normalized = Normalize(userName);
        if (await db.StaffAccounts.AnyAsync(a => a.NormalizedUserName == normalized, cancellationToken))
        {
            throw new StaffAccountException($"The user name '{userName}' is already taken.");
        }

        var now = time.GetUtcNow();
        var account = new StaffAccount
        {
            UserName = userName,
            NormalizedUserName = normalized,
            Role = role,
            MunicipalityCode = municipalityCode,
            AllMunicipalities = allMunicipalities,
            CreatedAt = now,
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.StaffAccounts.Add(account);
        db.AuditEntries.Add(Audit(now, actor, "staff-create",
            $"Created {role} '{userName}' for {(allMunicipalities ? "all municipalities" : municipalityCode)}."));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>
    /// Checks a user name and password. A locked account is refused without looking at the password. A wrong password
    /// counts; the <see cref="StaffOptions.MaxFailedAttempts"/>th in a row locks the account for
    /// <see cref="StaffOptions.LockoutMinutes"/>. Success resets the count.
    /// </summary>
    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        userName ??= "";
        password ??= "";
        var settings = options.Value;
        var now = time.GetUtcNow();
        var typed = userName.Trim();
        var actor = typed.Length > MaxUserNameLength ? typed[..MaxUserNameLength] : typed;
        var account = typed.Length is 0 or > MaxUserNameLength ? null : await FindAsync(typed, cancellationToken);
        if (account is null)
        {
            // Same work as for a known account, so timing does not tell whether the name exists.
            Hasher.VerifyHashedPassword(new StaffAccount(), DummyHash.Value, password);
            db.AuditEntries.Add(Audit(now, actor, "sign-in-failed", "Unknown user name."));
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            db.AuditEntries.Add(Audit(now, account.UserName, "sign-in-locked", $"Refused: locked until {until:O}."));
            await db.SaveChangesAsync(cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut, null, until);
        }

        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            account.FailedAttempts++;
            SignInResult result;
            if (account.FailedAttempts >= Math.Max(1, settings.MaxFailedAttempts))
            {
                account.FailedAttempts = 0;
                account.LockedUntil = now.AddMinutes(Math.Max(1, settings.LockoutMinutes));
                db.AuditEntries.Add(Audit(now, account.UserName, "lockout",
                    $"Locked until {account.LockedUntil:O} after {settings.MaxFailedAttempts} failed sign-ins."));
                logger.LogWarning("Staff account {UserName} locked until {LockedUntil} after repeated failed sign-ins", account.UserName, account.LockedUntil);
                result = new SignInResult(SignInOutcome.LockedOut, null, account.LockedUntil);
            }
            else
            {
                db.AuditEntries.Add(Audit(now, account.UserName, "sign-in-failed", $"Wrong password ({account.FailedAttempts} in a row)."));
                result = new SignInResult(SignInOutcome.Failed);
            }

            return await SaveAsync(result, cancellationToken);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = Hasher.HashPassword(account, password);
        }

        account.FailedAttempts = 0;
        account.LockedUntil = null;
        db.AuditEntries.Add(Audit(now, account.UserName, "sign-in", "Signed in."));
        return await SaveAsync(new SignInResult(SignInOutcome.Succeeded, account), cancellationToken);
    }

    /// <summary>
    /// Creates the first admin from <c>Staff:InitialAdmin</c> when no admin exists yet. Nothing is configured: nothing
    /// is created (there is no default account or password in any environment). A configured password shorter than
    /// <see cref="MinPasswordLength"/> throws <see cref="StaffAccountException"/>.
    /// </summary>
    public async Task<InitialAdminOutcome> EnsureInitialAdminAsync(CancellationToken cancellationToken)
    {
        var initial = options.Value.InitialAdmin;
        if (string.IsNullOrWhiteSpace(initial.UserName) || string.IsNullOrEmpty(initial.Password))
        {
            if (!await db.StaffAccounts.AnyAsync(a => a.Role == StaffRoles.Admin, cancellationToken))
            {
                logger.LogWarning("No staff admin account exists and Staff:InitialAdmin is not configured: nobody can sign in to the staff pages. "
                    + "Set Staff:InitialAdmin:UserName and Staff:InitialAdmin:Password, or run the create-staff command (docs/staff.md).");
            }

            return InitialAdminOutcome.NotConfigured;
        }

        if (await db.StaffAccounts.AnyAsync(a => a.Role == StaffRoles.Admin, cancellationToken))
        {
            return InitialAdminOutcome.AdminExists;
        }

        var code = string.IsNullOrWhiteSpace(initial.MunicipalityCode) ? null : initial.MunicipalityCode;
        await CreateAsync(initial.UserName, initial.Password, StaffRoles.Admin, code, code is null, "configuration", cancellationToken);
        logger.LogInformation("Created the first staff admin {UserName} from Staff:InitialAdmin", initial.UserName.Trim());
        return InitialAdminOutcome.Created;
    }

    private async Task<SignInResult> SaveAsync(SignInResult result, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another sign-in of the same account won the race: refuse this one (the user simply tries again).
            return result.Outcome == SignInOutcome.Succeeded ? new SignInResult(SignInOutcome.Failed) : result;
        }
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, string summary) => new()
    {
        At = at,
        Actor = actor,
        Scope = AuditScope,
        Action = action,
        Summary = summary,
    };

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
