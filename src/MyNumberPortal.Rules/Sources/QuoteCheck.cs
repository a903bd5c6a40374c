using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Resources;

namespace MyNumberPortal.Rules.Sources;

/// <summary>A fact whose quote is not in its source's capture: where it is, what it quotes, and the nearest passage found.</summary>
/// <param name="Path">The element path, as validation messages name it (<c>counters.city-hall.source</c>).</param>
/// <param name="Doc">The source id the fact names.</param>
/// <param name="Quote">The quote as written in the rule set.</param>
/// <param name="Nearest">The passage of the capture most like the quote (null: the source has no capture, or nothing alike).</param>
/// <param name="HasCapture">False when the source has no capture at all.</param>
public sealed record QuoteMiss(string Path, string Doc, string Quote, string? Nearest, bool HasCapture)
{
    /// <summary>The message for the admin, in the current UI culture, starting with <see cref="Path"/> (so a line map can place it).</summary>
    public string Message => HasCapture
        ? QuoteCheck.Format(QuoteText.NotInCapture, Path, Short(Quote), Doc, Nearest is null ? QuoteText.NoNearest : Short(Nearest))
        : QuoteCheck.Format(QuoteText.NoCapture, Path, Short(Quote), Doc);

    private static string Short(string text)
    {
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= QuoteCheck.ShownLength ? oneLine : oneLine[..QuoteCheck.ShownLength] + "…";
    }
}

/// <summary>
/// Holds every quote of a rule set to its page: each fact's quote must appear in the capture of the source it names,
/// white-space-insensitively (every Unicode white space, the ideographic space U+3000 and line breaks included, is ignored
/// on both sides; nothing else is normalized — the rule of the seed data's integrity test). Pure: the captures are given.
/// </summary>
public static class QuoteCheck
{
    /// <summary>Characters of a quote or passage shown in a message.</summary>
    internal const int ShownLength = 120;

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>
    /// The facts of <paramref name="document"/> whose quote is not in its source's capture (<paramref name="captures"/>: source
    /// id → captured text; for a municipality, the national captures with its own over them). A fact with an empty quote is
    /// left to the rule set's validation.
    /// </summary>
    /// <param name="known">
    /// The rule set as it stood before the change being checked (the stored draft): a miss it already had (same element, source
    /// and quote, say after a new capture) is not reported again, so an admin can fix the facts one save at a time. Publishing
    /// passes none: then every miss counts.
    /// </param>
    public static IReadOnlyList<QuoteMiss> Check(RuleSetDocument document, IReadOnlyDictionary<string, string> captures, RuleSetDocument? known)
    {
        var misses = Check(document, captures);
        if (known is null || misses.Count == 0)
        {
            return misses;
        }

        var before = Check(known, captures).Select(m => (m.Path, m.Doc, m.Quote)).ToHashSet();
        return misses.Where(m => !before.Contains((m.Path, m.Doc, m.Quote))).ToList();
    }

    /// <summary>As <see cref="Check(RuleSetDocument, IReadOnlyDictionary{string, string}, RuleSetDocument?)"/>, every miss.</summary>
    public static IReadOnlyList<QuoteMiss> Check(RuleSetDocument document, IReadOnlyDictionary<string, string> captures)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(captures);
        var squashed = new Dictionary<string, string>(StringComparer.Ordinal);
        var misses = new List<QuoteMiss>();
        foreach (var (path, source) in Facts(document))
        {
            if (string.IsNullOrWhiteSpace(source.Quote))
            {
                continue;
            }

            if (!captures.TryGetValue(source.Doc, out var capture))
            {
                misses.Add(new(path, source.Doc, source.Quote, null, HasCapture: false));
                continue;
            }

            if (!squashed.TryGetValue(source.Doc, out var text))
            {
                squashed[source.Doc] = text = Squash(capture);
            }

            if (!text.Contains(Squash(source.Quote), StringComparison.Ordinal))
            {
                misses.Add(new(path, source.Doc, source.Quote, Nearest(capture, source.Quote), HasCapture: true));
            }
        }

