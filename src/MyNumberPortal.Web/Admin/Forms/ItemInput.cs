using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>Something to bring.</summary>
public sealed class ItemInput
{
    public string Id { get; set; } = "";
    public string TextJa { get; set; } = "";
    public string TextEn { get; set; } = "";
    public string DetailJa { get; set; } = "";
    public string DetailEn { get; set; } = "";
    public string Visit { get; set; } = "";
    public ScopeInput Scope { get; set; } = new();

    public static ItemInput From(RequiredItemDef i) => new()
    {
        Id = i.Id, TextJa = i.Text.Ja, TextEn = i.Text.En, DetailJa = i.Detail?.Ja ?? "", DetailEn = i.Detail?.En ?? "",
        Visit = i.Visit?.ToString(CultureInfo.InvariantCulture) ?? "", Scope = ScopeInput.From(i),
    };

    public static ItemInput Read(FormReader r) => new()
    {
        Id = r.Text(nameof(Id)), TextJa = r.Text(nameof(TextJa)), TextEn = r.Text(nameof(TextEn)), DetailJa = r.Text(nameof(DetailJa)),
        DetailEn = r.Text(nameof(DetailEn)), Visit = r.Text(nameof(Visit)), Scope = ScopeInput.Read(r),
    };

    public void ApplyTo(RequiredItemDef i)
    {
        i.Id = Id;
        i.Text = new() { Ja = TextJa, En = TextEn };
        i.Detail = AdminInputs.Local(DetailJa, DetailEn);
        i.Visit = Visit.Length == 0 ? null : int.Parse(Visit, CultureInfo.InvariantCulture);
        Scope.ApplyTo(i);
    }
}
