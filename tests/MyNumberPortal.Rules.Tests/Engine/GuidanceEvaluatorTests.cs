using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>The evaluator's mechanism, on a small made-up rule set (municipal facts are tested on the seed files).</summary>
public sealed class GuidanceEvaluatorTests
{
    private const string National = """
        formatVersion: 1
        scope: national
        sources:
          - id: nat
            file: nat.txt
            title: {ja: 国, en: National}
        phones:
          - id: hotline
            name: {ja: ホットライン, en: Hotline}
            number: 0120-00-0000
            source: {doc: nat, quote: q}
        questions:
          - id: where
            text: {ja: どこ, en: Where}
            options:
              - {value: home, label: {ja: 家, en: Home}}
              - {value: outside, label: {ja: 外, en: Outside}}
          - id: unused
            text: {ja: 未使用, en: Unused}
            options:
              - {value: a, label: {ja: a, en: a}}
              - {value: b, label: {ja: b, en: b}}
        steps:
          - id: call
            order: 10
            procedures: [lost-card]
            title: {ja: 電話, en: Call}
            phones: [hotline]
            source: {doc: nat, quote: q}
        """;

    private const string Municipal = """
        formatVersion: 1
        scope: "142123"
        municipality:
          code: "142123"
          name: {ja: 市, en: City}
          inquiryPhone: city
        sources:
          - id: city
            file: city.txt
            title: {ja: 市のページ, en: City page}
            updated: 2025-12-26
        phones:
          - id: city
            name: {ja: 市役所, en: City hall}
            number: 046-225-2039
            source: {doc: city, quote: q}
        questions:
          - id: kind
            procedures: [reissue]
            when: where = outside
            text: {ja: 種類, en: Kind}
            options:
              - {value: x, label: {ja: x, en: x}}
              - {value: y, label: {ja: y, en: y}}
        coverage:
          - procedures: [abolition]
            applicants: [voluntary-agent]
            reason: {ja: ページに記載なし, en: Not on the page}
            source: {doc: city, quote: q}
        steps:
          - id: police
            order: 20
            procedures: [lost-card]
            when: where = outside
            title: {ja: 警察, en: Police}
            source: {doc: city, quote: q}
        items:
          - id: receipt
            procedures: [reissue]
            when: where = outside and kind = x
            text: {ja: 受理番号, en: Receipt number}
            source: {doc: city, quote: q}
        idRules:
          - id: self
            procedures: [reissue, abolition]
            rule: A×1 or B×2
            source: {doc: city, quote: q}
        idDocuments:
          - {id: licence, category: A, photo: true, name: {ja: 運転免許証, en: Driving licence}, source: {doc: city, quote: q}}
          - {id: insurance, category: B, name: {ja: 保険証, en: Health insurance card}, source: {doc: city, quote: q}}
        fees:
          - id: reissue
            procedures: [reissue]
            name: {ja: 再交付手数料, en: Reissue fee}
            items:
              - {id: card, label: {ja: カード, en: Card}, amount: 800, source: {doc: city, quote: q}}
              - {id: cert, label: {ja: 電子証明書, en: Certificate}, amount: 200, source: {doc: city, quote: q}}
            exemptions:
              - id: disaster
                when: kind = y
                reason: {ja: 災害, en: Disaster}
                evidence: {ja: 罹災証明書, en: Disaster certificate}
                source: {doc: city, quote: q}
            source: {doc: city, quote: q}
        visits:
          - id: general
            count: 1
            source: {doc: city, quote: q}
          - id: agent
            applicants: [voluntary-agent]
            count: 2
            completesSameDay: false
            validDays: 30
            source: {doc: city, quote: q}
        counters:
          - id: main
            name: {ja: 本庁, en: City hall}
            phone: 046-225-2039
            hours:
              - {days: [mon, tue, wed, thu, fri], open: "08:30", close: "17:15"}
            closures:
              - {kind: national-holidays}
            source: {doc: city, quote: q}
          - id: branch
            name: {ja: 支所, en: Branch}
            accepts:
              - {procedures: [reissue], applicants: [self]}
            source: {doc: city, quote: q}
        """;

    private static readonly CompiledRuleSet Rules = CompiledRuleSet.Compile(RuleSetYaml.Read(National), RuleSetYaml.Read(Municipal));
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    /// <summary>The case read once, and its guidance when it is complete.</summary>
    private sealed record Evaluated(GuideCase Case, Guidance? Guidance);

