using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Format;

namespace MyNumberPortal.Data.Tests;

public class SnapshotTests
{
    [Fact]
    public async Task Refresh_rebuilds_only_when_the_published_rows_change()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        var first = provider.Current;
        Assert.False(await provider.RefreshIfChangedAsync(CancellationToken.None));
        Assert.Same(first, provider.Current);

        await using (var db = database.CreateContext())
        {
            var national = await db.RuleSetVersions.SingleAsync(v => v.Scope == RuleSetVersion.NationalScope);
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                Scope = national.Scope, Version = 2, Status = RuleSetStatus.Draft, Content = national.Content,
                ContentHash = national.ContentHash, CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        Assert.False(await provider.RefreshIfChangedAsync(CancellationToken.None)); // drafts are not served

        await using (var db = database.CreateContext())
        {
            var draft = await db.RuleSetVersions.SingleAsync(v => v.Version == 2);
            draft.Status = RuleSetStatus.Published;
            draft.PublishedAt = DateTimeOffset.UtcNow;
            draft.PublishedBy = "test";
            await db.SaveChangesAsync();
        }

        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        Assert.NotEqual(first.Stamp, provider.Current.Stamp);
        Assert.False(await provider.RefreshIfChangedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_new_published_row_and_a_change_to_a_published_row_are_both_seen()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        await provider.RefreshIfChangedAsync(CancellationToken.None);

        await using (var db = database.CreateContext())
        {
            var national = RuleSetYaml.Read(await db.RuleSetVersions.Where(v => v.Scope == "national").Select(v => v.Content).SingleAsync());
            national.Notes.Clear();
            var content = RuleSetYaml.Write(national);
            db.RuleSetVersions.Add(new RuleSetVersion
            {
                Scope = "national", Version = 2, Status = RuleSetStatus.Published, EffectiveFrom = new DateOnly(2027, 4, 1),
                Content = content, ContentHash = ContentHashing.Sha256Hex(content),
                CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "test", PublishedAt = DateTimeOffset.UtcNow, PublishedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        Assert.Empty(provider.Current.National.Notes); // the latest published national version is the national content

        await using (var db = database.CreateContext())
        {
            var latest = await db.RuleSetVersions.SingleAsync(v => v.Scope == "national" && v.Version == 2);
            var stamp = latest.ConcurrencyStamp;
            latest.EffectiveFrom = new DateOnly(2027, 5, 1);
            await db.SaveChangesAsync();
            Assert.NotEqual(stamp, latest.ConcurrencyStamp);
        }

        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
        provider.Invalidate();
        Assert.True(await provider.RefreshIfChangedAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_stale_concurrency_stamp_is_rejected()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = await first.RuleSetVersions.FirstAsync();
        var b = await second.RuleSetVersions.FirstAsync();
        a.Comment = "first";
        await first.SaveChangesAsync();
        b.Comment = "second";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
    }

    [Fact]
    public async Task Audit_times_sort_by_instant_on_SQLite()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        await using (var db = database.CreateContext())
        {
            var tokyo = TimeSpan.FromHours(9);
            db.AuditEntries.AddRange(
                new AuditEntry { At = new DateTimeOffset(2030, 1, 1, 8, 0, 0, tokyo), Actor = "t", Scope = "national", Action = "b", Summary = "" },
                new AuditEntry { At = new DateTimeOffset(2030, 1, 1, 0, 30, 0, TimeSpan.Zero), Actor = "t", Scope = "national", Action = "c", Summary = "" },
                new AuditEntry { At = new DateTimeOffset(2029, 12, 31, 22, 30, 0, TimeSpan.Zero), Actor = "t", Scope = "national", Action = "a", Summary = "" });
            await db.SaveChangesAsync();
        }

        await using var check = database.CreateContext();
        var since = new DateTimeOffset(2029, 12, 31, 22, 0, 0, TimeSpan.Zero);
        var actions = await check.AuditEntries.Where(a => a.At > since).OrderBy(a => a.At).Select(a => a.Action).ToListAsync();
        Assert.Equal(["a", "b", "c"], actions);
        var b = await check.AuditEntries.SingleAsync(a => a.Action == "b");
        Assert.Equal(new DateTimeOffset(2029, 12, 31, 23, 0, 0, TimeSpan.Zero), b.At);
    }
}
