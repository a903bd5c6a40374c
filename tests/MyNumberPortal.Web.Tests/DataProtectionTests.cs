using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MyNumberPortal.Web.Tests;

/// <summary>
/// Two instances of the real app (two hosts, two containers) on one database file, as behind a load balancer
/// without sticky sessions: what one protects, the other reads, because the key ring lives in the database.
/// </summary>
public sealed class DataProtectionTests : IDisposable
{
    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"portal-dp-test-{Guid.NewGuid():N}.db");

    /// <summary>The portal on a database file chosen by the test (later settings win over PortalFactory's own).</summary>
    private sealed class SharedDatabaseFactory(string databasePath) : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder) =>
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={databasePath}");
    }

    [Fact]
    public async Task What_one_instance_protects_the_other_unprotects()
    {
        using var a = new SharedDatabaseFactory(databasePath);
        using var b = new SharedDatabaseFactory(databasePath);
        // Start both over HTTP: A creates, migrates and seeds the file; B finds it ready.
        Assert.Equal(HttpStatusCode.OK, (await a.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await b.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
        Assert.NotSame(a.Services, b.Services);
        Assert.True(File.Exists(databasePath));

        var protectedByA = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("payload from A");
        Assert.Equal("payload from A", b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedByA));
    }

    [Fact]
    public async Task An_antiforgery_token_issued_by_one_instance_is_accepted_by_the_other()
    {
        using var a = new SharedDatabaseFactory(databasePath);
        using var b = new SharedDatabaseFactory(databasePath);
        // A issues the cookie and the form token, as for a page with a form.
        var issue = new DefaultHttpContext { RequestServices = a.Services };
        var tokens = a.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(issue);
        Assert.NotNull(tokens.CookieToken);
        Assert.NotNull(tokens.RequestToken);

        // The next request, a POST with both, lands on B.
        var cookieName = b.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        Assert.Equal(a.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name, cookieName);
        Assert.True(await b.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Post(b.Services, cookieName!, tokens.CookieToken!, tokens.HeaderName!, tokens.RequestToken!)));

        // The check is real: a request token from another of A's pairs does not match this cookie.
        var other = a.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(new DefaultHttpContext { RequestServices = a.Services });
        Assert.False(await b.Services.GetRequiredService<IAntiforgery>().IsRequestValidAsync(Post(b.Services, cookieName!, tokens.CookieToken!, tokens.HeaderName!, other.RequestToken!)));
    }

    private static DefaultHttpContext Post(IServiceProvider services, string cookieName, string cookieToken, string headerName, string requestToken)
    {
        var post = new DefaultHttpContext { RequestServices = services };
        post.Request.Method = HttpMethods.Post;
        post.Request.Headers.Cookie = $"{cookieName}={cookieToken}";
        post.Request.Headers[headerName] = requestToken;
        return post;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(databasePath + suffix);
        }
    }
}
