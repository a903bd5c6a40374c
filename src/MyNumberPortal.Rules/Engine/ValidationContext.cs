using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>Checks and parses the parts of a rule set while it is compiled, collecting every problem with its path.</summary>
internal sealed class ValidationContext(CompiledRuleSet set, IReadOnlyDictionary<string, HashSet<string>> questions, List<string> errors)
{
    public Scoped<T> Scope<T>(T element, string path)
        where T : ScopedElement
    {
        RequireSource(element.Source, path, required: element is not QuestionDef);
        return Scope(element, element.Procedures, element.Applicants, element.When, path);
    }

    private Scoped<T> Scope<T>(T element, List<string> procedures, List<string> applicants, string? when, string path)
    {
        foreach (var p in procedures.Where(p => !Model.Procedures.IsKnown(p)))
        {
            errors.Add($"{path}: unknown procedure \"{p}\".");
        }

        foreach (var a in applicants.Where(a => !Model.Applicants.IsKnown(a)))
        {
            errors.Add($"{path}: unknown applicant \"{a}\".");
        }

        return new Scoped<T>(element, procedures.ToHashSet(StringComparer.Ordinal),
            applicants.ToHashSet(StringComparer.Ordinal), ParseCondition(when, path));
    }

    public Condition ParseCondition(string? text, string path)
    {
        Condition condition;
        try
        {
            condition = Condition.Parse(text);
        }
        catch (ConditionSyntaxException ex)
        {
            errors.Add($"{path}.when: {ex.Message}");
            return Condition.Always;
        }

        CheckReferences(condition, path);
        return condition;
    }

    private void CheckReferences(Condition condition, string path)
    {
        foreach (var test in condition.Tests())
        {
            IReadOnlyCollection<string>? allowed = test.Name switch
            {
                "procedure" => Model.Procedures.All,
                "applicant" => Model.Applicants.All,
                _ => questions.TryGetValue(test.Name, out var options) ? options : null,
            };
            if (allowed is null)
            {
                errors.Add($"{path}.when: \"{test.Name}\" is not a question.");
                continue;
            }

            foreach (var value in test.Values.Where(v => !allowed.Contains(v)))
            {
                errors.Add($"{path}.when: \"{value}\" is not an answer of \"{test.Name}\".");
            }
        }
    }

    public void RequireSource(SourceRef? source, string path, bool required = true)
    {
        if (source is null)
        {
            if (required)
            {
                errors.Add($"{path}: every fact needs a source (doc and quote).");
            }

            return;
        }

        if (!set.Sources.ContainsKey(source.Doc))
        {
            errors.Add($"{path}.source: \"{source.Doc}\" is not one of the rule set's sources.");
        }

        if (string.IsNullOrWhiteSpace(source.Quote))
        {
            errors.Add($"{path}.source: the quote is empty.");
        }
    }

    public void RequirePhones(IEnumerable<string> ids, string path)
    {
        foreach (var id in ids.Where(id => !set.Phones.ContainsKey(id)))
        {
            errors.Add($"{path}: phone \"{id}\" is not defined.");
        }
    }

    public void RequirePhoneNumber(string? number, string path)
    {
        if (!CompiledRuleSet.IsPhoneNumber(number))
        {
            errors.Add($"{path}: \"{number}\" is not a Japanese phone number (e.g. 046-225-2039 or 0120-95-0178).");
        }
    }

    public IdCombinationRule? ParseIdRule(IdRuleDef rule)
    {
        if (rule.Subject is not (IdSubjects.Holder or IdSubjects.Agent))
        {
            errors.Add($"idRules.{rule.Id}: subject must be holder or agent.");
        }

        if (rule.Rule is null)
        {
            if (rule.Note is null)
            {
                errors.Add($"idRules.{rule.Id}: a rule without a combination needs a note saying what the page says.");
            }

            return null;
        }

        if (IdCombinationRule.TryParse(rule.Rule, out var parsed, out var error))
        {
            return parsed;
        }

        errors.Add($"idRules.{rule.Id}: {error}");
        return null;
    }

    public (Scoped<FeeDef>, IReadOnlyList<(FeeItemDef, Condition)>, IReadOnlyList<(FeeExemptionDef, Condition)>) CompileFee(FeeDef fee)
    {
        var path = $"fees.{fee.Id}";
        var scoped = Scope(fee, path);
        if (fee.Items.Count == 0)
        {
            errors.Add($"{path}: a fee needs at least one item with its amount.");
        }

        var items = fee.Items.Select(i =>
        {
            if (i.Amount < 0)
            {
                errors.Add($"{path}.items.{i.Id}: amount must be 0 or more.");
            }

            RequireSource(i.Source, $"{path}.items.{i.Id}", required: fee.Source is null);
            return (i, ParseCondition(i.When, $"{path}.items.{i.Id}"));
        }).ToList();
        var exemptions = fee.Exemptions.Select(x =>
        {
            RequireSource(x.Source, $"{path}.exemptions.{x.Id}");
            return (x, ParseCondition(x.When, $"{path}.exemptions.{x.Id}"));
        }).ToList();
        return (scoped, items, exemptions);
    }

    public CompiledCounter? CompileCounter(CounterDef counter)
    {
        var path = $"counters.{counter.Id}";
        RequireSource(counter.Source, path);
        if (counter.Phone is not null)
        {
            RequirePhoneNumber(counter.Phone, $"{path}.phone");
        }

        if (counter.Reservation is not (ReservationPolicies.Required or ReservationPolicies.NotRequired or ReservationPolicies.NotStated))
        {
            errors.Add($"{path}: reservation must be required, not-required or not-stated.");
        }

        var accepts = counter.Accepts.Select((a, i) =>
        {
            RequireSource(a.Source, $"{path}.accepts[{i}]", required: false);
            var scoped = Scope(a, a.Procedures, a.Applicants, a.When, $"{path}.accepts[{i}]");
            foreach (var v in a.Visits.Where(v => v is < 1 or > 9))
            {
                errors.Add($"{path}.accepts[{i}]: visit {v} must be 1–9.");
            }

            return scoped;
        }).ToList();
        try
        {
            return new CompiledCounter(counter, CounterSchedule.Compile(counter), accepts);
        }
        catch (FormatException ex)
        {
            errors.Add($"{path}: {ex.Message}");
            return null;
        }
    }

    public void CheckDuplicates(IEnumerable<string> ids, string what)
    {
        foreach (var id in ids.GroupBy(i => i).Where(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key)))
        {
            errors.Add($"{what}: id \"{id.Key}\" is empty or used twice.");
        }
    }
}
