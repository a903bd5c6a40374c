using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

// What the admin forms post, as plain classes (one per form), read from the form by FormReader and checked by the
// validators in AdminValidators.cs before anything is applied to the draft. Property names are the form's field names.

/// <summary>The scope every rule element has: which procedures and applicants it is for, a condition, and its source.</summary>
public sealed class ScopeInput
{
    public List<string> Procedures { get; set; } = [];
    public List<string> Applicants { get; set; } = [];
    public string When { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";

    public static ScopeInput From(ScopedElement e) => new()
    {
        Procedures = [.. e.Procedures], Applicants = [.. e.Applicants], When = e.When ?? "",
        SourceDoc = e.Source?.Doc ?? "", SourceQuote = e.Source?.Quote ?? "",
    };

    public static ScopeInput Read(FormReader r) => new()
    {
        Procedures = r.Values(nameof(Procedures)), Applicants = r.Values(nameof(Applicants)), When = r.Text(nameof(When)),
        SourceDoc = r.Text(nameof(SourceDoc)), SourceQuote = r.Text(nameof(SourceQuote)),
    };

    public void ApplyTo(ScopedElement e)
    {
        e.Procedures = [.. Procedures];
        e.Applicants = [.. Applicants];
        e.When = When.Length == 0 ? null : When;
        e.Source = AdminInputs.Source(SourceDoc, SourceQuote);
    }
}

public sealed class MunicipalityInput
{
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Kana { get; set; } = "";
    public string Romaji { get; set; } = "";
    public string PrefectureJa { get; set; } = "";
    public string PrefectureEn { get; set; } = "";
    public string InquiryPhone { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";

    public static MunicipalityInput From(MunicipalityInfo m) => new()
    {
        Code = m.Code, NameJa = m.Name.Ja, NameEn = m.Name.En, Kana = m.Kana, Romaji = m.Romaji, PrefectureJa = m.Prefecture.Ja,
        PrefectureEn = m.Prefecture.En, InquiryPhone = m.InquiryPhone ?? "", SourceDoc = m.Source?.Doc ?? "", SourceQuote = m.Source?.Quote ?? "",
    };

    public static MunicipalityInput Read(FormReader r) => new()
    {
        Code = r.Text(nameof(Code)), NameJa = r.Text(nameof(NameJa)), NameEn = r.Text(nameof(NameEn)), Kana = r.Text(nameof(Kana)),
        Romaji = r.Text(nameof(Romaji)), PrefectureJa = r.Text(nameof(PrefectureJa)), PrefectureEn = r.Text(nameof(PrefectureEn)),
        InquiryPhone = r.Text(nameof(InquiryPhone)), SourceDoc = r.Text(nameof(SourceDoc)), SourceQuote = r.Text(nameof(SourceQuote)),
    };

    public void ApplyTo(MunicipalityInfo m)
    {
        m.Name = new() { Ja = NameJa, En = NameEn };
        m.Kana = Kana;
        m.Romaji = Romaji;
        m.Prefecture = new() { Ja = PrefectureJa, En = PrefectureEn };
        m.InquiryPhone = InquiryPhone.Length == 0 ? null : InquiryPhone;
        m.Source = AdminInputs.Source(SourceDoc, SourceQuote);
    }
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

public sealed class PublishInput
{
    public string EffectiveFrom { get; set; } = "";
    public string Comment { get; set; } = "";
}

public static class AdminInputs
{
    public static readonly IReadOnlyList<string> DayOrder = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static LocalText? Local(string ja, string en) => ja.Length == 0 && en.Length == 0 ? null : new LocalText { Ja = ja, En = en };

    public static SourceRef? Source(string doc, string quote) => quote.Length == 0 ? null : new SourceRef { Doc = doc, Quote = quote };

    /// <summary>"2, 4" → [2, 4]; empty → []; null when a part is not a whole number.</summary>
    public static List<int>? Numbers(string text)
    {
        var result = new List<int>();
        foreach (var part in text.Split([',', '、', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            result.Add(n);
        }

        return result.Distinct().Order().ToList();
    }

    public static List<string> Dates(string text) =>
        text.Split([',', '、', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    public static bool IsTime(string text) =>
        text.Length == 5 && text[2] == ':' && int.TryParse(text.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h < 24
        && int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m < 60;

    public static bool IsDate(string text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
}
