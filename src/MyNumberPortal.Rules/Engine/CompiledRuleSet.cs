using System.Text.RegularExpressions;
using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>An element with its scope and parsed condition.</summary>
public sealed record Scoped<T>(T Element, IReadOnlySet<string> Procedures, IReadOnlySet<string> Applicants, Condition When)
{
    public bool InScope(string procedure, string applicant) =>
        (Procedures.Count == 0 || Procedures.Contains(procedure)) && (Applicants.Count == 0 || Applicants.Contains(applicant));
}

public sealed record CompiledCounter(CounterDef Definition, CounterSchedule Schedule, IReadOnlyList<Scoped<CounterAcceptance>> Accepts);

/// <summary>
/// A municipality's rules merged with the national content, validated and parsed once, ready for evaluation.
/// Immutable and safe to share between requests.
/// </summary>
public sealed partial class CompiledRuleSet
{
    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();
    private readonly Dictionary<(string, string), IReadOnlySet<string>> relevantQuestions = [];
    private readonly Dictionary<(string, string), IReadOnlySet<string>> stepQuestions = [];

    private CompiledRuleSet(RuleSetDocument municipal, int version, DateOnly? effectiveFrom)
    {
        Document = municipal;
        Version = version;
        EffectiveFrom = effectiveFrom;
        Municipality = municipal.Municipality ?? new MunicipalityInfo();
    }

    public RuleSetDocument Document { get; }
    public int Version { get; }
    public DateOnly? EffectiveFrom { get; }
    public MunicipalityInfo Municipality { get; }
    public string Code => Municipality.Code;

    public IReadOnlyDictionary<string, SourceDocument> Sources { get; private set; } = new Dictionary<string, SourceDocument>();
    public IReadOnlyDictionary<string, PhoneLine> Phones { get; private set; } = new Dictionary<string, PhoneLine>();
    public IReadOnlyList<Scoped<QuestionDef>> Questions { get; private set; } = [];
    public IReadOnlyDictionary<string, QuestionDef> QuestionsById { get; private set; } = new Dictionary<string, QuestionDef>();
    public IReadOnlyList<Scoped<CoverageDef>> Coverage { get; private set; } = [];
    public IReadOnlyList<Scoped<StepDef>> Steps { get; private set; } = [];
    public IReadOnlyList<Scoped<RequiredItemDef>> Items { get; private set; } = [];
    public IReadOnlyList<IdDocumentDef> IdDocuments { get; private set; } = [];
    public IReadOnlyList<(Scoped<IdRuleDef> Rule, IdCombinationRule? Combination)> IdRules { get; private set; } = [];
    public IReadOnlyList<(Scoped<FeeDef> Fee, IReadOnlyList<(FeeItemDef Item, Condition When)> Items, IReadOnlyList<(FeeExemptionDef Exemption, Condition When)> Exemptions)> Fees { get; private set; } = [];
    public IReadOnlyList<Scoped<VisitDef>> Visits { get; private set; } = [];
    public IReadOnlyList<Scoped<NoteDef>> Notes { get; private set; } = [];
    public IReadOnlyList<CompiledCounter> Counters { get; private set; } = [];

