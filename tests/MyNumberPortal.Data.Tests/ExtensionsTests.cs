using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.SqlServer;

namespace MyNumberPortal.Data.Tests;

public class ExtensionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Sqlite_defaults_to_App_Data_under_the_content_root_and_creates_the_folder()
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-root-{Guid.NewGuid():N}");
        try
        {
            using var services = new ServiceCollection().AddPortalData(Config(), root).BuildServiceProvider();
            using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            Assert.True(db.Database.IsSqlite());
            Assert.Equal(Path.Combine(root, "App_Data", "portal.db"), db.Database.GetDbConnection().DataSource);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_relative_SQLite_file_is_taken_from_the_content_root()
    {
        var root = Path.Combine(Path.GetTempPath(), $"portal-root-{Guid.NewGuid():N}");
        try
        {
            var text = Extensions.SqliteConnectionString("Data Source=data/x.db", root);
            Assert.Contains(Path.Combine(root, "data", "x.db"), text);
            Assert.True(Directory.Exists(Path.Combine(root, "data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void SqlServer_uses_the_delegate_and_its_migrations_assembly()
    {
        var config = Config(("Database:Provider", "SqlServer"), ("ConnectionStrings:Portal", "Server=nowhere.invalid;Database=x;TrustServerCertificate=true"));
        using var services = new ServiceCollection().AddPortalData(config, Path.GetTempPath(), SqlServerPortalData.Configure).BuildServiceProvider();
        using var db = services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.Contains(db.Database.GetMigrations(), m => m.EndsWith("_Initial", StringComparison.Ordinal));
    }

    [Fact]
    public void SqlServer_without_the_delegate_or_connection_string_and_unknown_providers_are_refused()
    {
        var services = new ServiceCollection();
        Assert.Throws<InvalidOperationException>(() => services.AddPortalData(
            Config(("Database:Provider", "SqlServer"), ("ConnectionStrings:Portal", "Server=x")), "/tmp"));
        Assert.Throws<InvalidOperationException>(() => services.AddPortalData(
            Config(("Database:Provider", "SqlServer")), "/tmp", SqlServerPortalData.Configure));
        Assert.Throws<InvalidOperationException>(() => services.AddPortalData(Config(("Database:Provider", "Postgres")), "/tmp"));
    }
}
