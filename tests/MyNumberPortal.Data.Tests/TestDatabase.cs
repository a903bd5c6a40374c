using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Data.Tests;

/// <summary>
/// A real SQLite file of its own in the temp folder, wired through <see cref="Extensions.AddPortalData"/>
/// as the app does; the file (and its -wal/-shm) is deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public TestDatabase()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={Path}" })
            .Build();
        Services = new ServiceCollection().AddLogging().AddPortalData(config, System.IO.Path.GetTempPath())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"portal-data-test-{Guid.NewGuid():N}.db");

    public ServiceProvider Services { get; }

    public PortalDbContext CreateContext() => Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    /// <summary>Migrate and seed, as the app does on start.</summary>
    public async Task InitializeAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
