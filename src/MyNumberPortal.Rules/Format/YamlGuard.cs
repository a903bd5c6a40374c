using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Resources;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace MyNumberPortal.Rules.Format;

/// <summary>
/// Reads a rule file's YAML as a stream of events (YamlDotNet's parser keeps its own stack, it does not recurse) and
/// refuses, before any tree or object is built, what a hostile file could use to exhaust time or memory: aliases whose
/// copies add up to more than a file written out in full may hold (nested aliases multiply: 3 KB of them stand for
/// gigabytes), tags, a second document, nesting deeper than <see cref="MaxDepth"/> and more than <see cref="MaxNodes"/>
/// values. Everything after it (the document, the line map, writing the document out, validation) is then bounded by
/// the expanded size, which this bounds.
/// </summary>
/// <remarks>
/// Aliases are allowed, as a shorthand (the 品川区 seed file shares its counters' hours with them), so long as the file
/// written out in full stays within <see cref="MaxNodes"/> values and <see cref="RuleFileCheck.MaxLength"/> characters of
/// values: each anchor's expanded size is counted when it is defined, and each alias adds it again.
/// </remarks>
public static class YamlGuard
{
    /// <summary>How deep mappings and lists may nest. The seeds nest 6 deep.</summary>
    public const int MaxDepth = 32;

    /// <summary>Values (scalars, lists, mappings) in one file, aliases counted as the copies they stand for. The largest seed has about 6,000.</summary>
    public const int MaxNodes = 100_000;

    /// <summary>Characters of all values together, aliases counted as copies: what a file without aliases may hold.</summary>
    public const long MaxCharacters = RuleFileCheck.MaxLength;

    /// <summary>Throws <see cref="RuleFileFormatException"/> (with the line) for anything refused; YAML syntax errors throw <see cref="YamlException"/>.</summary>
    public static void Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parser = new Parser(new StringReader(text));
        var anchors = new Dictionary<string, Size>(StringComparer.Ordinal);
        var open = new Stack<(string? Anchor, Size Size)>();
        var total = default(Size);
        var documents = 0;
        var line = 1;
        while (Next(parser, line))
        {
            var current = parser.Current!;
            line = (int)Math.Max(1, current.Start.Line);
            if (current is DocumentStart && ++documents > 1)
            {
                throw new RuleFileFormatException(line, LimitText.YamlMoreDocuments);
            }

            if (current is NodeEvent { Tag.IsEmpty: false })
            {
                throw new RuleFileFormatException(line, LimitText.YamlTag);
            }

            Size? added = current switch
            {
                Scalar scalar => new Size(1, scalar.Value.Length),
                MappingStart or SequenceStart => new Size(1, 0),
                AnchorAlias alias => anchors.GetValueOrDefault(alias.Value.Value, new Size(1, 0)),
                _ => null,
            };
            if (added is { } size)
            {
                total += size;
                if (total.Nodes > MaxNodes)
                {
                    throw new RuleFileFormatException(line, RuleSetLimits.Format(LimitText.YamlTooManyNodes, MaxNodes));
                }

                if (total.Characters > MaxCharacters)
                {
                    throw new RuleFileFormatException(line, RuleSetLimits.Format(LimitText.YamlTooLongExpanded, MaxCharacters));
                }
            }

            switch (current)
            {
                case MappingStart or SequenceStart:
                    if (open.Count >= MaxDepth)
                    {
                        throw new RuleFileFormatException(line, RuleSetLimits.Format(LimitText.YamlTooDeep, MaxDepth));
                    }

                    var anchor = ((NodeEvent)current).Anchor;
                    open.Push((anchor.IsEmpty ? null : anchor.Value, new Size(1, 0)));
                    break;
                case MappingEnd or SequenceEnd:
                    var (name, closed) = open.Pop();
                    Define(name, closed);
                    break;
                case Scalar scalar:
                    Define(scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value, added!.Value);
                    break;
                case AnchorAlias:
                    Add(added!.Value);
                    break;
            }
        }

        void Define(string? name, Size size)
        {
            if (name is not null)
            {
                anchors[name] = size;
            }

            Add(size);
        }

        void Add(Size size)
        {
            if (open.Count > 0)
            {
                var (name, inner) = open.Pop();
                open.Push((name, inner + size));
            }
        }
    }

    /// <summary>
    /// The parser's next event. YamlDotNet's scanner throws InvalidOperationException on some broken flow collections (found
    /// by the generated tests): that is a YAML problem in the file too, reported after the last line read well.
    /// </summary>
    private static bool Next(Parser parser, int line)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (Exception ex) when (ex is not YamlException and (InvalidOperationException or ArgumentException or FormatException or OverflowException))
        {
            throw new RuleFileFormatException(line, LimitText.YamlUnreadable);
        }
    }

    /// <summary>An expanded size: values and characters of values.</summary>
    private readonly record struct Size(long Nodes, long Characters)
    {
        public static Size operator +(Size a, Size b) => new(a.Nodes + b.Nodes, a.Characters + b.Characters);
    }
}
