using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>A fact's source: the document and the quoted passage.</summary>
public sealed record ResolvedSource(SourceDocument Document, string Quote);

/// <summary>The full guidance for one case: everything the checklist shows, each fact with its source.</summary>
public sealed class Guidance
{
    public required string MunicipalityCode { get; init; }
    public required LocalText MunicipalityName { get; init; }
    public required string Procedure { get; init; }
    public required string Applicant { get; init; }
    public required DateOnly Date { get; init; }

    /// <summary>The version of the municipality's rule set that was in force on <see cref="Date"/>.</summary>
    public required int RuleSetVersion { get; init; }

    /// <summary><see cref="CoverageStatuses"/>: covered, ask-counter or not-accepted.</summary>
    public required string Coverage { get; init; }
    public LocalText? CoverageReason { get; init; }
    public ResolvedSource? CoverageSource { get; init; }

    public required IReadOnlyList<AnsweredQuestion> Answers { get; init; }
    public required IReadOnlyList<GuidanceStep> Steps { get; init; }
    public required IReadOnlyList<GuidanceItem> Items { get; init; }
    public required IReadOnlyList<GuidanceIdRule> IdRules { get; init; }
    public required GuidanceFee Fee { get; init; }
    public GuidanceVisits? Visits { get; init; }
    public required IReadOnlyList<GuidanceCounter> Counters { get; init; }

    /// <summary>Phones to call: the steps' phones, then the municipality's inquiry phone.</summary>
    public required IReadOnlyList<GuidancePhone> Phones { get; init; }
    public required IReadOnlyList<GuidanceNote> Notes { get; init; }

    /// <summary>Every source document a fact of this guidance is quoted from.</summary>
    public required IReadOnlyList<SourceDocument> Sources { get; init; }
}

public sealed record AnsweredQuestion(string QuestionId, LocalText Question, string Value, LocalText Answer);

public sealed record GuidancePhone(string Id, LocalText Name, string Number, bool? TollFree, LocalText? Hours,
    IReadOnlyList<string> Languages, ResolvedSource? Source);

public sealed record GuidanceStep(string Id, int Order, LocalText Title, LocalText? Detail, bool Urgent,
    IReadOnlyList<GuidancePhone> Phones, ResolvedSource? Source);

public sealed record GuidanceItem(string Id, LocalText Text, LocalText? Detail, int? Visit, ResolvedSource? Source);

/// <summary>An identity-document rule; <see cref="Combination"/> is null where the page names no combination.</summary>
public sealed record GuidanceIdRule(string Id, string Subject, string? RuleText, IdCombinationRule? Combination,
    LocalText? Note, int? Visit, IReadOnlyList<IdDocumentDef> Examples, ResolvedSource? Source)
{
    /// <summary>Catalogue documents that never count for this rule (see <see cref="IdRuleDef.Excludes"/>); empty for none.</summary>
    public IReadOnlyList<IdDocumentDef> Excluded { get; init; } = [];
}

public sealed record GuidanceFeeItem(string FeeId, string Id, LocalText Label, int Amount, ResolvedSource? Source);

public sealed record GuidanceFeeExemption(string FeeId, string Id, LocalText Reason, LocalText? Evidence, ResolvedSource? Source);

/// <summary>The fee as an itemised sum. <see cref="Total"/> is the sum of <see cref="Items"/> unless an exemption applies.</summary>
public sealed record GuidanceFee(int Total, IReadOnlyList<GuidanceFeeItem> Items, IReadOnlyList<GuidanceFeeExemption> Exemptions,
    IReadOnlyList<ResolvedSource> Sources)
{
    public static readonly GuidanceFee None = new(0, [], [], []);

    /// <summary>True when the rules name a fee for this case (possibly waived). False: the page states no fee.</summary>
    public bool Stated => Items.Count > 0;

    /// <summary>Nothing to pay: either no fee is stated (see <see cref="Stated"/>) or the stated fee comes to 0 (waived, renewal).</summary>
    public bool IsFree => Total == 0;
}

public sealed record GuidanceVisits(int Count, bool CompletesSameDay, LocalText? Between, int? ValidDays, ResolvedSource? Source);

public sealed record GuidanceNote(string Id, string Severity, LocalText Text, ResolvedSource? Source);

/// <summary>An opening of a counter on a date.</summary>
public sealed record Opening(DateOnly Date, TimeOnly Open, TimeOnly Close);

public sealed record GuidanceCounter(string Id, LocalText Name, LocalText? Address, string? Phone, string Reservation,
    IReadOnlyList<int> Visits, bool HoursPublished, IReadOnlyList<Opening> NextOpenings, LocalText? Note, ResolvedSource? Source);
