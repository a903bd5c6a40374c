using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// What a clerk ticked at the counter for one case: the required items presented, and the identity documents
/// shown (ids from the municipality's A/B catalogue), the holder's and the agent's kept apart.
/// </summary>
/// <param name="Guidance">The case's guidance, evaluated from the same rule set.</param>
/// <param name="PresentedItemIds">Ids of <see cref="Guidance.Items"/> that were presented.</param>
/// <param name="HolderDocumentIds">Catalogue ids of the card holder's documents (checked against holder rules only).</param>
/// <param name="AgentDocumentIds">Catalogue ids of the agent's own documents (checked against agent rules only).</param>
/// <param name="Visit">Which visit this is (1 = first). Items and ID rules of another visit are ignored.</param>
/// <param name="HolderOther">The holder's documents not in the catalogue, by category (null: none).</param>
/// <param name="AgentOther">The agent's documents not in the catalogue, by category (null: none).</param>
/// <param name="JudgedRuleIds">
/// Ids of ID rules the page gives no combination for (<see cref="GuidanceIdRule.Combination"/> null) that the clerk has
/// confirmed by the rule's note; such a rule then counts as satisfied, marked <see cref="CounterIdRuleCheck.ConfirmedByClerk"/>.
/// </param>
public sealed record CounterCheckRequest(
    Guidance Guidance,
    IReadOnlySet<string> PresentedItemIds,
    IReadOnlyList<string> HolderDocumentIds,
    IReadOnlyList<string> AgentDocumentIds,
    int Visit = 1,
    OtherDocuments? HolderOther = null,
    OtherDocuments? AgentOther = null,
    IReadOnlySet<string>? JudgedRuleIds = null);

/// <summary>
/// Documents someone showed that are not in the municipality's catalogue, counted by category as the municipality's rule
/// defines them: "another document of list A", "another of list B", "another of list B with a photo". An A document counts
/// as carrying a photo when every A document of the catalogue does (<see cref="CounterCheck.OtherAHasPhoto"/>).
/// </summary>
public sealed record OtherDocuments(int A, int B, int BWithPhoto)
{
    /// <summary>The most of one kind a clerk can record.</summary>
    public const int MaxCount = 9;

    public static readonly OtherDocuments None = new(0, 0, 0);

    public int Total => A + B + BWithPhoto;
}

/// <summary>The plain answer of a counter check, in order of precedence.</summary>
public enum CounterCheckOutcome
{
    /// <summary>The input names an unknown item or document, or an impossible visit (see <see cref="CounterCheckResult.Errors"/>).</summary>
    Invalid,

    /// <summary>The page does not cover the case (ask-counter / not-accepted): nothing can be confirmed.</summary>
    NotCovered,

    /// <summary>A required item is missing or an ID rule is not satisfied.</summary>
    Missing,

    /// <summary>Everything checkable is met, but an ID rule can only be judged by its note.</summary>
    NeedsJudgement,

    /// <summary>Every required item presented and every ID rule satisfied.</summary>
    Met,
}

public enum IdRuleCheckStatus
{
    Satisfied,
    Missing,

    /// <summary>The rule cannot be checked by ticking documents; see <see cref="CounterIdRuleCheck.JudgementReason"/>.</summary>
    NeedsJudgement,
}

public static class JudgementReasons
{
    /// <summary>The page names no combination (the rule's <c>rule</c> is null): judge by the note.</summary>
    public const string NoCombination = "no-combination";

    /// <summary>
    /// The municipality's catalogue holds no document that could satisfy any alternative (e.g. an empty catalogue). No longer
    /// given by <see cref="CounterCheck.Evaluate"/>: documents outside the catalogue are recorded by category.
    /// </summary>
    public const string NoCatalogue = "no-catalogue";
}

