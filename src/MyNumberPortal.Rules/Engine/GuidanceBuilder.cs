using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>Assembles the guidance for a complete case on a date, from the case's plan.</summary>
internal sealed class GuidanceBuilder(GuideCase @case, DateOnly date)
{
    private readonly CompiledRuleSet rules = @case.Rules;
    private readonly IAnswerLookup answers = @case.Lookup;
    private readonly HashSet<string> usedSources = new(StringComparer.Ordinal);

    public Guidance Build()
    {
        var answered = @case.Answers.Select(a => new AnsweredQuestion(a.QuestionId, a.Question.Text, a.Value, a.Option.Label)).ToList();

        var coverage = rules.Coverage.FirstOrDefault(c => Applies(c));
        var covered = coverage is null;
        var steps = Select(rules.Steps).Select(s => new GuidanceStep(s.Id, s.Order, s.Title, s.Detail, s.Urgent,
            s.Phones.Select(Phone).OfType<GuidancePhone>().ToList(), Source(s.Source))).ToList();
        var phones = steps.SelectMany(s => s.Phones).ToList();
        var contact = Phone(coverage?.Element.Phone ?? rules.Municipality.InquiryPhone);
        if (contact is not null && phones.All(p => p.Id != contact.Id))
        {
            phones.Add(contact);
        }

        return new Guidance
        {
            MunicipalityCode = rules.Code,
            MunicipalityName = rules.Municipality.Name,
            Procedure = @case.Procedure,
            Applicant = @case.Applicant!,
            Date = date,
            RuleSetVersion = rules.Version,
            Coverage = coverage?.Element.Status ?? CoverageStatuses.Covered,
            CoverageReason = coverage?.Element.Reason,
            CoverageSource = Source(coverage?.Element.Source),
            Answers = answered,
            Steps = steps,
            Items = covered ? Select(rules.Items).Select(i => new GuidanceItem(i.Id, i.Text, i.Detail, i.Visit, Source(i.Source))).ToList() : [],
            IdRules = covered ? IdRules() : [],
            Fee = covered ? Fee() : GuidanceFee.None,
            Visits = covered ? Visits() : null,
            Counters = Counters(covered),
            Phones = phones,
            Notes = Select(rules.Notes).Select(n => new GuidanceNote(n.Id, n.Severity, n.Text, Source(n.Source))).ToList(),
            Sources = usedSources.Select(id => rules.Sources[id]).OrderBy(s => s.Id, StringComparer.Ordinal).ToList(),
        };
    }

    private bool Applies<T>(Scoped<T> element) =>
        element.InScope(@case.Procedure, @case.Applicant!) && element.When.Evaluate(answers);

    private IEnumerable<T> Select<T>(IEnumerable<Scoped<T>> elements) => elements.Where(Applies).Select(e => e.Element);

    private List<GuidanceIdRule> IdRules() => rules.IdRules.Where(r => Applies(r.Rule)).Select(r =>
    {
        var def = r.Rule.Element;
        // Examples: the catalogue's documents of each category the rule names.
        var alternatives = r.Combination?.Alternatives ?? [];
        var usesA = alternatives.Any(a => a.A > 0);
        var usesB = alternatives.Any(a => a.B > 0);
        var excluded = rules.IdDocuments.Where(d => def.Excludes.Contains(d.Id, StringComparer.Ordinal)).DistinctBy(d => d.Id).ToList();
        var examples = rules.IdDocuments.Where(d => (usesA && d.Category == "A") || (usesB && d.Category == "B"))
            .Where(d => !def.Excludes.Contains(d.Id, StringComparer.Ordinal)).ToList();
        foreach (var example in examples)
        {
            Source(example.Source);
        }

        return new GuidanceIdRule(def.Id, def.Subject, def.Rule, r.Combination, def.Note, def.Visit, examples, Source(def.Source)) { Excluded = excluded };
    }).ToList();

