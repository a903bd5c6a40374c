using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Seeding;
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

    [Fact]
    public async Task The_seeder_a_document_and_an_admins_draft_are_published_the_same_way_with_the_same_audit_entry()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var national = await Latest(database, RuleSetVersion.NationalScope);

        // Seeding: version 1 of every scope, published by "seed", audited (as "seed") with nothing before.
        await using (var db = database.CreateContext())
        {
            var seeded = await db.AuditEntries.OrderBy(a => a.Id).ToListAsync();
            Assert.All(seeded, a => Assert.Equal((RuleSeeder.AuditAction, RuleSeeder.Actor, (string?)null), (a.Action, a.Actor, a.Before)));
            Assert.All(seeded, a => Assert.StartsWith("Version 1 published: Seeded from ", a.Summary, StringComparison.Ordinal));
            Assert.All(await db.RuleSetVersions.ToListAsync(), v => Assert.Equal((RuleSetStatus.Published, RuleSeeder.Actor), (v.Status, v.PublishedBy)));
        }

        // A document, then the admin console's draft: the next versions, each audited with the version before it.
        // (Two days: publishing for a day another version is scheduled for replaces that one, SaferPublishingTests.)
        var from = new DateOnly(2027, 4, 1);
        var next = from.AddDays(1);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var document = await Latest(database, Niigata);
            document.Municipality!.Name.En = "Niigata (document)";
            await scope.ServiceProvider.GetRequiredService<RuleSetPublisher>().PublishAsync(document, "admin-a", from, "by document");

            var drafts = scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();
            var draft = await drafts.OpenDraftAsync(Niigata, "admin-b");
            var edited = RuleSetYaml.Read(draft.Content);
            edited.Municipality!.Name.En = "Niigata (draft)";
            var saved = await drafts.SaveAsync(Niigata, draft.ConcurrencyStamp, edited, national, "admin-b", "name");
            Assert.Equal(DraftOutcome.Done, (await drafts.PublishAsync(Niigata, saved.Row!.ConcurrencyStamp, next, from, national, "admin-b", "by draft")).Outcome);
        }

        await using var check = database.CreateContext();
        var versions = await check.RuleSetVersions.Where(v => v.Scope == Niigata).OrderBy(v => v.Version).ToListAsync();
        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal(RuleSetStatus.Published, v.Status));
        Assert.Equal([(from, "admin-a", "by document"), (next, "admin-b", "by draft")],
            versions.Skip(1).Select(v => (v.EffectiveFrom!.Value, v.PublishedBy!, v.Comment!)));
        var audit = await check.AuditEntries.Where(a => a.Scope == Niigata && (a.Action == RuleSetPublisher.AuditAction || a.Action == RuleSeeder.AuditAction))
            .OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(
            ["Version 2 published, in force from 2027-04-01: by document", "Version 3 published, in force from 2027-04-02: by draft"],
            audit.Skip(1).Select(a => a.Summary));
        Assert.Equal([null, versions[0].Content, versions[1].Content], audit.Select(a => a.Before));
        Assert.Equal(versions.Select(v => v.Content), audit.Select(a => a.After));
        Assert.Equal("Niigata (draft)", (await check.Municipalities.SingleAsync(m => m.Code == Niigata)).NameEn);
    }

    [Fact]
    public async Task A_scheduled_version_is_cancelled_or_replaced_by_one_for_its_day_and_never_served()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var day = new DateOnly(2090, 1, 1);
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var publisher = scope.ServiceProvider.GetRequiredService<RuleSetPublisher>();
            var document = await Latest(database, Niigata);
            await publisher.PublishAsync(document, "admin-a", day, "first");             // version 2
            await publisher.PublishAsync(document, "admin-b", day, "rolled back");       // version 3 replaces it
            await publisher.PublishAsync(document, "admin-a", day.AddDays(7), "later");  // version 4
            Assert.True(await publisher.CancelScheduledAsync(Niigata, 4, "admin-a"));
            Assert.False(await publisher.CancelScheduledAsync(Niigata, 4, "admin-a"));   // already cancelled
            Assert.False(await publisher.CancelScheduledAsync(Niigata, 1, "admin-a"));   // in force: not scheduled
            Assert.False(await publisher.CancelScheduledAsync(Niigata, 99, "admin-a"));
        }

        await using var check = database.CreateContext();
        var states = await check.RuleSetVersions.Where(v => v.Scope == Niigata).OrderBy(v => v.Version).Select(v => v.Status).ToListAsync();
        Assert.Equal([RuleSetStatus.Published, RuleSetStatus.Withdrawn, RuleSetStatus.Published, RuleSetStatus.Withdrawn], states);
        var cancels = await check.AuditEntries.Where(a => a.Scope == Niigata && a.Action == RuleSetPublisher.CancelAction).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["Version 2, scheduled for 2090-01-01, replaced by version 3", "Version 4, scheduled for 2090-01-08, cancelled"], cancels.Select(a => a.Summary));
        Assert.Equal(["admin-b", "admin-a"], cancels.Select(a => a.Actor));
    }

    private static async Task<RuleSetDocument> Latest(TestDatabase database, string scope)
    {
        await using var db = database.CreateContext();
        var content = await db.RuleSetVersions.Where(v => v.Scope == scope).OrderByDescending(v => v.Version).Select(v => v.Content).FirstAsync();
        return RuleSetYaml.Read(content);
    }
}
