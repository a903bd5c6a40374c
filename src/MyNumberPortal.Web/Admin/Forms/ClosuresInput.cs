using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

public sealed class ClosuresInput
{
    public const string List = "Closures";

    public static readonly IReadOnlyList<string> Kinds = ["national-holidays", "year-end", "maintenance-sunday", "weekdays", "nth-weekday", "dates"];

    public List<ClosureRowInput> Closures { get; set; } = [];

    public static ClosuresInput From(CounterDef c) => new()
    {
        Closures = c.Closures.Select(x => new ClosureRowInput
        {
            Kind = x.Kind, Days = [.. x.Days], Weeks = string.Join(",", x.Weeks.Select(w => w.ToString(CultureInfo.InvariantCulture))),
            Dates = string.Join(", ", x.Dates), From = x.From ?? "", To = x.To ?? "", ReasonJa = x.Reason?.Ja ?? "", ReasonEn = x.Reason?.En ?? "",
            SourceDoc = x.Source?.Doc ?? "", SourceQuote = x.Source?.Quote ?? "",
        }).ToList(),
    };

    public static ClosuresInput Read(FormReader r) => new()
    {
        Closures = Enumerable.Range(0, r.Rows(List)).Select(i => new ClosureRowInput
        {
            Kind = r.Text(AdminFields.Row(List, i, "Kind")), Days = r.Values(AdminFields.Row(List, i, "Days")), Weeks = r.Text(AdminFields.Row(List, i, "Weeks")),
            Dates = r.Text(AdminFields.Row(List, i, "Dates")), From = r.Text(AdminFields.Row(List, i, "From")), To = r.Text(AdminFields.Row(List, i, "To")),
            ReasonJa = r.Text(AdminFields.Row(List, i, "ReasonJa")), ReasonEn = r.Text(AdminFields.Row(List, i, "ReasonEn")),
            SourceDoc = r.Text(AdminFields.Row(List, i, "SourceDoc")), SourceQuote = r.Text(AdminFields.Row(List, i, "SourceQuote")),
            Remove = r.Checked(AdminFields.Row(List, i, "Remove")),
        }).ToList(),
    };

    public void ApplyTo(CounterDef c) => c.Closures = Closures.Where(x => !x.Remove && !x.IsBlank).Select(x => new ClosureDef
    {
        Kind = x.Kind, Days = [.. AdminInputs.DayOrder.Where(x.Days.Contains)], Weeks = AdminInputs.Numbers(x.Weeks) ?? [], Dates = AdminInputs.Dates(x.Dates),
        From = x.From.Length == 0 ? null : x.From, To = x.To.Length == 0 ? null : x.To, Reason = AdminInputs.Local(x.ReasonJa, x.ReasonEn),
        Source = AdminInputs.Source(x.SourceDoc, x.SourceQuote),
    }).ToList();
}

/// <summary>One closure row: a kind and what it needs.</summary>
public sealed class ClosureRowInput
{
    public string Kind { get; set; } = "";
    public List<string> Days { get; set; } = [];
    public string Weeks { get; set; } = "";
    public string Dates { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string ReasonJa { get; set; } = "";
    public string ReasonEn { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Kind.Length == 0 && Days.Count == 0 && Weeks.Length == 0 && Dates.Length == 0 && From.Length == 0 && To.Length == 0
        && ReasonJa.Length == 0 && ReasonEn.Length == 0 && SourceQuote.Length == 0;
}
