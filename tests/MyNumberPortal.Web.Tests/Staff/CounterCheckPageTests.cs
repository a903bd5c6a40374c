using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Tests.Pages;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>The counter check page (/staff/{code}/check) over real HTTP, as a clerk of the municipality (mostly Niigata).</summary>
public class CounterCheckPageTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Niigata = "151009";
    private const string Shinagawa = "131091";
    private const string Koganei = "132101";

    private static readonly HtmlParser Parser = new();

    /// <summary>A resident's reference code for a case: each question answered as preferred, or with its first option.</summary>
    private string CaseCode(string code, string procedure, string applicant, IReadOnlyDictionary<string, string>? prefer = null)
    {
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        var rules = factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(code, today)!;
        return Answered(rules, procedure, applicant, next => prefer is not null && prefer.TryGetValue(next.Id, out var value) ? value : next.Options[0].Value);
    }

    /// <summary>The code of a case whose questions are answered one by one, each by <paramref name="choose"/>, as the guide asks them.</summary>
    private static string Answered(CompiledRuleSet rules, string procedure, string applicant, Func<QuestionDef, string> choose)
    {
        var answers = new List<KeyValuePair<string, string>>();
        var @case = GuideCase.Read(rules, procedure, applicant, answers);
        while (@case.NextQuestion is { } next)
        {
            answers.Add(new(next.Id, choose(next)));
            @case = GuideCase.Read(rules, procedure, applicant, answers);
        }

        return ReferenceCode.Create(@case);
    }

    private async Task<HttpClient> ClerkAsync(string code)
    {
        var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.ClerkOf[code], StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A resident's reference code for a Niigata reissue because the card is expiring.</summary>
    private string NiigataRenewalCode(string applicant)
    {
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        var rules = factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(Niigata, today)!;
        return Answered(rules, Procedures.Reissue, applicant, next => next.Options.Any(o => o.Value == "expiring") ? "expiring" : next.Options[0].Value);
    }

    private async Task<HttpClient> NiigataClerkAsync()
    {
        var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.NiigataClerk, StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>Posts the counter-check form of <paramref name="url"/> as a browser would, ticking every item and the given documents.</summary>
    private static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string url,
        IEnumerable<string> holder, IEnumerable<string> agent, bool allItems = true, IEnumerable<(string Name, string Value)>? extra = null)
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
        foreach (var (name, value) in extra ?? [])
        {
            // Only fields the form offers: a count select with that option, or a check box with that value.
            Assert.True(form.QuerySelector($"select[name='{name}'] option[value='{value}'], input[name='{name}'][value='{value}']") is not null,
                $"{url}: the form offers no {name}={value}");
            fields.Add(new(name, value));
        }

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
        Assert.StartsWith("要件を満たしています – 窓口確認", result.Title, StringComparison.Ordinal);
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
        var code = Answered(shinagawa, Procedures.Reissue, Applicants.Self, next => next.Options[0].Value);
        var response = await client.GetAsync($"/staff/{Niigata}/check?ref={code}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("この参照コードは品川区のものです", html);
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

    /// <summary>The address of visit <paramref name="visit"/> (the visit selector is part of the check form; ?visit= opens a visit directly).</summary>
    private static string ChooseVisit(string url, IHtmlDocument page, int visit)
    {
        var select = page.QuerySelector<IHtmlSelectElement>("form select#visit-select");
        Assert.NotNull(select);
        Assert.Contains(select.Options, o => o.Value == visit.ToString(CultureInfo.InvariantCulture));
        Assert.NotNull(page.QuerySelector("label[for='visit-select']"));
        return url + "&visit=" + visit.ToString(CultureInfo.InvariantCulture);
    }

    private static List<string> Values(IHtmlDocument page, string name) =>
        page.QuerySelectorAll<IHtmlInputElement>($"form input[type=checkbox][name={name}]").Select(i => i.Value).ToList();

    [Fact]
    public async Task Choosing_the_second_visit_shows_that_visits_items_and_says_the_procedure_then_completes()
    {
        // 品川区: a voluntary agent resets the PIN in two visits; the sealed reply form comes at the second.
        using var client = await ClerkAsync(Shinagawa);
        var first = $"/staff/{Shinagawa}/check?ref={CaseCode(Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent)}";
        var page = Parse(await client.GetStringAsync(first));
        Assert.Equal("1", page.QuerySelector<IHtmlSelectElement>("#visit-select")!.Value);
        Assert.Equal("1", page.QuerySelector<IHtmlInputElement>("input[name='Input.Visit']")!.Value);
        Assert.DoesNotContain("pin-inquiry-reply-form", Values(page, "item"));
        Assert.Contains("pin-holder-card-voluntary", Values(page, "item"));

        var second = ChooseVisit(first, page, 2);
        var response = await client.GetAsync(second);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var visit2 = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("2", visit2.QuerySelector<IHtmlSelectElement>("#visit-select")!.Value);
        Assert.Equal("2", visit2.QuerySelector<IHtmlInputElement>("input[name='Input.Visit']")!.Value);
        Assert.Equal(["pin-holder-card-voluntary", "pin-inquiry-reply-form"], Values(visit2, "item"));
        // Both visits check the holder's and the agent's documents (the rules name no visit).
        Assert.NotNull(visit2.QuerySelector("#documents-holder"));
        Assert.NotNull(visit2.QuerySelector("#documents-agent"));

        var (met, result) = await PostAsync(client, second, ["drivers-licence"], ["my-number-card"]);
        Assert.Equal(HttpStatusCode.OK, met.StatusCode);
        var text = ResultText(result);
        Assert.Contains("要件を満たしています", text);
        Assert.Contains("2回目の来庁について確認しました", text);
        Assert.Contains("手続きは今回の来庁で完了します", text);
        Assert.Equal("2", result.QuerySelector<IHtmlSelectElement>("#visit-select")!.Value);

        // The first visit with the same documents: met, but another visit follows.
        var (_, firstResult) = await PostAsync(client, first, ["drivers-licence"], ["my-number-card"]);
        var firstText = ResultText(firstResult);
        Assert.Contains("要件を満たしています", firstText);
        Assert.Contains("1回目の来庁について確認しました", firstText);
        Assert.Contains("もう一度来庁が必要です", firstText);

        // Without the reply form at the second visit, the form is named as missing.
        var (_, missing) = await PostAsync(client, second, ["drivers-licence"], ["my-number-card"], allItems: false);
        Assert.Contains("照会書兼回答書", missing.QuerySelector(".counter-missing-items")?.TextContent ?? "");
    }

    [Fact]
    public async Task Choosing_the_second_visit_checks_that_visits_id_rule()
    {
        // 新潟市: a lost card's reissue. At the application (visit 1) the page names no ID combination (judgement);
        // at the receipt (visit 2) it is A×1 or B×2, and the issue notice is to be brought.
        using var client = await ClerkAsync(Niigata);
        var prefer = new Dictionary<string, string> { ["reissue-reason"] = "lost" };
        var first = $"/staff/{Niigata}/check?ref={CaseCode(Niigata, Procedures.Reissue, Applicants.Self, prefer)}";
        var page = Parse(await client.GetStringAsync(first));
        Assert.Contains("組み合わせが書かれていません", page.QuerySelector("#documents-holder")!.TextContent);
        Assert.DoesNotContain("notice-lost", Values(page, "item"));
        var (_, judged) = await PostAsync(client, first, ["passport"], []);
        Assert.Contains("窓口での判断が必要です", ResultText(judged));
        Assert.NotNull(judged.QuerySelector(".counter-result.counter-needsjudgement"));

        var second = ChooseVisit(first, page, 2);
        var visit2 = Parse(await client.GetStringAsync(second));
        Assert.Contains("notice-lost", Values(visit2, "item"));
        Assert.DoesNotContain("組み合わせが書かれていません", visit2.QuerySelector("#documents-holder")!.TextContent);

        var (_, short1) = await PostAsync(client, second, ["health-insurance-card"], []);
        Assert.Contains("足りないものがあります", ResultText(short1));
        Assert.Contains("A書類を1点、またはB書類をあと1点", ResultText(short1));
        Assert.NotNull(short1.QuerySelector(".counter-result.counter-missing"));

        var (_, met) = await PostAsync(client, second, ["passport"], []);
        Assert.Contains("要件を満たしています", ResultText(met));
        Assert.Contains("手続きは今回の来庁で完了します", ResultText(met));
        Assert.NotNull(met.QuerySelector(".counter-result.counter-met"));
    }

    [Fact]
    public async Task A_visit_out_of_range_in_the_address_shows_the_nearest_visit()
    {
        using var client = await ClerkAsync(Shinagawa);
        var url = $"/staff/{Shinagawa}/check?ref={CaseCode(Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent)}";
        foreach (var (visit, shown) in new[] { ("9", "2"), ("0", "1"), ("x", "1") })
        {
            var response = await client.GetAsync(url + "&visit=" + visit);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(shown, page.QuerySelector<IHtmlSelectElement>("#visit-select")!.Value);
        }

        // A one-visit case has no selector.
        var single = Parse(await client.GetStringAsync(
            $"/staff/{Shinagawa}/check?ref={CaseCode(Shinagawa, Procedures.SuspensionRelease, Applicants.Self)}"));
        Assert.Null(single.QuerySelector("#visit-select"));
        Assert.NotNull(single.QuerySelector("input[name=_handler][value='counter-check']"));
    }

    public static readonly TheoryData<string, string, string, string, string, string> NotCoveredCases = new()
    {
        // code, procedure, applicant, answers (id=value&…), the outcome's words, a part of the reason
        { Koganei, Procedures.SuspensionRelease, Applicants.Self, "reissue-applied=yes", "この場合はこの手続きができません", "旧カードは使用することはできません" },
        { Koganei, Procedures.SuspensionRelease, Applicants.HouseholdMember, "", "担当部署に確認してください", "委任状や資格を証明する書類が必要かどうかは書かれていません" },
        { Koganei, Procedures.Abolition, Applicants.Self, "", "担当部署に確認してください", "紛失届" },
    };

    [Theory]
    [MemberData(nameof(NotCoveredCases))]
    public async Task A_case_the_page_does_not_cover_shows_the_reason_and_the_phone_at_once(
        string code, string procedure, string applicant, string answers, string words, string reason)
    {
        using var client = await ClerkAsync(code);
        var prefer = answers.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
        foreach (var url in new[]
        {
            $"/staff/{code}/check?ref={CaseCode(code, procedure, applicant, prefer)}",
            $"/staff/{code}/check?procedure={procedure}&applicant={applicant}" + (answers.Length > 0 ? "&" + answers : ""),
        })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = Parse(await response.Content.ReadAsStringAsync());
            var result = page.QuerySelector(".counter-result.counter-notcovered");
            Assert.NotNull(result);
            Assert.Contains("このページの案内では確認できません", result.QuerySelector("h2")!.TextContent);
            Assert.Contains(words, result.TextContent);
            Assert.Contains(reason, result.TextContent);
            var phone = result.QuerySelector<IHtmlAnchorElement>(".cl-phones a[href^='tel:']");
            Assert.NotNull(phone);
            Assert.Contains("042-387-9830", result.TextContent);
            // Nothing to tick, no fee to collect: the clerk is not led to confirm what the page does not cover.
            Assert.Null(page.QuerySelector("input[name=_handler][value='counter-check']"));
            Assert.Empty(page.QuerySelectorAll("input[type=checkbox]"));
            Assert.Null(result.QuerySelector(".counter-fee"));
            Assert.Contains("チェック欄は表示していません", page.QuerySelector("main")!.TextContent);
            Assert.NotNull(page.QuerySelector(".counter-case"));
        }
    }

    [Fact]
    public async Task Continuing_without_choosing_anything_says_what_to_choose()
    {
        using var client = await NiigataClerkAsync();
        var start = Parse(await client.GetStringAsync($"/staff/{Niigata}/check"));
        var form = start.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=procedure]") is not null);
        var response = await client.GetAsync(GuideWalkTests.Submit(form, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("手続きを選んでください", page.QuerySelector(".error-summary")?.TextContent ?? "");
        Assert.NotNull(page.QuerySelector("input[name=procedure]"));
    }

    public static readonly TheoryData<string> Municipalities = [Shinagawa, "131237", Koganei, "142123", Niigata];

    /// <summary>
    /// "Tried as a new clerk would": from the check page's own choice of procedure and applicant, every answer of every
    /// question, to the end; each case answers 200 with a plain outcome. With nothing ticked a case with something to bring
    /// is "missing"; with everything shown (every item and catalogue document, the most of each other kind of document, every
    /// rule without a combination confirmed by its note) every covered case is "met". A case the page does not cover says so at once, with the reason and a phone.
    /// </summary>
    [Theory]
    [MemberData(nameof(Municipalities))]
    public async Task Every_procedure_and_applicant_kind_can_be_checked_at_the_counter(string code)
    {
        using var client = await ClerkAsync(code);
        var basePath = $"/staff/{code}/check";
        var start = await GetOkAsync(client, basePath);
        var choose = start.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=procedure]") is not null);
        var procedures = choose.QuerySelectorAll<IHtmlInputElement>("input[type=radio][name=procedure]").Select(i => i.Value).ToList();
        var applicants = choose.QuerySelectorAll<IHtmlInputElement>("input[type=radio][name=applicant]").Select(i => i.Value).ToList();
        Assert.Equal(Procedures.All.Order(StringComparer.Ordinal), procedures.Order(StringComparer.Ordinal));
        Assert.Equal(Applicants.All.Order(StringComparer.Ordinal), applicants.Order(StringComparer.Ordinal));
        var hidden = string.Concat(choose.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden")
            .Select(i => Uri.EscapeDataString(i.Name!) + "=" + Uri.EscapeDataString(i.Value) + "&"));

        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var procedure in procedures)
        {
            foreach (var applicant in applicants)
            {
                var cases = 0;
                var pending = new Stack<string>([$"{basePath}?{hidden}procedure={procedure}&applicant={applicant}"]);
                while (pending.TryPop(out var url))
                {
                    Assert.True(++cases < 2000, $"{code} {procedure} {applicant}: the walk does not end."); // 新潟市 asks the ward (8 answers)
                    var page = await GetOkAsync(client, url);
                    var question = page.QuerySelectorAll<IHtmlFormElement>("main form[method=get]")
                        .SingleOrDefault(f => f.QuerySelector("input[type=radio]") is not null);
                    if (question is not null)
                    {
                        Assert.Null(page.QuerySelector(".counter-result"));
                        var radios = question.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").ToList();
                        Assert.All(radios, r => Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"label[for='{r.Id}']")?.TextContent), $"{url}: radio {r.Id} without a label"));
                        Assert.False(string.IsNullOrWhiteSpace(question.QuerySelector("legend strong")?.TextContent), $"{url}: a question without words");
                        foreach (var radio in radios)
                        {
                            pending.Push(GuideWalkTests.Submit(question, radio));
                        }

                        continue;
                    }

                    foreach (var outcome in await CheckCaseAsync(client, url, page))
                    {
                        outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                    }
                }

                Assert.True(cases > 0, $"{code} {procedure} {applicant}: no case reached.");
            }
        }

        // Every municipality has cases that can be met and cases with something missing.
        Assert.True(outcomes.GetValueOrDefault("met") > 0, $"{code}: {string.Join(", ", outcomes)}");
        Assert.True(outcomes.GetValueOrDefault("missing") + outcomes.GetValueOrDefault("needsjudgement") > 0, $"{code}: {string.Join(", ", outcomes)}");
    }

    private static readonly Dictionary<string, string> OutcomeWords = new(StringComparer.Ordinal)
    {
        ["met"] = "要件を満たしています",
        ["missing"] = "足りないものがあります",
        ["needsjudgement"] = "窓口での判断が必要です",
        ["notcovered"] = "このページの案内では確認できません",
    };

    /// <summary>A case page at the end of the questions: checks it for nothing and for everything, every visit; returns the outcomes.</summary>
    private static async Task<List<string>> CheckCaseAsync(HttpClient client, string url, IHtmlDocument page)
    {
        Assert.NotNull(page.QuerySelector(".counter-case"));
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector(".counter-case-summary dd.input-code")?.TextContent), $"{url}: no reference code");
        if (page.QuerySelector("input[name=_handler][value='counter-check']") is null)
        {
            // Not covered: the answer comes at once, with the reason or at least a phone to call.
            var status = Outcome(page, url);
            Assert.Equal("notcovered", status);
            Assert.NotNull(page.QuerySelector(".counter-result .cl-phones a[href^='tel:']"));
            return [status];
        }

        var outcomes = new List<string>();
        var visits = page.QuerySelectorAll<IHtmlOptionElement>("#visit-select option").Select(o => int.Parse(o.Value, CultureInfo.InvariantCulture)).ToList();
        foreach (var visit in visits.Count == 0 ? [1] : visits)
        {
            var visitUrl = visits.Count == 0 ? url : ChooseVisit(url, page, visit);
            var visitPage = visits.Count == 0 ? page : await GetOkAsync(client, visitUrl);
            var items = Values(visitPage, "item");
            var holder = Values(visitPage, "holder");
            var agent = Values(visitPage, "agent");
            var rules = visitPage.QuerySelectorAll(".counter-documents .hint").Select(h => h.TextContent).ToList();

            var (noneResponse, none) = await PostAsync(client, visitUrl, [], [], allItems: false);
            Assert.True(noneResponse.StatusCode == HttpStatusCode.OK, $"{visitUrl} (nothing ticked): {(int)noneResponse.StatusCode}");
            var noneOutcome = Outcome(none, visitUrl);
            Assert.NotEqual("notcovered", noneOutcome);
            if (items.Count > 0)
            {
                Assert.True(noneOutcome == "missing", $"{visitUrl}: nothing ticked of {items.Count} items gave {noneOutcome}");
                Assert.Equal(items.Count, none.QuerySelectorAll(".counter-missing-items li").Length);
            }

            if (noneOutcome == "missing")
            {
                Assert.True(none.QuerySelectorAll(".counter-missing-items li, .counter-shortfall").Length > 0, $"{visitUrl}: missing, but not what");
            }

            // Everything: every item and catalogue document, the most of each other kind, every rule confirmed by its note.
            var everything = visitPage.QuerySelectorAll<IHtmlSelectElement>("form .counter-count select")
                .Select(c => (c.Name!, c.Options.Last().Value))
                .Concat(Values(visitPage, "judged").Select(j => ("judged", j)))
                .ToList();
            var (allResponse, all) = await PostAsync(client, visitUrl, holder, agent, extra: everything);
            Assert.True(allResponse.StatusCode == HttpStatusCode.OK, $"{visitUrl} (everything ticked): {(int)allResponse.StatusCode}");
            var allOutcome = Outcome(all, visitUrl);
            Assert.True(allOutcome == "met", $"{visitUrl}: everything shown gave {allOutcome}");

            // The ticks stay ticked after the post.
            Assert.Equal(holder.Count, all.QuerySelectorAll("input[name=holder][checked]").Length);
            Assert.Equal(agent.Count, all.QuerySelectorAll("input[name=agent][checked]").Length);
            Assert.True(rules.Count > 0 || visitPage.QuerySelector("#documents-holder, #documents-agent") is null, visitUrl);
            outcomes.Add(noneOutcome);
            outcomes.Add(allOutcome);
        }

        return outcomes;
    }

    /// <summary>The outcome of a result page (met, missing, needsjudgement, notcovered), checked to be said in words with the fee and the visits.</summary>
    private static string Outcome(IHtmlDocument page, string url)
    {
        var result = page.QuerySelector(".counter-result");
        Assert.True(result is not null, $"{url}: no result");
        var status = result.ClassList.Where(c => c != "counter-result").Select(c => c["counter-".Length..]).Single();
        Assert.True(OutcomeWords.TryGetValue(status, out var words), $"{url}: outcome {status}");
        Assert.Equal(words, result.QuerySelector("h2")!.TextContent.Trim());
        if (status != "notcovered")
        {
            Assert.False(string.IsNullOrWhiteSpace(result.QuerySelector(".counter-fee")?.TextContent), $"{url}: no fee line");
            Assert.False(string.IsNullOrWhiteSpace(result.QuerySelector(".counter-visits")?.TextContent), $"{url}: no visits line");
        }
        else
        {
            Assert.True(result.QuerySelectorAll("p").Any(p => p.TextContent.Trim().Length > 0), $"{url}: not covered without words");
        }

        Assert.DoesNotContain("{0}", result.TextContent, StringComparison.Ordinal);
        return status;
    }

    private static async Task<IHtmlDocument> GetOkAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}\n{html[..Math.Min(html.Length, 3000)]}");
        return Parse(html);
    }
}
