using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>The security headers on every kind of response, HSTS by environment, and pages that need no inline script or style.</summary>
public sealed class SecurityHeadersTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static readonly TheoryData<string, HttpStatusCode> Responses = new()
    {
        { "/", HttpStatusCode.OK },
        { "/guide/142123/lost-card?applicant=self&lost-where=outside", HttpStatusCode.OK },
        { "/no-such-page", HttpStatusCode.NotFound },
        { "/?q=" + Uri.EscapeDataString(new string('あ', 70)), HttpStatusCode.BadRequest },
        { "/api/municipalities", HttpStatusCode.OK },
        { "/api/municipalities/142123/procedures/reissue/questions", HttpStatusCode.BadRequest },
        { "/api/no-such-thing", HttpStatusCode.NotFound },
        { "/openapi/v1.json", HttpStatusCode.OK },
        { "/css/site.css", HttpStatusCode.OK },
        { "/js/enhance.js", HttpStatusCode.OK },
        { "/health/live", HttpStatusCode.OK },
        { "/language/en?return=/", HttpStatusCode.Redirect },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task Every_response_type_carries_the_headers(string url, HttpStatusCode expected)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.GetAsync(url);
        Assert.Equal(expected, response.StatusCode);
        AssertSecurityHeaders(response);
        // Plain HTTP: no HSTS (a browser ignores it there) and no upgrade of sub-resources.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("upgrade-insecure-requests", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_POST_the_page_does_not_accept_carries_the_headers_too()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var response = await client.PostAsync("/api/municipalities", new StringContent("{}"));
        Assert.True((int)response.StatusCode is >= 400 and < 500, response.StatusCode.ToString());
        AssertSecurityHeaders(response);
    }

    [Fact]
    public void The_policy_allows_no_inline_script_or_style()
    {
        Assert.DoesNotContain("unsafe", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("*", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://portal.example/")]
    [InlineData("https://portal.example/api/municipalities")]
    [InlineData("https://portal.example/no-such-page")]
    [InlineData("https://portal.example/css/site.css")]
    public async Task Outside_Development_HTTPS_responses_carry_HSTS_and_upgrade_insecure_requests(string url)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example/") });
        using var response = await client.GetAsync(new Uri(url));
        Assert.Equal("max-age=31536000", Header(response, "Strict-Transport-Security"));
        Assert.EndsWith("; upgrade-insecure-requests", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task HSTS_is_not_sent_to_localhost()
    {
        var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost/") });
        using var response = await client.GetAsync("/");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task In_Development_there_is_no_HSTS_and_no_upgrade()
    {
        using var development = new DevelopmentFactory();
        var client = development.CreateClient(new() { BaseAddress = new Uri("https://portal.example/") });
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        AssertSecurityHeaders(response);
    }

    /// <summary>The pages keep to the policy: scripts and styles only from files, no style attributes or inline handlers.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/?q=" + "%E3%81%82")]
    [InlineData("/guide/142123")]
    [InlineData("/guide/142123/lost-card")]
    [InlineData("/guide/142123/lost-card?applicant=self&lost-where=outside")]
    [InlineData("/guide/142123/lost-card/print?applicant=self&lost-where=outside")]
    [InlineData("/guide/131091/pin-reset?applicant=voluntary-agent&pin-which=both&lang=en")]
    [InlineData("/code")]
    [InlineData("/no-such-page")]
    public async Task Pages_use_no_inline_script_or_style(string url)
    {
        var client = factory.CreateClient();
        var html = await (await client.GetAsync(url)).Content.ReadAsStringAsync();
        var page = new HtmlParser().ParseDocument(html);
        Assert.All(page.QuerySelectorAll("script"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script at {url}"));
        Assert.Empty(page.QuerySelectorAll("style"));
        Assert.Empty(page.QuerySelectorAll("[style]"));
        Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.Empty(page.QuerySelectorAll("a[href^='javascript:' i]"));
        Assert.All(page.QuerySelectorAll("script[src], link[href]"), e =>
            Assert.StartsWith("/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.StartsWith(SecurityHeaders.ContentSecurityPolicy, csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        var permissions = Header(response, "Permissions-Policy");
        Assert.Contains("camera=()", permissions, StringComparison.Ordinal);
        Assert.Contains("microphone=()", permissions, StringComparison.Ordinal);
        Assert.Contains("geolocation=()", permissions, StringComparison.Ordinal);
    }

    internal static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: no {name} header");

    private sealed class DevelopmentFactory : PortalFactory
    {
        protected override void Configure(IWebHostBuilder builder) => builder.UseEnvironment("Development");
    }
}
