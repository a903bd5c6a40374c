using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Data.Infrastructure;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Data.Snapshots;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Web.Tests.Staff;

namespace MyNumberPortal.Web.Tests.Operations;

/// <summary>
/// The resident output cache (Infrastructure/ResidentOutputCache.cs) serves a stored answer only where the portal
/// would have given the very same one: same exact URL, language, day and rule snapshot; never staff pages.
/// </summary>
public sealed class ResidentOutputCacheTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Checklist = "/guide/151009/lost-card?applicant=self&lost-where=outside&ward=chuo";
    private const string Guidance = "/api/municipalities/151009/procedures/reissue/guidance?applicant=self&reissue-reason=stolen&noto-earthquake=no&ward=chuo";

    [Fact]
    public async Task A_query_name_in_other_case_is_not_served_the_cached_answer()
    {
        var client = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Checklist)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Checklist)).StatusCode);
        // "Applicant" is not a question: the page says so, even though "applicant" is cached.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Checklist.Replace("applicant=", "Applicant=", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Checklist.Replace("lost-card", "Lost-Card", StringComparison.Ordinal))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Checklist + "&lost-where=outside")).StatusCode);
    }

    [Fact]
    public async Task The_language_cookie_chooses_the_cached_page()
    {
        var japanese = factory.CreateStaffClient();
        var english = factory.CreateStaffClient();
        english.DefaultRequestHeaders.Add("Cookie", "lang=c%3Den%7Cuic%3Den");
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains("<html lang=\"ja\"", await japanese.GetStringAsync(Checklist), StringComparison.Ordinal);
            Assert.Contains("<html lang=\"en\"", await english.GetStringAsync(Checklist), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_pages_are_never_cached()
    {
        // The sign-in form's antiforgery token belongs to one browser: each client gets its own.
        var first = await StaffFactory.FormFieldsAsync(factory.CreateStaffClient(), "/staff/sign-in", "sign-in");
        var second = await StaffFactory.FormFieldsAsync(factory.CreateStaffClient(), "/staff/sign-in", "sign-in");
        Assert.NotEqual(first["__RequestVerificationToken"], second["__RequestVerificationToken"]);
    }

    [Fact]
    public async Task A_published_version_replaces_the_cached_answer()
    {
        var client = factory.CreateStaffClient();
        var before = await TotalAsync(client);
        Assert.Equal(before, await TotalAsync(client));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var content = await db.RuleSetVersions.Where(v => v.Scope == "151009").OrderByDescending(v => v.Version).Select(v => v.Content).FirstAsync();
            var document = RuleSetYaml.Read(content);
            document.Fees.Single(f => f.Id == "reissue").Items.Single(i => i.Id == "card").Amount += 100;
            await scope.ServiceProvider.GetRequiredService<RuleSetPublisher>().PublishAsync(document, "cache-test");
        }

        await factory.Services.GetRequiredService<RuleSnapshotProvider>().RefreshIfChangedAsync(default);
        Assert.Equal(before + 100, await TotalAsync(client));
    }

    private static async Task<int> TotalAsync(HttpClient client)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync(Guidance));
        return json.RootElement.GetProperty("fee").GetProperty("total").GetInt32();
    }
}
