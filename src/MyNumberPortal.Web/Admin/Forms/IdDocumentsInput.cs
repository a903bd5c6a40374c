using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>The identity-document catalogue (lists A and B).</summary>
public sealed class IdDocumentsInput
{
    public const string List = "Documents";

    public List<IdDocumentInput> Documents { get; set; } = [];

    public static IdDocumentsInput From(RuleSetDocument d) => new()
    {
        Documents = d.IdDocuments.Select(x => new IdDocumentInput
        {
            Id = x.Id, Category = x.Category, Photo = x.Photo, NameJa = x.Name.Ja, NameEn = x.Name.En, SourceDoc = x.Source?.Doc ?? "", SourceQuote = x.Source?.Quote ?? "",
        }).ToList(),
    };

    public static IdDocumentsInput Read(FormReader r) => new()
    {
        Documents = Enumerable.Range(0, r.Rows(List)).Select(i => new IdDocumentInput
        {
            Id = r.Text(AdminFields.Row(List, i, "Id")), Category = r.Text(AdminFields.Row(List, i, "Category")), Photo = r.Checked(AdminFields.Row(List, i, "Photo")),
            NameJa = r.Text(AdminFields.Row(List, i, "NameJa")), NameEn = r.Text(AdminFields.Row(List, i, "NameEn")),
            SourceDoc = r.Text(AdminFields.Row(List, i, "SourceDoc")), SourceQuote = r.Text(AdminFields.Row(List, i, "SourceQuote")),
            Remove = r.Checked(AdminFields.Row(List, i, "Remove")),
        }).ToList(),
    };

    public void ApplyTo(RuleSetDocument d) => d.IdDocuments = Documents.Where(x => !x.Remove && !x.IsBlank).Select(x => new IdDocumentDef
    {
        Id = x.Id, Category = x.Category, Photo = x.Photo, Name = new() { Ja = x.NameJa, En = x.NameEn }, Source = AdminInputs.Source(x.SourceDoc, x.SourceQuote),
    }).ToList();
}

public sealed class IdDocumentInput
{
    public string Id { get; set; } = "";
    public string Category { get; set; } = "";
    public bool Photo { get; set; }
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Id.Length == 0 && NameJa.Length == 0 && NameEn.Length == 0 && SourceQuote.Length == 0;
}
