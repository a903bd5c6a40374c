using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Staff;
using MyNumberPortal.Web.Tests.Support;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// The clerk's shortfall wording, from the resource files (CounterText), for the structured shortfalls the rules domain
/// returns: 新潟市 cases checked with <see cref="CounterCheck"/>, in Japanese and English.
/// </summary>
public sealed class CounterWordsTests
{
    private const string Niigata = "151009";
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static Guidance NiigataRenewal(string applicant) =>
        SeedRuleSets.Evaluate(Niigata, Procedures.Reissue, applicant, Tuesday, ("reissue-reason", "expiring"), ("old-card-held", "yes"), ("ward", "chuo"));

    private static CounterCheckResult Check(Guidance guidance, string[] items, string[] holder, string[] agent) =>
        CounterCheck.Evaluate(SeedRuleSets.For(Niigata), new CounterCheckRequest(guidance, items.ToHashSet(StringComparer.Ordinal), holder, agent));

    /// <summary>What the rule still lacks, in Japanese and in English.</summary>
    private static (string Ja, string En) Words(CounterIdRuleCheck rule) => (In("ja", () => CounterWords.Shortfalls(rule.Closest)), In("en", () => CounterWords.Shortfalls(rule.Closest)));

    private static string In(string language, Func<string> words)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            return words();
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void One_B_document_lacks_one_A_or_one_more_B()
    {
        var rule = Assert.Single(Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], ["health-insurance-card"], []).IdRules);
        Assert.Equal(("A書類を1点、またはB書類をあと1点", "one document from list A, or one more document from list B"), Words(rule));
    }

    [Fact]
    public void No_document_lacks_one_A()
    {
        var rule = Assert.Single(Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], [], []).IdRules);
        Assert.Equal(("A書類を1点", "one document from list A"), Words(rule));
    }

    [Fact]
    public void Three_B_documents_without_a_photo_lack_a_photo_document()
    {
        var r = Check(NiigataRenewal(Applicants.HouseholdMember), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["health-insurance-card", "pension-book", "care-insurance-card"], ["passport", "residence-card"]);
        Assert.Equal(("A書類をあと1点、または写真付きの書類をあと1点", "one more document from list A, or one more document with a photo"), Words(r.IdRules[0]));
    }

    [Fact]
    public void Two_B_documents_lack_an_A_or_a_third_B_with_a_photo()
    {
        var r = Check(NiigataRenewal(Applicants.VoluntaryAgent), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["health-insurance-card", "pension-book"], ["passport", "residence-card"]);
        Assert.Equal(("A書類をあと1点、またはB書類をあと1点(うち写真付き1点)",
            "one more document from list A, or one more document from list B (at least one with a photo)"), Words(r.IdRules[0]));
    }

    [Fact]
    public void An_agent_without_documents_lacks_two_A_or_one_A_and_one_B()
    {
        var r = Check(NiigataRenewal(Applicants.HouseholdMember), ["notice-proxy", "old-card", "proxy-reason-proof"], ["passport", "driving-licence"], []);
        Assert.Equal(("A書類を2点、またはA書類を1点とB書類を1点",
            "two documents from list A, or one document from list A and one document from list B"), Words(r.IdRules[1]));
    }

    [Fact]
    public void An_agent_with_two_B_documents_lacks_one_more_A()
    {
        var r = Check(NiigataRenewal(Applicants.VoluntaryAgent), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["passport", "driving-licence"], ["health-insurance-card", "student-id"]);
        Assert.Equal(("A書類をあと1点", "one more document from list A"), Words(r.IdRules[1]));
    }

    [Fact]
    public void Photo_documents_beyond_the_missing_slots_and_plurals()
    {
        var photos = new IdShortfall(new IdAlternative(0, 3, 2), 0, 1, 2);
        Assert.Equal("B書類をあと1点(うち写真付き1点)と写真付きの書類をあと1点", In("ja", () => CounterWords.Shortfall(photos)));
        Assert.Equal("one more document from list B (at least one with a photo) and one more document with a photo", In("en", () => CounterWords.Shortfall(photos)));

        var none = new IdShortfall(new IdAlternative(0, 3, 0), 0, 3, 0);
        Assert.Equal("B書類を3点", In("ja", () => CounterWords.Shortfall(none)));
        Assert.Equal("three documents from list B", In("en", () => CounterWords.Shortfall(none)));

        Assert.Equal("", In("ja", () => CounterWords.Shortfalls([])));
    }
}
