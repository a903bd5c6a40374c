using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

public sealed class HoursInput
{
    public const string List = "Hours";

    public List<HoursRowInput> Hours { get; set; } = [];

    /// <summary>The rows that will be stored, in order.</summary>
    public IEnumerable<HoursRowInput> Kept => Hours.Where(h => !h.Remove && !h.IsBlank);

    public static HoursInput From(CounterDef c) => new()
    {
        Hours = c.Hours.Select(h => new HoursRowInput
        {
            Days = [.. h.Days], Weeks = string.Join(",", h.Weeks.Select(w => w.ToString(CultureInfo.InvariantCulture))), Open = h.Open, Close = h.Close,
            SourceDoc = h.Source?.Doc ?? "", SourceQuote = h.Source?.Quote ?? "",
        }).ToList(),
    };

    public static HoursInput Read(FormReader r) => new()
    {
        Hours = Enumerable.Range(0, r.Rows(List)).Select(i => new HoursRowInput
        {
            Days = r.Values(AdminFields.Row(List, i, "Days")), Weeks = r.Text(AdminFields.Row(List, i, "Weeks")),
            Open = r.Text(AdminFields.Row(List, i, "Open")), Close = r.Text(AdminFields.Row(List, i, "Close")),
            SourceDoc = r.Text(AdminFields.Row(List, i, "SourceDoc")), SourceQuote = r.Text(AdminFields.Row(List, i, "SourceQuote")),
            Remove = r.Checked(AdminFields.Row(List, i, "Remove")),
        }).ToList(),
    };

    public void ApplyTo(CounterDef c) => c.Hours = Kept.Select(h => new OpeningHoursDef
    {
        Days = [.. AdminInputs.DayOrder.Where(h.Days.Contains)], Weeks = AdminInputs.Numbers(h.Weeks) ?? [], Open = h.Open, Close = h.Close,
        Source = AdminInputs.Source(h.SourceDoc, h.SourceQuote),
    }).ToList();
}

/// <summary>One row of weekly hours.</summary>
public sealed class HoursRowInput
{
    public List<string> Days { get; set; } = [];
    public string Weeks { get; set; } = "";
    public string Open { get; set; } = "";
    public string Close { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Days.Count == 0 && Weeks.Length == 0 && Open.Length == 0 && Close.Length == 0 && SourceQuote.Length == 0;
}
