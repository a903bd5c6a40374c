using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Seeding;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Data.Staff;

namespace MyNumberPortal.Data;

/// <summary>Registers the rule store, its initializer and the rule snapshot; and data protection with its keys in the store.</summary>
public static class Extensions
{
    /// <summary>
    /// Adds <see cref="PortalDbContext"/> (scoped, plus <see cref="IDbContextFactory{PortalDbContext}"/>),
    /// <see cref="DatabaseInitializer"/>, <see cref="RuleSeeder"/>, <see cref="RuleSetPublisher"/>, <see cref="StaffAccounts"/>
    /// (scoped, with <see cref="StaffOptions"/> from <c>Staff</c>) and
    /// <see cref="RuleSnapshotProvider"/> (singleton).
    /// <c>Database:Provider</c> is <c>Sqlite</c> (default) or <c>SqlServer</c>; <c>ConnectionStrings:Portal</c> is the
    /// connection string. SQLite defaults to <c>&lt;contentRoot&gt;/App_Data/portal.db</c>; a relative SQLite path is
    /// taken from <paramref name="contentRoot"/>. SQL Server needs <paramref name="useSqlServer"/>, which the
    /// MyNumberPortal.Data.SqlServer project supplies (<c>SqlServerPortalData.Configure</c>): the SQL Server provider
    /// cannot be restored as a package here, so this project does not reference it.
    /// </summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration config, string contentRoot,
        Action<DbContextOptionsBuilder, string>? useSqlServer = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var provider = config["Database:Provider"];
        var connectionString = config.GetConnectionString("Portal");
        Action<DbContextOptionsBuilder> configure;
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            var sqlite = SqliteConnectionString(connectionString, contentRoot);
            configure = o => o.UseSqlite(sqlite);
        }
        else if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Portal is not set.");
            }

            if (useSqlServer is null)
            {
                throw new InvalidOperationException(
                    "Database:Provider is SqlServer: reference MyNumberPortal.Data.SqlServer and call AddPortalData(config, contentRoot, SqlServerPortalData.Configure).");
            }

            configure = o => useSqlServer(o, connectionString);
        }
        else
        {
            throw new InvalidOperationException($"Unknown Database:Provider '{provider}' (use Sqlite or SqlServer).");
        }

        services.AddDbContextFactory<PortalDbContext>(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<RuleSeeder>();
        services.AddScoped<RuleSetPublisher>();
        services.AddScoped<RuleSetDrafts>();
        services.AddScoped<SourceCaptures>();
        services.AddScoped<AuditLog>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<StaffAccounts>();
        services.AddOptions<StaffOptions>().Bind(config.GetSection(StaffOptions.SectionName))
            .Validate(s => s.MaxFailedAttempts > 0 && s.LockoutMinutes > 0, "Staff: MaxFailedAttempts and LockoutMinutes must be positive.");
        services.AddSingleton<RuleSnapshotProvider>();
        return services;
    }

    /// <summary>The data-protection application name: the same on every instance, whatever its content root.</summary>
    public const string DataProtectionApplicationName = "MyNumberPortal";

    /// <summary>
    /// ASP.NET Core data protection (cookies, antiforgery tokens, Blazor's component descriptors) with its key ring in
    /// the database (<c>PersistKeysToDbContext</c> over the <c>DataProtectionKeys</c> table) and the application name
    /// <see cref="DataProtectionApplicationName"/>, so that every instance sharing the database protects and
    /// unprotects with the same keys. Call after <see cref="AddPortalData"/> (the repository resolves the scoped
    /// <see cref="PortalDbContext"/> it registers, in a scope of its own for each read and write). Keys are stored unencrypted: in
    /// production add <c>ProtectKeysWithCertificate(...)</c> to the returned builder (docs/data.md).
    /// </summary>
    public static IDataProtectionBuilder AddPortalDataProtection(this IServiceCollection services)
    {
        return services.AddDataProtection()
            .SetApplicationName(DataProtectionApplicationName)
            .PersistKeysToDbContext<PortalDbContext>();
    }

    /// <summary>The SQLite connection string with its file made absolute (from the content root) and its folder created.</summary>
    public static string SqliteConnectionString(string? connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(connectionString)
            ? $"Data Source={Path.Combine("App_Data", "portal.db")}"
            : connectionString);
        var file = builder.DataSource;
        if (file.Length > 0 && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            builder.DataSource = file = Path.GetFullPath(file, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        }

        return builder.ToString();
    }
}
