using MyNumberPortal.Rules.Model;
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
        .Build();

    public static string Write(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Writer.Serialize(document);
    }

    /// <summary>
    /// Parses a rule file. Unknown keys, bad values and YAML syntax errors throw <see cref="RuleFileFormatException"/> with the
    /// line; so does anything <see cref="YamlGuard"/> refuses (aliases, tags, deep nesting), before the document is built.
    /// </summary>
    public static RuleSetDocument Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            YamlGuard.Check(text);
            return Reader.Deserialize<RuleSetDocument?>(text) ?? throw new RuleFileFormatException(1, "The file is empty.");
        }
        catch (YamlException ex)
        {
            var message = ex.InnerException is { } inner && inner is not YamlException ? inner.Message : ex.Message;
            // YamlDotNet prefixes positions to its messages; keep only the explanation.
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith("(Line", StringComparison.Ordinal) && cut > 0)
            {
                message = message[(cut + 3)..];
            }

            throw new RuleFileFormatException((int)Math.Max(1, ex.Start.Line), message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // The library failing on text it should have refused as YAML (the guard has read the whole text by then).
            throw new RuleFileFormatException(1, Resources.LimitText.YamlUnreadable);
        }
    }

    /// <summary>A deep copy through the format: what an export followed by an import gives.</summary>
    public static RuleSetDocument Clone(RuleSetDocument document) => Read(Write(document));
}

public sealed class RuleFileFormatException(int line, string reason)
    : Exception($"Line {line}: {reason}")
{
    public int Line { get; } = line;
    public string Reason { get; } = reason;
}
