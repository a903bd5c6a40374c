using System.Text;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Search;

/// <summary>
/// Finds municipalities by what a resident types: the name in kanji, kana (hiragana, katakana, half-width),
/// romaji or English, with or without 市/区/町/村 (a resident may not know which it is), the prefecture,
/// or the local government code.
/// </summary>
/// <remarks>
/// <para>
/// Query and fields are normalised alike: NFKC (full-width letters and digits, half-width katakana), lower case,
/// katakana read as hiragana, accents and macrons dropped (ō → o), "ou"/"oo" → "o" and "uu" → "u" (Tōkyō, Toukyou
/// and Tokyo are one), and spaces, hyphens, middle dots and other punctuation removed.
/// </para>
/// <para>
/// A trailing municipal suffix is stripped from names and queries: 市 区 町 村, し く まち ちょう むら そん, and
/// the romaji or English words city, ward, town, village, shi, ku, machi, cho, mura, son. A stripped query must then
/// equal a (stripped) name: "品川市", "しながわし" and "shinagawaku" find 品川区, but "toshi" does not list
/// everything containing "to". A romaji or English suffix is stripped only after a space or hyphen
/// ("Shinagawa City", "edogawa-ku"), or where the rest equals a name ("shinagawaku").
/// </para>
/// <para>
/// Digits match the code by prefix: the 6-digit code, its first five digits (without the check digit), or fewer.
/// Prefecture names match exactly or by prefix (not as a substring: 京都 does not find 東京都), with or without
/// 都/府/県 or a separate "prefecture", "to", "fu", "ken" ("tokyo-to", "kanagawa ken").
/// </para>
/// <para>
/// Order: exact name (or code) matches, then name prefix matches, then name substring matches, then exact
/// prefecture matches, then prefecture prefix matches; in input order within each.
/// </para>
/// </remarks>
public static class MunicipalitySearch
{
    /// <summary>Longer queries find nothing.</summary>
    public const int MaxQueryLength = 64;

    private const int NameExact = 0;
    private const int NamePrefix = 1;
    private const int NameSubstring = 2;
    private const int PrefectureExact = 3;
    private const int PrefecturePrefix = 4;
    private const int NoMatch = int.MaxValue;

    private static readonly string[] KanjiSuffixes = ["市", "区", "町", "村"];
    private static readonly string[] KanaSuffixes = ["ちょう", "まち", "むら", "そん", "し", "く"];
    private static readonly string[] RomajiSuffixes = ["village", "machi", "city", "ward", "town", "mura", "shi", "cho", "son", "ku"];
    private static readonly string[] PrefectureSuffixes = ["都", "府", "県"];
    private static readonly string[] PrefectureWords = ["prefecture", "ken", "to", "fu"];

    /// <summary>
    /// The municipalities matching a query, best first. An empty or blank query (or one of punctuation only)
    /// returns all, in input order; a query longer than <see cref="MaxQueryLength"/> returns none.
    /// </summary>
    public static IReadOnlyList<MunicipalityInfo> Find(IEnumerable<MunicipalityInfo> all, string? query)
    {
        ArgumentNullException.ThrowIfNull(all);
        if (query is { Length: > MaxQueryLength })
        {
            return [];
        }

        var q = Query.Parse(query ?? "");
        if (q.Full.Length == 0)
        {
            return all.ToList();
        }

        return all
            .Select(m => (Municipality: m, Rank: Rank(m, q)))
            .Where(x => x.Rank != NoMatch)
            .OrderBy(x => x.Rank) // stable: input order within a rank
            .Select(x => x.Municipality)
            .ToList();
    }

