using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// Residents' pages set no cookie, even on a first visit with interactive render modes on (Blazor would store an
/// antiforgery token on every page), so the first visitor's page is the one the output cache keeps; staff forms still
/// get their antiforgery cookie.
/// </summary>
public sealed class ResidentCookieTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/code")]
    [InlineData("/guide/131091")]
    [InlineData("/guide/131091/pin-reset?applicant=self&pin-which=both")]
    public async Task A_first_visit_to_a_residents_page_gets_no_cookie(string url)
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task A_first_visitors_checklist_is_stored_and_served_to_the_next()
    {
        const string url = "/guide/142123/abolition?applicant=self";
        using var first = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var answer = await first.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Age"));

        using var next = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var cached = await next.GetAsync(url);
        Assert.True(cached.Headers.Contains("Age"), "the second visitor's page did not come from the output cache");
        Assert.False(cached.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_staff_sign_in_form_still_gets_its_antiforgery_cookie()
    {
        using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.GetAsync("/staff/sign-in");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cached_page_still_tells_blazor_it_may_be_loaded_by_enhanced_navigation()
    {
        const string url = "/guide/132101/pin-reset?applicant=self";
        var answers = new List<(bool Cached, string? Header)>();
        for (var i = 0; i < 2; i++)
        {
            using var client = portal.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            answers.Add((response.Headers.Contains("Age"), response.Headers.TryGetValues("blazor-enhanced-nav", out var v) ? v.Single() : null));
        }

        // blazor.web.js compares the value exactly: "Allow" (as the cache would replay it) makes it reload the page in full.
        Assert.Equal([(false, "allow"), (true, "allow")], answers);
    }
}
