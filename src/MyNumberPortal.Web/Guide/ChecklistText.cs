using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Guide;

/// <summary>
/// Words for the resident checklist built from rule data: ID combinations spelled out, yen amounts, phone links,
/// language names, source dates. Every word comes from <see cref="ChecklistText"/> (Japanese or English by the
/// current UI culture); nothing here is specific to a municipality.
/// </summary>
public static class ChecklistWords
{
    /// <summary>A resource format filled in with culture-independent numbers.</summary>
    public static string Format(string format, params object?[] args) => string.Format(CultureInfo.InvariantCulture, format, args);

    /// <summary>The text before and after "{0}" in a one-argument format, for wrapping the argument in markup.</summary>
    public static (string Before, string After) Around(string format)
    {
        ArgumentNullException.ThrowIfNull(format);
        var at = format.IndexOf("{0}", StringComparison.Ordinal);
        return at < 0 ? (format, "") : (format[..at], format[(at + 3)..]);
    }

    /// <summary>"1,000円" in Japanese, "¥1,000" in English.</summary>
    public static string Yen(int amount) => Format(ChecklistText.YenFormat, amount.ToString("#,0", CultureInfo.InvariantCulture));

    /// <summary>The <c>tel:</c> link of a number: digits and hyphens only (a leading + is kept for international numbers).</summary>
    public static string TelHref(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var kept = number.Where(c => char.IsAsciiDigit(c) || c == '-').ToArray();
        var plus = number.TrimStart().StartsWith('+') ? "+" : "";
        return "tel:" + plus + new string(kept).Trim('-');
    }

    /// <summary>The name of an ISO 639-1 language in the page language; an unknown code is shown as it is.</summary>
    public static string LanguageName(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var key = "Lang_" + code.Trim().ToLowerInvariant();
        var name = key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')
            ? ChecklistText.ResourceManager.GetString(key, CultureInfo.CurrentUICulture)
            : null;
        return string.IsNullOrEmpty(name) ? code : name;
    }

    public static string LanguageNames(IEnumerable<string> codes) =>
        string.Join(ChecklistText.ListSeparator, codes.Select(LanguageName));

    /// <summary>
    /// An ID combination in words, e.g. 「次のどちらか: A書類1点、またはB書類2点」 /
    /// "One of: 1 document from list A, or 2 documents from list B".
    /// </summary>
    public static string IdCombination(IdCombinationRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var parts = rule.Alternatives.Select(IdAlternative).ToList();
        return parts.Count switch
        {
            0 => "",
            1 => parts[0],
            2 => Format(ChecklistText.IdOneOfTwo, parts[0], parts[1]),
            _ => Format(ChecklistText.IdOneOfMany, string.Join(ChecklistText.ListSeparator, parts.Take(parts.Count - 1)), parts[^1]),
        };
    }

    /// <summary>One alternative in words: "1 document from list A and 1 from list B (at least 1 with a photo)".</summary>
    public static string IdAlternative(IdAlternative alternative)
    {
        ArgumentNullException.ThrowIfNull(alternative);
        string text;
        if (alternative.A > 0 && alternative.B > 0)
        {
            text = Format(ChecklistText.IdTermJoin, CountA(alternative.A), Format(ChecklistText.IdTermBAfter, alternative.B));
        }
        else if (alternative.A > 0)
        {
            text = CountA(alternative.A);
        }
        else
        {
            text = alternative.B == 1 ? ChecklistText.IdTermBOne : Format(ChecklistText.IdTermBMany, alternative.B);
        }

        return alternative.MinPhotos > 0 ? Format(ChecklistText.IdWithPhoto, text, alternative.MinPhotos) : text;

        static string CountA(int n) => n == 1 ? ChecklistText.IdTermAOne : Format(ChecklistText.IdTermAMany, n);
    }

    /// <summary>Whose documents an ID rule is about, from the point of view of who is reading.</summary>
    public static string IdSubject(string subject, string applicant) => subject switch
    {
        IdSubjects.Agent => ChecklistText.IdSubjectAgent,
        _ when applicant == Applicants.Self => ChecklistText.IdSubjectSelf,
        _ => ChecklistText.IdSubjectHolder,
    };

    public static string Reservation(string policy) => policy switch
    {
        ReservationPolicies.Required => ChecklistText.ReservationRequired,
        ReservationPolicies.NotRequired => ChecklistText.ReservationNotRequired,
        _ => ChecklistText.ReservationNotStated,
    };

    /// <summary>"1回目・2回目" / "visits 1 and 2".</summary>
    public static string VisitList(IEnumerable<int> visits) =>
        string.Join(ChecklistText.VisitSeparator, visits.Select(v => Format(ChecklistText.VisitOrdinal, v)));

    /// <summary>"8:30~17:15" / "8:30–17:15".</summary>
    public static string TimeRange(TimeOnly open, TimeOnly close) => Format(ChecklistText.TimeRange, DateText.Time(open), DateText.Time(close));

    /// <summary>A date without the weekday: "2024年9月1日" / "1 September 2024".</summary>
    public static string ShortDate(DateOnly date) =>
        Format(ChecklistText.DateFormat, date.Year, date.Month, date.Day, CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(date.Month));

    /// <summary>True when rule content is shown in Japanese on an English page (its English text is empty).</summary>
    public static bool FallsBack(LocalText? text) =>
        text is not null && Language.Current == Language.English && text.En.Length == 0 && text.Ja.Length > 0;

    /// <summary>The <c>lang</c> attribute for rule content: "ja" where it falls back to Japanese, otherwise none.</summary>
    public static string? LangOf(LocalText? text) => FallsBack(text) ? Language.Japanese : null;

    /// <summary>The <c>lang</c> attribute for a quote from a Japanese page: "ja" on English pages.</summary>
    public static string? QuoteLang => Language.Current == Language.English ? Language.Japanese : null;

    /// <summary>
    /// Phone lines in the order a reader needs them: on an English page the lines that speak English (the foreign-language
    /// line) first, otherwise as the rules list them.
    /// </summary>
    public static IReadOnlyList<GuidancePhone> ForReader(IEnumerable<GuidancePhone> phones)
    {
        ArgumentNullException.ThrowIfNull(phones);
        var list = phones.ToList();
        return Language.Current == Language.English
            ? list.OrderBy(p => p.Languages.Contains(Language.English, StringComparer.Ordinal) ? 0 : 1).ToList()
            : list;
    }

    /// <summary>The distinct source documents of some facts, in order of first use.</summary>
    public static IReadOnlyList<SourceDocument> Documents(IEnumerable<ResolvedSource?> sources) =>
        sources.OfType<ResolvedSource>().Select(s => s.Document).DistinctBy(d => d.Id).ToList();
}
