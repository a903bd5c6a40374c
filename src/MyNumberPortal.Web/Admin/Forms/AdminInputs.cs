using System.Globalization;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

// What the admin forms post are plain classes, one file per form (XxxInput.cs) beside its FluentValidation validator
// (XxxValidator.cs); FormReader reads them from the form. These helpers turn form text into rule-file values.

public static class AdminInputs
{
    public static readonly IReadOnlyList<string> DayOrder = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static LocalText? Local(string ja, string en) => ja.Length == 0 && en.Length == 0 ? null : new LocalText { Ja = ja, En = en };

    public static SourceRef? Source(string doc, string quote) => quote.Length == 0 ? null : new SourceRef { Doc = doc, Quote = quote };

    /// <summary>"2, 4" → [2, 4]; empty → []; null when a part is not a whole number.</summary>
    public static List<int>? Numbers(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split([',', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            result.Add(n);
        }

        return result.Distinct().Order().ToList();
    }

    public static List<string> Dates(string text) =>
        text.Split([',', '、', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static bool IsTime(string text) =>
        text.Length == 5 && text[2] == ':' && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h < 24
        && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60;

    public static bool IsDate(string text) => PortalDates.TryParseIso(text, out _);
}
