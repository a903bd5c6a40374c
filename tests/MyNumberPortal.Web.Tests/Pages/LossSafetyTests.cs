using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Tests.Pages;

/// <summary>
/// Safety first (issue 14): every path on which the card is lost or stolen, whatever the resident started from (the lost
/// card, "I want a new card" because it was lost or stolen, abolishing a card that was never found), in every municipality
/// and for every applicant, leads the checklist with suspending the card: the three national 24-hour lines as tel: links,
/// in the "do this now" box above everything else (the coverage notice, what to do, what to bring). The paths are
/// enumerated with the engine's own question planning (<see cref="AnswerPaths"/>) and fetched over HTTP, in Japanese and
/// English (where the English-speaking line comes first).
/// </summary>
public sealed class LossSafetyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string FreeDial = "tel:0120-95-0178";
    private const string Paid = "tel:0570-783-578";
    private const string Foreign = "tel:0120-0178-27";
    private static readonly HtmlParser Parser = new();

    public static readonly TheoryData<string> Municipalities = new() { "142123", "132101", "151009", "131091", "131237" };

    /// <summary>Every complete case of a municipality on which the card is (or may be) lost or stolen.</summary>
    internal static IEnumerable<GuideCase> LossPaths(CompiledRuleSet rules) =>
        Procedures.All.SelectMany(p => Applicants.All.SelectMany(a => AnswerPaths.For(rules, p, a))).Where(IsLoss);

    /// <summary>The lost-card situation, abolition (which includes a card never found), or a lost or stolen card told by an answer.</summary>
    internal static bool IsLoss(GuideCase @case) =>
        @case.Procedure is Procedures.LostCard or Procedures.Abolition
        || @case.Answers.Any(a => a.QuestionId == "lost-where" || (a.QuestionId == "reissue-reason" && a.Value is "lost" or "stolen"));

    [Theory]
    [MemberData(nameof(Municipalities))]
    public async Task Every_loss_or_theft_path_leads_with_the_national_suspension_lines(string code)
    {
        var rules = Rules(code);
        var paths = LossPaths(rules).ToList();
        // Every applicant of the lost-card situation, and the reissue paths that start from a lost or stolen card.
        Assert.All(Applicants.All, a => Assert.Contains(paths, p => p.Procedure == Procedures.LostCard && p.Applicant == a));
        Assert.Contains(paths, p => p.Procedure == Procedures.Reissue && p.Answers.Any(a => a.Value == "stolen"));

        var client = factory.CreateClient();
        var failures = new List<string>();
        foreach (var path in paths)
        {
            foreach (var language in new[] { "ja", "en" })
            {
                var url = $"/guide/{code}/{path.Procedure}?{Query(path)}&lang={language}";
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
                if (Problem(page, language) is { } problem)
                {
                    failures.Add($"{url}: {problem}");
                }
            }
        }

        Assert.True(paths.Count >= 10, $"{code}: only {paths.Count} loss paths");
        Assert.Empty(failures);
    }

    /// <summary>What is wrong with a loss checklist's start, or null.</summary>
    private static string? Problem(IDocument page, string language)
    {
        var checklist = page.QuerySelector("main .checklist");
        if (checklist is null)
        {
            return "no checklist";
        }

        var now = checklist.QuerySelector(".cl-now");
        if (now is null)
        {
            return "no 'do this now' box";
        }

        // The box is the checklist's first part: nothing (coverage notice, steps, what to bring) comes before it.
        if (checklist.Children.FirstOrDefault() != now)
        {
            return "the suspension box is not first";
        }

        var lines = now.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")).ToList();
        foreach (var line in new[] { FreeDial, Paid, Foreign })
        {
            if (!lines.Contains(line))
            {
                return $"{line} missing from the box";
            }
        }

        // The first phone link of the whole page is a suspension line, and it comes before the documents to bring.
        var all = page.QuerySelectorAll("main a[href^='tel:'], main #cl-bring-title, main #cl-id-title, main .cl-coverage").ToList();
        if (all.FirstOrDefault() is not { } first || first.GetAttribute("href") is not (FreeDial or Paid or Foreign))
        {
            return "the first phone link or section is not a suspension line";
        }

        if (language == "en" && lines[0] != Foreign)
        {
            return "the English-speaking line is not first in English";
        }

        return language == "en" || lines[0] == FreeDial ? null : "the toll-free line is not first in Japanese";
    }

    private CompiledRuleSet Rules(string code)
    {
        var today = factory.Services.GetRequiredService<PortalClock>().Today;
        return factory.Services.GetRequiredService<RuleCatalogAccessor>().Current.Resolve(code, today)!;
    }

    public static string Query(GuideCase @case) =>
        string.Join("&", @case.Parameters.Select(p => $"{p.Field}={Uri.EscapeDataString(p.Value)}"));
}
