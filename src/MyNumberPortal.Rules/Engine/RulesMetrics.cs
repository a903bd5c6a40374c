using System.Diagnostics.Metrics;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// The rules domain's own metrics (System.Diagnostics.Metrics, no dependency beyond the base library): the counter
/// <see cref="Plans"/> counts the question plans made (<see cref="GuideCase"/>: a request plans its case once), tagged with
/// the municipality. The web layer exports the meter with OpenTelemetry when telemetry is on; tests listen to it to prove
/// the one path per request.
/// </summary>
public static class RulesMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "MyNumberPortal.Rules";

    /// <summary>The counter of question plans.</summary>
    public const string Plans = "portal.rules.plans";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> PlanCount = Meter.CreateCounter<long>(Plans, description: "Question plans made (one per case read).");

    internal static void PlanMade(string municipality) => PlanCount.Add(1, new KeyValuePair<string, object?>("portal.municipality", municipality));
}
