using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;

namespace MyNumberPortal.Web.Tests;

/// <summary>Guidance is evaluated on the in-memory snapshot: answering requests sends no command to the database.</summary>
public sealed class SnapshotTests(SnapshotTests.CountingFactory factory) : IClassFixture<SnapshotTests.CountingFactory>
{
    [Fact]
    public async Task Api_and_home_page_requests_do_not_query_the_database()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/municipalities")).StatusCode); // warm-up
        var before = factory.Commands.Count;
        Assert.True(before > 0, "the counter saw no command at all: it is not wired to the portal's DbContext");

        foreach (var url in new[]
        {
            "/",
            "/api/municipalities",
            "/api/municipalities/142123/procedures",
            "/api/municipalities/151009/procedures/reissue/questions?applicant=self",
            "/api/municipalities/131091/procedures/pin-reset/guidance?applicant=voluntary-agent&date=2026-11-24&pin-which=both",
            "/api/municipalities/142123/procedures/lost-card/guidance?applicant=self&lost-where=outside",
        })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }

        Assert.Equal(before, factory.Commands.Count);
    }

    public sealed class CountingFactory : PortalFactory
    {
        public CommandCounter Commands { get; } = new();

        protected override void Configure(IWebHostBuilder builder)
        {
            // No background refresh during the test: only request-driven commands would be counted.
            builder.UseSetting("Rules:RefreshSeconds", "3600");
            builder.ConfigureServices(services => services.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(Commands)));
        }
    }

    public sealed class CommandCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
        {
            Interlocked.Increment(ref count);
            return result;
        }
    }
}
