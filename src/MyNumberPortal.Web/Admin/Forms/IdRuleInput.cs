using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>Which identity documents someone must show: a combination rule like "A×1 or B×2".</summary>
public sealed class IdRuleInput
{
    public string Id { get; set; } = "";
    public string Subject { get; set; } = IdSubjects.Holder;
    public string Rule { get; set; } = "";
    public string NoteJa { get; set; } = "";
    public string NoteEn { get; set; } = "";
    public string Visit { get; set; } = "";
    public ScopeInput Scope { get; set; } = new();

    public static IdRuleInput From(IdRuleDef r) => new()
    {
        Id = r.Id, Subject = r.Subject, Rule = r.Rule ?? "", NoteJa = r.Note?.Ja ?? "", NoteEn = r.Note?.En ?? "",
        Visit = r.Visit?.ToString(CultureInfo.InvariantCulture) ?? "", Scope = ScopeInput.From(r),
    };

    public static IdRuleInput Read(FormReader r) => new()
    {
        Id = r.Text(nameof(Id)), Subject = r.Text(nameof(Subject)), Rule = r.Text(nameof(Rule)), NoteJa = r.Text(nameof(NoteJa)), NoteEn = r.Text(nameof(NoteEn)),
        Visit = r.Text(nameof(Visit)), Scope = ScopeInput.Read(r),
    };

    public void ApplyTo(IdRuleDef d)
    {
        d.Id = Id;
        d.Subject = Subject;
        d.Rule = Rule.Length == 0 ? null : Rule;
        d.Note = AdminInputs.Local(NoteJa, NoteEn);
        d.Visit = Visit.Length == 0 ? null : int.Parse(Visit, CultureInfo.InvariantCulture);
        Scope.ApplyTo(d);
    }
}
