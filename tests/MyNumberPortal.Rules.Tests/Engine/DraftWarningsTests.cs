using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>The publish page's warnings: what a draft adds that a careful reviewer would flag.</summary>
public sealed class DraftWarningsTests
{
    private static LocalText Both(string ja) => new() { Ja = ja, En = ja + " (en)" };

    private static RuleSetDocument Published() => new()
    {
        Scope = "131091",
        Questions = [new QuestionDef { Id = "stolen", Text = Both("盗まれましたか") }],
        Items = [new RequiredItemDef { Id = "report", Text = Both("届出"), When = "stolen = yes" }],
        Counters = [new CounterDef { Id = "main", Name = Both("本庁"), Accepts = [new CounterAcceptance()], Hours = [new OpeningHoursDef { Days = ["mon"], Open = "08:30", Close = "17:00" }] }],
    };

    [Fact]
    public void A_draft_equal_to_the_published_version_has_no_new_warning()
    {
        Assert.Empty(DraftWarnings.New(Published(), Published(), new RuleSetDocument { Scope = "national" }));
    }

    [Fact]
    public void A_question_nothing_reads_an_item_for_a_missing_visit_and_missing_english_are_flagged()
    {
        var draft = Published();
        draft.Questions.Add(new QuestionDef { Id = "unused", Text = Both("使われない質問") });
        draft.Items.Add(new RequiredItemDef { Id = "later", Text = new LocalText { Ja = "二回目の持ち物" }, Visit = 2, Procedures = ["reissue"] });
        var national = new RuleSetDocument { Scope = "national", Visits = [new VisitDef { Id = "new-card", Count = 2, Procedures = ["new"] }] };

        var warnings = DraftWarnings.New(draft, Published(), national);

        Assert.Contains(new DraftWarning(DraftWarningKind.QuestionNeverRead, "unused"), warnings);
        Assert.Contains(new DraftWarning(DraftWarningKind.VisitMissing, "later", Number: 2), warnings);
        Assert.Contains(new DraftWarning(DraftWarningKind.EnglishMissing, "later", "Text"), warnings);
        Assert.Equal(3, warnings.Count);

        // The same item for the two-visit case is fine.
        draft.Items[^1].Procedures = ["new"];
        Assert.DoesNotContain(DraftWarnings.New(draft, Published(), national), w => w.Kind == DraftWarningKind.VisitMissing);
    }
}
