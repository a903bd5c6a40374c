using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>The counter check page (/staff/{code}/check) over real HTTP, as a Niigata clerk.</summary>
public class CounterCheckPageTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Niigata = "151009";

    /// <summary>A resident's reference code for a Niigata reissue because the card is expiring.</summary>
    private string NiigataRenewalCode(string applicant)
    {
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        var rules = factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(Niigata, today)!;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (GuidanceEvaluator.PlanQuestions(rules, Procedures.Reissue, applicant, answers).Next is { } next)
        {
            answers[next.Id] = next.Options.Any(o => o.Value == "expiring") ? "expiring" : next.Options[0].Value;
        }

        return ReferenceCode.Create(rules, Procedures.Reissue, applicant, answers);
    }

    private async Task<HttpClient> NiigataClerkAsync()
    {
        var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.NiigataClerk, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>Posts the counter-check form of <paramref name="url"/> as a browser would, ticking every item and the given documents.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string url,
        IEnumerable<string> holder, IEnumerable<string> agent, bool allItems = true)
    {
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var page = Parse(await get.Content.ReadAsStringAsync());
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelector("input[name=_handler][value='counter-check']") is not null);
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        if (allItems)
        {
            fields.AddRange(form.QuerySelectorAll("input[type=checkbox][name=item]").Select(i => new KeyValuePair<string, string>("item", i.GetAttribute("value")!)));
        }

        fields.AddRange(holder.Select(d => new KeyValuePair<string, string>("holder", d)));
        fields.AddRange(agent.Select(d => new KeyValuePair<string, string>("agent", d)));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    private static string ResultText(IHtmlDocument page) => page.QuerySelector(".counter-result")?.TextContent ?? "";

    [Fact]
    public async Task A_reference_code_opens_the_case_and_ticking_enough_documents_meets_the_requirements()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}";
        var page = Parse(await client.GetStringAsync(url));
        Assert.NotNull(page.QuerySelector("#documents-holder"));
        Assert.Null(page.QuerySelector("#documents-agent"));
        Assert.NotNull(page.QuerySelector("input[name=holder][value=passport]"));
        Assert.NotNull(page.QuerySelector("input[name=holder][value=health-insurance-card]"));

        var (response, result) = await PostAsync(client, url, ["passport"], []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ResultText(result);
        Assert.Contains("要件を満たしています", text);
        Assert.Contains("手数料", text);
        // The ticked boxes stay ticked.
        Assert.True(result.QuerySelector("input[name=holder][value=passport]")!.HasAttribute("checked"));
        Assert.False(result.QuerySelector("input[name=holder][value=driving-licence]")!.HasAttribute("checked"));
        Assert.All(result.QuerySelectorAll("input[name=item]"), i => Assert.True(i.HasAttribute("checked")));
    }

    [Fact]
    public async Task A_missing_document_is_named_exactly()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}";
        var (response, result) = await PostAsync(client, url, ["health-insurance-card"], []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ResultText(result);
        Assert.Contains("足りないものがあります", text);
        Assert.Contains("A書類を1点、またはB書類をあと1点", text);
        Assert.DoesNotContain("要件を満たしています", text);
    }

    [Fact]
    public async Task A_missing_item_is_named()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}";
        var page = Parse(await client.GetStringAsync(url));
        var items = page.QuerySelectorAll("input[name=item]").Select(i => page.QuerySelector($"label[for='{i.Id}']")!.TextContent.Trim()).ToList();
        Assert.NotEmpty(items);

        var (_, result) = await PostAsync(client, url, ["passport"], [], allItems: false);
        var text = ResultText(result);
        Assert.Contains("提示されていない持ち物", text);
        Assert.All(items, item => Assert.Contains(item, text));
    }

    [Fact]
    public async Task The_agents_own_documents_are_kept_apart_from_the_holders()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.HouseholdMember)}";
        var page = Parse(await client.GetStringAsync(url));
        Assert.NotNull(page.QuerySelector("#documents-holder"));
        Assert.NotNull(page.QuerySelector("#documents-agent"));

        // Plenty of the holder's documents do not make up for the agent's.
        var (response, result) = await PostAsync(client, url, ["passport", "driving-licence", "health-insurance-card"], []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = ResultText(result);
        Assert.Contains("足りないものがあります", text);
        Assert.Contains("A書類を2点、またはA書類を1点とB書類を1点", text);
        Assert.True(result.QuerySelector("input[name=holder][value=driving-licence]")!.HasAttribute("checked"));
        Assert.False(result.QuerySelector("input[name=agent][value=driving-licence]")!.HasAttribute("checked"));

        var (_, met) = await PostAsync(client, url, ["passport", "driving-licence"], ["residence-card", "pension-book"]);
        Assert.Contains("要件を満たしています", ResultText(met));
    }

    [Fact]
    public async Task The_case_can_be_chosen_question_by_question()
    {
        using var client = await NiigataClerkAsync();
        var start = Parse(await client.GetStringAsync($"/staff/{Niigata}/check"));
        Assert.NotNull(start.QuerySelector("input[name=procedure][value=reissue]"));
        Assert.NotNull(start.QuerySelector("input[name=ref]"));

        var url = $"/staff/{Niigata}/check?procedure=reissue&applicant=self";
        for (var i = 0; i < 16; i++)
        {
            var page = Parse(await client.GetStringAsync(url));
            if (page.QuerySelector("input[name=_handler][value='counter-check']") is not null)
            {
                break;
            }

            var radios = page.QuerySelectorAll("input[type=radio]").ToList();
            Assert.NotEmpty(radios);
            var name = radios[0].GetAttribute("name")!;
            var choice = radios.FirstOrDefault(r => r.GetAttribute("value") == "expiring") ?? radios[0];
            url += $"&{Uri.EscapeDataString(name)}={Uri.EscapeDataString(choice.GetAttribute("value")!)}";
        }

        var (response, result) = await PostAsync(client, url, ["pension-book", "health-insurance-card"], []);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("要件を満たしています", ResultText(result));
    }

    [Fact]
    public async Task A_code_of_another_municipality_is_refused_with_a_clear_error()
    {
        using var client = await NiigataClerkAsync();
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        var shinagawa = factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve("131091", today)!;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        while (GuidanceEvaluator.PlanQuestions(shinagawa, Procedures.Reissue, Applicants.Self, answers).Next is { } next)
        {
            answers[next.Id] = next.Options[0].Value;
        }

        var code = ReferenceCode.Create(shinagawa, Procedures.Reissue, Applicants.Self, answers);
        var response = await client.GetAsync($"/staff/{Niigata}/check?ref={code}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("この整理番号は品川区のものです", html);
        Assert.DoesNotContain("counter-check", html);
    }

    [Fact]
    public async Task An_unknown_document_id_is_a_400_with_a_message()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}";
        var (response, result) = await PostAsync(client, url, ["passport", "forged-document"], ["<b>x</b>"]);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = ResultText(result);
        Assert.Contains("「forged-document」はこの市区町村の本人確認書類一覧にありません", text);
        Assert.Contains("「<b>x</b>」", text);
        Assert.DoesNotContain("要件を満たしています", text);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_rejected()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}";
        var response = await client.PostAsync(url, new FormUrlEncodedContent(
            [new("_handler", "counter-check"), new("Input.Visit", "1"), new("holder", "passport")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("要件を満たしています", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_clerk_of_another_municipality_is_refused()
    {
        using var client = factory.CreateStaffClient();
        await StaffFactory.SignInAsync(client, StaffFactory.ShinagawaClerk, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/staff/131091/check")).StatusCode);

        var other = await client.GetAsync($"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.StartsWith("/staff/forbidden", other.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(other.Headers.Location)).StatusCode);
    }

    [Fact]
    public async Task Signed_out_the_page_redirects_to_sign_in()
    {
        using var client = factory.CreateStaffClient();
        var response = await client.GetAsync($"/staff/{Niigata}/check");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/staff/sign-in?returnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_speaks_English()
    {
        using var client = await NiigataClerkAsync();
        var url = $"/staff/{Niigata}/check?ref={NiigataRenewalCode(Applicants.Self)}&lang=en";
        var (_, result) = await PostAsync(client, url, ["health-insurance-card"], []);
        var text = ResultText(result);
        Assert.Contains("Something is missing", text);
        Assert.Contains("one document from list A, or one more document from list B", text);
    }
}
