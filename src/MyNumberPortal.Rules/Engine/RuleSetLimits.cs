using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Resources;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// The bounds every rule set must keep (docs/security.md, "Bounds on rule files"): how many entries a list holds, how long
/// a text is and which characters it may hold, the range of every number, http(s)-only addresses, and the sum of a fee.
/// Checked before a rule set is compiled (<see cref="CompiledRuleSet.Compile"/>), so a rule set outside them is refused
/// whole with every problem named by its path (which <c>YamlLineMap</c> turns into a line), and never evaluated.
/// </summary>
/// <remarks>
/// The document is walked by reflection over the model's public properties, so a property added to the format gets the
/// default bounds without a change here: a list at most <see cref="MaxListCount"/> entries, a text at most
/// <see cref="MaxShortText"/> characters on one line, a number 0–10,000. Properties that need other bounds are listed below.
/// </remarks>
public static class RuleSetLimits
{
    /// <summary>Entries in any one list (counters, hours, items, fees, their items, dates, …). The seeds have at most 20.</summary>
    public const int MaxListCount = 200;

    /// <summary>Characters of a one-line value (ids, codes, names of kinds, numbers, times, file names). The seeds: at most 40.</summary>
    public const int MaxShortText = 200;

    /// <summary>Characters of a text residents read (<see cref="LocalText"/>) and of a quoted passage. The seeds: at most 750.</summary>
    public const int MaxLongText = 4000;

    /// <summary>Characters of a source page's address.</summary>
    public const int MaxUrlLength = 2000;

    /// <summary>Yen of one fee item. The seeds: at most 1,000.</summary>
    public const int MaxFeeAmount = 1_000_000;

    /// <summary>Yen of one fee's items together (so no sum a resident can be shown overflows).</summary>
    public const int MaxFeeTotal = 1_000_000;

    /// <summary>Problems reported at most; the rest are counted.</summary>
    public const int MaxProblems = 50;

    private static readonly (int Min, int Max) DefaultRange = (0, 10_000);

    /// <summary>Numbers with their own range, by declaring type and property.</summary>
    private static readonly Dictionary<(Type, string), (int Min, int Max)> Ranges = new()
    {
        [(typeof(FeeItemDef), nameof(FeeItemDef.Amount))] = (0, MaxFeeAmount),
        [(typeof(StepDef), nameof(StepDef.Order))] = (0, 10_000),
        [(typeof(RequiredItemDef), nameof(RequiredItemDef.Visit))] = (1, 9),
        [(typeof(IdRuleDef), nameof(IdRuleDef.Visit))] = (1, 9),
        [(typeof(VisitDef), nameof(VisitDef.Count))] = (1, 9),
        [(typeof(VisitDef), nameof(VisitDef.ValidDays))] = (1, 3650),
        [(typeof(CounterAcceptance), nameof(CounterAcceptance.Visits))] = (1, 9),
        [(typeof(OpeningHoursDef), nameof(OpeningHoursDef.Weeks))] = (1, 5),
        [(typeof(ClosureDef), nameof(ClosureDef.Weeks))] = (1, 5),
        [(typeof(RuleSetDocument), nameof(RuleSetDocument.FormatVersion))] = (0, 10_000),
    };

    /// <summary>Texts that may run over several lines (line breaks and tabs allowed), with their length.</summary>
    private static readonly Dictionary<(Type, string), int> LongTexts = new()
    {
        [(typeof(LocalText), nameof(LocalText.Ja))] = MaxLongText,
        [(typeof(LocalText), nameof(LocalText.En))] = MaxLongText,
        [(typeof(SourceRef), nameof(SourceRef.Quote))] = MaxLongText,
        [(typeof(ScopedElement), nameof(ScopedElement.When))] = Condition.MaxLength,
        [(typeof(FeeItemDef), nameof(FeeItemDef.When))] = Condition.MaxLength,
        [(typeof(FeeExemptionDef), nameof(FeeExemptionDef.When))] = Condition.MaxLength,
        [(typeof(CounterAcceptance), nameof(CounterAcceptance.When))] = Condition.MaxLength,
    };

