using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Data.Tests;

/// <summary>The staff account service on a real SQLite file: hashing, lockout timing, user names, the first admin.</summary>
public sealed class StaffAccountsTests : IDisposable
{
    private const string Password = "correct horse battery";

    private readonly string path = Path.Combine(Path.GetTempPath(), $"portal-staff-test-{Guid.NewGuid():N}.db");
    private readonly ManualTimeProvider clock = new(new DateTimeOffset(2026, 11, 24, 1, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider services;

    public StaffAccountsTests() => services = Build(new Dictionary<string, string?>());

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Portal"] = $"Data Source={path}";
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        return collection.AddPortalData(config, Path.GetTempPath())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static async Task<T> InScope<T>(ServiceProvider provider, Func<StaffAccounts, PortalDbContext, Task<T>> action)
    {
        await using var scope = provider.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<StaffAccounts>(), scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    private async Task MigrateAsync()
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync();
    }

    private Task<SignInResult> SignIn(string user, string password) => InScope(services, (a, _) => a.SignInAsync(user, password, default));

    [Fact]
    public async Task The_hash_is_never_the_password_and_verifies()
    {
        await MigrateAsync();
        var account = await InScope(services, (a, _) => a.CreateAsync("Tanaka", Password, StaffRoles.Clerk, "131091", false, "test", default));
        Assert.NotEqual(Password, account.PasswordHash);
        Assert.DoesNotContain(Password, account.PasswordHash, StringComparison.Ordinal);
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("Tanaka", Password)).Outcome);

        var audit = await InScope(services, (_, db) => db.AuditEntries.Where(e => e.Scope == StaffAccounts.AuditScope).ToListAsync());
        Assert.Contains(audit, e => e.Action == "staff-create");
        Assert.Contains(audit, e => e.Action == "sign-in");
        Assert.DoesNotContain(audit, e => (e.Summary + e.Before + e.After).Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task User_names_are_case_insensitive_and_unique()
    {
        await MigrateAsync();
        await InScope(services, (a, _) => a.CreateAsync("Suzuki", Password, StaffRoles.Clerk, "131091", false, "test", default));
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("SUZUKI", Password)).Outcome);
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn(" suzuki ", Password)).Outcome);
        await Assert.ThrowsAsync<StaffAccountException>(() =>
            InScope(services, (a, _) => a.CreateAsync("suzuki", Password, StaffRoles.Clerk, "142123", false, "test", default)));
        Assert.Equal(1, await InScope(services, (_, db) => db.StaffAccounts.CountAsync()));
    }

    [Theory]
    [InlineData("short-pass1", "Clerk", "131091", false)]
    [InlineData(Password, "Boss", "131091", false)]
    [InlineData(Password, "Clerk", null, true)]
    [InlineData(Password, "Clerk", "13109", false)]
    [InlineData(Password, "Admin", "131091", true)]
    [InlineData(Password, "Admin", null, false)]
    public async Task Invalid_accounts_are_refused(string password, string role, string? code, bool all)
    {
        await MigrateAsync();
        await Assert.ThrowsAsync<StaffAccountException>(() =>
            InScope(services, (a, _) => a.CreateAsync("someone", password, role, code, all, "test", default)));
        Assert.Equal(0, await InScope(services, (_, db) => db.StaffAccounts.CountAsync()));
    }

    [Fact]
    public async Task Five_failures_lock_for_fifteen_minutes_and_success_resets_the_count()
    {
        await MigrateAsync();
        await InScope(services, (a, _) => a.CreateAsync("sato", Password, StaffRoles.Clerk, "131091", false, "test", default));

        // Four failures, then a success: the count starts again.
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await SignIn("sato", "wrong")).Outcome);
        }

        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("sato", Password)).Outcome);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Failed, (await SignIn("sato", "wrong")).Outcome);
        }

        var locked = await SignIn("sato", "wrong");
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.Equal(clock.GetUtcNow().AddMinutes(15), locked.LockedUntil);

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(SignInOutcome.LockedOut, (await SignIn("sato", Password)).Outcome);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SignInOutcome.Succeeded, (await SignIn("sato", Password)).Outcome);

        var account = await InScope(services, (_, db) => db.StaffAccounts.SingleAsync());
        Assert.Equal(0, account.FailedAttempts);
        Assert.Null(account.LockedUntil);
        var actions = await InScope(services, (_, db) => db.AuditEntries.Where(e => e.Actor == "sato").Select(e => e.Action).ToListAsync());
        Assert.Equal(1, actions.Count(a => a == "lockout"));
        Assert.Equal(1, actions.Count(a => a == "sign-in-locked"));
    }

    [Fact]
    public async Task Lockout_settings_come_from_configuration()
    {
        await MigrateAsync();
        using var strict = Build(new Dictionary<string, string?> { ["Staff:MaxFailedAttempts"] = "2", ["Staff:LockoutMinutes"] = "1" });
        await InScope(strict, (a, _) => a.CreateAsync("ito", Password, StaffRoles.Clerk, "131091", false, "test", default));
        Assert.Equal(SignInOutcome.Failed, (await InScope(strict, (a, _) => a.SignInAsync("ito", "wrong", default))).Outcome);
        var locked = await InScope(strict, (a, _) => a.SignInAsync("ito", "wrong", default));
        Assert.Equal(SignInOutcome.LockedOut, locked.Outcome);
        Assert.Equal(clock.GetUtcNow().AddMinutes(1), locked.LockedUntil);
    }

    [Fact]
    public async Task Unknown_users_fail_like_wrong_passwords()
    {
        await MigrateAsync();
        Assert.Equal(SignInOutcome.Failed, (await SignIn("nobody", Password)).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await SignIn("", "")).Outcome);
        Assert.Equal(SignInOutcome.Failed, (await SignIn(new string('x', 500), Password)).Outcome);
    }

    [Fact]
    public async Task The_initial_admin_is_created_only_when_configured_and_none_exists()
    {
        await MigrateAsync();
        Assert.Equal(InitialAdminOutcome.NotConfigured, await InScope(services, (a, _) => a.EnsureInitialAdminAsync(default)));
        Assert.Equal(0, await InScope(services, (_, db) => db.StaffAccounts.CountAsync()));

        using var weak = Build(new Dictionary<string, string?> { ["Staff:InitialAdmin:UserName"] = "root", ["Staff:InitialAdmin:Password"] = "12345678901" });
        await Assert.ThrowsAsync<StaffAccountException>(() => InScope(weak, (a, _) => a.EnsureInitialAdminAsync(default)));

        using var configured = Build(new Dictionary<string, string?> { ["Staff:InitialAdmin:UserName"] = "root", ["Staff:InitialAdmin:Password"] = "123456789012" });
        Assert.Equal(InitialAdminOutcome.Created, await InScope(configured, (a, _) => a.EnsureInitialAdminAsync(default)));
        Assert.Equal(InitialAdminOutcome.AdminExists, await InScope(configured, (a, _) => a.EnsureInitialAdminAsync(default)));
        var admin = await InScope(services, (_, db) => db.StaffAccounts.SingleAsync());
        Assert.Equal((StaffRoles.Admin, true, (string?)null), (admin.Role, admin.AllMunicipalities, admin.MunicipalityCode));
    }

    public void Dispose()
    {
        services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
