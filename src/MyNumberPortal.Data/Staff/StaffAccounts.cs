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

    /// <summary>A staff session ends after this many hours without a request (sliding; default 8).</summary>
    public double SessionSlidingHours { get; set; } = 8;

    /// <summary>A staff session ends this many hours after signing in, however active (default 12).</summary>
    public double SessionAbsoluteHours { get; set; } = 12;

    /// <summary>
    /// How often an open interactive staff page (a Blazor circuit) checks its session again, in seconds (default 60): once the
    /// session has ended, the circuit stops serving and the page is reloaded.
    /// </summary>
    public double CircuitRevalidationSeconds { get; set; } = 60;

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
/// Staff accounts (scoped): create, sign in with lockout, sessions (the security stamp), password change and reset,
/// disabling, the first admin. Passwords are hashed with <see cref="PasswordHasher{TUser}"/>; every sign-in attempt and every
/// change writes an <see cref="AuditEntry"/> (scope <c>staff</c>; never a password).
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

    /// <summary>
    /// A new random temporary password an admin hands over (shown once, never stored but as a hash): four groups of four
    /// lower-case letters and digits without look-alikes (no 0/o, 1/l/i), joined by hyphens: 19 characters, about 79 bits.
    /// </summary>
    public static string NewTemporaryPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        var chars = new char[19];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = i % 5 == 4 ? '-' : alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Trimmed, upper-case (invariant): what makes user names unique regardless of case.</summary>
    public static string Normalize(string userName) => userName.Trim().ToUpperInvariant();

    /// <summary>
    /// The accounts of one municipality (clerks and admins), by user name; with <paramref name="withAllMunicipalities"/>
    /// also the admins covering every municipality. Read-only.
    /// </summary>
    public async Task<IReadOnlyList<StaffAccount>> ListAsync(string municipalityCode, bool withAllMunicipalities, CancellationToken cancellationToken) =>
        await db.StaffAccounts.AsNoTracking()
            .Where(a => a.MunicipalityCode == municipalityCode || (withAllMunicipalities && a.AllMunicipalities))
            .OrderBy(a => a.AllMunicipalities).ThenBy(a => a.NormalizedUserName).ToListAsync(cancellationToken);

    public Task<StaffAccount?> FindAsync(string userName, CancellationToken cancellationToken) =>
        db.StaffAccounts.SingleOrDefaultAsync(a => a.NormalizedUserName == Normalize(userName), cancellationToken);

    /// <summary>
    /// Creates an account. A clerk needs a municipality code; an admin needs a code or <paramref name="allMunicipalities"/>
    /// (not both). Throws <see cref="StaffAccountException"/> for a password shorter than <see cref="MinPasswordLength"/>,
    /// an empty or too long user name, an unknown role, a code that is not 6 digits, or a user name already taken.
    /// </summary>
    /// <param name="temporaryPassword">The password is one an admin gave (the console): the account must set its own after signing in.</param>
    /// <param name="auditScope">The audit entry's scope (default <see cref="AuditScope"/>; the console writes the municipality's code).</param>
    public async Task<StaffAccount> CreateAsync(string userName, string password, string role, string? municipalityCode,
        bool allMunicipalities, string actor, CancellationToken cancellationToken, bool temporaryPassword = false, string? auditScope = null)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        userName = userName.Trim();
        municipalityCode = string.IsNullOrWhiteSpace(municipalityCode) ? null : municipalityCode.Trim();
        if (userName.Length == 0 || userName.Length > MaxUserNameLength || userName.Any(char.IsControl))
        {
            throw new StaffAccountException($"The user name must be 1 to {MaxUserNameLength} characters.");
        }

        RequireStrong(password);

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
            MustChangePassword = temporaryPassword,
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        db.StaffAccounts.Add(account);
        db.AuditEntries.Add(Audit(now, actor, "staff-create",
            $"Created {role} '{userName}' for {(allMunicipalities ? "all municipalities" : municipalityCode)}.", auditScope));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>
    /// Checks a user name and password. A wrong password counts; the <see cref="StaffOptions.MaxFailedAttempts"/>th in a row
    /// locks the account for <see cref="StaffOptions.LockoutMinutes"/>, and a locked or disabled account is refused without
    /// looking at the password. Success resets the count. Every attempt writes one audit entry.
    /// </summary>
    /// <remarks>
    /// The count is kept in the database and changed by single statements, so concurrent attempts (on one instance or
    /// several) cannot lose updates: before a password is checked, one statement takes a slot
    /// (<c>UPDATE … SET FailedAttempts = FailedAttempts + 1 WHERE … FailedAttempts &lt; max AND not locked</c>). At most
    /// <see cref="StaffOptions.MaxFailedAttempts"/> passwords are therefore checked between a success and a lockout, however
    /// many arrive at once; the others are refused as locked. The wrong password that filled the last slot sets the lock.
    /// </remarks>
    public async Task<SignInResult> SignInAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        userName ??= "";
        password ??= "";
        var settings = options.Value;
        var max = Math.Max(1, settings.MaxFailedAttempts);
        var now = time.GetUtcNow();
        var typed = userName.Trim();
        var actor = typed.Length > MaxUserNameLength ? typed[..MaxUserNameLength] : typed;
        var account = typed.Length is 0 or > MaxUserNameLength ? null
            : await db.StaffAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.NormalizedUserName == Normalize(typed), cancellationToken);
        if (account is null || account.Disabled)
        {
            // Same work as for a known account, so timing does not tell whether the name exists (or is disabled).
            Hasher.VerifyHashedPassword(new StaffAccount(), DummyHash.Value, password);
            await AuditAsync(now, account?.UserName ?? actor, account is null ? "sign-in-failed" : "sign-in-disabled",
                account is null ? "Unknown user name." : "Refused: the account is disabled.", cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        var slot = await db.StaffAccounts
            .Where(a => a.Id == account.Id && a.FailedAttempts < max && (a.LockedUntil == null || a.LockedUntil <= now))
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.FailedAttempts, a => a.FailedAttempts + 1), cancellationToken);
        if (slot == 0)
        {
            var until = await db.StaffAccounts.AsNoTracking().Where(a => a.Id == account.Id).Select(a => a.LockedUntil).SingleAsync(cancellationToken);
            await AuditAsync(now, account.UserName, "sign-in-locked",
                until is { } u && u > now ? $"Refused: locked until {u:O}." : "Refused: the failed sign-ins allowed are being checked.", cancellationToken);
            return new SignInResult(SignInOutcome.LockedOut, null, until is { } l && l > now ? l : null);
        }

        var verified = Hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            var lockedUntil = now.AddMinutes(Math.Max(1, settings.LockoutMinutes));
            var locked = await db.StaffAccounts
                .Where(a => a.Id == account.Id && a.FailedAttempts >= max && (a.LockedUntil == null || a.LockedUntil <= now))
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.LockedUntil, lockedUntil).SetProperty(a => a.FailedAttempts, 0), cancellationToken);
            if (locked == 1)
            {
                await AuditAsync(now, account.UserName, "lockout", $"Locked until {lockedUntil:O} after {max} failed sign-ins.", cancellationToken);
                logger.LogWarning("Staff account {UserName} locked until {LockedUntil} after repeated failed sign-ins", account.UserName, lockedUntil);
                return new SignInResult(SignInOutcome.LockedOut, null, lockedUntil);
            }

            await AuditAsync(now, account.UserName, "sign-in-failed", "Wrong password.", cancellationToken);
            return new SignInResult(SignInOutcome.Failed);
        }

        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(account, password) : account.PasswordHash;
        await db.StaffAccounts.Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u
            .SetProperty(a => a.FailedAttempts, 0).SetProperty(a => a.LockedUntil, (DateTimeOffset?)null).SetProperty(a => a.PasswordHash, hash), cancellationToken);
        await AuditAsync(now, account.UserName, "sign-in", "Signed in.", cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, account);
    }

    /// <summary>Whether a session issued with <paramref name="securityStamp"/> is still valid: the account exists, is enabled, and has that stamp.</summary>
    public async Task<bool> IsSessionValidAsync(int accountId, string? securityStamp, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(securityStamp))
        {
            return false;
        }

        var current = await db.StaffAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.SecurityStamp, a.Disabled }).SingleOrDefaultAsync(cancellationToken);
        return current is { Disabled: false } && string.Equals(current.SecurityStamp, securityStamp, StringComparison.Ordinal);
    }

    /// <summary>Ends every session of the account, everywhere (a new security stamp), and audits it as <paramref name="action"/>.</summary>
    public async Task EndSessionsAsync(int accountId, string action, string summary, CancellationToken cancellationToken)
    {
        var userName = await db.StaffAccounts.AsNoTracking().Where(a => a.Id == accountId).Select(a => a.UserName).SingleOrDefaultAsync(cancellationToken);
        if (userName is null)
        {
            return;
        }

        await db.StaffAccounts.Where(a => a.Id == accountId)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.SecurityStamp, StaffAccount.NewSecurityStamp()), cancellationToken);
        await AuditAsync(time.GetUtcNow(), userName, action, summary, cancellationToken);
    }

    /// <summary>
    /// Changes a signed-in account's own password after checking the current one. Every session of the account ends (a new
    /// security stamp, returned so that the caller can sign this browser in again). Null when the current password is wrong.
    /// </summary>
    /// <exception cref="StaffAccountException">The new password is too short.</exception>
    public async Task<StaffAccount?> ChangePasswordAsync(int accountId, string current, string replacement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(replacement);
        var account = await db.StaffAccounts.SingleOrDefaultAsync(a => a.Id == accountId && !a.Disabled, cancellationToken);
        if (account is null || Hasher.VerifyHashedPassword(account, account.PasswordHash, current) == PasswordVerificationResult.Failed)
        {
            await AuditAsync(time.GetUtcNow(), account?.UserName ?? accountId.ToString(CultureInfo.InvariantCulture), "password-change-failed",
                "The current password was wrong.", cancellationToken);
            return null;
        }

        RequireStrong(replacement);
        account.PasswordHash = Hasher.HashPassword(account, replacement);
        account.SecurityStamp = StaffAccount.NewSecurityStamp();
        account.MustChangePassword = false;
        db.AuditEntries.Add(Audit(time.GetUtcNow(), account.UserName, "password-change", "Password changed; every session ended."));
        await db.SaveChangesAsync(cancellationToken);
        return account;
    }

    /// <summary>Sets a new password (a reset by an operator), unlocks the account and ends every session of it.</summary>
    /// <param name="temporaryPassword">An admin's reset from the console: the account must set its own password after signing in.</param>
    /// <param name="auditScope">The audit entry's scope (default <see cref="AuditScope"/>).</param>
    /// <exception cref="StaffAccountException">Unknown user name or a password too short.</exception>
    public async Task SetPasswordAsync(string userName, string password, string actor, CancellationToken cancellationToken,
        bool temporaryPassword = false, string? auditScope = null)
    {
        ArgumentNullException.ThrowIfNull(password);
        RequireStrong(password);
        var account = await FindAsync(userName, cancellationToken) ?? throw new StaffAccountException($"There is no account '{userName.Trim()}'.");
        account.PasswordHash = Hasher.HashPassword(account, password);
        account.SecurityStamp = StaffAccount.NewSecurityStamp();
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.MustChangePassword = temporaryPassword;
        db.AuditEntries.Add(Audit(time.GetUtcNow(), actor, "password-reset", $"Password of '{account.UserName}' reset; every session ended.", auditScope));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Disables (or enables again) an account; disabling ends every session of it.</summary>
    /// <param name="auditScope">The audit entry's scope (default <see cref="AuditScope"/>).</param>
    /// <exception cref="StaffAccountException">Unknown user name.</exception>
    public async Task SetDisabledAsync(string userName, bool disabled, string actor, CancellationToken cancellationToken, string? auditScope = null)
    {
        var account = await FindAsync(userName, cancellationToken) ?? throw new StaffAccountException($"There is no account '{userName.Trim()}'.");
        account.Disabled = disabled;
        account.SecurityStamp = StaffAccount.NewSecurityStamp();
        db.AuditEntries.Add(Audit(time.GetUtcNow(), actor, disabled ? "staff-disable" : "staff-enable",
            disabled ? $"Disabled '{account.UserName}'; every session ended." : $"Enabled '{account.UserName}'.", auditScope));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void RequireStrong(string password)
    {
        if (password.Length < MinPasswordLength)
        {
            throw new StaffAccountException($"The password must be at least {MinPasswordLength} characters.");
        }
    }

    /// <summary>
    /// Creates the first admin from <c>Staff:InitialAdmin</c> when no admin exists yet. Nothing is configured: nothing
    /// is created (there is no default account or password in any environment). A configured password shorter than
    /// <see cref="MinPasswordLength"/> throws <see cref="StaffAccountException"/>. Without an admin and without the setting,
    /// a warning says nobody can sign in, unless <c>creatingStaff</c> (the <c>create-staff</c> command is about to
    /// create an account: it says itself what it created).
    /// </summary>
    public Task<InitialAdminOutcome> EnsureInitialAdminAsync(CancellationToken cancellationToken) => EnsureInitialAdminAsync(false, cancellationToken);

    /// <inheritdoc cref="EnsureInitialAdminAsync(CancellationToken)"/>
    public async Task<InitialAdminOutcome> EnsureInitialAdminAsync(bool creatingStaff, CancellationToken cancellationToken)
    {
        var initial = options.Value.InitialAdmin;
        if (string.IsNullOrWhiteSpace(initial.UserName) || string.IsNullOrEmpty(initial.Password))
        {
            if (!creatingStaff && !await db.StaffAccounts.AnyAsync(a => a.Role == StaffRoles.Admin, cancellationToken))
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

    /// <summary>One audit entry, written at once (its own statement: concurrent attempts each keep theirs).</summary>
    private async Task AuditAsync(DateTimeOffset at, string actor, string action, string summary, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(Audit(at, actor, action, summary));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, string summary, string? scope = null) => new()
    {
        At = at,
        Actor = actor,
        Scope = scope ?? AuditScope,
        Action = action,
        Summary = summary,
    };

    [GeneratedRegex("^[0-9]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();
}