/// <summary>One ID rule of the visit, checked against the documents of its subject.</summary>
/// <param name="Closest">When <see cref="Status"/> is Missing: the alternatives fewest documents away, with what each lacks.</param>
/// <param name="CatalogueIncomplete">
/// The catalogue lists no document of a kind the rule names (e.g. Shinagawa lists no B document, or none at all):
/// documents of that kind cannot be ticked, so a Missing answer should be read with the note.
/// </param>
public sealed record CounterIdRuleCheck(
    GuidanceIdRule Rule,
    IdRuleCheckStatus Status,
    IdAlternative? SatisfiedBy,
    IReadOnlyList<IdShortfall> Closest,
    string? JudgementReason,
    bool CatalogueIncomplete)
{
    public string Id => Rule.Id;

    /// <summary><see cref="IdSubjects.Holder"/> or <see cref="IdSubjects.Agent"/>.</summary>
    public string Subject => Rule.Subject;

    /// <summary>The combination as written, e.g. "A×1 or B×2"; null when the page names none.</summary>
    public string? RuleText => Rule.RuleText;

    public LocalText? Note => Rule.Note;

    public bool Satisfied => Status == IdRuleCheckStatus.Satisfied;

    /// <summary>Ticked documents that this rule excludes (e.g. the card being processed): shown, but not counted.</summary>
    public IReadOnlyList<IdDocumentDef> ExcludedShown { get; init; } = [];

    /// <summary>The page names no combination and the clerk confirmed the documents by the rule's note.</summary>
    public bool ConfirmedByClerk { get; init; }
}

/// <summary>
/// A problem with the clerk's input. Field: "holderDocuments", "agentDocuments", "items" or "visit";
/// Code: <see cref="CounterCheck.UnknownDocument"/>, <see cref="CounterCheck.UnknownItem"/>,
/// <see cref="CounterCheck.InvalidVisit"/>, <see cref="CounterCheck.InvalidCount"/> or <see cref="CounterCheck.UnknownRule"/> (field "judged"); Value: the offending id or number. The page puts it into words.
/// </summary>
public sealed record CounterCheckError(string Field, string Code, string Value);

public sealed class CounterCheckResult
{
    public required int Visit { get; init; }

    /// <summary><see cref="CoverageStatuses"/>; anything but covered makes the outcome NotCovered.</summary>
    public required string Coverage { get; init; }
    public LocalText? CoverageReason { get; init; }

    /// <summary>Required items of this visit (and of every visit) that were not ticked, in the guidance's order.</summary>
    public required IReadOnlyList<GuidanceItem> MissingItems { get; init; }

    /// <summary>The ID rules of this visit, in the guidance's order.</summary>
    public required IReadOnlyList<CounterIdRuleCheck> IdRules { get; init; }

    /// <summary>The holder's documents as counted: known catalogue entries, each once, in the order given.</summary>
    public required IReadOnlyList<IdDocumentDef> HolderDocuments { get; init; }

    /// <summary>The agent's documents as counted: known catalogue entries, each once, in the order given.</summary>
    public required IReadOnlyList<IdDocumentDef> AgentDocuments { get; init; }

    public required IReadOnlyList<CounterCheckError> Errors { get; init; }

    /// <summary>The fee to collect, as in the guidance: Total, Stated (false: the page names no fee), Exemptions.</summary>
    public required GuidanceFee Fee { get; init; }

    /// <summary>The case's visits, as in the guidance (null: not stated).</summary>
    public GuidanceVisits? Visits { get; init; }

    /// <summary>
    /// True when the procedure is finished once this visit is done (same-day procedure, or the last of its visits);
    /// false when another visit follows; null when the page does not state the visits.
    /// </summary>
    public bool? CompletesToday => Visits is null ? null : Visits.CompletesSameDay || Visit >= Visits.Count;

    public bool NotCovered => Coverage != CoverageStatuses.Covered;

    /// <summary>Some ID rule of this visit can only be judged by its note (see <see cref="CounterIdRuleCheck.JudgementReason"/>).</summary>
    public bool RequiresJudgement => IdRules.Any(r => r.Status == IdRuleCheckStatus.NeedsJudgement);

    public CounterCheckOutcome Outcome =>
        Errors.Count > 0 ? CounterCheckOutcome.Invalid
        : NotCovered ? CounterCheckOutcome.NotCovered
        : MissingItems.Count > 0 || IdRules.Any(r => r.Status == IdRuleCheckStatus.Missing) ? CounterCheckOutcome.Missing
        : RequiresJudgement ? CounterCheckOutcome.NeedsJudgement
        : CounterCheckOutcome.Met;

    /// <summary>
    /// "Requirements met": the case is covered, the input is valid, every required item of this visit was presented
    /// and every ID rule of this visit is satisfied. False whenever an ID rule needs judgement.
    /// </summary>
    public bool Met => Outcome == CounterCheckOutcome.Met;
}

