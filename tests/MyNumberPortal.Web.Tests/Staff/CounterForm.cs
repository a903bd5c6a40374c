using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// The counter check form as a clerk uses it over HTTP: open a resident's case by reference code, tick items and
/// documents, choose counts, post. Every field posted is one the form offers.
/// </summary>
public static class CounterForm
{
    private static readonly HtmlParser Parser = new();

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    public static async Task<HttpClient> ClerkAsync(StaffFactory factory, string code)
    {
        var client = factory.CreateStaffClient();
        var response = await StaffFactory.SignInAsync(client, StaffFactory.ClerkOf[code], StaffFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>A resident's reference code: each question answered as in <paramref name="answers"/> ("q=v;q=v"), or else with its first option.</summary>
    public static string CaseCode(StaffFactory factory, string code, string procedure, string applicant, string answers = "")
    {
        var prefer = answers.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=')).ToDictionary(a => a[0], a => a[1], StringComparer.Ordinal);
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        var rules = factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(code, today)!;
        var given = new List<KeyValuePair<string, string>>();
        var @case = GuideCase.Read(rules, procedure, applicant, given);
        while (@case.NextQuestion is { } next)
        {
            given.Add(new(next.Id, prefer.TryGetValue(next.Id, out var value) ? value : next.Options[0].Value));
            @case = GuideCase.Read(rules, procedure, applicant, given);
        }

        Assert.True(@case.Complete, $"{code} {procedure} {applicant} {answers}");
        return ReferenceCode.Create(@case);
    }

    public static string CheckUrl(StaffFactory factory, string code, string procedure, string applicant, string answers = "") =>
        $"/staff/{code}/check?ref={CaseCode(factory, code, procedure, applicant, answers)}";

    /// <summary>The check form of a page (the one posting to the counter-check handler).</summary>
    public static IHtmlFormElement CheckForm(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.QuerySelector("input[name=_handler][value='counter-check']") is not null);

    /// <summary>
    /// Posts the check form of <paramref name="url"/> with every item ticked (unless <paramref name="allItems"/> is false) and
    /// <paramref name="fields"/> ("holder=passport", "holder-b=2", "judged=rule-id", …), each checked to be offered by the form.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, IHtmlDocument Page)> PostAsync(HttpClient client, string url, IEnumerable<string> fields, bool allItems = true)
    {
        var get = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var form = CheckForm(Parse(await get.Content.ReadAsStringAsync()));
        var posted = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        if (allItems)
        {
            posted.AddRange(form.QuerySelectorAll<IHtmlInputElement>("input[type=checkbox][name=item]").Select(i => new KeyValuePair<string, string>("item", i.Value)));
        }

        foreach (var field in fields)
        {
            var (name, value) = (field[..field.IndexOf('=', StringComparison.Ordinal)], field[(field.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            Assert.True(form.QuerySelector($"select[name='{name}'] option[value='{value}'], input[name='{name}'][value='{value}']") is not null,
                $"{url}: the form offers no {name}={value}");
            posted.Add(new(name, value));
        }

        var response = await client.PostAsync(url, new FormUrlEncodedContent(posted));
        return (response, Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The outcome class of the result: met, missing, needsjudgement, notcovered, invalid.</summary>
    public static string Outcome(IHtmlDocument page) =>
        page.QuerySelector(".counter-result")?.ClassList.Where(c => c != "counter-result").Select(c => c["counter-".Length..]).Single() ?? "none";

    public static string ResultText(IHtmlDocument page) => page.QuerySelector(".counter-result")?.TextContent ?? "";
}
