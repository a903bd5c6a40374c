namespace MyNumberPortal.Rules.Format;

/// <summary>One line of a <see cref="LineDiff"/>: kept (' '), removed ('-') or added ('+'), with its line number on that side.</summary>
public readonly record struct DiffLine(char Kind, int Line, string Text);

/// <summary>
/// A line diff of two texts (longest common subsequence), for showing an admin what another admin changed, or what a
/// publish changes. Only changed lines and <c>context</c> lines around them are returned.
/// </summary>
public static class LineDiff
{
    /// <summary>Above this many lines on both sides the diff falls back to "all removed, all added" (bounded memory).</summary>
    public const int MaxLines = 6000;

    public static IReadOnlyList<DiffLine> Compare(string before, string after, int context = 2)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Split(before);
        var b = Split(after);
        var all = Full(a, b);
        if (context < 0)
        {
            return all;
        }

        var keep = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind != ' ')
            {
                for (var j = Math.Max(0, i - context); j <= Math.Min(all.Count - 1, i + context); j++)
                {
                    keep[j] = true;
                }
            }
        }

        return all.Where((_, i) => keep[i]).ToList();
    }

    /// <summary>Whether the two texts have the same lines.</summary>
    public static bool Same(string before, string after) => Split(before).SequenceEqual(Split(after));

    private static string[] Split(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n').Split('\n');

    private static List<DiffLine> Full(string[] a, string[] b)
    {
        // Trim the common head and tail first: most edits touch a few lines of a long file.
        var head = 0;
        while (head < a.Length && head < b.Length && a[head] == b[head])
        {
            head++;
        }

        var tail = 0;
        while (tail < a.Length - head && tail < b.Length - head && a[a.Length - 1 - tail] == b[b.Length - 1 - tail])
        {
            tail++;
        }

        var result = new List<DiffLine>();
        for (var i = 0; i < head; i++)
        {
            result.Add(new(' ', i + 1, a[i]));
        }

        int n = a.Length - head - tail, m = b.Length - head - tail;
        if ((long)n * m > (long)MaxLines * MaxLines / 4)
        {
            for (var i = 0; i < n; i++)
            {
                result.Add(new('-', head + i + 1, a[head + i]));
            }

            for (var j = 0; j < m; j++)
            {
                result.Add(new('+', head + j + 1, b[head + j]));
            }
        }
        else
        {
            var lcs = new int[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
            {
                for (var j = m - 1; j >= 0; j--)
                {
                    lcs[i, j] = a[head + i] == b[head + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
                }
            }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && a[head + x] == b[head + y])
                {
                    result.Add(new(' ', head + x + 1, a[head + x]));
                    x++;
                    y++;
                }
                else if (y < m && (x == n || lcs[x, y + 1] > lcs[x + 1, y]))
                {
                    result.Add(new('+', head + y + 1, b[head + y]));
                    y++;
                }
                else
                {
                    result.Add(new('-', head + x + 1, a[head + x]));
                    x++;
                }
            }
        }

        for (var i = a.Length - tail; i < a.Length; i++)
        {
            result.Add(new(' ', i + 1, a[i]));
        }

        return result;
    }
}