/// <summary>
/// Confirms at the counter what a resident presented against a case's guidance. Pure: no I/O, never throws on
/// the clerk's input (unknown ids are reported in <see cref="CounterCheckResult.Errors"/>).
/// </summary>
public static class CounterCheck
{
    public const string HolderDocumentsField = "holderDocuments";
    public const string AgentDocumentsField = "agentDocuments";
    public const string ItemsField = "items";
    public const string VisitField = "visit";

    /// <summary>An id that is not in the municipality's identity-document catalogue.</summary>
    public const string UnknownDocument = "unknown-document";

    /// <summary>An id that is not an item of the case.</summary>
    public const string UnknownItem = "unknown-item";

    /// <summary>A visit the case does not have.</summary>
    public const string InvalidVisit = "invalid-visit";

    /// <summary>A count of other documents below 0 or above <see cref="OtherDocuments.MaxCount"/>.</summary>
    public const string InvalidCount = "invalid-count";

    /// <summary>A confirmed rule id that is not an ID rule of the case.</summary>
    public const string UnknownRule = "unknown-rule";

    public const string JudgedField = "judged";

    /// <summary>Whether "another document of list A" carries a photo: when the catalogue lists A documents and all have one.</summary>
    public static bool OtherAHasPhoto(CompiledRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var a = rules.IdDocuments.Where(d => d.Category == "A").ToList();
        return a.Count > 0 && a.All(d => d.Photo);
    }

    /// <summary>How many visits a case has: the stated visits, or the highest visit an item or ID rule belongs to (at least 1).</summary>
    public static int VisitCount(Guidance guidance)
    {
        ArgumentNullException.ThrowIfNull(guidance);
        return new[] { guidance.Visits?.Count ?? 1 }
            .Concat(guidance.Items.Select(i => i.Visit ?? 1))
            .Concat(guidance.IdRules.Select(r => r.Visit ?? 1))
            .Max();
    }

    /// <exception cref="ArgumentException">The guidance was not evaluated from <paramref name="rules"/> (other municipality or version).</exception>
    public static CounterCheckResult Evaluate(CompiledRuleSet rules, CounterCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Guidance);
        ArgumentNullException.ThrowIfNull(request.PresentedItemIds);
        ArgumentNullException.ThrowIfNull(request.HolderDocumentIds);
        ArgumentNullException.ThrowIfNull(request.AgentDocumentIds);
        var guidance = request.Guidance;
        if (guidance.MunicipalityCode != rules.Code || guidance.RuleSetVersion != rules.Version)
        {
            throw new ArgumentException(
                $"The guidance is for {guidance.MunicipalityCode} version {guidance.RuleSetVersion}, the rules are {rules.Code} version {rules.Version}.",
                nameof(request));
        }

        var errors = new List<CounterCheckError>();
        var lastVisit = VisitCount(guidance);
        if (request.Visit < 1 || request.Visit > lastVisit)
        {
            errors.Add(new(VisitField, InvalidVisit, request.Visit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var knownItems = guidance.Items.Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in request.PresentedItemIds.Where(id => !knownItems.Contains(id)).Order(StringComparer.Ordinal))
        {
            errors.Add(new(ItemsField, UnknownItem, id));
        }

        var catalogue = rules.IdDocuments.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var holderDocuments = Resolve(catalogue, request.HolderDocumentIds, HolderDocumentsField, errors);
        var agentDocuments = Resolve(catalogue, request.AgentDocumentIds, AgentDocumentsField, errors);
        var holderOther = CheckOther(request.HolderOther, HolderDocumentsField, errors);
        var agentOther = CheckOther(request.AgentOther, AgentDocumentsField, errors);
        var judged = request.JudgedRuleIds ?? new HashSet<string>(StringComparer.Ordinal);
        var ruleIds = guidance.IdRules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var id in judged.Where(id => !ruleIds.Contains(id)).Order(StringComparer.Ordinal))
        {
            errors.Add(new(JudgedField, UnknownRule, id));
        }

        var aPhoto = OtherAHasPhoto(rules);

        bool ThisVisit(int? visit) => visit is null || visit == request.Visit;

        var missingItems = guidance.Items.Where(i => ThisVisit(i.Visit) && !request.PresentedItemIds.Contains(i.Id)).ToList();
        var idRules = guidance.IdRules.Where(r => ThisVisit(r.Visit))
            .Select(r => r.Subject == IdSubjects.Agent
                ? CheckRule(r, agentDocuments, agentOther, aPhoto, rules.IdDocuments, judged.Contains(r.Id))
                : CheckRule(r, holderDocuments, holderOther, aPhoto, rules.IdDocuments, judged.Contains(r.Id)))
            .ToList();

        return new CounterCheckResult
        {
            Visit = request.Visit,
            Coverage = guidance.Coverage,
            CoverageReason = guidance.CoverageReason,
            MissingItems = missingItems,
            IdRules = idRules,
            HolderDocuments = holderDocuments,
            AgentDocuments = agentDocuments,
            Errors = errors,
            Fee = guidance.Fee,
            Visits = guidance.Visits,
        };
    }

