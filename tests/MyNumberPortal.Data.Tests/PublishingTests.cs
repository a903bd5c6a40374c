using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Tests;

public class PublishingTests
{
    private const string Niigata = "151009";

    [Fact]
    public async Task Publishing_stores_the_next_version_with_its_hash_and_an_audit_entry_and_the_snapshot_serves_it()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        await provider.RefreshIfChangedAsync(CancellationToken.None);
        var first = provider.Current.Stamp;

        var document = await Latest(database, Niigata);
        document.Fees.Single(f => f.Id == "reissue").Items.Single(i => i.Id == "card").Amount = 900;
        document.Municipality!.Name.En = "Niigata City (renamed)";
        RuleSetVersion row;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            row = await scope.ServiceProvider.GetRequiredService<RuleSetPublisher>()
                .PublishAsync(document, "admin@example", comment: "fee 900", cancellationToken: CancellationToken.None);
        }

        await using var db = database.CreateContext();
        var stored = await db.RuleSetVersions.SingleAsync(v => v.Scope == Niigata && v.Version == 2);
        Assert.Equal(row.Id, stored.Id);
        Assert.Equal((RuleSetStatus.Published, (DateOnly?)null, "admin@example", "admin@example", "fee 900"),
            (stored.Status, stored.EffectiveFrom, stored.CreatedBy, stored.PublishedBy, stored.Comment));
        Assert.NotNull(stored.PublishedAt);
        Assert.Equal(RuleSetYaml.Write(document), stored.Content);
        Assert.Equal(ContentHashing.Sha256Hex(stored.Content), stored.ContentHash);
        Assert.Equal(RuleSetStatus.Published, (await db.RuleSetVersions.SingleAsync(v => v.Scope == Niigata && v.Version == 1)).Status);

        var audit = await db.AuditEntries.SingleAsync(a => a.Action == RuleSetPublisher.AuditAction);
        Assert.Equal((Niigata, "admin@example", stored.Content), (audit.Scope, audit.Actor, audit.After));
        Assert.Equal(await db.RuleSetVersions.Where(v => v.Scope == Niigata && v.Version == 1).Select(v => v.Content).SingleAsync(), audit.Before);
        Assert.Equal("Niigata City (renamed)", (await db.Municipalities.SingleAsync(m => m.Code == Niigata)).NameEn);

        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        Assert.NotEqual(first, provider.Current.Stamp);
    }

    [Fact]
    public async Task Versions_count_on_from_the_highest_of_any_status_and_the_effective_date_is_kept()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var document = await Latest(database, RuleSetVersion.NationalScope);
        await using (var db = database.CreateContext())
        {
            var content = RuleSetYaml.Write(document);
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                Scope = RuleSetVersion.NationalScope, Version = 2, Status = RuleSetStatus.Draft, Content = content,
                ContentHash = ContentHashing.Sha256Hex(content), CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        await using var scope = database.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<RuleSetPublisher>();
        var row = await publisher.PublishAsync(document, "admin", new DateOnly(2027, 4, 1));
        Assert.Equal(3, row.Version);
        Assert.Equal(new DateOnly(2027, 4, 1), row.EffectiveFrom);
        // Unchanged content republished: the same canonical text and hash as the seeded version 1.
        await using var check = database.CreateContext();
        var hashes = await check.RuleSetVersions.Where(v => v.Scope == RuleSetVersion.NationalScope).Select(v => v.ContentHash).Distinct().ToListAsync();
        Assert.Single(hashes);
    }

    [Fact]
    public async Task A_document_with_a_bad_scope_is_refused_and_nothing_is_written()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var document = await Latest(database, Niigata);
        document.Scope = "12345";
        await using var scope = database.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<RuleSetPublisher>();
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(document, "admin"));
        var valid = await Latest(database, Niigata);
        await Assert.ThrowsAsync<ArgumentException>(() => publisher.PublishAsync(valid, " "));
        await using var db = database.CreateContext();
        Assert.False(await db.RuleSetVersions.AnyAsync(v => v.Version > 1));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == RuleSetPublisher.AuditAction));
    }

    private static async Task<RuleSetDocument> Latest(TestDatabase database, string scope)
    {
        await using var db = database.CreateContext();
        var content = await db.RuleSetVersions.Where(v => v.Scope == scope).OrderByDescending(v => v.Version).Select(v => v.Content).FirstAsync();
        return RuleSetYaml.Read(content);
    }
}
