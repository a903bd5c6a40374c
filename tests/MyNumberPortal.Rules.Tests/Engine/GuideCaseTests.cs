using MyNumberPortal.Tests.Shared;
using System.Runtime.CompilerServices;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>
/// The one case object: read once from any source, its problems in one vocabulary, its questions planned once, and the
/// guidance and the reference code made from that plan. On a small made-up rule set in several versions.
/// </summary>
public sealed class GuideCaseTests
{
    /// <summary>The made-up municipality (<see cref="MadeUpRules.MunicipalHeader"/>).</summary>
    private const string Code = "142123";
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    /// <summary>Version 1: "where" (home/outside), then "kind" (x/y) when outside; an item reads kind, a step reads where.</summary>
    private static readonly CompiledRuleSet V1 = Compile(Municipal(), 1);

    private static CompiledRuleSet Compile(string municipal, int version) =>
        CompiledRuleSet.Compile(RuleSetYaml.Read(MadeUpRules.National), RuleSetYaml.Read(municipal), version);

    private static GuideCase Read(CompiledRuleSet rules, params (string Field, string Value)[] parameters) =>
        GuideCase.Read(rules, Procedures.Reissue, parameters.Select(p => KeyValuePair.Create(p.Field, p.Value)));

    private static int Plans(Action action) => PlanCount.Of(action);

    [Fact]
    public void A_case_is_planned_once_and_its_guidance_and_code_come_from_that_plan()
    {
        GuideCase? @case = null;
        Assert.Equal(1, Plans(() => @case = Read(V1, ("applicant", Applicants.Self), ("where", "outside"), ("kind", "x"))));
        Assert.True(@case!.Complete);
        Assert.Equal(["where", "kind"], @case.Answers.Select(a => a.QuestionId));
        Assert.Equal(0, Plans(() =>
        {
            var guidance = @case.Evaluate(Tuesday);
            Assert.Contains(guidance.Items, i => i.Id == "receipt");
            Assert.Equal(["where", "kind"], guidance.Answers.Select(a => a.QuestionId));
            Assert.True(ReferenceCode.TryParse(ReferenceCode.Create(@case), out _, out _));
        }));
    }

    [Fact]
    public void A_code_is_replayed_with_one_plan_and_gives_the_same_case_and_code()
    {
        var @case = Read(V1, ("applicant", Applicants.LegalAgent), ("where", "outside"), ("kind", "y"));
        var code = ReferenceCode.Create(@case);
        Assert.True(ReferenceCode.TryParse(code, out var reference, out _));
        GuideCase? replayed = null;
        Assert.Equal(1, Plans(() => replayed = GuideCase.FromReference(V1, reference)));
        Assert.Equal(@case.Parameters, replayed!.Parameters);
        Assert.Equal(code, ReferenceCode.Create(replayed));

        var catalog = new RuleCatalog(RuleSetYaml.Read(MadeUpRules.National), [new(Code, 1, null, RuleSetYaml.Read(Municipal()))]);
        OpenedReference? opened = null;
        Assert.Equal(1, Plans(() => opened = GuideCase.Open(catalog, code.ToLowerInvariant(), Tuesday)));
        Assert.Null(opened!.Problem);
        Assert.Equal(@case.Parameters, opened.Case!.Parameters);
    }

    [Fact]
    public void Problems_are_one_vocabulary_in_the_order_given_and_only_answers_not_asked_leave_the_case_valid()
    {
        var bad = GuideCase.Read(V1, "renewal", [new("where", "moon"), new("applicant", "cousin"), new("colour", "red")]);
        Assert.Equal(
            [(CaseProblemKind.UnknownProcedure, "procedure", "renewal"), (CaseProblemKind.InvalidAnswer, "where", "moon"),
                (CaseProblemKind.UnknownApplicant, "applicant", "cousin"), (CaseProblemKind.UnknownQuestion, "colour", "red")],
            bad.Problems.Select(p => (p.Kind, p.Field, p.Value)));
        Assert.All(bad.Problems, p => Assert.True(p.Blocks));
        Assert.False(bad.IsValid);
        Assert.False(bad.Complete);
        Assert.Empty(bad.Answers);
        Assert.Null(bad.NextQuestion);

        // kind is asked only when where = outside: an answer to it is not asked, and ignored.
        var moot = Read(V1, ("applicant", Applicants.Self), ("where", "home"), ("kind", "x"));
        Assert.Equal([(CaseProblemKind.NotAsked, "kind", "x")], moot.Problems.Select(p => (p.Kind, p.Field, p.Value)));
        Assert.True(moot.IsValid);
        Assert.True(moot.Complete);
        Assert.DoesNotContain(moot.Evaluate(Tuesday).Items, i => i.Id == "receipt");

        // Without the applicant (the first question) nothing is asked yet: every answer is not asked.
        var early = Read(V1, ("where", "outside"), ("kind", "x"));
        Assert.Equal([CaseProblemKind.NotAsked, CaseProblemKind.NotAsked], early.Problems.Select(p => p.Kind));
        Assert.Null(early.Applicant);
        Assert.False(early.Complete);
        Assert.Empty(early.Parameters);

        // A missing answer is not a problem: it is the next question.
        var half = Read(V1, ("applicant", Applicants.Self), ("where", "outside"));
        Assert.Empty(half.Problems);
        Assert.Equal("kind", half.NextQuestion?.Id);
        Assert.Throws<InvalidOperationException>(() => half.Evaluate(Tuesday));
        Assert.Throws<ArgumentException>(() => ReferenceCode.Create(half));
    }