        return misses;
    }

    /// <summary>Whether <paramref name="quote"/> appears in <paramref name="capture"/>, white space ignored.</summary>
    public static bool Appears(string capture, string quote)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(quote);
        return Squash(capture).Contains(Squash(quote), StringComparison.Ordinal);
    }

    /// <summary>The text without any white space (<see cref="char.IsWhiteSpace(char)"/>: U+3000, line breaks, tabs, …).</summary>
    public static string Squash(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The passage of <paramref name="capture"/> most like <paramref name="quote"/> (as it stands in the capture, white space
    /// and all), or null when nothing is alike: of all windows of the quote's length (white space ignored), the one sharing
    /// the most character pairs with the quote (the first such window), its ends trimmed to where the likeness starts and stops.
    /// </summary>
    public static string? Nearest(string capture, string quote)
    {
        ArgumentNullException.ThrowIfNull(capture);
        ArgumentNullException.ThrowIfNull(quote);
        var positions = new List<int>(capture.Length);
        var text = new StringBuilder(capture.Length);
        for (var i = 0; i < capture.Length; i++)
        {
            if (!char.IsWhiteSpace(capture[i]))
            {
                positions.Add(i);
                text.Append(capture[i]);
            }
        }

        var hay = text.ToString();
        var needle = Squash(quote);
        if (hay.Length == 0 || needle.Length == 0)
        {
            return null;
        }

        var gram = Math.Min(2, needle.Length);
        var window = Math.Min(needle.Length, hay.Length);
        var wanted = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + gram <= needle.Length; i++)
        {
            var g = needle.Substring(i, gram);
            wanted[g] = wanted.GetValueOrDefault(g) + 1;
        }

        // Slide a window of `window` characters over the capture, keeping how many of its grams the quote also has.
        var have = new Dictionary<string, int>(StringComparer.Ordinal);
        var overlap = 0;
        var best = 0;
        var bestStart = 0;
        var grams = window - gram + 1;
        for (var i = 0; i + gram <= hay.Length; i++)
        {
            var g = hay.Substring(i, gram);
            var count = have.GetValueOrDefault(g);
            if (count < wanted.GetValueOrDefault(g))
            {
                overlap++;
            }

            have[g] = count + 1;
            var start = i - grams + 1;
            if (start > 0)
            {
                var old = hay.Substring(start - 1, gram);
                var left = have[old] - 1;
                have[old] = left;
                if (left < wanted.GetValueOrDefault(old))
                {
                    overlap--;
                }
            }

            if (start >= 0 && overlap > best)
            {
                best = overlap;
                bestStart = start;
            }
        }

        if (best == 0)
        {
            return null;
        }

        // Trim the ends that share nothing with the quote (so the passage starts and ends where the likeness does).
        var end = Math.Min(bestStart + window, hay.Length);
        while (end - bestStart > gram && !wanted.ContainsKey(hay.Substring(bestStart, gram)))
        {
            bestStart++;
        }

        while (end - bestStart > gram && !wanted.ContainsKey(hay.Substring(end - gram, gram)))
        {
            end--;
        }

        var from = positions[bestStart];
        var to = positions[end - 1];
        return capture[from..(to + 1)];
    }

    /// <summary>Every source reference of the document with its path (<c>counters.city-hall.source</c>, <c>fees.reissue.items.card.source</c>).</summary>
    public static IEnumerable<(string Path, SourceRef Source)> Facts(RuleSetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Walk(document, "");
    }

    /// <summary>A message from the quote resources in the current UI culture (the admin's language).</summary>
    internal static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);

    private static IEnumerable<(string, SourceRef)> Walk(object node, string path)
    {
        foreach (var property in Properties.GetOrAdd(node.GetType(), PropertiesOf))
        {
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            var child = path.Length == 0 ? name : $"{path}.{name}";
            switch (property.GetValue(node))
            {
                case SourceRef source:
                    yield return (child, source);
                    break;
                case null or string or LocalText:
                    break;
                case IList list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is not { } item || item is string || item.GetType().Namespace != typeof(RuleSetDocument).Namespace)
                        {
                            continue;
                        }

                        var id = item.GetType().GetProperty("Id")?.GetValue(item) as string;
                        var named = string.IsNullOrEmpty(id) ? $"{child}[{i.ToString(CultureInfo.InvariantCulture)}]" : $"{child}.{id}";
                        foreach (var found in Walk(item, named))
                        {
                            yield return found;
                        }
                    }

                    break;
                case var value when value.GetType().Namespace == typeof(RuleSetDocument).Namespace && !value.GetType().IsValueType:
                    foreach (var found in Walk(value, child))
                    {
                        yield return found;
                    }

                    break;
            }
        }
    }

    private static PropertyInfo[] PropertiesOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.CanWrite && p.GetIndexParameters().Length == 0)
            .ToArray();
}
