using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Resources;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace MyNumberPortal.Rules.Format;

/// <summary>
/// Reads and writes the rule-file format (YAML, camelCase keys). The same text is used for the seed
/// files, for each stored version of a rule set, and for an admin's export and import.
/// Writing is canonical: the same document always gives the same text.
/// </summary>
public static class RuleSetYaml
{
    private static readonly ISerializer Writer = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .WithIndentedSequences()
        .DisableAliases()
        .Build();

    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .WithNodeDeserializer(new PlainIntegers(), where => where.OnTop())
        .Build();

    public static string Write(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Writer.Serialize(document);
    }

    /// <summary>
    /// Parses a rule file. Unknown keys, bad values and YAML syntax errors throw <see cref="RuleFileFormatException"/> with the
    /// line and column and a message in the admin's language (never the parser's own English); so does anything
    /// <see cref="YamlGuard"/> refuses (aliases, tags, deep nesting), before the document is built.
    /// </summary>
    public static RuleSetDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            YamlGuard.Check(text);
            return Reader.Deserialize<RuleSetDocument?>(text) ?? throw new RuleFileFormatException(1, LimitText.FileEmpty);
        }
        catch (YamlException ex)
        {
            // Ours (a number that is not plain digits) keeps its own position; the library's messages are English and
            // name its types: the admin gets what kind of problem it is, where, and what to look at.
            var own = Own(ex);
            var at = own ?? ex;
            var line = (int)Math.Max(1, at.Start.Line);
            var column = (int)Math.Max(1, at.Start.Column);
            var reason = own?.Reason ?? (ex is SyntaxErrorException or SemanticErrorException
                ? LimitText.YamlSyntax
                : KeyAt(text, line, column) is { Length: > 0 } key ? RuleSetLimits.Format(LimitText.YamlValueAt, key) : LimitText.YamlValue);
            throw new RuleFileFormatException(line, reason, column);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The library failing on text it should have refused as YAML (the guard has read the whole text by then).
            throw new RuleFileFormatException(1, LimitText.YamlUnreadable);
        }
    }

    private static RuleTextException? Own(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is RuleTextException own)
            {
                return own;
            }
        }

        return null;
    }

    /// <summary>The key (or value) written at <paramref name="line"/>, <paramref name="column"/>: up to its ":" or the line's end, at most 40 characters.</summary>
    private static string KeyAt(string text, int line, int column)
    {
        var lines = text.Split('\n', line + 1);
        if (line > lines.Length || lines[line - 1] is not { } at || column > at.Length)
        {
            return "";
        }

        var key = at[(column - 1)..].TrimEnd('\r');
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        key = (colon >= 0 ? key[..colon] : key).Trim().TrimStart('-', ' ').Trim();
        key = key.Length > 40 ? key[..40] + "…" : key;
        return RuleSetLimits.MisleadingCharacter(key, multiline: false) is null ? key : "";
    }

    /// <summary>A deep copy through the format: what an export followed by an import gives.</summary>
    public static RuleSetDocument Clone(RuleSetDocument document) => Read(Write(document));
}

/// <summary>A rule file that cannot be read: the line (and, for YAML problems, the column) and the reason in the admin's language.</summary>
public sealed class RuleFileFormatException(int line, string reason, int? column = null)
    : Exception(column is { } c ? $"Line {line}, column {c}: {reason}" : $"Line {line}: {reason}")
{
    public int Line { get; } = line;

    /// <summary>The column (1 = the line's first character) where the reader stopped, when known.</summary>
    public int? Column { get; } = column;

    public string Reason { get; } = reason;
}
