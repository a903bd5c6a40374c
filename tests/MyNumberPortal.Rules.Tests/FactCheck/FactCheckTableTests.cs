using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.FactCheck;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.FactCheck;

/// <summary>The fact-check table on the shipped seed rules: one row per reachable case, each with the evaluator's facts.</summary>
public sealed class FactCheckTableTests
{
    /// <summary>Tuesday 2026-11-24.</summary>
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    public static readonly TheoryData<string> Codes = new() { "131091", "131237", "132101", "142123", "151009" };

    private static string Key(string procedure, string applicant, IEnumerable<(string Id, string Value)> answers) =>
        $"{procedure}|{applicant}|{string.Join(",", answers.Select(a => $"{a.Id}={a.Value}"))}";

    private static string Key(FactCheckRow row) => Key(row.Procedure, row.Applicant, row.Answers.Select(a => (a.QuestionId, a.Value)));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Row_count_equals_the_number_of_reachable_answer_paths(string code)
    {
        var rules = SeedRules.For(code);
        var table = FactCheckTable.Build(rules, Tuesday);

        // The walk the seed tests use (its own implementation) finds as many paths.
        var expected = Procedures.All.Sum(p => Applicants.All.Sum(a =>
            SeedIntegrityTests.AnswerPaths(rules, p, a, new Dictionary<string, string>()).Count()));
        Assert.Equal(expected, table.Rows.Count);
        Assert.False(table.Truncated);
        Assert.Equal(Enumerable.Range(1, table.Rows.Count), table.Rows.Select(r => r.Number));
        Assert.Equal(code, table.Code);
        Assert.Equal(Tuesday, table.Date);

        // Every procedure × applicant kind has at least one row, in the vocabulary's order; no case twice.
        Assert.Equal(
            Procedures.All.SelectMany(p => Applicants.All.Select(a => (p, a))),
            table.Rows.Select(r => (r.Procedure, r.Applicant)).Distinct());
        Assert.Equal(table.Rows.Count, table.Rows.Select(Key).Distinct().Count());
        Assert.Equal(Procedures.All, table.ByProcedure().Select(g => g.Procedure));
        Assert.Equal(table.Rows.Count, table.ByProcedure().Sum(g => g.Rows.Count));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void The_rows_are_exactly_the_cases_reached_by_any_full_set_of_answers(string code)
    {
        // Brute force, independent of the walk: answer every question every way, keep what the guide would ask.
        var rules = SeedRules.For(code);
        var questions = rules.QuestionsById.Values.ToList();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                foreach (var full in Product(questions))
                {
                    var @case = GuideCase.Read(rules, procedure, applicant, full);
                    Assert.True(@case.Complete);
                    reached.Add(Key(procedure, applicant, @case.Answers.Select(a => (a.QuestionId, a.Value))));
                }
            }
        }

