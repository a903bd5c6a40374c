using MyNumberPortal.Rules.Resources;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// A parsed <c>when</c> condition over the answers (grammar in docs/rules-format.md).
/// <c>procedure</c> and <c>applicant</c> are names too, so conditions can mention the case.
/// </summary>
public abstract class Condition
{
    public static readonly Condition Always = new ConstantCondition(true);

    public abstract bool Evaluate(IAnswerLookup answers);

    /// <summary>The names (question ids, procedure, applicant) the condition reads.</summary>
    public IEnumerable<string> Names() => Tests().Select(t => t.Name);

    /// <summary>Every "name = value(s)" test inside the condition.</summary>
    internal abstract IEnumerable<EqualsCondition> Tests();

    /// <summary>The longest condition accepted (characters). The longest in the seeds is under 100.</summary>
    public const int MaxLength = 1000;

    /// <summary>How deep brackets and <c>not</c> may nest. The seeds nest at most 2 deep.</summary>
    public const int MaxDepth = 20;

    /// <summary>
    /// Parses a condition; null or blank text is <see cref="Always"/>. Text over <see cref="MaxLength"/> characters or
    /// nested deeper than <see cref="MaxDepth"/> is refused before any structure is built, so no input can exhaust the stack.
    /// </summary>
    /// <exception cref="ConditionSyntaxException">The text does not parse, or is too long or too deep.</exception>
    public static Condition Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Always;
        }

        if (text.Length > MaxLength)
        {
            throw new ConditionSyntaxException(text, MaxLength, RuleSetLimits.Format(LimitText.ConditionTooLong, text.Length, MaxLength));
        }

        return new ConditionParser(text).ParseAll();
    }

    private sealed class ConstantCondition(bool value) : Condition
    {
        public override bool Evaluate(IAnswerLookup answers) => value;

        internal override IEnumerable<EqualsCondition> Tests() => [];
    }
}

/// <summary>Looks up an answer (or the case's procedure/applicant) by name; null when not answered.</summary>
public interface IAnswerLookup
{
    string? Get(string name);
}

internal sealed class EqualsCondition(string name, IReadOnlyList<string> values) : Condition
{
    public override bool Evaluate(IAnswerLookup answers) =>
        answers.Get(name) is { } answer && values.Contains(answer, StringComparer.Ordinal);

    internal override IEnumerable<EqualsCondition> Tests() => [this];

    public string Name => name;

    public IReadOnlyList<string> Values => values;
}

internal sealed class NotCondition(Condition inner) : Condition
{
    public override bool Evaluate(IAnswerLookup answers) => !inner.Evaluate(answers);

    internal override IEnumerable<EqualsCondition> Tests() => inner.Tests();
}

internal sealed class AndCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override bool Evaluate(IAnswerLookup answers)
    {
        foreach (var part in parts)
        {
            if (!part.Evaluate(answers))
            {
                return false;
            }
        }

        return true;
    }

    internal override IEnumerable<EqualsCondition> Tests() => parts.SelectMany(p => p.Tests());
}

internal sealed class OrCondition(IReadOnlyList<Condition> parts) : Condition
{
    public override bool Evaluate(IAnswerLookup answers)
    {
        foreach (var part in parts)
        {
            if (part.Evaluate(answers))
            {
                return true;
            }
        }

        return false;
    }

    internal override IEnumerable<EqualsCondition> Tests() => parts.SelectMany(p => p.Tests());
}

public sealed class ConditionSyntaxException(string text, int position, string reason)
    : Exception($"Condition \"{Shorten(text)}\" at {position + 1}: {reason}")
{
    /// <summary>The condition as quoted in a message: at most 60 characters.</summary>
    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";

    public string Reason { get; } = reason;
}

/// <summary>Recursive-descent parser for conditions; the recursion is bounded by <see cref="Condition.MaxDepth"/>.</summary>
internal sealed class ConditionParser(string text)
{
    private readonly List<(string Token, int Position)> tokens = Tokenize(text);
    private int index;
    private int depth;

    public Condition ParseAll()
    {
        var result = ParseOr();
        if (index < tokens.Count)
        {
            throw Error($"unexpected \"{tokens[index].Token}\"");
        }

        return result;
    }

    private Condition ParseOr()
    {
        var parts = new List<Condition> { ParseAnd() };
        while (Accept("or"))
        {
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new OrCondition(parts);
    }

    private Condition ParseAnd()
    {
        var parts = new List<Condition> { ParseUnary() };
        while (Accept("and"))
        {
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AndCondition(parts);
    }

    private Condition ParseUnary()
    {
        if (Accept("not"))
        {
            Enter();
            var negated = new NotCondition(ParseUnary());
            depth--;
            return negated;
        }

        if (Accept("("))
        {
            Enter();
            var inner = ParseOr();
            Expect(")");
            depth--;
            return inner;
        }

        var name = ExpectName("a question id");
        if (Accept("="))
        {
            return new EqualsCondition(name, [ExpectName("a value")]);
        }

        if (Accept("!="))
        {
            return new NotCondition(new EqualsCondition(name, [ExpectName("a value")]));
        }

        if (Accept("in"))
        {
            Expect("(");
            var values = new List<string> { ExpectName("a value") };
            while (Accept(","))
            {
                values.Add(ExpectName("a value"));
            }

            Expect(")");
            return new EqualsCondition(name, values);
        }

        throw Error($"expected \"=\", \"!=\" or \"in\" after \"{name}\"");
    }

    private void Enter()
    {
        if (++depth > Condition.MaxDepth)
        {
            throw Error(RuleSetLimits.Format(LimitText.ConditionTooDeep, Condition.MaxDepth));
        }
    }

    private bool Accept(string token)
    {
        if (index < tokens.Count && tokens[index].Token == token)
        {
            index++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw Error($"expected \"{token}\"");
        }
    }

    private string ExpectName(string what)
    {
        if (index < tokens.Count && IsName(tokens[index].Token) && !IsKeyword(tokens[index].Token))
        {
            return tokens[index++].Token;
        }

        throw Error($"expected {what}");
    }

    private ConditionSyntaxException Error(string reason) =>
        new(text, index < tokens.Count ? tokens[index].Position : text.Length, reason);

    private static bool IsKeyword(string token) => token is "and" or "or" or "not" or "in";

    private static bool IsName(string token) => token.Length > 0 && IsNameChar(token[0]);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';

    private static List<(string, int)> Tokenize(string text)
    {
        var result = new List<(string, int)>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '!' && i + 1 < text.Length && text[i + 1] == '=')
            {
                result.Add(("!=", i));
                i += 2;
            }
            else if (c is '(' or ')' or ',' or '=')
            {
                result.Add((c.ToString(), i));
                i++;
            }
            else if (IsNameChar(c))
            {
                var start = i;
                while (i < text.Length && IsNameChar(text[i]))
                {
                    i++;
                }

                result.Add((text[start..i], start));
            }
            else
            {
                throw new ConditionSyntaxException(text, i, $"unexpected character '{c}'");
            }
        }

        return result;
    }
}
