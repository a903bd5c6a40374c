using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Data.Tests;

/// <summary>
/// Data-protection keys in the database: two service providers on the same SQLite file stand for two portal
/// instances behind a load balancer (no shared memory, no shared key folder, only the database).
/// </summary>
public class DataProtectionTests
{
    /// <summary>One portal instance's services on <paramref name="databasePath"/>, registered as the web app does.</summary>
    private static ServiceProvider Instance(string databasePath)
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Portal"] = $"Data Source={databasePath}" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddPortalData(config, Path.GetTempPath());
        services.AddPortalDataProtection();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    private static async Task<TestDatabase> MigratedDatabaseAsync()
    {
        var database = new TestDatabase();
        await using var db = database.CreateContext();
        await db.Database.MigrateAsync();
        return database;
    }

    private static IDataProtector Protector(IServiceProvider services) =>
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

    [Fact]
    public async Task A_payload_protected_by_one_instance_is_unprotected_by_another()
    {
        using var database = await MigratedDatabaseAsync();
        using var a = Instance(database.Path);
        using var b = Instance(database.Path);

        var fromA = Protector(a).Protect("申請の控え 142123");
        Assert.Equal("申請の控え 142123", Protector(b).Unprotect(fromA));

        // And back: B protects with the same (A's) key, A reads it.
        var fromB = Protector(b).Protect("reply");
        Assert.Equal("reply", Protector(a).Unprotect(fromB));

        // A different purpose is a different protector, even with the shared keys.
        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(
            () => b.GetRequiredService<IDataProtectionProvider>().CreateProtector("other").Unprotect(fromA));
    }

    [Fact]
    public async Task Keys_are_rows_in_the_table_and_the_second_instance_creates_none()
    {
        using var database = await MigratedDatabaseAsync();
        using var a = Instance(database.Path);
        using var b = Instance(database.Path);

        var payload = Protector(a).Protect("x");
        Protector(b).Unprotect(payload);
        Protector(b).Protect("y");

        await using var db = database.CreateContext();
        var row = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        var key = XElement.Parse(row.Xml!);
        Assert.Equal("key", key.Name.LocalName);
        var id = (string?)key.Attribute("id");
        Assert.NotNull(id);
        Assert.Equal($"key-{id}", row.FriendlyName);

        // Both instances' key managers see exactly that key.
        foreach (var services in new[] { a, b })
        {
            var keys = services.GetRequiredService<IKeyManager>().GetAllKeys();
            Assert.Equal(Guid.Parse(id), Assert.Single(keys).KeyId);
        }
    }

    [Fact]
    public async Task A_fresh_instance_on_an_empty_database_creates_a_key()
    {
        using var database = await MigratedDatabaseAsync();
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.DataProtectionKeys.CountAsync());
        }

        using var instance = Instance(database.Path);
        Assert.Equal("hello", Protector(instance).Unprotect(Protector(instance).Protect("hello")));

        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }

        var element = Assert.Single(instance.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements());
        Assert.Equal("key", element.Name.LocalName);
    }

    [Fact]
    public async Task The_key_manager_uses_the_framework_database_repository_and_the_shared_application_name()
    {
        using var database = await MigratedDatabaseAsync();
        using var instance = Instance(database.Path);
        Assert.IsType<EntityFrameworkCoreXmlRepository<PortalDbContext>>(instance.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.Equal(Extensions.DataProtectionApplicationName,
            instance.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    /// <summary>
    /// A database whose key was written by the portal's own repository before the framework's took over (the table had
    /// a <c>CreatedAt</c> column then): after the migration that drops the column, the key is still read, and a payload
    /// protected with it still opens.
    /// </summary>
    [Fact]
    public async Task A_key_stored_before_the_framework_repository_is_still_read_after_the_migration()
    {
        // A key ring of one key, made in a folder, and a payload protected with it.
        var folder = Directory.CreateTempSubdirectory("portal-dp-keys-");
        string payload;
        string keyXml;
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddDataProtection().SetApplicationName(Extensions.DataProtectionApplicationName).PersistKeysToFileSystem(folder);
            await using (var before = services.BuildServiceProvider())
            {
                payload = Protector(before).Protect("written before the migration");
            }

            keyXml = XElement.Load(Assert.Single(folder.GetFiles("key-*.xml")).FullName).ToString(SaveOptions.DisableFormatting);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // The database as it was: migrated up to the migration before the framework's repository, the key as the old repository stored it.
        using var database = new TestDatabase();
        await using (var db = database.CreateContext())
        {
            var migrations = db.Database.GetMigrations().ToList();
            var previous = migrations[migrations.FindIndex(m => m.EndsWith("_DataProtectionKeysFromFramework", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(previous);
            var id = (string)XElement.Parse(keyXml).Attribute("id")!;
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAt) VALUES ({"key-" + id}, {keyXml}, {"2026-11-30T00:00:00.0000000+00:00"})");
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        }

        using var instance = Instance(database.Path);
        Assert.Equal("written before the migration", Protector(instance).Unprotect(payload));
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.DataProtectionKeys.CountAsync()); // read, not replaced
    }
}
