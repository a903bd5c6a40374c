using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>
/// The counter check (clerk mode) on the shipped seed rules: ticked items and identity documents against a case.
/// Document ids are taken from the seed catalogues: Niigata (151009) lists A and B documents, Shinagawa (131091)
/// only two A documents, Koganei, Edogawa and Atsugi none.
/// </summary>
public sealed class CounterCheckTests
{
    private const string Niigata = "151009";
    private const string Shinagawa = "131091";
    private const string Koganei = "132101";
    private const string Edogawa = "131237";
    private const string Atsugi = "142123";

    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    // 新潟市 asks the resident's ward (its counters depend on it); an answer to a question a case does not ask is ignored.
    private static Guidance Case(string code, string procedure, string applicant, params (string, string)[] answers) =>
        SeedRules.Evaluate(code, procedure, applicant, Tuesday, code == "151009" && answers.All(a => a.Item1 != "ward") ? [.. answers, ("ward", "chuo")] : answers);

    private static CounterCheckResult Check(Guidance guidance, string[] items, string[] holder, string[] agent, int visit = 1) =>
        CounterCheck.Evaluate(SeedRules.For(guidance.MunicipalityCode),
            new CounterCheckRequest(guidance, items.ToHashSet(StringComparer.Ordinal), holder, agent, visit));

    private static void AssertShortfalls(CounterIdRuleCheck rule, params (string Alternative, int MissingA, int MissingB, int MissingPhotos)[] expected)
    {
        Assert.Equal(IdRuleCheckStatus.Missing, rule.Status);
        Assert.Null(rule.SatisfiedBy);
        Assert.Equal(expected, rule.Closest.Select(s => (s.Alternative.ToString(), s.MissingA, s.MissingB, s.MissingPhotos)));
    }

    private static void AssertSatisfied(CounterIdRuleCheck rule, string id, string subject, string by)
    {
        Assert.Equal(id, rule.Id);
        Assert.Equal(subject, rule.Subject);
        Assert.Equal(IdRuleCheckStatus.Satisfied, rule.Status);
        Assert.Equal(by, rule.SatisfiedBy?.ToString());
        Assert.Empty(rule.Closest);
    }

    // ── 新潟市: self, renewal receipt (A×1 or B×2) ───────────────────────────────────────────

    private static Guidance NiigataRenewal(string applicant, params (string, string)[] more) =>
        Case(Niigata, Procedures.Reissue, applicant, [("reissue-reason", "expiring"), ("old-card-held", "yes"), .. more]);

    [Fact]
    public void Niigata_self_renewal_one_A_document_and_all_items_is_met_free_and_completes_today()
    {
        var g = NiigataRenewal(Applicants.Self);
        Assert.Equal(["notice-renewal", "old-card"], g.Items.Select(i => i.Id));

        var r = Check(g, ["notice-renewal", "old-card"], ["passport"], []);

        Assert.Equal(CounterCheckOutcome.Met, r.Outcome);
        Assert.True(r.Met);
        Assert.False(r.RequiresJudgement);
        Assert.False(r.NotCovered);
        Assert.Empty(r.Errors);
        Assert.Empty(r.MissingItems);
        AssertSatisfied(Assert.Single(r.IdRules), "holder-receipt-renewal", IdSubjects.Holder, "A×1");
        Assert.Equal("A×1 or B×2", r.IdRules[0].RuleText);
        Assert.False(r.IdRules[0].CatalogueIncomplete);
        Assert.Equal(["passport"], r.HolderDocuments.Select(d => d.Id));
        // 「有効期限到来による更新(無料)」: stated, 0 yen; one visit, same day.
        Assert.True(r.Fee.Stated);
        Assert.Equal(0, r.Fee.Total);
        Assert.Equal(1, r.Visits?.Count);
        Assert.True(r.CompletesToday);
    }

