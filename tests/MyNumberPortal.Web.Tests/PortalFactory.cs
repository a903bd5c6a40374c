using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MyNumberPortal.Web.Tests;

/// <summary>The real app over HTTP, on its own SQLite file (created, migrated and seeded on start), with a fixed clock.</summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    /// <summary>Tuesday 2026-11-24, 10:00 in Japan.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(9));

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"portal-test-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={DatabasePath}");
        // The suites call the API many times from one client; RateLimitTests set a low limit of their own.
        builder.UseSetting("RateLimits:Api:PermitLimit", "1000000");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        });
        Configure(builder);
    }

    /// <summary>Extra configuration for a derived factory.</summary>
    protected virtual void Configure(IWebHostBuilder builder)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(DatabasePath + suffix);
        }
    }
}

/// <summary>A clock that always says the same time.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
