using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

public sealed class SourcesInput
{
    public const string List = "Sources";

    public List<SourceDocumentInput> Sources { get; set; } = [];

    public static SourcesInput From(RuleSetDocument d) => new()
    {
        Sources = d.Sources.Select(s => new SourceDocumentInput { Id = s.Id, File = s.File, TitleJa = s.Title.Ja, TitleEn = s.Title.En, Url = s.Url ?? "", Updated = s.Updated ?? "" }).ToList(),
    };

    public static SourcesInput Read(FormReader r) => new()
    {
        Sources = Enumerable.Range(0, r.Rows(List)).Select(i => new SourceDocumentInput
        {
            Id = r.Text(AdminFields.Row(List, i, "Id")), File = r.Text(AdminFields.Row(List, i, "File")),
            TitleJa = r.Text(AdminFields.Row(List, i, "TitleJa")), TitleEn = r.Text(AdminFields.Row(List, i, "TitleEn")),
            Url = r.Text(AdminFields.Row(List, i, "Url")), Updated = r.Text(AdminFields.Row(List, i, "Updated")),
            Remove = r.Checked(AdminFields.Row(List, i, "Remove")),
        }).ToList(),
    };

    public void ApplyTo(RuleSetDocument d) => d.Sources = Sources.Where(s => !s.Remove && !s.IsBlank).Select(s => new SourceDocument
    {
        Id = s.Id, File = s.File, Title = new() { Ja = s.TitleJa, En = s.TitleEn }, Url = s.Url.Length == 0 ? null : s.Url, Updated = s.Updated.Length == 0 ? null : s.Updated,
    }).ToList();
}

/// <summary>One source document: the page the facts are quoted from (name, address, its update date).</summary>
public sealed class SourceDocumentInput
{
    public string Id { get; set; } = "";
    public string File { get; set; } = "";
    public string TitleJa { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string Url { get; set; } = "";
    public string Updated { get; set; } = "";
    public bool Remove { get; set; }

    public bool IsBlank => Id.Length == 0 && TitleJa.Length == 0 && TitleEn.Length == 0 && Url.Length == 0 && Updated.Length == 0;
}
