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

    private YamlLineMap()
    {
    }

    /// <summary>Maps <paramref name="text"/>; a text that is not YAML gives an empty map (its parse error has the line).</summary>
    public static YamlLineMap Of(string text)
    {
        var map = new YamlLineMap();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count > 0)
            {
                map.Walk(stream.Documents[0].RootNode, "");
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Not YAML: nothing to map.
        }

        return map;
    }

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
                    var item = sequence.Children[i];
                    Walk(item, $"{path}[{i}]");
                    if (item is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var id) && id is YamlScalarNode { Value: { Length: > 0 } idText })
                    {
                        Walk(item, $"{path}.{idText}");
                    }
                }

                break;
        }
    }

    [GeneratedRegex(@"(\.[^.\[]*|\[\d+\])$")]
    private static partial Regex LastSegment();
}
