namespace MyNumberPortal.Web.Admin;

/// <summary>Field names and HTML ids of the admin forms.</summary>
public static class AdminFields
{
    /// <summary>The hidden field carrying the draft's concurrency stamp the form was read with (empty: no draft yet).</summary>
    public const string Stamp = "stamp";

    /// <summary>An HTML id for a field name (<c>Rows[0].Open</c> → <c>f-Rows-0-Open</c>).</summary>
    public static string Id(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        return "f-" + new string(chars).Replace("--", "-", StringComparison.Ordinal).TrimEnd('-');
    }

    public static string Row(string list, int index, string field) =>
        $"{list}[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].{field}";
}