        var rows = FactCheckTable.Build(rules, Tuesday).Rows.Select(Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(reached.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<Dictionary<string, string>> Product(IReadOnlyList<QuestionDef> questions)
    {
        IEnumerable<Dictionary<string, string>> sets = [new Dictionary<string, string>(StringComparer.Ordinal)];
        foreach (var q in questions)
        {
            sets = sets.SelectMany(s => q.Options.Select(o => new Dictionary<string, string>(s, StringComparer.Ordinal) { [q.Id] = o.Value }));
        }

        return sets;
    }

    [Fact]
    public void Shinagawa_reissue_after_a_loss_outside_costs_1000_yen_with_the_police_items()
    {
        // 手数料 1,000円(マイナンバーカード800円、電子証明書200円); A書類1点、またはB書類2点
        var table = FactCheckTable.Build(SeedRules.For("131091"), Tuesday);
        var row = Assert.Single(table.Rows, r => Key(r) == "reissue|self|reissue-reason=lost,lost-where=outside");

        Assert.Equal(CoverageStatuses.Covered, row.Coverage);
        Assert.Null(row.CoverageReason);
        Assert.Equal(["reissue-photo", "reissue-police-receipt-number", "reissue-police-station-contact"], row.Items.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.True(row.Fee.Stated);
        Assert.Equal(1000, row.Fee.Total);
        Assert.Equal([("card", 800), ("e-certificate", 200)], row.Fee.Items.Select(i => (i.Id, i.Amount)));
        var holder = Assert.Single(row.IdRules);
        Assert.Equal(IdSubjects.Holder, holder.Subject);
        Assert.Equal("A×1 or B×2", holder.RuleText);
        Assert.NotNull(row.Visits);
        Assert.NotEmpty(row.Counters);
        Assert.Contains(row.Counters, c => c.Id == "kofu-tokusetsu");

        // Every quoted passage is from the Shinagawa page, once each.
        Assert.NotEmpty(row.Sources);
        Assert.All(row.Sources, s => Assert.Equal("shinagawa", s.Document.Id));
        Assert.Equal(row.Sources.Count, row.Sources.Select(s => s.Quote).Distinct().Count());
        Assert.Contains(row.Sources, s => s.Quote.Contains("1,000円", StringComparison.Ordinal));
    }

    [Fact]
    public void The_rows_say_the_same_as_the_evaluator()
    {
        var rules = SeedRules.For("132101");
        foreach (var row in FactCheckTable.Build(rules, Tuesday).Rows)
        {
            var g = GuideCase.Read(rules, row.Procedure, row.Applicant, row.Answers.ToDictionary(a => a.QuestionId, a => a.Value)).Evaluate(Tuesday);
            Assert.Equal(g.Coverage, row.Coverage);
            Assert.Equal(g.Items.Select(i => i.Id), row.Items.Select(i => i.Id));
            Assert.Equal(g.IdRules.Select(i => i.Id).Order(StringComparer.Ordinal), row.IdRules.Select(i => i.Id).Order(StringComparer.Ordinal));
            Assert.Equal(g.Fee.Total, row.Fee.Total);
            Assert.Equal(g.Fee.Stated, row.Fee.Stated);
            Assert.Equal(g.Visits?.Count, row.Visits?.Count);
            Assert.Equal(g.Counters.Select(c => c.Id), row.Counters.Select(c => c.Id));
            Assert.Equal(g.Answers.Select(a => a.QuestionId), row.Answers.Select(a => a.QuestionId));
        }
    }

    [Fact]
    public void Koganei_lost_card_outside_home_asks_where_and_brings_nothing()
    {
        // "自宅以外で紛失した場合は、警察へ遺失物届を出してください"
        var table = FactCheckTable.Build(SeedRules.For("132101"), Tuesday);
        var row = Assert.Single(table.Rows, r => Key(r) == "lost-card|self|lost-where=outside");
        Assert.Equal(CoverageStatuses.Covered, row.Coverage);
        Assert.Empty(row.Items);
        Assert.Equal(0, row.Fee.Total);
        Assert.Equal("lost-where", Assert.Single(row.Answers).QuestionId);
        Assert.Equal("小金井市", table.MunicipalityName.Ja);
    }

    [Fact]
    public void A_case_the_page_does_not_cover_has_its_reason_and_no_items_or_fee()
    {
        var table = FactCheckTable.Build(SeedRules.For("131091"), Tuesday);
        var row = table.Rows.First(r => r.Procedure == Procedures.Abolition && r.Applicant == Applicants.HouseholdMember);
        Assert.Equal(CoverageStatuses.AskCounter, row.Coverage);
        Assert.NotNull(row.CoverageReason);
        Assert.Empty(row.Answers);
        Assert.Empty(row.Items);
        Assert.Empty(row.IdRules);
        Assert.False(row.Fee.Stated);
        Assert.Null(row.Visits);
        Assert.NotEmpty(row.Sources);
    }

    [Fact]
    public void Holder_rules_come_before_agent_rules()
    {
        var table = FactCheckTable.Build(SeedRules.For("131091"), Tuesday);
        Assert.All(table.Rows, r => Assert.Equal(
            r.IdRules.OrderBy(i => i.Subject == IdSubjects.Holder ? 0 : 1).Select(i => i.Id), r.IdRules.Select(i => i.Id)));
        Assert.Contains(table.Rows, r => r.IdRules.Any(i => i.Subject == IdSubjects.Agent));
    }

    [Fact]
    public void The_limit_stops_the_table_and_says_so()
    {
        var table = FactCheckTable.Build(SeedRules.For("131091"), Tuesday, maxRows: 3);
        Assert.Equal(3, table.Rows.Count);
        Assert.True(table.Truncated);
        Assert.Throws<ArgumentOutOfRangeException>(() => FactCheckTable.Build(SeedRules.For("131091"), Tuesday, maxRows: 0));
    }

    [Fact]
    public void A_draft_rule_set_builds_its_own_table()
    {
        // The table takes any compiled set: a draft with a changed fee shows the new fee.
        var draft = SeedRules.Read("131091-shinagawa.yaml");
        var fee = draft.Fees.First(f => f.Items.Any(i => i.Id == "card"));
        fee.Items.First(i => i.Id == "card").Amount = 900;
        var rules = CompiledRuleSet.Compile(SeedRules.National, draft, version: 2);
        var table = FactCheckTable.Build(rules, Tuesday);
        Assert.Equal(2, table.RuleSetVersion);
        var row = Assert.Single(table.Rows, r => Key(r) == "reissue|self|reissue-reason=lost,lost-where=outside");
        Assert.Equal(1100, row.Fee.Total);
    }
}
