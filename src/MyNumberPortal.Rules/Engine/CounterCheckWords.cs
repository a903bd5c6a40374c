using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// Puts ID-document shortfalls into words, in Japanese and English, for the counter page:
/// 「A書類を1点、またはB書類をあと1点」 / "one document from list A, or one more document from list B".
/// "more" (あと) is said when some presented document already counts toward that alternative. A missing B can
/// also be made up by an A document (the stronger kind); the words name list B, as the page does.
/// </summary>
public static class CounterCheckWords
{
    private static readonly string[] EnglishNumbers = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    /// <summary>The closest alternatives, joined with 「、または」 / ", or ". Empty texts for an empty list.</summary>
    public static LocalText Shortfalls(IReadOnlyList<IdShortfall> closest)
    {
        ArgumentNullException.ThrowIfNull(closest);
        var words = closest.Select(Shortfall).ToList();
        return new LocalText
        {
            Ja = string.Join("、または", words.Select(w => w.Ja)),
            En = string.Join(", or ", words.Select(w => w.En)),
        };
    }

    /// <summary>What one alternative still lacks, e.g. 「B書類をあと1点(うち写真付き1点)」 / "one more document from list B (at least one with a photo)".</summary>
    public static LocalText Shortfall(IdShortfall shortfall)
    {
        ArgumentNullException.ThrowIfNull(shortfall);
        var slots = shortfall.MissingA + shortfall.MissingB;
        var more = shortfall.Alternative.Total - slots > 0;
        var ja = new List<string>();
        var en = new List<string>();
        if (shortfall.MissingA > 0)
        {
            ja.Add(Ja("A書類", shortfall.MissingA, more));
            en.Add(En(shortfall.MissingA, more, " from list A"));
        }

        if (shortfall.MissingB > 0)
        {
            ja.Add(Ja("B書類", shortfall.MissingB, more));
            en.Add(En(shortfall.MissingB, more, " from list B"));
        }

        var jaText = string.Join("と", ja);
        var enText = string.Join(" and ", en);
        if (shortfall.MissingPhotos > 0)
        {
            var covered = Math.Min(shortfall.MissingPhotos, slots);
            if (covered > 0)
            {
                jaText += $"(うち写真付き{Count(covered)}点)";
                enText += $" (at least {EnglishNumber(covered)} with a photo)";
            }

            var extra = shortfall.MissingPhotos - covered;
            if (extra > 0)
            {
                // Every slot is filled (or needs a photo itself): further photo documents must replace ones without.
                jaText += (jaText.Length > 0 ? "と" : "") + Ja("写真付きの書類", extra, true);
                enText += (enText.Length > 0 ? " and " : "") + En(extra, true, " with a photo");
            }
        }

        return new LocalText { Ja = jaText, En = enText };
    }

    private static string Ja(string what, int n, bool more) => $"{what}を{(more ? "あと" : "")}{Count(n)}点";

    private static string En(int n, bool more, string tail) =>
        $"{EnglishNumber(n)}{(more ? " more" : "")} {(n == 1 ? "document" : "documents")}{tail}";

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string EnglishNumber(int n) => n >= 0 && n < EnglishNumbers.Length ? EnglishNumbers[n] : Count(n);
}
