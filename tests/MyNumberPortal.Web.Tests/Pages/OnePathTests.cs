using MyNumberPortal.Tests.Shared;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Tests.Admin;
using MyNumberPortal.Web.Tests.Staff;

namespace MyNumberPortal.Web.Tests.Pages;

/// <summary>
/// The portal with a 品川区 clerk and admin, without the output cache (so that every request below is served, not replayed),
/// and with the test's async-local values flowing into the server, so that a test can count what one request does.
/// </summary>
public sealed class OnePathFactory : StaffFactory
{
    protected override void Configure(IWebHostBuilder builder)
    {
        base.Configure(builder);
        builder.UseSetting("OutputCache:Enabled", "false");
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        AdminFactory.CreateShinagawaAdmin(host.Services);
        return host;
    }
}

/// <summary>
/// One path per request: every entry point to a case (the resident's checklist, its print view, the question pages,
/// a reference code, the clerk's check by code and by choice, the admin preview, the JSON API) reads the case once into a
/// <see cref="GuideCase"/>, plans its questions once, and gives the same guidance and the same code for the same case.
/// </summary>
public sealed class OnePathTests : IClassFixture<OnePathFactory>
{
    private const string Shinagawa = "131091";
    private static readonly HtmlParser Parser = new();
    private readonly OnePathFactory factory;

    public OnePathTests(OnePathFactory factory)
    {
        this.factory = factory;
        factory.Server.PreserveExecutionContext = true;
    }

    private CompiledRuleSet Rules
    {
        get
        {
            var today = factory.Services.GetRequiredService<PortalClock>().Today;
            return factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(Shinagawa, today)!;
        }
    }

    private static string Query(GuideCase @case) =>
        string.Join("&", @case.Parameters.Select(p => $"{p.Field}={Uri.EscapeDataString(p.Value)}"));

