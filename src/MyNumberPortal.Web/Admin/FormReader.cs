using Microsoft.Extensions.Primitives;
using MyNumberPortal.Rules.Engine;

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

    /// <summary>Fields whose posted value holds a control or invisible character (line breaks and tabs aside), with the first one.</summary>
    public Dictionary<string, int> Misleading { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The posted values of a field. After a conflict the page posts a choice for each field that differed
    /// (<c>conflict:NAME</c> = <c>mine</c> or <c>theirs</c>) and both values (<c>mine:NAME</c>, <c>theirs:NAME</c>): the chosen
    /// ones are the field's values (see <see cref="AdminConflict"/>).
    /// </summary>
    private StringValues Raw(string name)
    {
        if (form.TryGetValue(AdminConflict.ChoicePrefix + name, out var choice))
        {
            var prefix = choice.FirstOrDefault() == AdminConflict.Mine ? AdminConflict.MinePrefix : AdminConflict.TheirsPrefix;
            return form.TryGetValue(prefix + name, out var chosen) ? chosen : StringValues.Empty;
        }

        return form.TryGetValue(name, out var v) ? v : StringValues.Empty;
    }

    /// <summary>A field's whole value, not cut at <see cref="MaxLength"/> (rule-file text posted as one field).</summary>
    public string Whole(string name) => Raw(name).FirstOrDefault() ?? "";

    public string Text(string name)
    {
        var value = Raw(name).FirstOrDefault() ?? "";
        if (value.Length > MaxLength)
        {
            TooLong.Add(name);
            value = value[..MaxLength];
        }

        // Browsers send a text area's line breaks as CR LF.
        value = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (RuleSetLimits.MisleadingCharacter(value, multiline: true) is { } found)
        {
            Misleading.TryAdd(name, found.CodePoint);
        }

        return value.Trim();
    }

    public string? Optional(string name) => Text(name) is { Length: > 0 } text ? text : null;

    public bool Has(string name) => form.ContainsKey(name) || form.ContainsKey(AdminConflict.ChoicePrefix + name);

    public bool Checked(string name) => Raw(name).Any(x => x is "true" or "on" or "1");

    public List<string> Values(string name) =>
        Raw(name).Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Take(MaxRows).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>How many rows of <paramref name="prefix"/> were posted (the highest index present + 1).</summary>
    public int Rows(string prefix)
    {
        var count = 0;
        foreach (var posted in form.Keys)
        {
            var key = posted;
            foreach (var conflict in (ReadOnlySpan<string>)[AdminConflict.ChoicePrefix, AdminConflict.MinePrefix, AdminConflict.TheirsPrefix])
            {
                key = key.StartsWith(conflict, StringComparison.Ordinal) ? key[conflict.Length..] : key;
            }

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
