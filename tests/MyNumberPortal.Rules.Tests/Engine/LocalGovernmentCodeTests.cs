using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Rules.Tests.Engine;

public sealed class LocalGovernmentCodeTests
{
    [Theory]
    [InlineData("142123")] // 厚木市
    [InlineData("132101")] // 小金井市
    [InlineData("151009")] // 新潟市
    [InlineData("131091")] // 品川区
    [InlineData("131237")] // 江戸川区
    public void The_five_codes_are_valid(string code) => Assert.True(LocalGovernmentCode.IsValid(code));

    [Theory]
    [InlineData("142120")]
    [InlineData("14212")]
    [InlineData("1421234")]
    [InlineData("14212a")]
    [InlineData("１４２１２３")]
    [InlineData(null)]
    public void Others_are_not(string? code) => Assert.False(LocalGovernmentCode.IsValid(code));
}

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0120-95-0178")]
    [InlineData("0570-783-578")]
    [InlineData("0120-0178-27")]
    [InlineData("046-225-2039")]
    [InlineData("03-5742-6660")]
    [InlineData("0250-25-5674")]
    [InlineData("0252450300")]
    public void Accepts_Japanese_numbers(string number) => Assert.True(MyNumberPortal.Rules.Engine.CompiledRuleSet.IsPhoneNumber(number));

    [Theory]
    [InlineData("046-225-203")]
    [InlineData("46-225-2039")]
    [InlineData("03-5742-66601")]
    [InlineData("+81-3-5742-6660")]
    [InlineData("03 5742 6660")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? number) => Assert.False(MyNumberPortal.Rules.Engine.CompiledRuleSet.IsPhoneNumber(number));
}
