using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MyNumberPortal.Rules.Format;

/// <summary>
/// Where each element of a rule file starts, by the paths that validation messages use
/// (<c>counters.city-hall.hours[0]</c>, <c>fees.reissue.items.card</c>, <c>questions.lost-where.when</c>), so an import
/// can report every problem with its line. A list element is known both by its index (<c>[2]</c>) and, when it has an
/// <c>id</c>, by <c>.id</c>.
/// </summary>
public sealed partial class YamlLineMap
{
    private readonly Dictionary<string, int> lines = new(StringComparer.Ordinal);

    /// <summary>Lists and mappings already walked: an alias's copy is the anchored node itself, and is mapped once, at the anchor.</summary>
    private readonly HashSet<YamlNode> walked = new(ReferenceEqualityComparer.Instance);

    private YamlLineMap()
    {
    }

    /// <summary>
    /// Maps <paramref name="text"/>; a text that is not YAML, or that <see cref="YamlGuard"/> refuses (aliases, which the tree
    /// would expand, deep nesting), gives an empty map (reading it reports the problem with its line).
    /// </summary>
    public static YamlLineMap Of(string text)
    {
        var map = new YamlLineMap();
        try
        {
            YamlGuard.Check(text);
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0)
            {
                map.Walk(stream.Documents[0].RootNode, "");
            }
        }
        catch (Exception ex) when (ex is YamlDotNet.Core.YamlException or RuleFileFormatException)
        {
            // Not YAML, or refused: nothing to map.
        }

        return map;
    }

    /// <summary>How many paths are mapped.</summary>
    internal int Count => lines.Count;

    /// <summary>The line of the longest known prefix of the path that starts <paramref name="message"/> (before its first ": "), or null.</summary>
    public int? LineOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var path = colon > 0 ? message[..colon] : message;
        while (path.Length > 0)
        {
            if (lines.TryGetValue(path, out var line))
            {
                return line;
            }

            var cut = LastSegment().Match(path);
            if (!cut.Success || cut.Index == 0)
            {
                break;
            }

            path = path[..cut.Index];
        }

        return null;
    }

    private void Walk(YamlNode node, string path)
    {
        if (path.Length > 0)
        {
            lines.TryAdd(path, (int)node.Start.Line);
        }

        if (node is YamlMappingNode or YamlSequenceNode && !walked.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    if (key is YamlScalarNode { Value: { } name })
                    {
                        var child = path.Length == 0 ? name : $"{path}.{name}";
                        lines.TryAdd(child, (int)key.Start.Line);
                        Walk(value, child);
                    }
                }

                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    // An element with an id is known by both; its contents by the id only, so each node is walked once
                    // (walking it under both names doubled the work at every level of nesting).
                    var item = sequence.Children[i];
                    var indexPath = $"{path}[{i}]";
                    if (item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { Length: > 0 } idText })
                    {
                        lines.TryAdd(indexPath, (int)item.Start.Line);
                        Walk(item, $"{path}.{idText}");
                    }
                    else
                    {
                        Walk(item, indexPath);
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"(\.[^.\[]*|\[\d+\])$")]
    private static partial Regex LastSegment();
}
