using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Entities;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Data.Tests;

/// <summary>Drafts: open, save with optimistic concurrency, validate before writing, publish with a date, discard, restore, import.</summary>
public sealed class DraftsTests : IAsyncLifetime, IDisposable
{
    private const string Koganei = "132101";
    private static readonly DateOnly Today = new(2026, 12, 2);
    private readonly TestDatabase database = new();
    private RuleSetDocument national = new();

    public async Task InitializeAsync()
    {
        await database.InitializeAsync();
        await using var db = database.CreateContext();
        national = RuleSetYaml.Read(await db.RuleSetVersions.Where(v => v.Scope == RuleSetVersion.NationalScope).Select(v => v.Content).SingleAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => database.Dispose();

    private RuleSetDrafts Drafts(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<RuleSetDrafts>();

    [Fact]
    public async Task A_draft_starts_from_the_latest_published_version_and_is_one_per_scope()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var first = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var again = await Drafts(scope).OpenDraftAsync(Koganei, "admin-b");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal((RuleSetStatus.Draft, 2), (first.Status, first.Version));
        var published = await Drafts(scope).LatestPublishedAsync(Koganei);
        Assert.Equal(published!.Content, first.Content);
        await using var db = database.CreateContext();
        Assert.Single(await db.AuditEntries.Where(a => a.Action == RuleSetDrafts.OpenAction).ToListAsync());
    }

    [Fact]
    public async Task Saving_with_a_stale_stamp_is_a_conflict_that_writes_nothing_and_names_the_other_change()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var stamp = draft.ConcurrencyStamp;

        var mine = RuleSetYaml.Read(draft.Content);
        mine.Counters[0].Phone = "042-387-9831";
        var saved = await Drafts(scope).SaveAsync(Koganei, stamp, mine, national, "admin-a", "phone");
        Assert.Equal(DraftOutcome.Done, saved.Outcome);

        await using var other = database.Services.CreateAsyncScope();
        var theirs = RuleSetYaml.Read(draft.Content);
        theirs.Counters[0].Name.En = "Overwritten";
        var conflict = await Drafts(other).SaveAsync(Koganei, stamp, theirs, national, "admin-b", "name");
        Assert.Equal(DraftOutcome.Conflict, conflict.Outcome);
        Assert.Equal("admin-a", conflict.OtherChange!.Actor);
        Assert.Contains("042-387-9831", conflict.Current!.Content, StringComparison.Ordinal);

        await using var db = database.CreateContext();
        var stored = await db.RuleSetVersions.SingleAsync(v => v.Id == draft.Id);
        Assert.Contains("042-387-9831", stored.Content, StringComparison.Ordinal);
        Assert.DoesNotContain("Overwritten", stored.Content, StringComparison.Ordinal);
        Assert.Empty(await db.AuditEntries.Where(a => a.Actor == "admin-b").ToListAsync());
    }

    [Fact]
    public async Task An_invalid_document_is_refused_with_its_problems_and_nothing_is_written()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var document = RuleSetYaml.Read(draft.Content);
        document.Counters[0].Reservation = "maybe";
        document.Steps[0].When = "no-such-question = yes";
        var result = await Drafts(scope).SaveAsync(Koganei, draft.ConcurrencyStamp, document, national, "admin-a", "bad");
        Assert.Equal(DraftOutcome.Invalid, result.Outcome);
        Assert.Contains(result.Problems, p => p.Message.Contains("reservation must be", StringComparison.Ordinal) && p.Line is > 0);
        Assert.Contains(result.Problems, p => p.Message.Contains("no-such-question", StringComparison.Ordinal));

        // A number out of its bounds is refused before the rest is checked, with its line too.
        document = RuleSetYaml.Read(draft.Content);
        document.Fees[0].Items[0].Amount = -1;
        result = await Drafts(scope).SaveAsync(Koganei, draft.ConcurrencyStamp, document, national, "admin-a", "bad");
        Assert.Contains(result.Problems, p => p.Message.EndsWith("amount: -1 is out of range (0 to 1,000,000).", StringComparison.Ordinal) && p.Line is > 0);
        await using var db = database.CreateContext();
        Assert.Equal(draft.Content, (await db.RuleSetVersions.SingleAsync(v => v.Id == draft.Id)).Content);
    }

