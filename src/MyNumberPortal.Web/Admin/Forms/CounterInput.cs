using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>A counter's details and which cases it takes.</summary>
public sealed class CounterInput
{
    public const string List = "Accepts";

    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string AddressJa { get; set; } = "";
    public string AddressEn { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Reservation { get; set; } = ReservationPolicies.NotStated;
    public string NoteJa { get; set; } = "";
    public string NoteEn { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";
    public List<AcceptInput> Accepts { get; set; } = [];

    public static CounterInput From(CounterDef c) => new()
    {
        NameJa = c.Name.Ja, NameEn = c.Name.En, AddressJa = c.Address?.Ja ?? "", AddressEn = c.Address?.En ?? "", Phone = c.Phone ?? "",
        Reservation = c.Reservation, NoteJa = c.Note?.Ja ?? "", NoteEn = c.Note?.En ?? "", SourceDoc = c.Source?.Doc ?? "", SourceQuote = c.Source?.Quote ?? "",
        Accepts = c.Accepts.Select(a => new AcceptInput
        {
            Procedures = [.. a.Procedures], Applicants = [.. a.Applicants], When = a.When, Source = a.Source,
            Visits = string.Join(",", a.Visits.Select(v => v.ToString(CultureInfo.InvariantCulture))),
        }).ToList(),
    };

    public static CounterInput Read(FormReader r, CounterDef? stored) => new()
    {
        NameJa = r.Text(nameof(NameJa)), NameEn = r.Text(nameof(NameEn)), AddressJa = r.Text(nameof(AddressJa)), AddressEn = r.Text(nameof(AddressEn)),
        Phone = r.Text(nameof(Phone)), Reservation = r.Text(nameof(Reservation)), NoteJa = r.Text(nameof(NoteJa)), NoteEn = r.Text(nameof(NoteEn)),
        SourceDoc = r.Text(nameof(SourceDoc)), SourceQuote = r.Text(nameof(SourceQuote)),
        Accepts = Enumerable.Range(0, r.Rows(List)).Select(i => new AcceptInput
        {
            Procedures = r.Values(AdminFields.Row(List, i, "Procedures")), Applicants = r.Values(AdminFields.Row(List, i, "Applicants")),
            Visits = r.Text(AdminFields.Row(List, i, "Visits")), Remove = r.Checked(AdminFields.Row(List, i, "Remove")),
            When = stored is not null && i < stored.Accepts.Count ? stored.Accepts[i].When : null,
            Source = stored is not null && i < stored.Accepts.Count ? stored.Accepts[i].Source : null,
        }).ToList(),
    };

    public void ApplyTo(CounterDef c)
    {
        c.Name = new() { Ja = NameJa, En = NameEn };
        c.Address = AdminInputs.Local(AddressJa, AddressEn);
        c.Phone = Phone.Length == 0 ? null : Phone;
        c.Reservation = Reservation;
        c.Note = AdminInputs.Local(NoteJa, NoteEn);
        c.Source = AdminInputs.Source(SourceDoc, SourceQuote);
        c.Accepts = Accepts.Where(a => !a.Remove && !a.IsBlank).Select(a => new CounterAcceptance
        {
            Procedures = [.. a.Procedures], Applicants = [.. a.Applicants], When = a.When, Source = a.Source,
            Visits = AdminInputs.Numbers(a.Visits) ?? [],
        }).ToList();
    }
}

public sealed class AcceptInput
{
    public List<string> Procedures { get; set; } = [];
    public List<string> Applicants { get; set; } = [];
    public string Visits { get; set; } = "";
    public bool Remove { get; set; }

    /// <summary>Kept from the stored entry (not edited here): its condition and source.</summary>
    public string? When { get; set; }
    public SourceRef? Source { get; set; }

    public bool IsBlank => Procedures.Count == 0 && Applicants.Count == 0 && Visits.Length == 0 && When is null && Source is null;
}