    /// <summary>
    /// The text as search compares it: NFKC, lower case, hiragana for katakana, accents and long vowels folded,
    /// runs of anything but letters and digits replaced by one space, trimmed.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var result = new StringBuilder(normalized.Length);
        var pendingSpace = false;
        foreach (var original in normalized)
        {
            var c = original;
            if (c is >= '\u30A1' and <= '\u30F6')
            {
                c = (char)(c - 0x60); // katakana → hiragana
            }
            else if (c is >= '\u00C0' and <= '\u024F' or >= '\u1E00' and <= '\u1EFF')
            {
                c = FoldLatin(c);
            }

            if (!char.IsLetterOrDigit(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString().Replace("ou", "o", StringComparison.Ordinal).Replace("oo", "o", StringComparison.Ordinal)
            .Replace("uu", "u", StringComparison.Ordinal);
    }

    private static int Rank(MunicipalityInfo m, Query q)
    {
        if (q.Digits)
        {
            var code = m.Code;
            if (q.Full.Length > 6 || !code.StartsWith(q.Full, StringComparison.Ordinal))
            {
                return NoMatch;
            }

            return q.Full.Length >= 5 ? NameExact : NamePrefix;
        }

        var rank = NoMatch;
        foreach (var field in NameForms(m))
        {
            rank = Math.Min(rank, Compare(q, field.Full, field.Stem, substring: field.Substring));
        }

        if (rank != NoMatch)
        {
            return rank;
        }

        foreach (var (full, stem) in PrefectureForms(m))
        {
            var r = Compare(q, full, stem, substring: false);
            if (r != NoMatch)
            {
                rank = Math.Min(rank, r == NameExact ? PrefectureExact : PrefecturePrefix);
            }
        }

        return rank;
    }

    /// <summary>How a query matches one field (given as its squashed full form and suffix-less stem).</summary>
    private static int Compare(Query q, string full, string stem, bool substring)
    {
        if (full.Length == 0)
        {
            return NoMatch;
        }

        if (q.Full == full || q.Full == stem || q.Stems.Contains(full) || q.Stems.Contains(stem))
        {
            return NameExact;
        }

        if (full.StartsWith(q.Full, StringComparison.Ordinal) || stem.StartsWith(q.Full, StringComparison.Ordinal))
        {
            return NamePrefix;
        }

        return substring && full.Contains(q.Full, StringComparison.Ordinal) ? NameSubstring : NoMatch;
    }

    private static IEnumerable<(string Full, string Stem, bool Substring)> NameForms(MunicipalityInfo m)
    {
        var ja = Normalize(m.Name.Ja);
        var jaStem = StripAny(Squash(ja), KanjiSuffixes);
        yield return (Squash(ja), jaStem, true);

        // The reading's suffix is the one the name has (市 → し, 区 → く, …), so "こがねいし" stems to "こがねい".
        var kana = Squash(Normalize(m.Kana));
        string[] kanaSuffixes = m.Name.Ja.Trim() switch
        {
            var n when n.EndsWith('市') => ["し"],
            var n when n.EndsWith('区') => ["く"],
            var n when n.EndsWith('町') => ["まち", "ちょう"],
            var n when n.EndsWith('村') => ["むら", "そん"],
            _ => [],
        };
        yield return (kana, StripAny(kana, kanaSuffixes), true);

        var romaji = Normalize(m.Romaji);
        yield return (Squash(romaji), StripWord(romaji, RomajiSuffixes), true);

        // The English name ("Shinagawa City") matches as a whole or by prefix; inside, only its stem (= the romaji).
        var en = Normalize(m.Name.En);
        var enStem = StripWord(en, RomajiSuffixes);
        yield return (Squash(en), enStem, false);
        yield return (enStem, enStem, true);
    }

    private static IEnumerable<(string Full, string Stem)> PrefectureForms(MunicipalityInfo m)
    {
        var ja = Squash(Normalize(m.Prefecture.Ja));
        yield return (ja, StripAny(ja, PrefectureSuffixes));
        var en = Normalize(m.Prefecture.En);
        yield return (Squash(en), StripWord(en, PrefectureWords));
    }

    private static string Squash(string normalized) => normalized.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>The squashed text without one of the suffixes (the text itself when none ends it or nothing would remain).</summary>
    private static string StripAny(string squashed, IEnumerable<string> suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (squashed.Length > suffix.Length && squashed.EndsWith(suffix, StringComparison.Ordinal))
            {
                return squashed[..^suffix.Length];
            }
        }

        return squashed;
    }

    /// <summary>The normalised text without a last word that is one of the suffixes, squashed.</summary>
    private static string StripWord(string normalized, IEnumerable<string> words)
    {
        var space = normalized.LastIndexOf(' ');
        return space > 0 && words.Contains(normalized[(space + 1)..], StringComparer.Ordinal)
            ? Squash(normalized[..space])
            : Squash(normalized);
    }

    /// <summary>A Latin letter without its accent or macron (ō → o).</summary>
    private static char FoldLatin(char c)
    {
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 0 && char.IsAsciiLetter(decomposed[0]) ? decomposed[0] : c;
    }

    /// <summary>A parsed query: its squashed form, and the forms without a municipal suffix (which must match exactly).</summary>
    private sealed record Query(string Full, IReadOnlySet<string> Stems, bool Digits)
    {
        public static Query Parse(string text)
        {
            var normalized = Normalize(text);
            var full = Squash(normalized);
            var stems = new HashSet<string>(StringComparer.Ordinal);
            void Add(string stem)
            {
                if (stem.Length > 0 && stem != full)
                {
                    stems.Add(stem);
                }
            }

            Add(StripWord(normalized, RomajiSuffixes));
            Add(StripWord(normalized, PrefectureWords));
            Add(StripAny(full, RomajiSuffixes));
            Add(StripAny(full, KanjiSuffixes));
            foreach (var suffix in KanaSuffixes)
            {
                Add(StripAny(full, [suffix]));
            }

            return new Query(full, stems, full.Length > 0 && full.All(char.IsAsciiDigit));
        }
    }
}