    [Fact]
    public async Task Publishing_with_a_future_date_changes_the_rules_in_force_only_from_that_date()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var document = RuleSetYaml.Read(draft.Content);
        document.Counters[0].Phone = "042-387-9831";
        var saved = await Drafts(scope).SaveAsync(Koganei, draft.ConcurrencyStamp, document, national, "admin-a", "phone");
        var from = Today.AddDays(10);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Drafts(scope).PublishAsync(Koganei, saved.Row!.ConcurrencyStamp, Today.AddDays(-1), Today, national, "admin-a", null));
        var published = await Drafts(scope).PublishAsync(Koganei, saved.Row!.ConcurrencyStamp, from, Today, national, "admin-a", "new phone");
        Assert.Equal(DraftOutcome.Done, published.Outcome);
        Assert.Null(await Drafts(scope).FindDraftAsync(Koganei));

        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        await provider.RefreshIfChangedAsync(CancellationToken.None);
        Assert.NotEqual("042-387-9831", provider.Current.Resolve(Koganei, from.AddDays(-1))!.Document.Counters[0].Phone);
        Assert.Equal("042-387-9831", provider.Current.Resolve(Koganei, from)!.Document.Counters[0].Phone);

        await using var db = database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.Action == RuleSetPublisher.AuditAction && a.Actor == "admin-a").SingleAsync();
        Assert.DoesNotContain("042-387-9831", audit.Before!, StringComparison.Ordinal);
        Assert.Contains("042-387-9831", audit.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draft_is_never_in_the_snapshot()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var document = RuleSetYaml.Read(draft.Content);
        document.Counters[0].Phone = "042-387-9831";
        await Drafts(scope).SaveAsync(Koganei, draft.ConcurrencyStamp, document, national, "admin-a", "phone");
        var provider = database.Services.GetRequiredService<RuleSnapshotProvider>();
        await provider.RefreshIfChangedAsync(CancellationToken.None);
        Assert.NotEqual("042-387-9831", provider.Current.Resolve(Koganei, new DateOnly(2099, 1, 1))!.Document.Counters[0].Phone);
    }

    [Fact]
    public async Task Export_then_import_of_an_unchanged_set_changes_nothing()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var latest = await Drafts(scope).LatestPublishedAsync(Koganei);
        var before = await Counts();
        var result = await Drafts(scope).ImportAsync(Koganei, latest!.Content, null, national, "admin-a");
        Assert.Equal(DraftOutcome.Unchanged, result.Outcome);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task A_broken_import_lists_every_problem_with_its_line_and_changes_nothing()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var latest = await Drafts(scope).LatestPublishedAsync(Koganei);
        var before = await Counts();

        var syntax = await Drafts(scope).ImportAsync(Koganei, latest!.Content.Replace("formatVersion: 1", "formatVersion: [", StringComparison.Ordinal), null, national, "a");
        Assert.Equal(DraftOutcome.Invalid, syntax.Outcome);
        Assert.Equal(1, Assert.Single(syntax.Problems).Line);

        var lines = latest.Content.Split('\n');
        var reservationLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("reservation:", StringComparison.Ordinal));
        lines[reservationLine] = lines[reservationLine].Replace("reservation:", "reservation: maybe #", StringComparison.Ordinal);
        var phoneLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("phone:", StringComparison.Ordinal));
        lines[phoneLine] = lines[phoneLine][..lines[phoneLine].IndexOf("phone:", StringComparison.Ordinal)] + "phone: not-a-number";
        var semantic = await Drafts(scope).ImportAsync(Koganei, string.Join('\n', lines), null, national, "a");
        Assert.Equal(DraftOutcome.Invalid, semantic.Outcome);
        Assert.True(semantic.Problems.Count >= 2);
        Assert.All(semantic.Problems, p => Assert.NotNull(p.Line));
        Assert.Contains(semantic.Problems, p => p.Message.Contains("reservation must be", StringComparison.Ordinal));

        // A number out of its bounds is named with its own line (the limits are checked before the rest).
        lines = latest.Content.Split('\n');
        var amountLine = Array.FindIndex(lines, l => l.TrimStart().StartsWith("amount:", StringComparison.Ordinal));
        lines[amountLine] = lines[amountLine].Replace("amount:", "amount: -5 #", StringComparison.Ordinal);
        var bounds = await Drafts(scope).ImportAsync(Koganei, string.Join('\n', lines), null, national, "a");
        Assert.Equal(amountLine + 1, Assert.Single(bounds.Problems, p => p.Message.EndsWith("amount: -5 is out of range (0 to 1,000,000).", StringComparison.Ordinal)).Line);

        var wrongScope = await Drafts(scope).ImportAsync("142123", latest.Content, null, national, "a");
        Assert.Equal(DraftOutcome.Invalid, wrongScope.Outcome);
        Assert.Equal(before, await Counts());
    }

    [Fact]
    public async Task An_earlier_version_can_be_restored_as_the_draft()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        var document = RuleSetYaml.Read(draft.Content);
        document.Counters[0].Phone = "042-387-9831";
        var saved = await Drafts(scope).SaveAsync(Koganei, draft.ConcurrencyStamp, document, national, "admin-a", "phone");
        await Drafts(scope).PublishAsync(Koganei, saved.Row!.ConcurrencyStamp, Today, Today, national, "admin-a", null);

        var restored = await Drafts(scope).RestoreAsync(Koganei, 1, null, national, "admin-b");
        Assert.Equal(DraftOutcome.Done, restored.Outcome);
        Assert.Equal((await Drafts(scope).VersionAsync(Koganei, 1))!.Content, restored.Row!.Content);
        Assert.Equal(3, restored.Row.Version);
        Assert.Equal(RuleSetStatus.Draft, restored.Row.Status);
        var history = await Drafts(scope).HistoryAsync(Koganei);
        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
    }

    [Fact]
    public async Task Discarding_removes_the_draft_and_is_audited()
    {
        await using var scope = database.Services.CreateAsyncScope();
        var draft = await Drafts(scope).OpenDraftAsync(Koganei, "admin-a");
        Assert.Equal(DraftOutcome.Conflict, (await Drafts(scope).DiscardAsync(Koganei, Guid.NewGuid(), "admin-a")).Outcome);
        Assert.Equal(DraftOutcome.Done, (await Drafts(scope).DiscardAsync(Koganei, draft.ConcurrencyStamp, "admin-a")).Outcome);
        Assert.Null(await Drafts(scope).FindDraftAsync(Koganei));
        await using var db = database.CreateContext();
        Assert.Equal(draft.Content, (await db.AuditEntries.SingleAsync(a => a.Action == RuleSetDrafts.DiscardAction)).Before);
    }

    [Fact]
    public async Task Two_admins_opening_a_draft_at_the_same_moment_get_one_draft()
    {
        var tasks = Enumerable.Range(0, 4).Select(async i =>
        {
            await using var scope = database.Services.CreateAsyncScope();
            return await Drafts(scope).TryCreateDraftAsync(Koganei, $"admin-{i}");
        }).ToList();
        var created = (await Task.WhenAll(tasks)).OfType<RuleSetVersion>().ToList();
        Assert.Single(created);
        await using var db = database.CreateContext();
        Assert.Single(await db.RuleSetVersions.Where(v => v.Scope == Koganei && v.Status == RuleSetStatus.Draft).ToListAsync());
        Assert.Single(await db.AuditEntries.Where(a => a.Action == RuleSetDrafts.OpenAction).ToListAsync());
    }

    private async Task<(int Versions, int Audits, string Hashes)> Counts()
    {
        await using var db = database.CreateContext();
        var hashes = string.Join(",", await db.RuleSetVersions.OrderBy(v => v.Id).Select(v => v.ContentHash + v.Status).ToListAsync());
        return (await db.RuleSetVersions.CountAsync(), await db.AuditEntries.CountAsync(), hashes);
    }
}