    /// <summary>
    /// Merges, validates and compiles. Throws <see cref="RuleSetValidationException"/> listing every problem. A municipal
    /// rule set outside <see cref="RuleSetLimits"/> is refused with those problems alone, before anything of it is parsed.
    /// </summary>
    public static CompiledRuleSet Compile(RuleSetDocument national, RuleSetDocument municipal, int version = 1, DateOnly? effectiveFrom = null)
    {
        ArgumentNullException.ThrowIfNull(national);
        ArgumentNullException.ThrowIfNull(municipal);
        if (RuleSetLimits.Check(municipal) is { Count: > 0 } outOfBounds)
        {
            throw new RuleSetValidationException(municipal.Scope, outOfBounds);
        }

        var set = new CompiledRuleSet(municipal, version, effectiveFrom);
        var errors = new List<string>();
        set.Build(national, municipal, errors);
        if (errors.Count > 0)
        {
            throw new RuleSetValidationException(municipal.Scope, errors);
        }

        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                set.relevantQuestions[(procedure, applicant)] = set.ComputeRelevant(procedure, applicant, stepsOnly: false);
                set.stepQuestions[(procedure, applicant)] = set.ComputeRelevant(procedure, applicant, stepsOnly: true);
            }
        }

        return set;
    }

    /// <summary>Question ids worth asking for a case: those some in-scope rule (or a relevant question's condition) reads.</summary>
    public IReadOnlySet<string> RelevantQuestions(string procedure, string applicant) =>
        relevantQuestions.TryGetValue((procedure, applicant), out var set) ? set : EmptySet;

    /// <summary>
    /// The question ids a case asks (in the rules' order, where their conditions hold): <see cref="StepQuestions"/> for a
    /// case the page does not cover at all (an unconditional coverage entry), otherwise <see cref="RelevantQuestions"/>.
    /// </summary>
    public IReadOnlySet<string> AskedQuestions(string procedure, string applicant) =>
        GuidanceEvaluator.UnconditionalCoverage(this, procedure, applicant) is not null
            ? StepQuestions(procedure, applicant)
            : RelevantQuestions(procedure, applicant);

    /// <summary>
    /// Question ids the case's steps and counters read (and the questions those depend on): what decides what to do now,
    /// such as suspending a lost card or reporting it to the police, and which counter to call. A case the page does not
    /// cover still asks these.
    /// </summary>
    public IReadOnlySet<string> StepQuestions(string procedure, string applicant) =>
        stepQuestions.TryGetValue((procedure, applicant), out var set) ? set : EmptySet;

    private HashSet<string> ComputeRelevant(string procedure, string applicant, bool stepsOnly)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Add<T>(IEnumerable<Scoped<T>> elements)
        {
            foreach (var e in elements.Where(e => e.InScope(procedure, applicant)))
            {
                names.UnionWith(e.When.Names());
            }
        }

        Add(Steps);
        foreach (var counter in Counters)
        {
            Add(counter.Accepts);
        }

        if (stepsOnly)
        {
            return WithConditionsOfQuestions(names, procedure, applicant);
        }

        Add(Coverage);
        Add(Items);
        Add(IdRules.Select(r => r.Rule));
        Add(Visits);
        Add(Notes);
        foreach (var (fee, items, exemptions) in Fees.Where(f => f.Fee.InScope(procedure, applicant)))
        {
            names.UnionWith(fee.When.Names());
            names.UnionWith(items.SelectMany(i => i.When.Names()));
            names.UnionWith(exemptions.SelectMany(x => x.When.Names()));
        }

        return WithConditionsOfQuestions(names, procedure, applicant);
    }

    private HashSet<string> WithConditionsOfQuestions(HashSet<string> names, string procedure, string applicant)
    {
        // A relevant question's own condition makes the questions it reads relevant too.
        bool grew;
        do
        {
            grew = false;
            foreach (var q in Questions.Where(q => q.InScope(procedure, applicant) && names.Contains(q.Element.Id)))
            {
                foreach (var n in q.When.Names())
                {
                    grew |= names.Add(n);
                }
            }
        }
        while (grew);

        return names;
    }

    private void Build(RuleSetDocument national, RuleSetDocument municipal, List<string> errors)
    {
        if (municipal.FormatVersion != 1)
        {
            errors.Add($"formatVersion {municipal.FormatVersion} is not supported (expected 1).");
        }

        if (municipal.Municipality is null)
        {
            errors.Add("municipality: missing.");
        }
        else if (!LocalGovernmentCode.IsValid(municipal.Municipality.Code) || municipal.Municipality.Code != municipal.Scope)
        {
            errors.Add($"municipality.code \"{municipal.Municipality.Code}\" must be a valid 6-digit local government code equal to scope \"{municipal.Scope}\".");
        }

        var overrides = municipal.NationalOverrides.ToHashSet(StringComparer.Ordinal);
        Sources = Merge(national.Sources, municipal.Sources, s => s.Id, overrides, "sources", errors);
        Phones = Merge(national.Phones, municipal.Phones, p => p.Id, overrides, "phones", errors);
        var questionDefs = MergeOrdered(national.Questions, municipal.Questions, q => q.Id, overrides, "questions", errors);
        // A question id used twice is reported by MergeOrdered; the first one counts here.
        var questionIds = questionDefs.DistinctBy(q => q.Id).ToDictionary(q => q.Id, q => q.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal));
        var context = new ValidationContext(this, questionIds, errors);

        foreach (var q in questionDefs)
        {
            if (q.Options.Count < 2 || q.Options.Select(o => o.Value).Distinct().Count() != q.Options.Count)
            {
                errors.Add($"questions.{q.Id}: needs at least two options with distinct values.");
            }

            if (q.Options.Count > ReferenceCode.MaxOptions)
            {
                errors.Add($"questions.{q.Id}: has {q.Options.Count} options; at most {ReferenceCode.MaxOptions} (a reference code holds each answer in 4 bits).");
            }

            if (!IdPattern().IsMatch(q.Id) || ReservedQuestionIds.Contains(q.Id))
            {
                errors.Add($"questions.{q.Id}: ids are lower-case letters, digits and hyphens, and not one of the names the URLs and the API use ({string.Join(", ", ReservedQuestionIds)}).");
            }
        }

        if (questionDefs.Count > ReferenceCode.MaxQuestions)
        {
            errors.Add($"questions: {questionDefs.Count} questions; at most {ReferenceCode.MaxQuestions} (a reference code holds up to that many answers).");
        }

        Questions = questionDefs.Select(q => context.Scope(q, $"questions.{q.Id}")).ToList();
        QuestionsById = questionDefs.DistinctBy(q => q.Id).ToDictionary(q => q.Id, StringComparer.Ordinal);
        var earlier = new HashSet<string>(StringComparer.Ordinal) { "procedure", "applicant" };
        foreach (var q in Questions)
        {
            // Questions are asked in order: a condition can only read answers already given.
            foreach (var name in q.When.Names().Where(n => !earlier.Contains(n) && questionIds.ContainsKey(n)))
            {
                errors.Add($"questions.{q.Element.Id}.when: reads \"{name}\", which is asked later; put \"{name}\" first.");
            }

            earlier.Add(q.Element.Id);
        }

        Coverage = municipal.Coverage.Concat(national.Coverage).Select((c, i) => context.Scope(c, $"coverage[{i}]")).ToList();
        foreach (var c in Coverage.Where(c => c.Element.Status is not (CoverageStatuses.AskCounter or CoverageStatuses.NotAccepted)))
        {
            errors.Add($"coverage: status \"{c.Element.Status}\" must be ask-counter or not-accepted.");
        }

        Steps = MergeOrdered(national.Steps, municipal.Steps, s => s.Id, overrides, "steps", errors)
            .Select(s => context.Scope(s, $"steps.{s.Id}")).OrderBy(s => s.Element.Order).ToList();
        foreach (var step in Steps)
        {
            context.RequirePhones(step.Element.Phones, $"steps.{step.Element.Id}");
        }

        Items = municipal.Items.Concat(national.Items).Select(i => context.Scope(i, $"items.{i.Id}")).ToList();
        IdDocuments = municipal.IdDocuments.Concat(national.IdDocuments).ToList();
        foreach (var d in IdDocuments)
        {
            if (d.Category is not ("A" or "B"))
            {
                errors.Add($"idDocuments.{d.Id}: category must be A or B.");
            }

            context.RequireSource(d.Source, $"idDocuments.{d.Id}");
        }

        IdRules = municipal.IdRules.Concat(national.IdRules).Select(r => (context.Scope(r, $"idRules.{r.Id}"), context.ParseIdRule(r))).ToList();
        var catalogueIds = IdDocuments.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (rule, excluded) in IdRules.SelectMany(r => r.Rule.Element.Excludes.Select(x => (r.Rule.Element, x))).Where(p => !catalogueIds.Contains(p.x)))
        {
            errors.Add($"idRules.{rule.Id}: excludes \"{excluded}\", which is not in idDocuments.");
        }

        Fees = municipal.Fees.Concat(national.Fees).Select(f => context.CompileFee(f)).ToList();
        Visits = municipal.Visits.Concat(national.Visits).Select(v => context.Scope(v, $"visits.{v.Id}")).ToList();
        foreach (var v in Visits.Where(v => v.Element.Count is < 1 or > 9 || v.Element.ValidDays is < 1))
        {
            errors.Add($"visits.{v.Element.Id}: count must be 1–9 and validDays ≥ 1.");
        }

        Notes = MergeOrdered(national.Notes, municipal.Notes, n => n.Id, overrides, "notes", errors)
            .Select(n => context.Scope(n, $"notes.{n.Id}")).ToList();
        foreach (var n in Notes.Where(n => n.Element.Severity is not (Severities.Info or Severities.Warning)))
        {
            errors.Add($"notes.{n.Element.Id}: severity must be info or warning.");
        }

        Counters = municipal.Counters.Concat(national.Counters).Select(context.CompileCounter).OfType<CompiledCounter>().ToList();
        if (municipal.Municipality?.InquiryPhone is { } inquiry)
        {
            context.RequirePhones([inquiry], "municipality.inquiryPhone");
        }

        context.RequireSource(municipal.Municipality?.Source, "municipality", required: false);
        foreach (var p in Phones.Values)
        {
            context.RequirePhoneNumber(p.Number, $"phones.{p.Id}");
            context.RequireSource(p.Source, $"phones.{p.Id}");
        }

        foreach (var s in Sources.Values.Where(s => s.Updated is not null && !PortalDates.TryParseIso(s.Updated, out _)))
        {
            errors.Add($"sources.{s.Id}: updated \"{s.Updated}\" is not a date (yyyy-MM-dd).");
        }

        context.CheckDuplicates(Items.Select(i => i.Element.Id), "items");
        context.CheckDuplicates(IdRules.Select(i => i.Rule.Element.Id), "idRules");
        context.CheckDuplicates(Fees.Select(f => f.Fee.Element.Id), "fees");
        context.CheckDuplicates(Visits.Select(v => v.Element.Id), "visits");
        context.CheckDuplicates(Counters.Select(c => c.Definition.Id), "counters");
        context.CheckDuplicates(IdDocuments.Select(d => d.Id), "idDocuments");
    }

    private static Dictionary<string, T> Merge<T>(IEnumerable<T> national, IEnumerable<T> municipal, Func<T, string> id,
        IReadOnlySet<string> overrides, string what, List<string> errors)
    {
        var merged = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in MergeOrdered(national, municipal, id, overrides, what, errors))
        {
            merged[id(item)] = item;
        }

        return merged;
    }

    /// <summary>National elements first (unless overridden), a municipal element with the same id replacing its national twin in place.</summary>
    private static List<T> MergeOrdered<T>(IEnumerable<T> national, IEnumerable<T> municipal, Func<T, string> id,
        IReadOnlySet<string> overrides, string what, List<string> errors)
    {
        var local = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in municipal)
        {
            if (string.IsNullOrWhiteSpace(id(item)) || !local.TryAdd(id(item), item))
            {
                errors.Add($"{what}: id \"{id(item)}\" is empty or used twice.");
            }
        }

        var result = new List<T>();
        foreach (var item in national)
        {
            if (local.Remove(id(item), out var replacement))
            {
                result.Add(replacement);
            }
            else if (!overrides.Contains(id(item)))
            {
                result.Add(item);
            }
        }

        result.AddRange(municipal.Where(m => local.ContainsKey(id(m))));
        return result;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    /// <summary>A Japanese phone number: starts with 0, 10 or 11 digits, written plain or in three hyphenated groups.</summary>
    /// <summary>Names the guide URLs and the JSON API use for other things than answers: no question may take them.</summary>
    public static readonly IReadOnlyList<string> ReservedQuestionIds = ["procedure", "applicant", "date", "step", "was", "lang"];

    public static bool IsPhoneNumber(string? number) =>
        number is not null && PhoneShape().IsMatch(number) && number.Count(char.IsAsciiDigit) is 10 or 11;

    [GeneratedRegex(@"^0\d{1,4}-\d{1,4}-\d{2,4}$|^0\d{9,10}$")]
    private static partial Regex PhoneShape();
}
