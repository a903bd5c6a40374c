using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyNumberPortal.Data.Entities;
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
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);

        var payload = Protector(a).Protect("x");
        Protector(b).Unprotect(payload);
        Protector(b).Protect("y");

        await using var db = database.CreateContext();
        var row = Assert.Single(await db.DataProtectionKeys.ToListAsync());
        var key = XElement.Parse(row.Xml);
        Assert.Equal("key", key.Name.LocalName);
        var id = (string?)key.Attribute("id");
        Assert.NotNull(id);
        Assert.Equal($"key-{id}", row.FriendlyName);
        Assert.InRange(row.CreatedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(TimeSpan.Zero, row.CreatedAt.Offset);

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

        var element = Assert.Single(instance.GetRequiredService<DatabaseXmlRepository>().GetAllElements());
        Assert.Equal("key", element.Name.LocalName);
    }

    [Fact]
    public async Task The_key_manager_uses_the_database_repository_and_the_shared_application_name()
    {
        using var database = await MigratedDatabaseAsync();
        using var instance = Instance(database.Path);
        Assert.IsType<DatabaseXmlRepository>(instance.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository);
        Assert.Equal(Extensions.DataProtectionApplicationName,
            instance.GetRequiredService<IOptions<DataProtectionOptions>>().Value.ApplicationDiscriminator);
    }

    [Fact]
    public async Task A_row_that_is_not_XML_is_skipped_and_the_others_are_read()
    {
        using var database = await MigratedDatabaseAsync();
        await using (var db = database.CreateContext())
        {
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "broken", Xml = "<key", CreatedAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
        }

        using var instance = Instance(database.Path);
        var repository = instance.GetRequiredService<DatabaseXmlRepository>();
        Assert.Empty(repository.GetAllElements());
        repository.StoreElement(new XElement("test", new XAttribute("n", "1")), "test-1");
        var element = Assert.Single(repository.GetAllElements());
        Assert.Equal("1", (string?)element.Attribute("n"));
    }
}
