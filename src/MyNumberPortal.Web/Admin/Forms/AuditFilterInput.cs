using System.Globalization;
using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Admin;

/// <summary>The audit log's filter (a GET form: <c>?who=&amp;action=&amp;from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>), also the CSV export's.</summary>
public sealed class AuditFilterInput
{
    public string Who { get; set; } = "";
    public string Action { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";

    public bool IsEmpty => Who.Length == 0 && Action.Length == 0 && From.Length == 0 && To.Length == 0;

    /// <summary>Reads the filter from a query string (through <see cref="FormReader"/>: trimmed, length-limited, characters checked).</summary>
    public static (AuditFilterInput Input, FormReader Reader) Read(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var reader = new FormReader(new FormCollection(query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal)));
        return (new AuditFilterInput
        {
            Who = reader.Text("who"), Action = reader.Text("action"), From = reader.Text("from"), To = reader.Text("to"),
        }, reader);
    }

    /// <summary>The query string of this filter (empty values left out), with a leading <c>?</c> unless empty.</summary>
    public string Query(params (string Name, string Value)[] more)
    {
        var parts = new[] { ("who", Who), ("action", Action), ("from", From), ("to", To) }.Concat(more)
            .Where(p => p.Item2.Length > 0).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}").ToList();
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    /// <summary>The filter for the database: the days are Japanese days (from the first moment of From to the end of To).</summary>
    public AuditFilter ToFilter() => new(
        Who.Length == 0 ? null : Who,
        Action.Length == 0 ? null : Action,
        Day(From) is { } from ? StartOfJapaneseDay(from) : null,
        Day(To) is { } to ? StartOfJapaneseDay(to.AddDays(1)) : null);

    /// <summary>A day written yyyy-MM-dd between the years 2000 and 2999, or null.</summary>
    public static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and < 3000 ? day : null;

    private static DateTimeOffset StartOfJapaneseDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, PortalClock.Japan.GetUtcOffset(local)).ToUniversalTime();
    }
}
