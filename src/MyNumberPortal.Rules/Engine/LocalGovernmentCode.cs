namespace MyNumberPortal.Rules.Engine;

/// <summary>The 6-digit local government code (全国地方公共団体コード): 5 digits and a check digit.</summary>
public static class LocalGovernmentCode
{
    /// <summary>True when the text is 6 ASCII digits whose last is the check digit of the first five.</summary>
    public static bool IsValid(string? code)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        return code[5] - '0' == CheckDigit(code.AsSpan(0, 5));
    }

    /// <summary>11 − (Σ digit×weight mod 11), last digit; weights 6, 5, 4, 3, 2.</summary>
    public static int CheckDigit(ReadOnlySpan<char> firstFive)
    {
        var sum = 0;
        for (var i = 0; i < 5; i++)
        {
            sum += (firstFive[i] - '0') * (6 - i);
        }

        return (11 - (sum % 11)) % 10;
    }
}