    [Theory]
    [InlineData("", ReferenceProblem.Empty)]
    [InlineData("   ", ReferenceProblem.Empty)]
    [InlineData("hello", ReferenceProblem.NotACode)]
    public void Text_that_is_not_a_code_opens_nothing(string text, ReferenceProblem problem)
    {
        var catalog = new RuleCatalog(RuleSetYaml.Read(MadeUpRules.National), [new(Code, 1, null, RuleSetYaml.Read(Municipal()))]);
        Assert.Equal(new OpenedReference(null, null, problem), GuideCase.Open(catalog, text, Tuesday));
    }

    [Fact]
    public void A_code_of_a_municipality_without_rules_opens_nothing()
    {
        var code = ReferenceCode.Encode(new DecodedReference("131091", 1, Procedures.Reissue, Applicants.Self, []));
        var catalog = new RuleCatalog(RuleSetYaml.Read(MadeUpRules.National), [new(Code, 1, null, RuleSetYaml.Read(Municipal()))]);
        var opened = GuideCase.Open(catalog, code, Tuesday);
        Assert.Equal(ReferenceProblem.UnknownMunicipality, opened.Problem);
        Assert.Equal("131091", opened.Reference?.MunicipalityCode);
    }

    [Fact]
    public void A_code_made_under_an_earlier_version_opens_as_the_same_answers_under_todays_rules()
    {
        var code = ReferenceCode.Create(Read(V1, ("applicant", Applicants.Self), ("where", "outside"), ("kind", "x")));
        GuideCase Today(string municipal, out ReferenceProblem? problem, out int plans)
        {
            var catalog = new RuleCatalog(RuleSetYaml.Read(MadeUpRules.National),
                [new(Code, 1, null, RuleSetYaml.Read(Municipal())), new(Code, 2, new DateOnly(2026, 4, 1), RuleSetYaml.Read(municipal))]);
            OpenedReference? opened = null;
            plans = Plans(() => opened = GuideCase.Open(catalog, code, Tuesday));
            problem = opened!.Problem;
            return opened.Case!;
        }

        // The same questions: the same case, and today's code (version 2's tag).
        var same = Today(Municipal(), out var problem, out var plans);
        Assert.Null(problem);
        Assert.Equal(2, plans); // replayed under version 1, read under version 2
        Assert.Equal(2, same.Rules.Version);
        Assert.Equal([("applicant", Applicants.Self), ("where", "outside"), ("kind", "x")], same.Parameters);
        Assert.True(ReferenceCode.TryParse(ReferenceCode.Create(same), out var reference, out _));
        Assert.Equal(2, reference.VersionTag);

        // A question added since: it is the next question.
        var added = Today(Municipal(late: true), out problem, out _);
        Assert.Null(problem);
        Assert.False(added.Complete);
        Assert.Equal("late", added.NextQuestion?.Id);

        // A question no rule reads any more: its answer is dropped, not a problem.
        var dropped = Today(Municipal(kindRead: false), out problem, out _);
        Assert.Null(problem);
        Assert.True(dropped.Complete);
        Assert.Equal([("applicant", Applicants.Self), ("where", "outside")], dropped.Parameters);
        Assert.Empty(dropped.Problems);

        // An answer that no longer exists: the code is outdated.
        var catalog = new RuleCatalog(RuleSetYaml.Read(MadeUpRules.National),
            [new(Code, 1, null, RuleSetYaml.Read(Municipal())), new(Code, 2, new DateOnly(2026, 4, 1), RuleSetYaml.Read(Municipal(outside: "abroad")))]);
        var outdated = GuideCase.Open(catalog, code, Tuesday);
        Assert.Equal(ReferenceProblem.Outdated, outdated.Problem);
        Assert.Null(outdated.Case);
    }

    /// <summary>
    /// The municipal rules: <c>where</c> (home, or <paramref name="outside"/>), then <c>kind</c> when not at home (read by an item
    /// unless <paramref name="kindRead"/> is false), and with <paramref name="late"/> a third question read by an item.
    /// </summary>
    private static string Municipal(string outside = "outside", bool kindRead = true, bool late = false) => MadeUpRules.MunicipalHeader + $$$"""
        questions:
          - id: where
            procedures: [reissue]
            text: {ja: どこ, en: Where}
            options:
              - {value: home, label: {ja: 家, en: Home}}
              - {value: {{{outside}}}, label: {ja: 外, en: Outside}}
          - id: kind
            procedures: [reissue]
            when: where != home
            text: {ja: 種類, en: Kind}
            options:
              - {value: x, label: {ja: x, en: x}}
              - {value: y, label: {ja: y, en: y}}
          - id: late
            procedures: [reissue]
            text: {ja: 遅い, en: Late}
            options:
              - {value: yes, label: {ja: はい, en: Yes}}
              - {value: no, label: {ja: いいえ, en: No}}
        steps:
          - id: go
            order: 10
            procedures: [reissue]
            when: where = home
            title: {ja: 行く, en: Go}
            source: {doc: city, quote: q}
        items:
          - id: receipt
            procedures: [reissue]
            when: {{{(kindRead ? "kind = x" : "where != home")}}}
            text: {ja: 受理番号, en: Receipt number}
            source: {doc: city, quote: q}
          - id: slip
            procedures: [reissue]
            when: {{{(late ? "late = yes" : "where = home")}}}
            text: {ja: 伝票, en: Slip}
            source: {doc: city, quote: q}
        """;
}
