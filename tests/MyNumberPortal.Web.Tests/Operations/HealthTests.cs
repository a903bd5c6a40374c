using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>The portal on Kestrel with its SQLite file in a folder of its own, which a test can take away and put back.</summary>
public sealed class HealthPortal : PortalFactory
{
    private HttpClient? client;

    public HealthPortal() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), $"portal-health-{Guid.NewGuid():N}");

    public string Database => Path.Combine(Folder, "portal.db");

    public HttpClient Client
    {
        get
        {
            if (client is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
                client = new HttpClient { BaseAddress = new Uri(address) };
            }

            return client;
        }
    }

    protected override void Configure(IWebHostBuilder builder) =>
        builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Database}");

    protected override void Dispose(bool disposing)
    {
        client?.Dispose();
        base.Dispose(disposing);
        foreach (var folder in new[] { Folder, Folder + "-away" })
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}

/// <summary>Liveness always answers; readiness follows the database: unreachable, 503; back again, 200.</summary>
public sealed class HealthTests(HealthPortal portal) : IClassFixture<HealthPortal>
{
    [Fact]
    public async Task Readiness_fails_while_the_database_is_unreachable_and_recovers_when_it_is_back()
    {
        var client = portal.Client;
        Assert.True(File.Exists(portal.Database), "the portal runs on the database in its own folder");
        await AssertHealthAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");
        await AssertHealthAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");

        // The database's folder goes away (an unmounted volume, a lost disk): the open, pooled connections keep their
        // file, but nothing can reach the database at its address any more.
        var away = portal.Folder + "-away";
        Directory.Move(portal.Folder, away);
        try
        {
            var body = await AssertHealthAsync(client, "/health/ready", HttpStatusCode.ServiceUnavailable, "Unhealthy");
            foreach (var detail in new[] { "SQLite", "Exception", "unable", "portal.db", "database" })
            {
                Assert.DoesNotContain(detail, body, StringComparison.OrdinalIgnoreCase);
            }

            await AssertHealthAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");
            // The probe does not create an empty database in the database's place.
            Assert.False(Directory.Exists(portal.Folder));
            // The residents' pages keep working from the in-memory rule snapshot.
            using var page = await client.GetAsync("/guide/142123/lost-card?applicant=self&lost-where=outside");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
        finally
        {
            Directory.Move(away, portal.Folder);
        }

        await AssertHealthAsync(client, "/health/ready", HttpStatusCode.OK, "Healthy");
        await AssertHealthAsync(client, "/health/live", HttpStatusCode.OK, "Healthy");
    }

    private static async Task<string> AssertHealthAsync(HttpClient client, string path, HttpStatusCode status, string text)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(text, body);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return body;
    }
}
