using System.Diagnostics;
using System.Diagnostics.Metrics;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The rules evaluator, traced and measured: a span <c>rules.evaluate</c> per evaluation and the metrics
/// <c>portal.rules.evaluations</c> (count) and <c>portal.rules.evaluation.duration</c> (seconds), under the source and
/// meter <see cref="Name"/>. The pure rules domain (MyNumberPortal.Rules) knows nothing of this: the web layer calls
/// <see cref="Evaluate"/> instead of <see cref="GuideCase.Evaluate"/>. Without a listener (telemetry off) the
/// span is not even created. Tags say which case, never the answers: municipality, procedure, applicant kind and the
/// outcome (coverage, or <c>invalid</c>).
/// </summary>
public static class RulesTelemetry
{
    /// <summary>The portal's <see cref="ActivitySource"/> and <see cref="Meter"/> name.</summary>
    public const string Name = "MyNumberPortal";

    public const string EvaluateSpan = "rules.evaluate";

    private static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Evaluations = Meter.CreateCounter<long>("portal.rules.evaluations", description: "Guidance evaluations by outcome.");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("portal.rules.evaluation.duration", "s", "Time to evaluate one case.");

    /// <summary><see cref="GuideCase.Evaluate"/> of a complete case, with its span and metrics.</summary>
    public static Guidance Evaluate(GuideCase guideCase, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(guideCase);
        return Measure(guideCase.Rules, guideCase.Procedure, guideCase.Applicant, () => guideCase.Evaluate(date))!;
    }

    /// <summary>
    /// Runs <paramref name="evaluate"/> (one evaluation of a case of <paramref name="rules"/>; null: the case was invalid)
    /// inside the span <see cref="EvaluateSpan"/>, and counts and times it.
    /// </summary>
    public static Guidance? Measure(CompiledRuleSet rules, string procedure, string? applicant, Func<Guidance?> evaluate)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(evaluate);
        using var activity = Source.StartActivity(EvaluateSpan, ActivityKind.Internal);
        var start = Stopwatch.GetTimestamp();
        var guidance = evaluate();
        var tags = new TagList
        {
            { "portal.municipality", rules.Municipality.Code },
            { "portal.procedure", procedure },
            { "portal.outcome", guidance?.Coverage ?? "invalid" },
        };
        Evaluations.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag("portal.applicant", applicant);
            activity.SetTag("portal.rule_set_version", guidance?.RuleSetVersion);
            if (guidance is null)
            {
                activity.SetStatus(ActivityStatusCode.Error, "invalid request");
            }
        }

        return guidance;
    }
}
