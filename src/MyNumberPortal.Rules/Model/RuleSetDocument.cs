namespace MyNumberPortal.Rules.Model;

// The rule-file format: one document per municipality (and one for national content shared by all).
// It is what the seed files hold, what the store keeps per version, and what an admin export/import uses.
// The shape is documented in docs/rules-format.md. Every municipal fact carries a SourceRef.

/// <summary>A text in Japanese (default) and English.</summary>
public sealed class LocalText
{
    public string Ja { get; set; } = "";
    public string En { get; set; } = "";

    public string In(string language) => language == "en" && En.Length > 0 ? En : Ja;

    public override string ToString() => Ja;
}

/// <summary>Where a fact came from: a source document of the rule set and the quoted passage.</summary>
public sealed class SourceRef
{
    /// <summary>Id of a <see cref="SourceDocument"/> in the same rule set (or the national one).</summary>
    public string Doc { get; set; } = "";

    /// <summary>The passage, quoted verbatim from the source document.</summary>
    public string Quote { get; set; } = "";
}

/// <summary>A published page the facts are taken from.</summary>
public sealed class SourceDocument
{
    public string Id { get; set; } = "";

    /// <summary>The seed file the page was captured in (e.g. 000_ce66724ce5ef7f6c.txt).</summary>
    public string File { get; set; } = "";

    public LocalText Title { get; set; } = new();

    public string? Url { get; set; }

    /// <summary>The page's own "updated" date (更新日), ISO yyyy-MM-dd.</summary>
    public string? Updated { get; set; }
}

/// <summary>Restricts a rule element to some procedures, applicants and answers. Empty lists mean "all".</summary>
public abstract class ScopedElement
{
    public List<string> Procedures { get; set; } = [];
    public List<string> Applicants { get; set; } = [];

    /// <summary>Condition over the answers, e.g. <c>lost-where = outside and not stolen = yes</c>. Empty means always.</summary>
    public string? When { get; set; }

    public SourceRef? Source { get; set; }
}

public sealed class RuleSetDocument
{
    public int FormatVersion { get; set; } = 1;

    /// <summary>"national" for the shared national content, otherwise the municipality's 6-digit code.</summary>
    public string Scope { get; set; } = "";

    public MunicipalityInfo? Municipality { get; set; }
    public List<SourceDocument> Sources { get; set; } = [];
    public List<PhoneLine> Phones { get; set; } = [];
    public List<QuestionDef> Questions { get; set; } = [];
    public List<CoverageDef> Coverage { get; set; } = [];
    public List<StepDef> Steps { get; set; } = [];
    public List<RequiredItemDef> Items { get; set; } = [];
    public List<IdDocumentDef> IdDocuments { get; set; } = [];
    public List<IdRuleDef> IdRules { get; set; } = [];
    public List<FeeDef> Fees { get; set; } = [];
    public List<VisitDef> Visits { get; set; } = [];
    public List<NoteDef> Notes { get; set; } = [];
    public List<CounterDef> Counters { get; set; } = [];

    /// <summary>Ids of national elements (steps, notes, phones, questions) this municipality switches off.</summary>
    public List<string> NationalOverrides { get; set; } = [];
}

public sealed class MunicipalityInfo
{
    /// <summary>Official 6-digit local government code with check digit (全国地方公共団体コード).</summary>
    public string Code { get; set; } = "";
    public LocalText Name { get; set; } = new();

    /// <summary>Reading in hiragana, for search (e.g. あつぎし).</summary>
    public string Kana { get; set; } = "";

    /// <summary>Hepburn romanisation, for search (e.g. Atsugi).</summary>
    public string Romaji { get; set; } = "";
    public LocalText Prefecture { get; set; } = new();

    /// <summary>Id of the phone line residents should call with questions (in <see cref="RuleSetDocument.Phones"/>).</summary>
    public string? InquiryPhone { get; set; }
    public SourceRef? Source { get; set; }
}

