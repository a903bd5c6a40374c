using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>
/// The counter check with documents recorded by category (issue 15 item 1): "another document of list A/B" beside the
/// catalogue, documents a rule excludes (the card being processed) never counting, and a rule without a combination
/// confirmed by the clerk. On the shipped seeds, every covered case of every municipality can reach "met".
/// </summary>
public sealed class CounterCheckCategoryTests
{
    private const string Niigata = "151009";
    private const string Shinagawa = "131091";
    private const string Atsugi = "142123";

    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static readonly string[] Municipalities = ["131091", "131237", "132101", "142123", "151009"];

    private static CounterCheckResult Check(Guidance g, string[] holder, string[] agent, OtherDocuments? holderOther = null,
        OtherDocuments? agentOther = null, int visit = 1, string[]? judged = null, bool allItems = true) =>
        CounterCheck.Evaluate(SeedRules.For(g.MunicipalityCode), new CounterCheckRequest(g,
            allItems ? g.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal) : new HashSet<string>(StringComparer.Ordinal),
            holder, agent, visit, holderOther, agentOther, judged?.ToHashSet(StringComparer.Ordinal)));

    /// <summary>A case with each question answered as given, or else with its first option.</summary>
    private static Guidance Answered(string code, string procedure, string applicant, params (string Question, string Answer)[] prefer)
    {
        var rules = SeedRules.For(code);
        var answers = new List<KeyValuePair<string, string>>();
        var @case = GuideCase.Read(rules, procedure, applicant, answers);
        while (@case.NextQuestion is { } next)
        {
            var given = prefer.Where(p => p.Question == next.Id).Select(p => p.Answer).FirstOrDefault();
            answers.Add(new(next.Id, given ?? next.Options[0].Value));
            @case = GuideCase.Read(rules, procedure, applicant, answers);
        }

        return @case.Evaluate(Tuesday);
    }

    private static Guidance ShinagawaPin(string applicant, params (string, string)[] answers) =>
        Answered(Shinagawa, Procedures.PinReset, applicant, answers);

    [Fact]
    public void Shinagawa_voluntary_agent_pin_reset_the_holders_own_card_is_not_the_holders_identity_document()
    {
        var g = ShinagawaPin(Applicants.VoluntaryAgent);
        var holderRule = g.IdRules.Single(r => r.Subject == IdSubjects.Holder);
        Assert.Equal(["my-number-card"], holderRule.Excluded.Select(d => d.Id));

        var refused = Check(g, ["my-number-card"], ["drivers-licence"]);
        Assert.Equal(CounterCheckOutcome.Missing, refused.Outcome);
        var rule = refused.IdRules.Single(r => r.Subject == IdSubjects.Holder);
        Assert.Equal(IdRuleCheckStatus.Missing, rule.Status);
        Assert.Equal(["my-number-card"], rule.ExcludedShown.Select(d => d.Id));

        // The holder's health insurance card (not in the ward's catalogue) as "another list B document" is enough.
        var met = Check(g, ["my-number-card"], ["drivers-licence"], holderOther: new(0, 1, 0));
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
    }

    [Fact]
    public void The_agents_own_my_number_card_still_counts_for_the_agent()
    {
        var g = ShinagawaPin(Applicants.VoluntaryAgent);
        var met = Check(g, ["drivers-licence"], ["my-number-card"]);
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
    }

    [Fact]
    public void Shinagawa_parent_reissuing_a_lost_card_for_a_child_is_met_with_a_list_B_document_for_the_child()
    {
        var g = SeedRules.Evaluate(Shinagawa, Procedures.Reissue, Applicants.LegalAgent, Tuesday,
            ("reissue-reason", "lost"), ("holder-status", "under-15"), ("relation-local", "yes"), ("lost-where", "home"));
        // A child has no list-A document: two list-B documents (health insurance card, 医療証) are what the page asks.
        var met = Check(g, [], ["drivers-licence"], holderOther: new(0, 2, 0));
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);

        var one = Check(g, [], ["drivers-licence"], holderOther: new(0, 1, 0));
        Assert.Equal(CounterCheckOutcome.Missing, one.Outcome);
    }

    [Fact]
    public void Atsugi_without_a_catalogue_reaches_met_with_category_choices()
    {
        var g = Answered(Atsugi, Procedures.Abolition, Applicants.LegalAgent);
        var missing = Check(g, [], []);
        Assert.Equal(CounterCheckOutcome.Missing, missing.Outcome);

        var met = Check(g, [], [], holderOther: new(0, 2, 0), agentOther: new(1, 1, 0));
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
    }

    [Fact]
    public void Niigata_three_B_documents_need_one_with_a_photo()
    {
        var g = SeedRules.Evaluate(Niigata, Procedures.Reissue, Applicants.VoluntaryAgent, Tuesday, ("reissue-reason", "expiring"), ("old-card-held", "yes"), ("ward", "chuo"));
        var noPhoto = Check(g, [], ["passport", "driving-licence"], holderOther: new(0, 3, 0));
        Assert.Equal(CounterCheckOutcome.Missing, noPhoto.Outcome);
        var photo = Check(g, [], ["passport", "driving-licence"], holderOther: new(0, 2, 1));
        Assert.Equal(CounterCheckOutcome.Met, photo.Outcome);
    }

    [Fact]
    public void A_rule_without_combination_is_met_only_once_the_clerk_confirms_it()
    {
        var g = Answered(Niigata, Procedures.PinReset, Applicants.Self);
        var rule = g.IdRules.Single();
        Assert.Null(rule.Combination);
        Assert.Equal(CounterCheckOutcome.NeedsJudgement, Check(g, ["passport"], []).Outcome);

        var confirmed = Check(g, ["passport"], [], judged: [rule.Id]);
        Assert.Equal(CounterCheckOutcome.Met, confirmed.Outcome);
        Assert.True(confirmed.IdRules.Single().ConfirmedByClerk);
    }

    [Fact]
    public void Bad_counts_and_unknown_confirmed_rules_are_errors_not_exceptions()
    {
        var g = ShinagawaPin(Applicants.VoluntaryAgent);
        var r = Check(g, [], [], holderOther: new(-1, 10, 0), judged: ["no-such-rule"]);
        Assert.Equal(CounterCheckOutcome.Invalid, r.Outcome);
        Assert.Contains(r.Errors, e => e.Code == CounterCheck.InvalidCount && e.Value == "-1");
        Assert.Contains(r.Errors, e => e.Code == CounterCheck.InvalidCount && e.Value == "10");
        Assert.Contains(r.Errors, e => e.Code == CounterCheck.UnknownRule && e.Value == "no-such-rule");
    }

    /// <summary>
    /// For every municipality, procedure, applicant kind, answer path and visit that the page covers: a resident who
    /// brings every item and, for each ID rule, the documents of one of its alternatives (by category), reaches "met";
    /// with no documents at all, no case with a combination is "met".
    /// </summary>
    [Fact]
    public void Every_covered_case_of_every_municipality_reaches_met_with_what_the_page_asks()
    {
        var cases = 0;
        foreach (var code in Municipalities)
        {
            var rules = SeedRules.For(code);
            foreach (var procedure in Procedures.All)
            {
                foreach (var applicant in Applicants.All)
                {
                    foreach (var @case in AnswerPaths.For(rules, procedure, applicant).Where(c => c.Complete))
                    {
                        var g = @case.Evaluate(Tuesday);
                        if (g.Coverage != CoverageStatuses.Covered)
                        {
                            continue;
                        }

                        for (var visit = 1; visit <= CounterCheck.VisitCount(g); visit++)
                        {
                            var rulesOfVisit = g.IdRules.Where(r => r.Visit is null || r.Visit == visit).ToList();
                            OtherDocuments Needed(string subject) => rulesOfVisit.Where(r => r.Subject == subject && r.Combination is not null)
                                .Select(r => r.Combination!.Alternatives[0])
                                .Aggregate(OtherDocuments.None, (n, a) => new(Math.Max(n.A, a.A), Math.Max(n.B, a.B - a.MinPhotos), Math.Max(n.BWithPhoto, a.MinPhotos)));
                            var judged = rulesOfVisit.Where(r => r.Combination is null).Select(r => r.Id).ToArray();
                            var met = Check(g, [], [], Needed(IdSubjects.Holder), Needed(IdSubjects.Agent), visit, judged);
                            Assert.True(met.Outcome == CounterCheckOutcome.Met,
                                $"{code} {procedure} {applicant} {string.Join(',', g.Answers.Select(a => a.Value))} visit {visit}: {met.Outcome}");
                            if (rulesOfVisit.Any(r => r.Combination is not null))
                            {
                                Assert.Equal(CounterCheckOutcome.Missing, Check(g, [], [], visit: visit).Outcome);
                            }

                            cases++;
                        }
                    }
                }
            }
        }

        Assert.True(cases > 50, $"only {cases} cases");
    }
}
