using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Web.Tests.Staff;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Rate limits (the API, the sign-in form) and request size limits, with low limits from configuration. The sign-in
/// limit on a real process behind forwarded headers, per client address: <see cref="TwoInstancesTests"/>.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_API_answers_429_with_Retry_After_after_the_burst_while_pages_still_answer()
    {
        using var factory = new LowLimitFactory();
        var client = factory.CreateClient();
        for (var i = 0; i < LowLimitFactory.ApiBurst; i++)
        {
            using var ok = await client.GetAsync("/api/municipalities");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var rejected = await client.GetAsync("/api/municipalities/142123/procedures");
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        var retryAfter = int.Parse(SecurityHeadersTests.Header(rejected, "Retry-After"), CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, LowLimitFactory.ApiWindowSeconds);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        var problem = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Contains($"try again in {retryAfter} seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        SecurityHeadersTests.AssertSecurityHeaders(rejected);

        // Unknown API paths count too; resident pages, static files and health are not limited.
        using (var unknown = await client.GetAsync("/api/nothing"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, unknown.StatusCode);
        }

        foreach (var url in Enumerable.Repeat(new[] { "/", "/guide/142123", "/guide/142123/lost-card?applicant=self&lost-where=outside", "/css/site.css", "/health/live" }, 5).SelectMany(u => u))
        {
            using var page = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        }
    }

    [Fact]
    public async Task The_sign_in_form_limits_attempts_with_429_and_Retry_After_but_not_showing_the_form()
    {
        using var factory = new SignInLimitFactory();
        using var client = factory.CreateStaffClient();
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/sign-in")).StatusCode);
        }

        for (var i = 0; i < SignInLimitFactory.SignInBurst; i++)
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await StaffFactory.SignInAsync(client, "nobody", "wrong password")).StatusCode);
        }

        // Over the burst even the right password is refused, before the form is read, until the window ends.
        using var rejected = await StaffFactory.SignInAsync(client, StaffFactory.Admin, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.InRange(int.Parse(SecurityHeadersTests.Header(rejected, "Retry-After"), CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.False(rejected.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(StaffAuthentication.CookieName + "=", StringComparison.Ordinal)));
        SecurityHeadersTests.AssertSecurityHeaders(rejected);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/sign-in")).StatusCode);
    }

    [Fact]
    public void Default_limits_are_the_documented_ones()
    {
        var defaults = new RateLimitSettings();
        Assert.Equal((120, 10), (defaults.Api.PermitLimit, defaults.Api.WindowSeconds));
        Assert.Equal((5, 60), (defaults.SignIn.PermitLimit, defaults.SignIn.WindowSeconds));
        var sizes = new RequestLimitSettings();
        Assert.Equal(64 * 1024, sizes.MaxBodyBytes);
    }

    [Theory]
    [InlineData("/api/municipalities")]
    [InlineData("/")]
    [InlineData("/guide/142123/lost-card")]
    public async Task A_body_over_the_limit_gets_413_problem_details(string url)
    {
        using var factory = new PortalFactory();
        var client = factory.CreateClient();
        using var response = await client.PostAsync(url, new ByteArrayContent(new byte[64 * 1024 + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        SecurityHeadersTests.AssertSecurityHeaders(response);

        using var small = await client.PostAsync(url, new ByteArrayContent(new byte[1024]));
        Assert.True((int)small.StatusCode is >= 400 and < 500 and not 413, small.StatusCode.ToString());
    }

    [Fact]
    public async Task The_body_limit_comes_from_configuration()
    {
        using var factory = new LowLimitFactory();
        var client = factory.CreateClient();
        using var response = await client.PostAsync("/api/municipalities", new ByteArrayContent(new byte[LowLimitFactory.BodyBytes + 1]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        using var fits = await client.PostAsync("/api/municipalities", new ByteArrayContent(new byte[LowLimitFactory.BodyBytes]));
        Assert.True((int)fits.StatusCode is >= 400 and < 500 and not 413, fits.StatusCode.ToString());
    }

    [Fact]
    public async Task On_Kestrel_a_body_over_the_limit_gets_413_and_the_limits_are_set()
    {
        using var factory = new KestrelFactory();
        var address = factory.Start();
        var limits = factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits;
        Assert.Equal(64 * 1024, limits.MaxRequestBodySize);
        Assert.Equal(32 * 1024, limits.MaxRequestHeadersTotalSize);
        Assert.Equal(8 * 1024, limits.MaxRequestLineSize);

        using var client = new HttpClient { BaseAddress = new Uri(address) };
        using var response = await client.PostAsync("/api/municipalities", new ByteArrayContent(new byte[100 * 1024]));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        SecurityHeadersTests.AssertSecurityHeaders(response);

        // An over-long request line is refused by Kestrel itself (414), not by the app.
        using var longLine = await client.GetAsync("/?q=" + new string('a', 9000));
        Assert.Equal(HttpStatusCode.RequestUriTooLong, longLine.StatusCode);
    }

    private sealed class LowLimitFactory : PortalFactory
    {
        public const int ApiBurst = 3;
        public const int ApiWindowSeconds = 60;
        public const int BodyBytes = 1024;

        protected override void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("RateLimits:Api:PermitLimit", ApiBurst.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RateLimits:Api:WindowSeconds", ApiWindowSeconds.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RequestLimits:MaxBodyBytes", BodyBytes.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The staff accounts of <see cref="StaffFactory"/>, with a sign-in limit of <see cref="SignInBurst"/> per window.</summary>
    private sealed class SignInLimitFactory : StaffFactory
    {
        public const int SignInBurst = 2;

        protected override void Configure(IWebHostBuilder builder) =>
            builder.UseSetting("RateLimits:SignIn:PermitLimit", SignInBurst.ToString(CultureInfo.InvariantCulture));
    }

    private sealed class KestrelFactory : PortalFactory
    {
        public KestrelFactory() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        public string Start()
        {
            StartServer();
            var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses;
            return addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
                ?? throw new InvalidOperationException("Kestrel reported no HTTP address.");
        }
    }
}