/// <summary>A phone number people are told to call.</summary>
public sealed class PhoneLine
{
    public string Id { get; set; } = "";
    public LocalText Name { get; set; } = new();
    public string Number { get; set; } = "";

    /// <summary>Free of charge (フリーダイヤル) or paid.</summary>
    public bool? TollFree { get; set; }
    public LocalText? Hours { get; set; }

    /// <summary>Languages served, as ISO 639-1 codes.</summary>
    public List<string> Languages { get; set; } = [];
    public SourceRef? Source { get; set; }
}

/// <summary>A question about the resident's circumstances. Asked only where its scope and condition apply.</summary>
public sealed class QuestionDef : ScopedElement
{
    public string Id { get; set; } = "";
    public LocalText Text { get; set; } = new();
    public LocalText? Hint { get; set; }
    public List<AnswerOption> Options { get; set; } = [];
}

public sealed class AnswerOption
{
    public string Value { get; set; } = "";
    public LocalText Label { get; set; } = new();
}

/// <summary>
/// Whether the municipality's page covers a case. The default is covered; an entry marks a case
/// "ask-counter" (the seed is silent or says to ask first) or "not-accepted".
/// </summary>
public sealed class CoverageDef : ScopedElement
{
    public string Status { get; set; } = CoverageStatuses.AskCounter;
    public LocalText Reason { get; set; } = new();

    /// <summary>Phone line to call instead (defaults to the municipality's inquiry phone).</summary>
    public string? Phone { get; set; }
}

/// <summary>One thing to do, in order.</summary>
public sealed class StepDef : ScopedElement
{
    public string Id { get; set; } = "";
    public int Order { get; set; }
    public LocalText Title { get; set; } = new();
    public LocalText? Detail { get; set; }

    /// <summary>Phone lines to show with the step (ids in the municipal or national phones).</summary>
    public List<string> Phones { get; set; } = [];
    public bool Urgent { get; set; }
}

/// <summary>Something to bring (other than identity documents, which are <see cref="IdRuleDef"/>).</summary>
public sealed class RequiredItemDef : ScopedElement
{
    public string Id { get; set; } = "";
    public LocalText Text { get; set; } = new();
    public LocalText? Detail { get; set; }

    /// <summary>Which visit the item is for (1 = first). Null: every visit / the only visit.</summary>
    public int? Visit { get; set; }
}

/// <summary>An entry of the municipality's identity-document catalogue.</summary>
public sealed class IdDocumentDef
{
    public string Id { get; set; } = "";

    /// <summary>"A" (photo, official) or "B".</summary>
    public string Category { get; set; } = "A";
    public bool Photo { get; set; }
    public LocalText Name { get; set; } = new();
    public SourceRef? Source { get; set; }
}

/// <summary>Which identity documents someone must show, as a combination rule such as "A×1 or B×2".</summary>
public sealed class IdRuleDef : ScopedElement
{
    public string Id { get; set; } = "";

    /// <summary><see cref="IdSubjects.Holder"/> or <see cref="IdSubjects.Agent"/>.</summary>
    public string Subject { get; set; } = IdSubjects.Holder;

    /// <summary>Combination rule; see <c>IdCombinationRule.Parse</c>. Null where the page names no combination.</summary>
    public string? Rule { get; set; }
    public LocalText? Note { get; set; }
    public int? Visit { get; set; }

    /// <summary>
    /// Catalogue ids (<see cref="IdDocumentDef.Id"/>) that never count for this rule, e.g. the My Number Card being
    /// processed where the page asks for an identity document in addition to it (「マイナンバーカード+本人確認書類」).
    /// The rule's own source quotes the passage. Empty: every catalogue document counts.
    /// </summary>
    public List<string> Excludes { get; set; } = [];
}

/// <summary>A fee: an itemised sum, with exemptions.</summary>
public sealed class FeeDef : ScopedElement
{
    public string Id { get; set; } = "";
    public LocalText Name { get; set; } = new();
    public List<FeeItemDef> Items { get; set; } = [];
    public List<FeeExemptionDef> Exemptions { get; set; } = [];
}