    private GuidanceFee Fee()
    {
        var items = new List<GuidanceFeeItem>();
        var exemptions = new List<GuidanceFeeExemption>();
        var sources = new List<ResolvedSource>();
        var total = 0;
        foreach (var (fee, feeItems, feeExemptions) in rules.Fees.Where(f => Applies(f.Fee)))
        {
            var def = fee.Element;
            if (Source(def.Source) is { } feeSource)
            {
                sources.Add(feeSource);
            }

            var applied = feeItems.Where(i => i.When.Evaluate(answers))
                .Select(i => new GuidanceFeeItem(def.Id, i.Item.Id, i.Item.Label, i.Item.Amount, Source(i.Item.Source))).ToList();
            var exempt = feeExemptions.Where(x => x.When.Evaluate(answers))
                .Select(x => new GuidanceFeeExemption(def.Id, x.Exemption.Id, x.Exemption.Reason, x.Exemption.Evidence, Source(x.Exemption.Source))).ToList();
            items.AddRange(applied);
            exemptions.AddRange(exempt);
            if (exempt.Count == 0)
            {
                total = checked(total + applied.Sum(i => i.Amount));
            }
        }

        return new GuidanceFee(total, items, exemptions, sources);
    }

    private GuidanceVisits? Visits() => Select(rules.Visits).LastOrDefault() is { } v
        ? new GuidanceVisits(v.Count, v.CompletesSameDay, v.Between, v.ValidDays, Source(v.Source))
        : null;

    private List<GuidanceCounter> Counters(bool covered)
    {
        // A counter with no acceptance list takes every case; otherwise the acceptances that apply (none: not listed).
        // Written as loops: most counters take none of a given case, and this runs on every request.
        var matches = new List<(CompiledCounter Counter, List<Scoped<CounterAcceptance>>? Accepts)>();
        foreach (var c in rules.Counters)
        {
            if (c.Accepts.Count == 0)
            {
                matches.Add((c, null));
                continue;
            }

            List<Scoped<CounterAcceptance>>? accepts = null;
            foreach (var accept in c.Accepts)
            {
                if (Applies(accept))
                {
                    (accepts ??= []).Add(accept);
                }
            }

            if (accepts is not null)
            {
                matches.Add((c, accepts));
            }
        }

        if (!covered && matches.Count == 0)
        {
            // Not covered for this applicant: still show where the procedure is handled, so there is a phone to call.
            matches = rules.Counters.Where(c => c.Accepts.Count == 0 || c.Accepts.Any(a => a.Procedures.Count == 0 || a.Procedures.Contains(@case.Procedure)))
                .Select(c => (Counter: c, Accepts: (List<Scoped<CounterAcceptance>>?)null)).ToList();
        }

        return matches.Select(m =>
        {
            var def = m.Counter.Definition;
            foreach (var accept in m.Accepts ?? [])
            {
                Source(accept.Element.Source);
            }

            var visits = m.Accepts is null || m.Accepts.Any(a => a.Element.Visits.Count == 0)
                ? (IReadOnlyList<int>)[]
                : m.Accepts.SelectMany(a => a.Element.Visits).Distinct().Order().ToList();
            return new GuidanceCounter(def.Id, def.Name, def.Address, def.Phone, def.Reservation, visits,
                m.Counter.Schedule.HasHours, m.Counter.Schedule.NextOpenings(date, GuidanceEvaluator.OpeningsShown), def.Note, Source(def.Source));
        }).ToList();
    }

    private GuidancePhone? Phone(string? id)
    {
        if (id is null || !rules.Phones.TryGetValue(id, out var p))
        {
            return null;
        }

        return new GuidancePhone(p.Id, p.Name, p.Number, p.TollFree, p.Hours, p.Languages, Source(p.Source));
    }

    private ResolvedSource? Source(SourceRef? source)
    {
        if (source is null || !rules.Sources.TryGetValue(source.Doc, out var document))
        {
            return null;
        }

        usedSources.Add(document.Id);
        return new ResolvedSource(document, source.Quote);
    }
}