    /// <summary>Texts residents read that are names (of a counter, a document, a fee item, …): one line, no line breaks or tabs.</summary>
    private static readonly HashSet<string> OneLineTexts = ["Name", "Title", "Label", "Prefecture"];

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, bool Required)[]> Properties = new();

    /// <summary>Every bound <paramref name="document"/> breaks, each starting with its path (empty: within bounds).</summary>
    public static IReadOnlyList<string> Check(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var problems = new Problems();
        Walk(document, "", problems);
        foreach (var fee in document.Fees)
        {
            long sum = 0;
            foreach (var item in fee.Items)
            {
                sum += Math.Max(0, item.Amount);
            }

            if (sum > MaxFeeTotal)
            {
                problems.Add(Format(LimitText.FeeTotalTooHigh, $"fees.{fee.Id}", sum, MaxFeeTotal));
            }
        }

        return problems.ToList();
    }

    /// <summary>A message from the bounds' resources in the current UI culture (the admin's language).</summary>
    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    /// <summary>Null when <paramref name="text"/> holds no character that can mislead; otherwise the message for <paramref name="path"/>.</summary>
    public static string? CharacterProblem(string text, string path, bool multiline) =>
        MisleadingCharacter(text, multiline) is not { } found ? null
        : Format(found.Control ? LimitText.TextControl : LimitText.TextInvisible, path, found.CodePoint);

    /// <summary>
    /// The first character of <paramref name="text"/> that can mislead, or null: a control character (a line break, LF or CR as browsers send CR LF from a text area, or a tab is
    /// allowed where <paramref name="multiline"/>), or an invisible one (zero-width, direction overrides and isolates, soft
    /// hyphen, byte-order mark, line and paragraph separators: Unicode's "format" and separator categories), a blank-looking
    /// one of another category (<see cref="IsBlankLooking"/>: Hangul fillers, the braille blank, the combining grapheme
    /// joiner, …), or half a surrogate pair.
    /// </summary>
    public static (int CodePoint, bool Control)? MisleadingCharacter(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                if (char.GetUnicodeCategory(text, i) == UnicodeCategory.Format || IsBlankLooking(codePoint))
                {
                    return (codePoint, false);
                }

                i++;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                return (c, false);
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\r' or '\t'))
            {
                return (c, true);
            }

            if (char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || IsBlankLooking(c))
            {
                return (c, false);
            }
        }

        return null;
    }

    /// <summary>
    /// Characters outside the "format" category that show as nothing or as blank space yet are not a space: Unicode's
    /// default-ignorable code points that are letters or marks (the Hangul fillers U+115F, U+1160, U+3164, U+FFA0; the
    /// combining grapheme joiner U+034F; the Khmer inherent vowels U+17B4, U+17B5; the Mongolian free variation selectors
    /// U+180B–U+180F; the reserved U+FFF0–U+FFF8 and U+E0000–U+E0FFF), and the braille blank U+2800. Variation selectors
    /// (U+FE00–U+FE0F, U+E0100–U+E01EF) stay allowed: they choose a glyph of the character before them, as a kanji's
    /// variant in a place name does. Ordinary spaces (U+0020, U+3000) are spaces, and the one-line checks trim them.
    /// </summary>
    public static bool IsBlankLooking(int codePoint) => codePoint switch
    {
        0x034F or 0x115F or 0x1160 or 0x17B4 or 0x17B5 or 0x2800 or 0x3164 or 0xFFA0 => true,
        >= 0x180B and <= 0x180F => true,
        >= 0xFFF0 and <= 0xFFF8 => true,
        >= 0xE0000 and <= 0xE0FFF => codePoint is < 0xE0100 or > 0xE01EF,
        _ => false,
    };

    private static void Walk(object node, string path, Problems problems, bool oneLine = false)
    {
        foreach (var (property, required) in Properties.GetOrAdd(node.GetType(), PropertiesOf))
        {
            if (problems.Full)
            {
                return;
            }

            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            Check(property, property.GetValue(node), path.Length == 0 ? name : $"{path}.{name}", problems, required, oneLine);
        }
    }

    /// <summary>One value of <paramref name="property"/> (the property's own, or an element of its list).</summary>
    private static void Check(PropertyInfo property, object? value, string path, Problems problems, bool required, bool oneLine = false)
    {
        switch (value)
        {
            case null when required:
                // "name: ~" in the file: the format has no empty value here.
                problems.Add(Format(LimitText.ValueMissing, path));
                break;
            case null:
            case bool:
                break;
            case string text:
                CheckText(property, text, path, problems, oneLine);
                break;
            case int number:
                CheckNumber(property, number, path, problems);
                break;
            case IList list:
                CheckList(property, list, path, problems);
                break;
            case LocalText child:
                Walk(child, path, problems, OneLineTexts.Contains(property.Name));
                break;
            default:
                Walk(value, path, problems);
                break;
        }
    }

    /// <summary>The model's read-write properties, each with whether it may be null (nullable annotations).</summary>
    private static (PropertyInfo, bool)[] PropertiesOf(Type type)
    {
        var nullability = new NullabilityInfoContext();
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .Select(p => (p, !p.PropertyType.IsValueType && nullability.Create(p).WriteState == NullabilityState.NotNull))
            .ToArray();
    }

    private static void CheckList(PropertyInfo property, IList list, string path, Problems problems)
    {
        if (list.Count > MaxListCount)
        {
            problems.Add(Format(LimitText.ListTooLong, path, list.Count, MaxListCount));
            return;
        }

        for (var i = 0; i < list.Count && !problems.Full; i++)
        {
            // Elements with an id are named by it, as the validation messages and the line map name them.
            var id = list[i]?.GetType().GetProperty("Id")?.GetValue(list[i]) as string;
            var named = !string.IsNullOrEmpty(id) && id.Length <= MaxShortText && CharacterProblem(id, "", multiline: false) is null;
            Check(property, list[i], named ? $"{path}.{id}" : $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", problems, required: true);
        }
    }

    private static void CheckText(PropertyInfo property, string text, string path, Problems problems, bool oneLine = false)
    {
        var key = (property.DeclaringType!, property.Name);
        var multiline = LongTexts.TryGetValue(key, out var max) && !oneLine;
        if (!multiline)
        {
            max = property.Name == nameof(SourceDocument.Url) ? MaxUrlLength : MaxShortText;
        }

        if (text.Length > max)
        {
            problems.Add(Format(LimitText.TextTooLong, path, text.Length, max));
            return;
        }

        if (CharacterProblem(text, path, multiline) is { } problem)
        {
            problems.Add(problem);
            return;
        }

        if (property.DeclaringType == typeof(SourceDocument) && property.Name == nameof(SourceDocument.Url) && !IsWebAddress(text))
        {
            problems.Add(Format(HasUserInfo(text) ? LimitText.UrlUserInfo : LimitText.UrlNotHttp, path));
        }
    }

    /// <summary>An absolute http:// or https:// address with a host, no white space and no user info (<see cref="HasUserInfo"/>).</summary>
    public static bool IsWebAddress(string? text) =>
        text is { Length: > 0 } && !text.Any(char.IsWhiteSpace) && !HasUserInfo(text)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0;

    /// <summary>
    /// Whether the address names a user (and perhaps a password) before its host: <c>https://user:pw@evil.example/</c>, or
    /// <c>https://www.city.example.jp@evil.example/</c>, which reads as the city's site and opens another. Any <c>@</c> in the
    /// part between <c>//</c> and the path counts, an empty user too.
    /// </summary>
    public static bool HasUserInfo(string? text)
    {
        var start = text?.IndexOf("//", StringComparison.Ordinal) ?? -1;
        if (text is null || start < 0)
        {
            return false;
        }

        var authority = text.AsSpan(start + 2);
        var end = authority.IndexOfAny('/', '?', '#');
        authority = end < 0 ? authority : authority[..end];
        return authority.Contains('@') || (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.UserInfo.Length > 0);
    }

    private static void CheckNumber(PropertyInfo property, int number, string path, Problems problems)
    {
        var (min, max) = Ranges.GetValueOrDefault((property.DeclaringType!, property.Name), DefaultRange);
        if (number < min || number > max)
        {
            problems.Add(Format(LimitText.NumberOutOfRange, path, number, min, max));
        }
    }

    /// <summary>The problems found, at most <see cref="MaxProblems"/> of them listed and the rest counted.</summary>
    private sealed class Problems
    {
        private readonly List<string> list = [];
        private int more;

        /// <summary>Enough is listed: the walk stops (a hostile file could otherwise produce a problem per value).</summary>
        public bool Full => more > 0;

        public void Add(string problem)
        {
            if (list.Count < MaxProblems)
            {
                list.Add(problem);
            }
            else
            {
                more++;
            }
        }

        public List<string> ToList() => more == 0 ? list : [.. list, Format(LimitText.TooManyProblems, MaxProblems)];
    }
}