public sealed class FeeItemDef
{
    public string Id { get; set; } = "";
    public LocalText Label { get; set; } = new();

    /// <summary>Yen, ≥ 0.</summary>
    public int Amount { get; set; }
    public string? When { get; set; }
    public SourceRef? Source { get; set; }
}

public sealed class FeeExemptionDef
{
    public string Id { get; set; } = "";
    public string When { get; set; } = "";
    public LocalText Reason { get; set; } = new();

    /// <summary>What must be shown to get the exemption (e.g. 罹災証明書).</summary>
    public LocalText? Evidence { get; set; }
    public SourceRef? Source { get; set; }
}

/// <summary>How many visits a case takes and what happens between them.</summary>
public sealed class VisitDef : ScopedElement
{
    public string Id { get; set; } = "";
    public int Count { get; set; } = 1;
    public bool CompletesSameDay { get; set; } = true;
    public LocalText? Between { get; set; }

    /// <summary>How long what is sent between visits stays valid (e.g. 照会書兼回答書: 30 days).</summary>
    public int? ValidDays { get; set; }
}

public sealed class NoteDef : ScopedElement
{
    public string Id { get; set; } = "";
    public string Severity { get; set; } = Severities.Info;
    public LocalText Text { get; set; } = new();
}

/// <summary>A counter (窓口) and when it is open.</summary>
public sealed class CounterDef
{
    public string Id { get; set; } = "";
    public LocalText Name { get; set; } = new();
    public LocalText? Address { get; set; }

    /// <summary>Phone number to call this counter (digits with hyphens).</summary>
    public string? Phone { get; set; }
    public string Reservation { get; set; } = ReservationPolicies.NotStated;
    public List<CounterAcceptance> Accepts { get; set; } = [];

    /// <summary>Weekly opening hours. Empty: the hours are not published (the guidance says to call).</summary>
    public List<OpeningHoursDef> Hours { get; set; } = [];
    public List<ClosureDef> Closures { get; set; } = [];
    public LocalText? Note { get; set; }
    public SourceRef? Source { get; set; }
}

/// <summary>A case a counter takes: procedures × applicants (empty = all), optionally only some visits.</summary>
public sealed class CounterAcceptance
{
    public List<string> Procedures { get; set; } = [];
    public List<string> Applicants { get; set; } = [];
    public List<int> Visits { get; set; } = [];
    public string? When { get; set; }
    public SourceRef? Source { get; set; }
}

/// <summary>
/// Opening hours on some weekdays. Later entries override earlier ones for the same day,
/// so a "Tuesday until 19:00" entry after a "weekdays until 17:00" entry extends Tuesdays.
/// </summary>
public sealed class OpeningHoursDef
{
    /// <summary>mon, tue, wed, thu, fri, sat, sun.</summary>
    public List<string> Days { get; set; } = [];

    /// <summary>Only these occurrences of the weekday in the month (e.g. [2, 4] for 2nd and 4th Saturdays). Empty: every week.</summary>
    public List<int> Weeks { get; set; } = [];

    /// <summary>HH:mm, 24-hour.</summary>
    public string Open { get; set; } = "";
    public string Close { get; set; } = "";
    public SourceRef? Source { get; set; }
}

/// <summary>
/// A closure. Kinds: national-holidays (computed), year-end (12/29–1/3 unless From/To given),
/// maintenance-sunday (the Sunday after the third Saturday), weekdays (Days), nth-weekday (Days + Weeks),
/// dates (Dates, ISO yyyy-MM-dd).
/// </summary>
public sealed class ClosureDef
{
    public string Kind { get; set; } = "";
    public List<string> Days { get; set; } = [];
    public List<int> Weeks { get; set; } = [];
    public List<string> Dates { get; set; } = [];

    /// <summary>For year-end: MM-dd.</summary>
    public string? From { get; set; }
    public string? To { get; set; }
    public LocalText? Reason { get; set; }
    public SourceRef? Source { get; set; }
}
