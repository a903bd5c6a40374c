using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Seeding;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Format;

namespace MyNumberPortal.Data.Tests;

public class SeedingTests
{
    private static string[] SeedScopes() =>
        Directory.GetFiles(RuleSeeder.DefaultDirectory, "*.yaml")
            .Select(f => RuleSetYaml.Read(File.ReadAllText(f)).Scope).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public async Task Seeding_gives_every_seed_scope_a_published_version_1_with_an_audit_entry()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var db = database.CreateContext();
        var versions = await db.RuleSetVersions.OrderBy(v => v.Scope).ToListAsync();
        Assert.Contains(RuleSetVersion.NationalScope, SeedScopes());
        Assert.Equal(SeedScopes(), versions.Select(v => v.Scope).Order(StringComparer.Ordinal));
        Assert.All(versions, v =>
        {
            Assert.Equal((1, RuleSetStatus.Published, null, RuleSeeder.Actor), (v.Version, v.Status, v.EffectiveFrom, v.CreatedBy));
            Assert.Equal(ContentHashing.Sha256Hex(v.Content), v.ContentHash);
            Assert.Equal(v.Content, RuleSetYaml.Write(RuleSetYaml.Read(v.Content)));
        });
        Assert.Equal(SeedScopes(), (await db.AuditEntries.Select(a => a.Scope).ToListAsync()).Order(StringComparer.Ordinal));
        var municipal = SeedScopes().Where(s => s != RuleSetVersion.NationalScope);
        Assert.Equal(municipal, (await db.Municipalities.Select(m => m.Code).ToListAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var before = await Fingerprint(database);
        await database.InitializeAsync();
        await using (var scope = database.Services.CreateAsyncScope())
        {
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<RuleSeeder>().SeedAsync(CancellationToken.None));
        }

        Assert.Equal(before, await Fingerprint(database));
    }

    [Fact]
    public async Task A_scope_with_any_version_is_not_seeded_again()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        await using (var db = database.CreateContext())
        {
            await db.RuleSetVersions.Where(v => v.Scope == RuleSetVersion.NationalScope)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.Status, RuleSetStatus.Withdrawn));
        }

        await database.InitializeAsync();
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.RuleSetVersions.CountAsync(v => v.Scope == RuleSetVersion.NationalScope));
    }

    [Fact]
    public async Task The_snapshot_lists_every_seeded_scope()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        var catalog = provider.Current;
        Assert.True(catalog.Errors.Count == 0, string.Join(Environment.NewLine, catalog.Errors));
        Assert.Equal(RuleSetVersion.NationalScope, catalog.National.Scope);
        var national = File.ReadAllText(Path.Combine(RuleSeeder.DefaultDirectory, "national.yaml"));
        Assert.Equal(RuleSetYaml.Write(RuleSetYaml.Read(national)), RuleSetYaml.Write(catalog.National));
        Assert.Equal(SeedScopes().Where(s => s != RuleSetVersion.NationalScope), catalog.Codes.Order(StringComparer.Ordinal));
    }

    /// <summary>Row counts and a SHA-256 of every row of every table, in key order.</summary>
    private static async Task<string> Fingerprint(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var tables = new object[]
        {
            await db.Municipalities.AsNoTracking().OrderBy(m => m.Code).ToListAsync(),
            await db.RuleSetVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync(),
            await db.AuditEntries.AsNoTracking().OrderBy(a => a.Id).ToListAsync(),
        };
        var json = JsonSerializer.Serialize(tables);
        var counts = string.Join(",", tables.Cast<System.Collections.ICollection>().Select(t => t.Count));
        return $"{counts}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}";
    }
}
