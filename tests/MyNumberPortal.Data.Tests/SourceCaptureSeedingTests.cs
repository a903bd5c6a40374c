using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Sources;

namespace MyNumberPortal.Data.Tests;

/// <summary>First start stores every seed source page as a capture, and every seeded rule set passes the quote check against them.</summary>
public sealed class SourceCaptureSeedingTests
{
    [Fact]
    public async Task The_seed_rule_sets_pass_the_quote_check_on_first_start_and_seeding_again_adds_no_capture()
    {
        using var database = new TestDatabase();
        await database.InitializeAsync();
        int count;
        await using (var scope = database.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.PortalDbContext>();
            var captures = scope.ServiceProvider.GetRequiredService<SourceCaptures>();
            var versions = await db.RuleSetVersions.AsNoTracking().ToListAsync();
            Assert.Equal(6, versions.Count);
            foreach (var version in versions)
            {
                var document = RuleSetYaml.Read(version.Content);
                // Every source of every seed file has its page captured.
                Assert.All(document.Sources, s => Assert.Contains(db.SourceCaptures, c => c.Scope == version.Scope && c.SourceId == s.Id));
                var misses = QuoteCheck.Check(document, await captures.ForCheckAsync(version.Scope));
                Assert.True(misses.Count == 0, version.Scope + ": " + string.Join("\n", misses.Select(m => m.Message)));
            }

            count = await db.SourceCaptures.CountAsync();
            Assert.True(count > 0);
            Assert.All(await db.SourceCaptures.ToListAsync(), c => Assert.Equal("seed", c.CreatedBy));
        }

        await database.InitializeAsync();
        await using var check = database.CreateContext();
        Assert.Equal(count, await check.SourceCaptures.CountAsync());
    }
}
