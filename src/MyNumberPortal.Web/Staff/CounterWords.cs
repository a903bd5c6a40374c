using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Web.Guide;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Staff;

/// <summary>
/// Words for the clerk's counter check built from the check's structured result: the outcome, what each ID rule still
/// lacks, input errors and the fee. Every word comes from <see cref="CounterText"/> (Japanese or English by the current
/// UI culture); the rules domain returns structures, never sentences.
/// </summary>
public static class CounterWords
{
    /// <summary>The outcome as the result's heading.</summary>
    public static string Outcome(CounterCheckOutcome outcome) => outcome switch
    {
        CounterCheckOutcome.Met => CounterText.OutcomeMet,
        CounterCheckOutcome.Missing => CounterText.OutcomeMissing,
        CounterCheckOutcome.NeedsJudgement => CounterText.OutcomeJudgement,
        CounterCheckOutcome.NotCovered => CounterText.OutcomeNotCovered,
        _ => CounterText.OutcomeInvalid,
    };

    /// <summary>A problem with the clerk's input, naming the offending id or visit.</summary>
    public static string Error(CounterCheckError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            CounterCheck.UnknownDocument => ChecklistWords.Format(CounterText.ErrorUnknownDocument, error.Value),
            CounterCheck.UnknownItem => ChecklistWords.Format(CounterText.ErrorUnknownItem, error.Value),
            CounterCheck.InvalidCount => ChecklistWords.Format(CounterText.ErrorInvalidCount, error.Value),
            CounterCheck.UnknownRule => ChecklistWords.Format(CounterText.ErrorUnknownRule, error.Value),
            _ => ChecklistWords.Format(CounterText.ErrorInvalidVisit, error.Value),
        };
    }

    /// <summary>The fee to collect, "no fee", or "not stated on the page".</summary>
    public static string Fee(GuidanceFee fee)
    {
        ArgumentNullException.ThrowIfNull(fee);
        return !fee.Stated ? CounterText.FeeNotStated
            : fee.Total == 0 ? CounterText.FeeNone
            : ChecklistWords.Format(CounterText.FeeCollect, ChecklistWords.Yen(fee.Total));
    }

    /// <summary>
    /// The closest alternatives of an unmet ID rule, each with what it still lacks, joined with 「、または」 / ", or ":
    /// 「A書類を1点、またはB書類をあと1点」 / "one document from list A, or one more document from list B". Empty for none.
    /// </summary>
    public static string Shortfalls(IReadOnlyList<IdShortfall> closest)
    {
        ArgumentNullException.ThrowIfNull(closest);
        return string.Join(CounterText.ShortfallOr, closest.Select(Shortfall));
    }

    /// <summary>
    /// What one alternative still lacks, e.g. 「B書類をあと1点(うち写真付き1点)」 / "one more document from list B (at least
    /// one with a photo)". "More" (あと) is said when some presented document already counts toward the alternative. A
    /// missing B can also be made up by an A document (the stronger kind); the words name list B, as the page does.
    /// </summary>
    public static string Shortfall(IdShortfall shortfall)
    {
        ArgumentNullException.ThrowIfNull(shortfall);
        var slots = shortfall.MissingA + shortfall.MissingB;
        var more = shortfall.Alternative.Total - slots > 0;
        var parts = new List<string>();
        if (shortfall.MissingA > 0)
        {
            parts.Add(ChecklistWords.Format(CounterText.ShortfallFromA, Documents(shortfall.MissingA, more)));
        }

        if (shortfall.MissingB > 0)
        {
            parts.Add(ChecklistWords.Format(CounterText.ShortfallFromB, Documents(shortfall.MissingB, more)));
        }

        var text = string.Join(CounterText.ShortfallAnd, parts);
        if (shortfall.MissingPhotos > 0)
        {
            var covered = Math.Min(shortfall.MissingPhotos, slots);
            if (covered > 0)
            {
                text += ChecklistWords.Format(CounterText.ShortfallPhotosAmong, Number(covered));
            }

            var extra = shortfall.MissingPhotos - covered;
            if (extra > 0)
            {
                // Every slot is filled (or needs a photo itself): further photo documents must replace ones without.
                text += (text.Length > 0 ? CounterText.ShortfallAnd : "") + ChecklistWords.Format(CounterText.ShortfallWithPhoto, Documents(extra, more: true));
            }
        }

        return text;
    }

    /// <summary>"1点" / "あと1点"; "one document" / "two more documents".</summary>
    private static string Documents(int count, bool more) => ChecklistWords.Format(
        (more, count == 1) switch
        {
            (false, true) => CounterText.ShortfallDocument,
            (false, false) => CounterText.ShortfallDocuments,
            (true, true) => CounterText.ShortfallMoreDocument,
            (true, false) => CounterText.ShortfallMoreDocuments,
        },
        Number(count));

    /// <summary>A small count in words where the language spells them ("one"), otherwise in digits.</summary>
    private static string Number(int n)
    {
        var words = CounterText.ShortfallNumbers.Split('|');
        return n >= 0 && n < words.Length ? words[n] : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
