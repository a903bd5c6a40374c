using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Resources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace MyNumberPortal.Rules.Format;

/// <summary>
/// Reads every whole number of a rule file (fees, days, counts, weeks, orders) as plain decimal digits only. YamlDotNet
/// would also read <c>0x10</c>, <c>0o20</c>, <c>1_000</c>, <c>+5</c> and others as numbers, which an admin checking a file
/// by eye reads differently; those, and <c>1e3</c>, <c>.5</c> or <c>1.0</c>, are refused with the line and column and a
/// message in the admin's language (<see cref="LimitText.NumberNotPlain"/>). A minus sign before the digits is read, so that
/// <c>-1</c> is reported with the range it is outside of; ranges are checked later (<see cref="RuleSetLimits"/>).
/// </summary>
internal sealed class PlainIntegers : INodeDeserializer
{
    /// <summary>Characters of the refused value quoted in the message.</summary>
    private const int Quoted = 20;

    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if ((expectedType != typeof(int) && expectedType != typeof(int?)) || !reader.TryConsume<Scalar>(out var scalar))
        {
            return false;
        }

        var text = scalar.Value;
        if (expectedType == typeof(int?) && scalar.Style == ScalarStyle.Plain && text is "" or "~" or "null" or "Null" or "NULL")
        {
            return true;
        }

        // A minus sign is allowed, so that a negative number is reported with the range it is outside of.
        var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
        if (digits.Length == 0 || digits.ContainsAnyExcept("0123456789"))
        {
            var shown = text.Length > Quoted ? text[..Quoted] + "…" : text;
            throw new RuleTextException(scalar.Start, scalar.End, RuleSetLimits.Format(LimitText.NumberNotPlain, shown));
        }

        // Digits only: too many of them is a number out of range, reported with the bounds.
        value = int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number
            : text.StartsWith('-') ? int.MinValue : int.MaxValue;
        return true;
    }
}

/// <summary>A problem in a rule file's text found while reading it, with a message already in the admin's language.</summary>
internal sealed class RuleTextException(Mark start, Mark end, string reason) : YamlException(start, end, reason)
{
    public string Reason { get; } = reason;
}