    private static List<IdDocumentDef> Resolve(Dictionary<string, IdDocumentDef> catalogue, IReadOnlyList<string> ids, string field,
        List<CounterCheckError> errors)
    {
        var documents = new List<IdDocumentDef>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (catalogue.TryGetValue(id, out var document))
            {
                documents.Add(document);
            }
            else
            {
                errors.Add(new(field, UnknownDocument, id));
            }
        }

        return documents;
    }

    private static OtherDocuments CheckOther(OtherDocuments? other, string field, List<CounterCheckError> errors)
    {
        if (other is null)
        {
            return OtherDocuments.None;
        }

        foreach (var count in new[] { other.A, other.B, other.BWithPhoto }.Where(c => c is < 0 or > OtherDocuments.MaxCount))
        {
            errors.Add(new(field, InvalidCount, count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return new(Math.Clamp(other.A, 0, OtherDocuments.MaxCount), Math.Clamp(other.B, 0, OtherDocuments.MaxCount),
            Math.Clamp(other.BWithPhoto, 0, OtherDocuments.MaxCount));
    }

    private static CounterIdRuleCheck CheckRule(GuidanceIdRule rule, IReadOnlyList<IdDocumentDef> documents, OtherDocuments other, bool otherAPhoto,
        IReadOnlyList<IdDocumentDef> catalogue, bool judged)
    {
        var excluded = rule.Excluded.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var shownExcluded = documents.Where(d => excluded.Contains(d.Id)).ToList();
        if (rule.Combination is null)
        {
            return judged
                ? new(rule, IdRuleCheckStatus.Satisfied, null, [], null, false) { ExcludedShown = shownExcluded, ConfirmedByClerk = true }
                : new(rule, IdRuleCheckStatus.NeedsJudgement, null, [], JudgementReasons.NoCombination, false) { ExcludedShown = shownExcluded };
        }

        // Documents outside the catalogue are recorded by category, so every combination can be checked by ticking;
        // CatalogueIncomplete still says the catalogue lists no document of a kind the rule names (pick "another …").
        var counted = catalogue.Where(d => !excluded.Contains(d.Id)).ToList();
        var hasA = counted.Any(d => d.Category == "A");
        var hasB = counted.Any(d => d.Category == "B");
        var hasPhoto = counted.Any(d => d.Photo);
        var incomplete = rule.Combination.Alternatives.Any(a => (a.A > 0 && !hasA) || (a.B > 0 && !hasB) || (a.MinPhotos > 0 && !hasPhoto));
        var presented = documents.Where(d => !excluded.Contains(d.Id)).Select(Presented)
            .Concat(Enumerable.Repeat(new PresentedDocument('A', otherAPhoto), other.A))
            .Concat(Enumerable.Repeat(new PresentedDocument('B', false), other.B))
            .Concat(Enumerable.Repeat(new PresentedDocument('B', true), other.BWithPhoto))
            .ToList();
        var check = rule.Combination.Check(presented);
        return check.Satisfied
            ? new(rule, IdRuleCheckStatus.Satisfied, check.SatisfiedBy, [], null, incomplete) { ExcludedShown = shownExcluded }
            : new(rule, IdRuleCheckStatus.Missing, null, check.Closest, null, incomplete) { ExcludedShown = shownExcluded };
    }

    private static PresentedDocument Presented(IdDocumentDef document) => new(document.Category == "A" ? 'A' : 'B', document.Photo);
}
