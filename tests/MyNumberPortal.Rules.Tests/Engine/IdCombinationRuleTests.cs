using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Rules.Tests.Engine;

public sealed class IdCombinationRuleTests
{
    private static readonly PresentedDocument APhoto = new('A', true);
    private static readonly PresentedDocument BPlain = new('B', false);
    private static readonly PresentedDocument BPhoto = new('B', true);

    private static bool Accepts(string rule, params PresentedDocument[] docs) => IdCombinationRule.Parse(rule).Check(docs).Satisfied;

    [Fact]
    public void A1_or_B2()
    {
        Assert.True(Accepts("A×1 or B×2", APhoto));
        Assert.True(Accepts("A×1 or B×2", BPlain, BPlain));
        Assert.False(Accepts("A×1 or B×2", BPlain));
        Assert.False(Accepts("A×1 or B×2"));
    }

    [Theory]
    [InlineData("A×1 または B×2")]
    [InlineData("A×1またはB×2")]
    [InlineData("A×1 or B×2")]
    public void The_japanese_または_separates_alternatives_like_or(string rule)
    {
        Assert.Equal("A×1 or B×2", IdCombinationRule.Parse(rule).ToString());
        Assert.True(Accepts(rule, BPlain, BPlain));
        Assert.False(Accepts(rule, BPlain));
    }

    [Fact]
    public void A2_or_A1_plus_B1()
    {
        Assert.True(Accepts("A×2 or A×1+B×1", APhoto, APhoto));
        Assert.True(Accepts("A×2 or A×1+B×1", APhoto, BPlain));
        Assert.False(Accepts("A×2 or A×1+B×1", BPlain, BPlain));
        Assert.False(Accepts("A×2 or A×1+B×1", BPlain, BPlain, BPlain));
        Assert.False(Accepts("A×2 or A×1+B×1", APhoto));
    }

    [Fact]
    public void B3_needs_a_photo_among_them()
    {
        const string rule = "A×2 or A×1+B×1 or B×3 with photo≥1";
        Assert.True(Accepts(rule, BPhoto, BPlain, BPlain));
        Assert.False(Accepts(rule, BPlain, BPlain, BPlain));
        Assert.True(Accepts(rule, APhoto, BPlain));
    }

    [Fact]
    public void An_A_document_can_stand_in_for_a_B()
    {
        Assert.True(Accepts("B×2", APhoto, BPlain));
        Assert.False(Accepts("A×2", BPlain, BPlain));
    }

    [Fact]
    public void Says_exactly_what_is_missing()
    {
        var result = IdCombinationRule.Parse("A×1 or B×2").Check([BPlain]);
        Assert.False(result.Satisfied);
        // One more B, or one A: both alternatives are one document away.
        Assert.Equal(2, result.Closest.Count);
        Assert.Contains(result.Closest, s => s.Alternative.A == 1 && s.MissingA == 1 && s.DocumentsNeeded == 1);
        Assert.Contains(result.Closest, s => s.Alternative.B == 2 && s.MissingB == 1 && s.DocumentsNeeded == 1);
    }

    [Fact]
    public void Missing_photo_is_reported()
    {
        var result = IdCombinationRule.Parse("B×3 with photo≥1").Check([BPlain, BPlain, BPlain]);
        Assert.False(result.Satisfied);
        Assert.Equal(1, Assert.Single(result.Closest).MissingPhotos);
    }

    [Theory]
    [InlineData("A×1 or B×2", "A×1 or B×2")]
    [InlineData("A x 2 | A*1 + B*1", "A×2 or A×1+B×1")]
    [InlineData("Ａ×1", "A×1")]
    [InlineData("A×2 or A×1+B×1 or B×3 with photo>=1", "A×2 or A×1+B×1 or B×3 with photo≥1")]
    public void Parses_and_prints_canonically(string text, string canonical) =>
        Assert.Equal(canonical, IdCombinationRule.Parse(text).ToString());

    [Theory]
    [InlineData("")]
    [InlineData("A")]
    [InlineData("C×1")]
    [InlineData("A×0")]
    [InlineData("A×1 or")]
    [InlineData("B×1 with photo≥2")]
    [InlineData("A×1 with colour")]
    public void Rejects_rules_that_do_not_parse(string text) =>
        Assert.Throws<FormatException>(() => IdCombinationRule.Parse(text));
}