    private static Evaluated Evaluate(string procedure, string applicant, params (string, string)[] answers)
    {
        var @case = GuideCase.Read(Rules, procedure, applicant, answers.Select(a => KeyValuePair.Create(a.Item1, a.Item2)));
        return new(@case, @case.Complete ? @case.Evaluate(Tuesday) : null);
    }

    private static GuideCase Case(string procedure, string applicant, Dictionary<string, string> answers) =>
        GuideCase.Read(Rules, procedure, applicant, answers);

    [Fact]
    public void Asks_only_questions_some_rule_of_the_case_reads()
    {
        var @case = Case(Procedures.Reissue, Applicants.Self, []);
        Assert.Equal("where", @case.NextQuestion!.Id);
        @case = Case(Procedures.Reissue, Applicants.Self, new() { ["where"] = "outside" });
        Assert.Equal("kind", @case.NextQuestion!.Id);
        @case = Case(Procedures.Reissue, Applicants.Self, new() { ["where"] = "home" });
        Assert.True(@case.Complete);
        // "unused" is never asked: no rule reads it. abolition reads nothing: no questions at all.
        Assert.True(Case(Procedures.Abolition, Applicants.Self, []).Complete);
    }

    [Fact]
    public void A_missing_answer_is_the_next_question_and_the_case_is_not_complete()
    {
        var result = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "outside"));
        Assert.Empty(result.Case.Problems);
        Assert.False(result.Case.Complete);
        Assert.Equal("kind", result.Case.NextQuestion?.Id);
        Assert.Throws<InvalidOperationException>(() => result.Case.Evaluate(Tuesday));
    }

    [Fact]
    public void Unknown_questions_and_answers_outside_the_options_are_problems()
    {
        var result = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "moon"), ("colour", "red"));
        Assert.Equal([(CaseProblemKind.InvalidAnswer, "where", "moon"), (CaseProblemKind.UnknownQuestion, "colour", "red")],
            result.Case.Problems.Select(p => (p.Kind, p.Field, p.Value)));
        Assert.False(result.Case.IsValid);
        Assert.Contains(Evaluate("lost", Applicants.Self).Case.Problems, p => p is { Kind: CaseProblemKind.UnknownProcedure, Field: "procedure" });
        Assert.Contains(Evaluate(Procedures.Reissue, "cousin").Case.Problems, p => p is { Kind: CaseProblemKind.UnknownApplicant, Field: "applicant" });
    }

    [Fact]
    public void Answers_to_questions_not_asked_are_ignored()
    {
        // "kind" is only asked when where = outside; a stale kind=x must not add the receipt item.
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "home"), ("kind", "x")).Guidance!;
        Assert.DoesNotContain(guidance.Items, i => i.Id == "receipt");
        Assert.Equal(["where"], guidance.Answers.Select(a => a.QuestionId));
    }

    [Fact]
    public void Items_follow_their_conditions()
    {
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "outside"), ("kind", "x")).Guidance!;
        var item = Assert.Single(guidance.Items);
        Assert.Equal("receipt", item.Id);
        Assert.Equal("city", item.Source!.Document.Id);
        Assert.Equal("2025-12-26", item.Source.Document.Updated);
    }

    [Fact]
    public void Fee_is_the_sum_of_its_items_and_an_exemption_waives_it()
    {
        var paid = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "outside"), ("kind", "x")).Guidance!.Fee;
        Assert.Equal(1000, paid.Total);
        Assert.Equal([800, 200], paid.Items.Select(i => i.Amount));
        Assert.Empty(paid.Exemptions);

        var waived = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "outside"), ("kind", "y")).Guidance!.Fee;
        Assert.Equal(0, waived.Total);
        Assert.Equal("罹災証明書", Assert.Single(waived.Exemptions).Evidence!.Ja);
        Assert.True(paid.Stated);
        Assert.True(waived.Stated);
        var none = Evaluate(Procedures.Abolition, Applicants.Self).Guidance!.Fee;
        Assert.True(none.IsFree);
        Assert.False(none.Stated);
    }

    [Fact]
    public void Id_rule_comes_with_examples_from_the_catalogue()
    {
        var rule = Assert.Single(Evaluate(Procedures.Abolition, Applicants.Self).Guidance!.IdRules);
        Assert.Equal("A×1 or B×2", rule.Combination!.ToString());
        Assert.Equal(["licence", "insurance"], rule.Examples.Select(e => e.Id));
    }

    [Fact]
    public void The_last_matching_visits_entry_wins()
    {
        Assert.Equal(1, Evaluate(Procedures.Reissue, Applicants.Self, ("where", "home")).Guidance!.Visits!.Count);
        var agent = Evaluate(Procedures.Reissue, Applicants.VoluntaryAgent, ("where", "home")).Guidance!.Visits!;
        Assert.Equal((2, false, 30), (agent.Count, agent.CompletesSameDay, agent.ValidDays));
    }

    [Fact]
    public void Counters_are_those_that_accept_the_case_with_their_next_openings()
    {
        var self = Evaluate(Procedures.Reissue, Applicants.Self, ("where", "home")).Guidance!.Counters;
        Assert.Equal(["main", "branch"], self.Select(c => c.Id));
        Assert.Equal(3, self[0].NextOpenings.Count);
        Assert.Equal(Tuesday, self[0].NextOpenings[0].Date);
        Assert.False(self[1].HoursPublished);
        Assert.Empty(self[1].NextOpenings);

        var agent = Evaluate(Procedures.Reissue, Applicants.LegalAgent, ("where", "home")).Guidance!.Counters;
        Assert.Equal(["main"], agent.Select(c => c.Id));
    }

    [Fact]
    public void Uncovered_case_sends_the_resident_to_the_phone_and_lists_nothing_to_bring()
    {
        var guidance = Evaluate(Procedures.Abolition, Applicants.VoluntaryAgent).Guidance!;
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Equal("Not on the page", guidance.CoverageReason!.En);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.Equal("046-225-2039", Assert.Single(guidance.Phones).Number);
    }

    [Fact]
    public void National_steps_come_first_with_their_phones()
    {
        var guidance = Evaluate(Procedures.LostCard, Applicants.Self, ("where", "outside")).Guidance!;
        Assert.Equal(["call", "police"], guidance.Steps.Select(s => s.Id));
        Assert.Equal("0120-00-0000", Assert.Single(guidance.Steps[0].Phones).Number);
        Assert.Equal(["hotline", "city"], guidance.Phones.Select(p => p.Id));
        Assert.Equal(["city", "nat"], guidance.Sources.Select(s => s.Id));
    }

    [Theory]
    [InlineData("where = moon", "\"moon\" is not an answer of \"where\"")]
    [InlineData("colour = red", "\"colour\" is not a question")]
    [InlineData("where =", "expected a value")]
    public void Compile_rejects_conditions_that_refer_to_nothing(string when, string expected)
    {
        var document = RuleSetYaml.Read(Municipal);
        document.Items[0].When = when;
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(RuleSetYaml.Read(National), document));
        Assert.Contains(ex.Errors, e => e.Contains(expected, StringComparison.Ordinal) && e.StartsWith("items.receipt", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_lists_every_problem()
    {
        var document = RuleSetYaml.Read(Municipal);
        document.Municipality!.Code = "142120";
        document.IdRules[0].Rule = "C×1";
        document.Counters[0].Hours[0].Close = "07:00";
        document.Items[0].Source = null;
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(RuleSetYaml.Read(National), document));
        Assert.Contains(ex.Errors, e => e.StartsWith("municipality.code", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("idRules.self", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("must be before closing time", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.StartsWith("items.receipt: every fact needs a source", StringComparison.Ordinal));
    }

    [Fact]
    public void Catalog_resolves_the_version_in_force_on_the_date()
    {
        var national = RuleSetYaml.Read(National);
        var v1 = RuleSetYaml.Read(Municipal);
        var v2 = RuleSetYaml.Read(Municipal);
        v2.Fees[0].Items[0].Amount = 900;
        var catalog = new RuleCatalog(national, [
            new PublishedRuleSet("142123", 1, null, v1),
            new PublishedRuleSet("142123", 2, new DateOnly(2027, 4, 1), v2),
        ]);
        Assert.Equal(1, catalog.Resolve("142123", new DateOnly(2027, 3, 31))!.Version);
        Assert.Equal(2, catalog.Resolve("142123", new DateOnly(2027, 4, 1))!.Version);
        Assert.Null(catalog.Resolve("131091", Tuesday));
        Assert.Empty(catalog.Errors);
    }

    [Fact]
    public void Compile_refuses_a_rule_set_out_of_bounds_with_those_problems_alone()
    {
        var document = RuleSetYaml.Read(Municipal);
        document.Fees[0].Items[0].Amount = -1;
        document.IdRules[0].Rule = "C×1";
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(RuleSetYaml.Read(National), document));
        Assert.Equal([$"fees.{document.Fees[0].Id}.items.{document.Fees[0].Items[0].Id}.amount: -1 is out of range (0 to 1,000,000)."], ex.Errors);
    }

    [Fact]
    public void Catalog_keeps_a_broken_version_as_unavailable_on_the_dates_it_is_in_force()
    {
        var national = RuleSetYaml.Read(National);
        var broken = RuleSetYaml.Read(Municipal);
        broken.IdRules[0].Rule = "nonsense";
        var catalog = new RuleCatalog(national, [
            new PublishedRuleSet("142123", 1, null, RuleSetYaml.Read(Municipal)),
            new PublishedRuleSet("142123", 2, new DateOnly(2026, 1, 1), broken),
        ]);
        // Before the broken version takes effect, version 1 is served; from then on, not an older version but "unavailable".
        Assert.Equal(1, catalog.Resolve("142123", new DateOnly(2025, 12, 31))!.Version);
        var ex = Assert.Throws<RuleSetUnavailableException>(() => catalog.Resolve("142123", Tuesday));
        Assert.Equal(2, ex.RuleSet.Version);
        Assert.Equal(["idRules.self"], ex.RuleSet.ProblemPaths);
        Assert.Empty(catalog.InForce(Tuesday));
        Assert.Equal("142123", Assert.Single(catalog.UnavailableInForce(Tuesday)).Code);
        Assert.NotEmpty(catalog.Errors);
    }

    [Fact]
    public void Compile_rejects_a_question_whose_condition_reads_a_later_question()
    {
        var national = RuleSetYaml.Read(National);
        (national.Questions[0], national.Questions[1]) = (national.Questions[1], national.Questions[0]);
        national.Questions[0].When = "where = home";
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(national, RuleSetYaml.Read(Municipal)));
        Assert.Contains(ex.Errors, e => e.StartsWith("questions.unused.when: reads \"where\", which is asked later", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("step")]
    [InlineData("was")]
    [InlineData("lang")]
    [InlineData("applicant")]
    public void Compile_rejects_question_ids_the_URLs_use_for_other_things(string id)
    {
        var national = RuleSetYaml.Read(National);
        national.Questions[1].Id = id;
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(national, RuleSetYaml.Read(Municipal)));
        Assert.Contains(ex.Errors, e => e.StartsWith($"questions.{id}: ids are lower-case letters", StringComparison.Ordinal));
    }

    [Fact]
    public void Compile_rejects_more_options_or_questions_than_a_reference_code_holds()
    {
        var national = RuleSetYaml.Read(National);
        national.Questions[0].Options = Enumerable.Range(0, ReferenceCode.MaxOptions + 1)
            .Select(i => new AnswerOption { Value = $"o{i}", Label = new() { Ja = $"選択{i}", En = $"Option {i}" } }).ToList();
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(national, RuleSetYaml.Read(Municipal)));
        Assert.Contains(ex.Errors, e => e.Contains($"has {ReferenceCode.MaxOptions + 1} options; at most {ReferenceCode.MaxOptions}", StringComparison.Ordinal));

        national = RuleSetYaml.Read(National);
        var template = national.Questions[^1];
        national.Questions.AddRange(Enumerable.Range(0, ReferenceCode.MaxQuestions).Select(i => new QuestionDef
        {
            Id = $"extra-{i}", Text = template.Text, Options = template.Options, Source = template.Source,
        }));
        ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(national, RuleSetYaml.Read(Municipal)));
        Assert.Contains(ex.Errors, e => e.StartsWith("questions: ", StringComparison.Ordinal) && e.Contains($"at most {ReferenceCode.MaxQuestions}", StringComparison.Ordinal));
    }

    [Fact]
    public void Rule_file_errors_name_the_line()
    {
        var ex = Assert.Throws<RuleFileFormatException>(() => RuleSetYaml.Read("formatVersion: 1\nscope: x\nnonsenseKey: 3\n"));
        Assert.Equal(3, ex.Line);
    }
}
