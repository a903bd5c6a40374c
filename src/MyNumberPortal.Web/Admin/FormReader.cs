using Microsoft.Extensions.Primitives;

namespace MyNumberPortal.Web.Admin;

/// <summary>
/// Reads an admin form post. Every value is trimmed and cut at <see cref="MaxLength"/> (an over-long field is reported by
/// the validators, which see <see cref="TooLong"/>); list rows are <c>Rows[0].Open</c>, <c>Rows[1].Open</c>, …
/// </summary>
public sealed class FormReader(IFormCollection form)
{
    /// <summary>The longest value a single field takes (a quoted passage can be long; a whole rule file is posted elsewhere).</summary>
    public const int MaxLength = 4000;

    /// <summary>At most this many rows of a list are read.</summary>
    public const int MaxRows = 60;

    /// <summary>Fields whose posted value was longer than <see cref="MaxLength"/>.</summary>
    public HashSet<string> TooLong { get; } = new(StringComparer.Ordinal);

    public string Text(string name)
    {
        var value = (form.TryGetValue(name, out var v) ? (string?)v.FirstOrDefault() : null) ?? "";
        if (value.Length > MaxLength)
        {
            TooLong.Add(name);
            value = value[..MaxLength];
        }

        return value.Trim();
    }

    public string? Optional(string name) => Text(name) is { Length: > 0 } text ? text : null;

    public bool Has(string name) => form.ContainsKey(name);

    public bool Checked(string name) => form.TryGetValue(name, out var v) && v.Any(x => x is "true" or "on" or "1");

    public List<string> Values(string name) =>
        form.TryGetValue(name, out StringValues values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Take(MaxRows).Distinct(StringComparer.Ordinal).ToList() : [];

    /// <summary>How many rows of <paramref name="prefix"/> were posted (the highest index present + 1).</summary>
    public int Rows(string prefix)
    {
        var count = 0;
        foreach (var key in form.Keys)
        {
            if (key.StartsWith(prefix + "[", StringComparison.Ordinal) && key.IndexOf(']', prefix.Length) is var end and > 0
                && int.TryParse(key.AsSpan(prefix.Length + 1, end - prefix.Length - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i)
                && i < MaxRows)
            {
                count = Math.Max(count, i + 1);
            }
        }

        return count;
    }
}
