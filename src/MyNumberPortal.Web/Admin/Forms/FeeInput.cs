using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>A fee: its itemised amounts (the total is their sum) and exemptions.</summary>
public sealed class FeeInput
{
    public const string ItemList = "Items";
    public const string ExemptionList = "Exemptions";

    public string Id { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>Optional: the total as the municipality's page states it, checked against the sum of the items (not stored).</summary>
    public string StatedTotal { get; set; } = "";
    public List<FeeItemInput> Items { get; set; } = [];
    public List<ExemptionInput> Exemptions { get; set; } = [];
    public ScopeInput Scope { get; set; } = new();

    public IEnumerable<FeeItemInput> KeptItems => Items.Where(i => !i.Remove && !i.IsBlank);

    public static FeeInput From(FeeDef f) => new()
    {
        Id = f.Id, NameJa = f.Name.Ja, NameEn = f.Name.En, Scope = ScopeInput.From(f),
        Items = f.Items.Select(i => new FeeItemInput
        {
            Id = i.Id, LabelJa = i.Label.Ja, LabelEn = i.Label.En, Amount = i.Amount.ToString(CultureInfo.InvariantCulture), When = i.When ?? "",
            SourceDoc = i.Source?.Doc ?? "", SourceQuote = i.Source?.Quote ?? "",
        }).ToList(),
        Exemptions = f.Exemptions.Select(x => new ExemptionInput
        {
            Id = x.Id, When = x.When, ReasonJa = x.Reason.Ja, ReasonEn = x.Reason.En, EvidenceJa = x.Evidence?.Ja ?? "", EvidenceEn = x.Evidence?.En ?? "",
            SourceDoc = x.Source?.Doc ?? "", SourceQuote = x.Source?.Quote ?? "",
        }).ToList(),
    };

    public static FeeInput Read(FormReader r) => new()
    {
        Id = r.Text(nameof(Id)), NameJa = r.Text(nameof(NameJa)), NameEn = r.Text(nameof(NameEn)), StatedTotal = r.Text(nameof(StatedTotal)), Scope = ScopeInput.Read(r),
        Items = Enumerable.Range(0, r.Rows(ItemList)).Select(i => new FeeItemInput
        {
            Id = r.Text(AdminFields.Row(ItemList, i, "Id")), LabelJa = r.Text(AdminFields.Row(ItemList, i, "LabelJa")), LabelEn = r.Text(AdminFields.Row(ItemList, i, "LabelEn")),
            Amount = r.Text(AdminFields.Row(ItemList, i, "Amount")), When = r.Text(AdminFields.Row(ItemList, i, "When")),
            SourceDoc = r.Text(AdminFields.Row(ItemList, i, "SourceDoc")), SourceQuote = r.Text(AdminFields.Row(ItemList, i, "SourceQuote")),
            Remove = r.Checked(AdminFields.Row(ItemList, i, "Remove")),
        }).ToList(),
        Exemptions = Enumerable.Range(0, r.Rows(ExemptionList)).Select(i => new ExemptionInput
        {
            Id = r.Text(AdminFields.Row(ExemptionList, i, "Id")), When = r.Text(AdminFields.Row(ExemptionList, i, "When")),
            ReasonJa = r.Text(AdminFields.Row(ExemptionList, i, "ReasonJa")), ReasonEn = r.Text(AdminFields.Row(ExemptionList, i, "ReasonEn")),
            EvidenceJa = r.Text(AdminFields.Row(ExemptionList, i, "EvidenceJa")), EvidenceEn = r.Text(AdminFields.Row(ExemptionList, i, "EvidenceEn")),
            SourceDoc = r.Text(AdminFields.Row(ExemptionList, i, "SourceDoc")), SourceQuote = r.Text(AdminFields.Row(ExemptionList, i, "SourceQuote")),
            Remove = r.Checked(AdminFields.Row(ExemptionList, i, "Remove")),
        }).ToList(),
    };

    public void ApplyTo(FeeDef f)
    {
        f.Id = Id;
        f.Name = new() { Ja = NameJa, En = NameEn };
        Scope.ApplyTo(f);
        f.Items = KeptItems.Select(i => new FeeItemDef
        {
            Id = i.Id, Label = new() { Ja = i.LabelJa, En = i.LabelEn }, Amount = int.Parse(i.Amount, NumberStyles.None, CultureInfo.InvariantCulture),
            When = i.When.Length == 0 ? null : i.When, Source = AdminInputs.Source(i.SourceDoc, i.SourceQuote),
        }).ToList();
        f.Exemptions = Exemptions.Where(x => !x.Remove && !x.IsBlank).Select(x => new FeeExemptionDef
        {
            Id = x.Id, When = x.When, Reason = new() { Ja = x.ReasonJa, En = x.ReasonEn }, Evidence = AdminInputs.Local(x.EvidenceJa, x.EvidenceEn),
            Source = AdminInputs.Source(x.SourceDoc, x.SourceQuote),
        }).ToList();
    }
}

public sealed class FeeItemInput
{
    public string Id { get; set; } = "";
    public string LabelJa { get; set; } = "";
    public string LabelEn { get; set; } = "";
    public string Amount { get; set; } = "";
    public string When { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Id.Length == 0 && LabelJa.Length == 0 && LabelEn.Length == 0 && Amount.Length == 0 && When.Length == 0 && SourceQuote.Length == 0;
}

public sealed class ExemptionInput
{
    public string Id { get; set; } = "";
    public string When { get; set; } = "";
    public string ReasonJa { get; set; } = "";
    public string ReasonEn { get; set; } = "";
    public string EvidenceJa { get; set; } = "";
    public string EvidenceEn { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Id.Length == 0 && When.Length == 0 && ReasonJa.Length == 0 && ReasonEn.Length == 0 && EvidenceJa.Length == 0 && SourceQuote.Length == 0;
}
