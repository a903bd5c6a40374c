using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using MyNumberPortal.Rules.Engine;

namespace MyNumberPortal.Tests.Shared;

/// <summary>
/// Counts the question plans made in the current asynchronous flow (a test, and the server's handling of its request), from
/// the rules' metric <see cref="RulesMetrics.Plans"/>. A meter listener hears every plan in the process; its callback runs
/// synchronously in the flow that made the plan, so only the plans of the flow that started the count are counted (tests
/// running in parallel are not).
/// </summary>
public static class PlanCount
{
    private static readonly AsyncLocal<StrongBox<int>?> Current = new();

    private static readonly MeterListener Listener = Listen();

    /// <summary>Runs <paramref name="action"/> and returns the plans it made.</summary>
    public static int Of(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return OfAsync(() =>
        {
            action();
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
    }

    /// <summary>Runs <paramref name="action"/> and returns the plans it (and what it awaited) made.</summary>
    public static async Task<int> OfAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        GC.KeepAlive(Listener);
        var count = new StrongBox<int>();
        Current.Value = count;
        try
        {
            await action();
            return count.Value;
        }
        finally
        {
            Current.Value = null;
        }
    }

    private static MeterListener Listen()
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == RulesMetrics.MeterName && instrument.Name == RulesMetrics.Plans)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) =>
        {
            if (Current.Value is { } count)
            {
                Interlocked.Add(ref count.Value, (int)value);
            }
        });
        listener.Start();
        return listener;
    }
}