    private async Task<(HttpClient Resident, HttpClient Clerk, HttpClient Admin)> ClientsAsync()
    {
        var resident = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var clerk = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(clerk, StaffFactory.ShinagawaClerk, StaffFactory.Password)).StatusCode);
        var admin = factory.CreateStaffClient();
        Assert.Equal(HttpStatusCode.Redirect, (await StaffFactory.SignInAsync(admin, AdminFactory.ShinagawaAdmin, StaffFactory.Password)).StatusCode);
        return (resident, clerk, admin);
    }

    /// <summary>Sends a request and counts the question plans the server makes while answering it.</summary>
    private static async Task<(HttpResponseMessage Response, int Plans)> CountPlansAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage? response = null;
        var plans = await PlanCount.OfAsync(async () =>
        {
            response = await send();
            await response.Content.LoadIntoBufferAsync();
        });
        return (response!, plans);
    }

    [Fact]
    public async Task Every_entry_point_plans_the_questions_of_a_case_once()
    {
        var (resident, clerk, admin) = await ClientsAsync();
        var @case = GuideCase.Read(Rules, Procedures.Reissue, Applicants.Self, [new("reissue-reason", "lost"), new("lost-where", "outside")]);
        Assert.True(@case.Complete);
        Assert.Equal(2, @case.Answers.Count);
        var query = Query(@case);
        var code = ReferenceCode.Create(@case);
        var requests = new (string Name, HttpClient Client, string Url, HttpStatusCode Status)[]
        {
            ("checklist", resident, $"/guide/{Shinagawa}/reissue?{query}", HttpStatusCode.OK),
            ("print view", resident, $"/guide/{Shinagawa}/reissue/print?{query}", HttpStatusCode.OK),
            ("a question", resident, $"/guide/{Shinagawa}/reissue?applicant=self&reissue-reason=lost", HttpStatusCode.OK),
            ("a skipped question", resident, $"/guide/{Shinagawa}/reissue?applicant=self&lost-where=outside", HttpStatusCode.BadRequest),
            ("reference code", resident, $"/code?c={code}", HttpStatusCode.Redirect),
            ("JSON API", resident, $"/api/municipalities/{Shinagawa}/procedures/reissue/guidance?{query}", HttpStatusCode.OK),
            ("JSON API, an answer missing", resident, $"/api/municipalities/{Shinagawa}/procedures/reissue/guidance?applicant=self&reissue-reason=lost", HttpStatusCode.BadRequest),
            ("clerk, by code", clerk, $"/staff/{Shinagawa}/check?ref={code}", HttpStatusCode.OK),
            ("clerk, by choice", clerk, $"/staff/{Shinagawa}/check?procedure=reissue&{query}", HttpStatusCode.OK),
            ("admin preview", admin, $"/staff/{Shinagawa}/admin/preview/reissue?{query}", HttpStatusCode.OK),
        };
        foreach (var (name, client, url, status) in requests)
        {
            var (response, plans) = await CountPlansAsync(() => client.GetAsync(url));
            Assert.True(status == response.StatusCode, $"{name}: GET {url} answered {(int)response.StatusCode}");
            Assert.True(plans == 1, $"{name}: GET {url} planned the questions {plans} times");
        }

        // The clerk's post (the ticked boxes) reads the case from its URL once more: once per request.
        var checkUrl = $"/staff/{Shinagawa}/check?ref={code}";
        var page = Parser.ParseDocument(await clerk.GetStringAsync(checkUrl));
        var fields = AdminFactory.Fields(page, "counter-check");
        var (posted, postPlans) = await CountPlansAsync(() => clerk.PostAsync(checkUrl, new FormUrlEncodedContent(fields)));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal(1, postPlans);

        // A page without a case plans nothing: the choice of situation.
        Assert.Equal(0, (await CountPlansAsync(() => resident.GetAsync($"/guide/{Shinagawa}"))).Plans);
    }

    [Fact]
    public void The_count_sees_a_second_plan()
    {
        // The count sees every plan in the flow: reading the same case twice is two plans (the test above can fail).
        Assert.Equal(1, PlanCount.Of(() =>
        {
            var @case = GuideCase.Read(Rules, Procedures.Reissue, Applicants.Self, [new("reissue-reason", "lost"), new("lost-where", "outside")]);
            _ = @case.Evaluate(new DateOnly(2026, 11, 24));
            _ = ReferenceCode.Create(@case);
        }));
        Assert.Equal(2, PlanCount.Of(() =>
        {
            _ = GuideCase.Read(Rules, Procedures.Reissue, Applicants.Self, [new("reissue-reason", "lost"), new("lost-where", "outside")]);
            _ = GuideCase.Read(Rules, Procedures.Reissue, Applicants.Self, [new("reissue-reason", "lost"), new("lost-where", "outside")]);
        }));
    }

    [Fact]
    public async Task Every_entry_point_gives_the_same_guidance_and_code_for_the_same_case()
    {
        var (resident, clerk, admin) = await ClientsAsync();
        var rules = Rules;
        var cases = Procedures.All.SelectMany(p => Applicants.All.SelectMany(a => AnswerPaths.For(rules, p, a))).ToList();
        Assert.True(cases.Count > 20, $"only {cases.Count} cases");
        foreach (var @case in cases)
        {
            var query = Query(@case);
            var context = $"{@case.Procedure}?{query}";
            var guideUrl = $"/guide/{Shinagawa}/{@case.Procedure}?{query}";

            // The resident's checklist: its code, and the checklist itself.
            var checklist = await PageAsync(resident, guideUrl);
            var code = checklist.QuerySelector("#reference-code")!.TextContent.Trim();
            Assert.Equal(ReferenceCode.Create(@case), code);
            var checklistHtml = Checklist(checklist);

            // The print view and the admin preview: the same checklist (and the print view the same code).
            var print = await PageAsync(resident, $"/guide/{Shinagawa}/{@case.Procedure}/print?{query}");
            Assert.Equal(code, print.QuerySelector(".print-view .reference-code")!.TextContent.Trim());
            Assert.True(checklistHtml == Checklist(print), $"{context}: the print view's checklist differs");
            var preview = await PageAsync(admin, $"/staff/{Shinagawa}/admin/preview/{@case.Procedure}?{query}");
            Assert.True(checklistHtml == Checklist(preview), $"{context}: the admin preview's checklist differs");

            // The code opens the same checklist URL.
            var opened = await resident.GetAsync($"/code?c={Uri.EscapeDataString(code)}");
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal(guideUrl, new Uri(new Uri("http://localhost"), opened.Headers.Location!).PathAndQuery);

            // The JSON API: the same case, answers, items and fee.
            using var json = JsonDocument.Parse(await resident.GetStringAsync($"/api/municipalities/{Shinagawa}/procedures/{@case.Procedure}/guidance?{query}"));
            var api = json.RootElement;
            Assert.Equal(@case.Answers.Select(a => a.QuestionId), api.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("questionId").GetString()));
            var items = api.GetProperty("items").EnumerateArray().ToList();
            var feeTotal = api.GetProperty("fee").GetProperty("total").GetInt32();
            var covered = api.GetProperty("coverage").GetString() == CoverageStatuses.Covered;

            // The clerk's check, by code and by choice: the same code, the same answers, the same items to tick.
            foreach (var url in new[] { $"/staff/{Shinagawa}/check?ref={Uri.EscapeDataString(code)}", $"/staff/{Shinagawa}/check?procedure={@case.Procedure}&{query}" })
            {
                var check = await PageAsync(clerk, url);
                Assert.Equal(code, check.QuerySelector(".counter-case-summary dd.input-code")!.TextContent.Trim());
                var summary = check.QuerySelectorAll(".counter-case-summary dd").Select(d => d.TextContent.Trim()).ToList();
                Assert.Equal(2 + @case.Answers.Count + 1, summary.Count);
                Assert.Equal(@case.Answers.Select(a => a.Option.Label.Ja), summary.Skip(2).Take(@case.Answers.Count));
                if (!covered)
                {
                    Assert.NotNull(check.QuerySelector(".counter-result.counter-notcovered"));
                    continue;
                }

                var firstVisit = items.Where(i => i.GetProperty("visit").ValueKind == JsonValueKind.Null || i.GetProperty("visit").GetInt32() == 1)
                    .Select(i => i.GetProperty("id").GetString()).ToList();
                Assert.Equal(firstVisit, check.QuerySelectorAll("input[name=item]").Select(i => i.GetAttribute("value")).ToList());

                // Posting with everything ticked: the fee the API states.
                var fields = AdminFactory.Fields(check, "counter-check");
                fields.AddRange(check.QuerySelectorAll("input[type=checkbox]").Select(b => new KeyValuePair<string, string>(b.GetAttribute("name")!, b.GetAttribute("value")!)));
                var result = Parser.ParseDocument(await (await clerk.PostAsync(url, new FormUrlEncodedContent(fields))).Content.ReadAsStringAsync());
                var fee = result.QuerySelector(".counter-fee")?.TextContent ?? "";
                Assert.True(feeTotal == 0 || fee.Contains(feeTotal.ToString("#,0", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal),
                    $"{context}: the clerk's fee \"{fee}\" is not the API's {feeTotal}");
            }
        }
    }

    private static async Task<IHtmlDocument> PageAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode}");
        return Parser.ParseDocument(html);
    }

    /// <summary>
    /// The checklist's markup, with same-page links reduced to their fragment: a link to a section of the page carries the
    /// page's own address (under &lt;base href="/"&gt;), which differs between the checklist, its print view and the preview.
    /// </summary>
    /// <summary>The checklist's markup, without the page's own reference-code box (the resident page puts it after the summary).</summary>
    private static string Checklist(AngleSharp.Dom.IDocument page)
    {
        var checklist = page.QuerySelector("div.checklist")!;
        foreach (var box in checklist.QuerySelectorAll(".reference-box").ToList())
        {
            box.Remove();
        }

        return System.Text.RegularExpressions.Regex.Replace(checklist.OuterHtml, "href=\"[^\"#]*#", "href=\"#");
    }
}