    [Fact]
    public void Niigata_self_renewal_two_B_documents_are_met()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], ["health-insurance-card", "pension-book"], []);

        Assert.True(r.Met);
        AssertSatisfied(Assert.Single(r.IdRules), "holder-receipt-renewal", IdSubjects.Holder, "B×2");
    }

    [Fact]
    public void Niigata_self_renewal_one_B_document_lacks_one_A_or_one_more_B()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], ["health-insurance-card"], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        Assert.False(r.Met);
        var rule = Assert.Single(r.IdRules);
        Assert.Equal("holder-receipt-renewal", rule.Id);
        AssertShortfalls(rule, ("A×1", 1, 0, 0), ("B×2", 0, 1, 0));
    }

    [Fact]
    public void Niigata_self_renewal_no_document_lacks_one_A()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], [], []);

        var rule = Assert.Single(r.IdRules);
        AssertShortfalls(rule, ("A×1", 1, 0, 0));
    }

    [Fact]
    public void The_same_document_listed_twice_counts_once()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], ["health-insurance-card", "health-insurance-card"], []);

        Assert.Empty(r.Errors);
        Assert.Equal(["health-insurance-card"], r.HolderDocuments.Select(d => d.Id));
        AssertShortfalls(Assert.Single(r.IdRules), ("A×1", 1, 0, 0), ("B×2", 0, 1, 0));
        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
    }

    [Fact]
    public void A_missing_required_item_is_named_even_when_the_documents_are_enough()
    {
        // 「持参しないと有料扱い」: the old card is an item of the case once the resident said they can bring it.
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal"], ["driving-licence"], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        var item = Assert.Single(r.MissingItems);
        Assert.Equal("old-card", item.Id);
        Assert.Equal("古いマイナンバーカード", item.Text.Ja);
        AssertSatisfied(Assert.Single(r.IdRules), "holder-receipt-renewal", IdSubjects.Holder, "A×1");
    }

    [Fact]
    public void Unknown_document_ids_are_errors_not_exceptions_and_the_known_ones_still_count()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card"], ["passport", "pasport", "pasport"], []);

        Assert.Equal(CounterCheckOutcome.Invalid, r.Outcome);
        Assert.False(r.Met);
        var error = Assert.Single(r.Errors);
        Assert.Equal((CounterCheck.HolderDocumentsField, "unknown-document", "pasport"), (error.Field, error.Code, error.Value));
        Assert.Equal(["passport"], r.HolderDocuments.Select(d => d.Id));
        AssertSatisfied(Assert.Single(r.IdRules), "holder-receipt-renewal", IdSubjects.Holder, "A×1");
    }

    [Fact]
    public void Unknown_item_ids_and_impossible_visits_are_errors()
    {
        var r = Check(NiigataRenewal(Applicants.Self), ["notice-renewal", "old-card", "photo"], ["passport"], [], visit: 2);

        Assert.Equal(CounterCheckOutcome.Invalid, r.Outcome);
        Assert.Equal([(CounterCheck.VisitField, "invalid-visit", "2"), (CounterCheck.ItemsField, "unknown-item", "photo")],
            r.Errors.Select(e => (e.Field, e.Code, e.Value)));
    }

    // ── 新潟市: self, reissue after loss: two visits (application: no combination; receipt: A×1 or B×2) ──

    private static Guidance NiigataLost(string noto = "no") =>
        Case(Niigata, Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "home"), ("noto-earthquake", noto));

    [Fact]
    public void Niigata_loss_reissue_first_visit_has_only_a_rule_without_combination_needs_judgement()
    {
        // 「手続にあたり、本人確認書類の提示が必要です。」 — no count or combination for the application.
        var r = Check(NiigataLost(), [], ["passport"], []);

        Assert.Equal(CounterCheckOutcome.NeedsJudgement, r.Outcome);
        Assert.False(r.Met);
        Assert.True(r.RequiresJudgement);
        Assert.Empty(r.MissingItems); // the issue notice is for visit 2
        var rule = Assert.Single(r.IdRules);
        Assert.Equal(("holder-reissue-application", IdRuleCheckStatus.NeedsJudgement, JudgementReasons.NoCombination), (rule.Id, rule.Status, rule.JudgementReason));
        Assert.Null(rule.RuleText);
        Assert.Empty(rule.Closest);
        Assert.StartsWith("紛失・廃止届と再交付申請には", rule.Note?.Ja, StringComparison.Ordinal);
        // 1,000 yen (800 + 200), two visits, not today.
        Assert.True(r.Fee.Stated);
        Assert.Equal(1000, r.Fee.Total);
        Assert.Equal(2, r.Visits?.Count);
        Assert.False(r.CompletesToday);
    }

    [Fact]
    public void Niigata_loss_reissue_second_visit_checks_the_receipt_rule_and_the_notice()
    {
        var g = NiigataLost();

        var met = Check(g, ["notice-lost"], ["health-insurance-card", "student-id"], [], visit: 2);
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
        AssertSatisfied(Assert.Single(met.IdRules), "holder-receipt-lost", IdSubjects.Holder, "B×2");
        Assert.True(met.CompletesToday);

        var missing = Check(g, [], ["health-insurance-card"], [], visit: 2);
        Assert.Equal(CounterCheckOutcome.Missing, missing.Outcome);
        Assert.Equal(["notice-lost"], missing.MissingItems.Select(i => i.Id));
        AssertShortfalls(Assert.Single(missing.IdRules), ("A×1", 1, 0, 0), ("B×2", 0, 1, 0));
    }

    [Fact]
    public void Niigata_noto_exemption_is_passed_through_with_its_evidence_item()
    {
        var g = NiigataLost(noto: "yes");

        var r = Check(g, [], [], []);
        Assert.Equal(["disaster-certificate"], r.MissingItems.Select(i => i.Id));
        Assert.True(r.Fee.Stated);
        Assert.Equal(0, r.Fee.Total);
        Assert.Equal(["noto-earthquake"], r.Fee.Exemptions.Select(x => x.Id));
    }

    // ── 新潟市: household member and voluntary agent receiving a renewed card ─────────────────
    // Holder: A×2 or A×1+B×1 or B×3 with photo≥1. Agent: A×2 or A×1+B×1.

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Niigata_proxy_receipt_holder_and_agent_documents_each_satisfy_their_own_rule(string applicant)
    {
        var g = NiigataRenewal(applicant);
        Assert.Equal(["notice-proxy", "old-card", "proxy-reason-proof"], g.Items.Select(i => i.Id));

        var r = Check(g, ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["health-insurance-card", "pension-book", "face-photo-certificate"], ["driving-licence", "employee-id"]);

        Assert.Equal(CounterCheckOutcome.Met, r.Outcome);
        Assert.Equal(2, r.IdRules.Count);
        AssertSatisfied(r.IdRules[0], "holder-proxy-receipt", IdSubjects.Holder, "B×3 with photo≥1");
        AssertSatisfied(r.IdRules[1], "agent-proxy-receipt", IdSubjects.Agent, "A×1+B×1");
    }

    [Fact]
    public void Niigata_proxy_receipt_three_B_documents_without_a_photo_lack_a_photo_document()
    {
        var r = Check(NiigataRenewal(Applicants.HouseholdMember), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["health-insurance-card", "pension-book", "care-insurance-card"], ["passport", "residence-card"]);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        var holder = r.IdRules[0];
        Assert.Equal("holder-proxy-receipt", holder.Id);
        AssertShortfalls(holder, ("A×1+B×1", 1, 0, 0), ("B×3 with photo≥1", 0, 0, 1));
        AssertSatisfied(r.IdRules[1], "agent-proxy-receipt", IdSubjects.Agent, "A×2");
    }

    [Fact]
    public void Niigata_proxy_receipt_two_B_documents_lack_an_A_or_a_third_B_with_a_photo()
    {
        var r = Check(NiigataRenewal(Applicants.VoluntaryAgent), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["health-insurance-card", "pension-book"], ["passport", "residence-card"]);

        var holder = r.IdRules[0];
        AssertShortfalls(holder, ("A×1+B×1", 1, 0, 0), ("B×3 with photo≥1", 0, 1, 1));
    }

    [Fact]
    public void Niigata_agent_rule_is_not_satisfied_by_the_holders_documents()
    {
        // The holder's two A documents satisfy the holder's rule; the agent showed nothing of their own.
        var r = Check(NiigataRenewal(Applicants.HouseholdMember), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["passport", "driving-licence"], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        AssertSatisfied(r.IdRules[0], "holder-proxy-receipt", IdSubjects.Holder, "A×2");
        var agent = r.IdRules[1];
        Assert.Equal(("agent-proxy-receipt", IdSubjects.Agent), (agent.Id, agent.Subject));
        AssertShortfalls(agent, ("A×2", 2, 0, 0), ("A×1+B×1", 1, 1, 0));
        Assert.Empty(r.AgentDocuments);
    }

    [Fact]
    public void Niigata_holder_rule_is_not_satisfied_by_the_agents_documents()
    {
        var r = Check(NiigataRenewal(Applicants.VoluntaryAgent), ["notice-proxy", "old-card", "proxy-reason-proof"],
            [], ["passport", "driving-licence", "health-insurance-card"]);

        AssertShortfalls(r.IdRules[0], ("A×2", 2, 0, 0), ("A×1+B×1", 1, 1, 0));
        AssertSatisfied(r.IdRules[1], "agent-proxy-receipt", IdSubjects.Agent, "A×2");
    }

    [Fact]
    public void Niigata_agent_with_two_B_documents_is_rejected()
    {
        var r = Check(NiigataRenewal(Applicants.VoluntaryAgent), ["notice-proxy", "old-card", "proxy-reason-proof"],
            ["passport", "driving-licence"], ["health-insurance-card", "student-id"]);

        var agent = r.IdRules[1];
        AssertShortfalls(agent, ("A×1+B×1", 1, 0, 0));
    }

    // ── 新潟市: legal agent accompanying a child under 15 (holder A×1 or B×2, agent A×1 or B×2) ──

    [Fact]
    public void Niigata_legal_agent_renewal_checks_the_childs_and_the_representatives_documents()
    {
        var g = NiigataRenewal(Applicants.LegalAgent, ("holder-status", "under-15"), ("relation-local", "yes"));
        Assert.Equal(["notice-renewal", "old-card"], g.Items.Select(i => i.Id));

        var met = Check(g, ["notice-renewal", "old-card"], ["health-insurance-card", "maternal-handbook"], ["driving-licence"]);
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
        AssertSatisfied(met.IdRules[0], "holder-receipt-renewal", IdSubjects.Holder, "B×2");
        AssertSatisfied(met.IdRules[1], "legal-agent-receipt", IdSubjects.Agent, "A×1");

        var rejected = Check(g, ["notice-renewal", "old-card"], ["health-insurance-card", "maternal-handbook"], ["employee-id"]);
        Assert.Equal(CounterCheckOutcome.Missing, rejected.Outcome);
        AssertSatisfied(rejected.IdRules[0], "holder-receipt-renewal", IdSubjects.Holder, "B×2");
        AssertShortfalls(rejected.IdRules[1], ("A×1", 1, 0, 0), ("B×2", 0, 1, 0));
    }

    // ── 品川区: A-only catalogue; voluntary agent's reissue application; PIN reset in two visits ──

    private static Guidance ShinagawaReissue(string applicant, params (string, string)[] more) =>
        Case(Shinagawa, Procedures.Reissue, applicant, [("reissue-reason", "lost"), ("lost-where", "home"), .. more]);

    [Fact]
    public void Shinagawa_voluntary_agent_reissue_needs_the_agents_own_document()
    {
        var g = ShinagawaReissue(Applicants.VoluntaryAgent);
        Assert.Equal(["reissue-photo", "reissue-power-of-attorney"], g.Items.Select(i => i.Id));
        string[] items = ["reissue-photo", "reissue-power-of-attorney"];

        var met = Check(g, items, ["drivers-licence"], ["my-number-card"]);
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
        AssertSatisfied(met.IdRules[0], "reissue-holder-id", IdSubjects.Holder, "A×1");
        AssertSatisfied(met.IdRules[1], "reissue-voluntary-agent-id", IdSubjects.Agent, "A×1");
        // The catalogue names no B document, so "B×2" cannot be ticked: flagged for the page.
        Assert.True(met.IdRules[0].CatalogueIncomplete);
        Assert.Equal(1000, met.Fee.Total);
        Assert.False(met.CompletesToday);

        // The holder's two documents do not make up for the agent's own.
        var rejected = Check(g, items, ["drivers-licence", "my-number-card"], []);
        Assert.Equal(CounterCheckOutcome.Missing, rejected.Outcome);
        AssertSatisfied(rejected.IdRules[0], "reissue-holder-id", IdSubjects.Holder, "A×1");
        AssertShortfalls(rejected.IdRules[1], ("A×1", 1, 0, 0));
        Assert.Equal("reissue-voluntary-agent-id", rejected.IdRules[1].Id);
    }

    [Fact]
    public void Shinagawa_self_reissue_without_the_photo_item_is_missing_it()
    {
        var r = Check(ShinagawaReissue(Applicants.Self), [], ["my-number-card"], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        Assert.Equal(["reissue-photo"], r.MissingItems.Select(i => i.Id));
        AssertSatisfied(Assert.Single(r.IdRules), "reissue-holder-id", IdSubjects.Holder, "A×1");
    }

    [Fact]
    public void Shinagawa_has_no_B_documents_in_its_catalogue_so_a_health_insurance_card_is_unknown()
    {
        var r = Check(ShinagawaReissue(Applicants.Self), ["reissue-photo"], ["health-insurance-card"], []);

        Assert.Equal(CounterCheckOutcome.Invalid, r.Outcome);
        Assert.Equal([(CounterCheck.HolderDocumentsField, "unknown-document", "health-insurance-card")], r.Errors.Select(e => (e.Field, e.Code, e.Value)));
        AssertShortfalls(Assert.Single(r.IdRules), ("A×1", 1, 0, 0));
    }

    [Fact]
    public void Shinagawa_legal_agent_pin_reset_needs_a_photo_A_document_of_the_representative()
    {
        var g = Case(Shinagawa, Procedures.PinReset, Applicants.LegalAgent, ("holder-status", "under-15"), ("relation-local", "yes"), ("pin-which", "four-digit"));
        Assert.Equal(["pin-holder-card-legal"], g.Items.Select(i => i.Id));

        var met = Check(g, ["pin-holder-card-legal"], ["drivers-licence"], ["my-number-card"]);
        Assert.Equal(CounterCheckOutcome.Met, met.Outcome);
        AssertSatisfied(met.IdRules[0], "pin-legal-holder-id", IdSubjects.Holder, "A×1");
        AssertSatisfied(met.IdRules[1], "pin-legal-agent-id", IdSubjects.Agent, "A×1");
        Assert.False(met.IdRules[1].CatalogueIncomplete);
        Assert.False(met.Fee.Stated);
        Assert.Null(met.Visits);
        Assert.Null(met.CompletesToday);

        var rejected = Check(g, ["pin-holder-card-legal"], ["drivers-licence"], []);
        AssertShortfalls(rejected.IdRules[1], ("A×1", 1, 0, 0));
    }

    [Fact]
    public void Shinagawa_voluntary_agent_pin_reset_first_and_second_visit()
    {
        // 「任意代理人による暗証番号の再設定は原則2回来庁をしていただく必要があります。即日で手続きは完了しません。」
        var g = Case(Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent, ("pin-which", "four-digit"));
        Assert.Equal(["pin-holder-card-voluntary", "pin-inquiry-reply-form"], g.Items.Select(i => i.Id));

        // Visit 1: the sealed reply form is not asked for yet.
        var first = Check(g, ["pin-holder-card-voluntary"], ["drivers-licence"], ["my-number-card"], visit: 1);
        Assert.Equal(CounterCheckOutcome.Met, first.Outcome);
        Assert.Equal(1, first.Visit);
        Assert.Equal(["pin-voluntary-holder-id", "pin-voluntary-agent-id"], first.IdRules.Select(x => x.Id));
        Assert.All(first.IdRules, x => Assert.True(x.Satisfied));
        Assert.Equal(2, first.Visits?.Count);
        Assert.Equal(30, first.Visits?.ValidDays);
        Assert.False(first.CompletesToday);

        // Visit 2: the same documents, and the form now is required.
        var second = Check(g, ["pin-holder-card-voluntary"], ["drivers-licence"], ["my-number-card"], visit: 2);
        Assert.Equal(CounterCheckOutcome.Missing, second.Outcome);
        Assert.Equal(["pin-inquiry-reply-form"], second.MissingItems.Select(i => i.Id));
        Assert.Equal("照会書兼回答書(申請者本人が回答書、委任状、暗証番号を記入し、封をしたもの)", second.MissingItems[0].Text.Ja);

        var done = Check(g, ["pin-holder-card-voluntary", "pin-inquiry-reply-form"], ["drivers-licence"], ["my-number-card"], visit: 2);
        Assert.Equal(CounterCheckOutcome.Met, done.Outcome);
        Assert.True(done.CompletesToday);

        // At both visits the agent must show their own A document.
        var noAgentId = Check(g, ["pin-holder-card-voluntary", "pin-inquiry-reply-form"], ["drivers-licence", "my-number-card"], [], visit: 2);
        Assert.Equal(CounterCheckOutcome.Missing, noAgentId.Outcome);
        Assert.True(noAgentId.IdRules[0].Satisfied);
        AssertShortfalls(noAgentId.IdRules[1], ("A×1", 1, 0, 0));
    }

    // ── 小金井市: no combination, no catalogue ──────────────────────────────────────────────

    [Fact]
    public void Koganei_reissue_rule_without_combination_is_reported_for_judgement_and_any_document_id_is_unknown()
    {
        var g = Case(Koganei, Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "home"));

        var judged = Check(g, [], [], []);
        Assert.Equal(CounterCheckOutcome.NeedsJudgement, judged.Outcome);
        Assert.False(judged.Met);
        Assert.True(judged.RequiresJudgement);
        Assert.Empty(judged.MissingItems); // the notice and the enclosed documents are for visit 2
        var rule = Assert.Single(judged.IdRules);
        Assert.Equal(("reissue-id", IdRuleCheckStatus.NeedsJudgement, JudgementReasons.NoCombination), (rule.Id, rule.Status, rule.JudgementReason));
        Assert.Equal(1000, judged.Fee.Total);
        Assert.False(judged.CompletesToday);

        var unknown = Check(g, [], ["drivers-licence"], []);
        Assert.Equal(CounterCheckOutcome.Invalid, unknown.Outcome);
        Assert.Equal("drivers-licence", Assert.Single(unknown.Errors).Value);

        // Visit 2: no ID rule of this visit; the two items are what is checked.
        var second = Check(g, ["reissue-notice"], [], [], visit: 2);
        Assert.Equal(CounterCheckOutcome.Missing, second.Outcome);
        Assert.Empty(second.IdRules);
        Assert.Equal(["reissue-enclosed-documents"], second.MissingItems.Select(i => i.Id));
        Assert.Equal(CounterCheckOutcome.Met, Check(g, ["reissue-notice", "reissue-enclosed-documents"], [], [], visit: 2).Outcome);
    }

    [Fact]
    public void Koganei_missing_item_and_a_judgement_rule_is_missing_and_still_flags_judgement()
    {
        var r = Check(Case(Koganei, Procedures.PinReset, Applicants.Self, ("pin-which", "four-digit")), [], [], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        Assert.True(r.RequiresJudgement);
        Assert.Equal(["pin-card"], r.MissingItems.Select(i => i.Id));
        Assert.Equal("pin-self-id", Assert.Single(r.IdRules).Id);
    }

    [Fact]
    public void Koganei_release_after_a_reissue_application_is_not_accepted()
    {
        var r = Check(Case(Koganei, Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "yes")), [], [], []);

        Assert.Equal(CounterCheckOutcome.NotCovered, r.Outcome);
        Assert.Equal(CoverageStatuses.NotAccepted, r.Coverage);
        Assert.True(r.NotCovered);
        Assert.False(r.Met);
        Assert.StartsWith("再交付の申請後にカードが見つかっても", r.CoverageReason?.Ja, StringComparison.Ordinal);
    }

    // ── 厚木市: combinations but an empty catalogue ──────────────────────────────────────────

    [Fact]
    public void Atsugi_rules_with_a_combination_but_no_catalogue_are_checked_by_category()
    {
        // No catalogue: nothing ticked is missing (documents are recorded as "another document of list A/B", see CounterCheckCategoryTests).
        var r = Check(Case(Atsugi, Procedures.Abolition, Applicants.Self), [], [], []);

        Assert.Equal(CounterCheckOutcome.Missing, r.Outcome);
        var rule = Assert.Single(r.IdRules);
        Assert.Equal(("abolition-self-id", "A×1 or B×2", IdRuleCheckStatus.Missing, (string?)null, true),
            (rule.Id, rule.RuleText, rule.Status, rule.JudgementReason, rule.CatalogueIncomplete));
    }

    // ── 江戸川区: every agent case is ask-counter ────────────────────────────────────────────

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Edogawa_agents_are_ask_counter_and_never_met(string applicant)
    {
        // 「代理人の方がお手続きをされる場合は、必ず事前にお問い合わせください」
        var r = Check(Case(Edogawa, Procedures.Reissue, applicant, ("reissue-reason", "damaged")), [], [], []);

        Assert.Equal(CounterCheckOutcome.NotCovered, r.Outcome);
        Assert.Equal(CoverageStatuses.AskCounter, r.Coverage);
        Assert.False(r.Met);
        Assert.Empty(r.MissingItems);
        Assert.Empty(r.IdRules);
        Assert.False(r.Fee.Stated);
        Assert.Null(r.Visits);
        Assert.StartsWith("このページには「代理人の方がお手続きをされる場合は", r.CoverageReason?.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Guidance_from_another_rule_set_is_a_programming_error()
    {
        var g = NiigataRenewal(Applicants.Self);
        Assert.Throws<ArgumentException>(() => CounterCheck.Evaluate(SeedRules.For(Shinagawa),
            new CounterCheckRequest(g, new HashSet<string>(), [], [])));
    }
}
