using System.Diagnostics;
using System.Diagnostics.Metrics;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Web.Infrastructure;

/// <summary>
/// The rules evaluator, traced and measured: a span <c>rules.evaluate</c> per evaluation and the metrics
/// <c>portal.rules.evaluations</c> (count) and <c>portal.rules.evaluation.duration</c> (seconds), under the source and
/// meter <see cref="Name"/>. The pure rules domain (MyNumberPortal.Rules) knows nothing of this: the web layer calls
/// <see cref="Evaluate"/> instead of <see cref="GuidanceEvaluator.Evaluate"/>. Without a listener (telemetry off) the
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

    /// <summary><see cref="GuidanceEvaluator.Evaluate"/> with its span and metrics.</summary>
    public static GuidanceResult Evaluate(CompiledRuleSet rules, GuidanceRequest request)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = Source.StartActivity(EvaluateSpan, ActivityKind.Internal);
        var start = Stopwatch.GetTimestamp();
        var result = GuidanceEvaluator.Evaluate(rules, request);
        var outcome = result.Guidance?.Coverage ?? "invalid";
        var tags = new TagList
        {
            { "portal.municipality", rules.Municipality.Code },
            { "portal.procedure", request.Procedure },
            { "portal.outcome", outcome },
        };
        Evaluations.Add(1, tags);
        Duration.Record(Stopwatch.GetElapsedTime(start).TotalSeconds, tags);
        if (activity is not null)
        {
            foreach (var tag in tags)
            {
                activity.SetTag(tag.Key, tag.Value);
            }

            activity.SetTag("portal.applicant", request.Applicant);
            activity.SetTag("portal.rule_set_version", result.Guidance?.RuleSetVersion);
            if (result.Guidance is null)
            {
                activity.SetStatus(ActivityStatusCode.Error, "invalid request");
            }
        }

        return result;
    }
}
