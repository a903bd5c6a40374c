using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Rules.Tests.Engine;

public sealed class ConditionTests
{
    private sealed class Answers(params (string Name, string Value)[] values) : IAnswerLookup
    {
        public string? Get(string name) => values.FirstOrDefault(v => v.Name == name).Value;
    }

    [Theory]
    [InlineData("lost-where = outside", true)]
    [InlineData("lost-where = home", false)]
    [InlineData("lost-where != home", true)]
    [InlineData("lost-where in (home, stolen)", false)]
    [InlineData("lost-where in (home, outside)", true)]
    [InlineData("not lost-where = outside", false)]
    [InlineData("lost-where = outside and applicant = self", true)]
    [InlineData("lost-where = outside and applicant = legal-agent", false)]
    [InlineData("lost-where = home or applicant = self", true)]
    [InlineData("(lost-where = home or reissue-reason = stolen) and procedure = reissue", false)]
    [InlineData("unanswered = yes", false)]
    [InlineData("unanswered != yes", true)]
    [InlineData("", true)]
    public void Evaluates(string text, bool expected)
    {
        var answers = new Answers(("lost-where", "outside"), ("applicant", "self"), ("procedure", "reissue"));
        Assert.Equal(expected, Condition.Parse(text).Evaluate(answers));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var condition = Condition.Parse("a = 1 or b = 1 and c = 1");
        Assert.True(condition.Evaluate(new Answers(("a", "1"))));
        Assert.False(condition.Evaluate(new Answers(("b", "1"))));
    }

    [Theory]
    [InlineData("lost-where =")]
    [InlineData("lost-where outside")]
    [InlineData("(lost-where = outside")]
    [InlineData("lost-where = outside and")]
    [InlineData("lost-where in (home outside)")]
    [InlineData("lost-where = outside; drop")]
    [InlineData("and = x")]
    public void Rejects_malformed_text(string text)
    {
        var ex = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(text));
        Assert.Contains(text.Trim(), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lists_the_names_it_reads()
    {
        Assert.Equal(["a", "b", "c"], Condition.Parse("a = 1 or not (b = 2 and c in (3, 4))").Names().ToArray());
    }
}
