using System.Diagnostics;
using System.Globalization;
using System.Text;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>
/// Generated hostile input (seeded, so a failure is reproducible: the message names the case): random nesting, aliases,
/// sizes and characters given to the condition parser and the rule-file reader. Each must answer (a value or a problem)
/// and never crash the process (a stack overflow would end the test run), with time and memory under a generous safety
/// bound. The bounds are not performance targets: the benchmarks' hostile part measures those (docs/performance.md).
/// </summary>
public sealed class GeneratedInputTests
{
    private const int Seed = 20261206;

    /// <summary>Allocated by one check at most: 1 GB (the nested-alias file took more than 5 GB before the bounds).</summary>
    private const long MaxAllocatedBytes = 1L << 30;

    /// <summary>Taken by one check at most (a 1 MB file is read and compiled in well under a second on a quiet machine).</summary>
    private static readonly TimeSpan MaxElapsed = TimeSpan.FromSeconds(60);

    private static readonly string[] Tokens = ["(", ")", "not", "and", "or", "in", "=", "!=", ",", "lost-where", "outside", "a", "b-1", "x.y", "_"];

    private static readonly string[] Odd =
        ["\0", "\u0007", "\r", "\n", "\t", "\u200B", "\u200D", "\u202E", "\u2066", "\uFEFF", "\u2028", "\uD800", "\uDC00", "😀", "Ａ", "　", "'", "\"", "\\", "&", "*", "!", "%", "#", "{", "}", "[", "]", ":", "-", "|", ">", "~", "あ"];

    private static readonly string[] Numbers = ["-1", "0", "2147483647", "2147483648", "-2147483649", "99999999999999999999", "1e9", "0x10", "1_000", ".5", "~", "null", "yes"];

    private sealed class NoAnswers : IAnswerLookup
    {
        public string? Get(string name) => name == "a" ? "b-1" : null;
    }

    [Fact]
    public void Random_conditions_parse_or_are_refused_and_never_crash()
    {
        var random = new Random(Seed);
        for (var n = 0; n < 3000; n++)
        {
            var text = RandomCondition(random);
            Bounded($"condition {n}", () =>
            {
                try
                {
                    var condition = Condition.Parse(text);
                    condition.Evaluate(new NoAnswers());
                    Assert.True(condition.Names().Count() <= text.Length);
                }
                catch (ConditionSyntaxException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Reason));
                    Assert.True(ex.Message.Length < 1000, "a refusal quotes the condition shortened");
                }
            });
        }
    }

    [Fact]
    public void Random_rule_files_are_read_or_refused_within_bounds()
    {
        var random = new Random(Seed);
        var bases = new[] { "131091-shinagawa.yaml", "142123-atsugi.yaml" }
            .Select(f => (Scope: f[..6], Text: File.ReadAllText(Path.Combine(SeedRules.RulesFolder, f)))).ToArray();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var n = 0; n < 240; n++)
        {
            var (scope, text) = bases[n % bases.Length];
            var (kind, mutated) = Mutate(random, text);
            Bounded($"rule file {n} ({kind}, {mutated.Length:N0} characters)", () =>
            {
                var (document, problems) = RuleFileCheck.Check(mutated, SeedRules.National, scope);
                Assert.True(document is null == problems.Count > 0);
                Assert.All(problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
                Assert.True(problems.Count <= RuleSetLimits.MaxProblems + 200, $"{problems.Count} problems");
                _ = YamlLineMap.Of(mutated).LineOf("counters.x.hours[0]");
                if (document is not null)
                {
                    // What the store keeps and the section editors write back out: bounded by the expanded size.
                    Assert.True(RuleSetYaml.Write(document).Length < 4 * RuleFileCheck.MaxLength);
                }

                var outcome = document is null ? "refused" : "accepted";
                outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            });
        }

        // The generator must reach both sides, or it proves little.
        Assert.True(outcomes.GetValueOrDefault("refused") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("accepted") > 5, string.Join(", ", outcomes));
    }

    private static void Bounded(string what, Action check)
    {
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        try
        {
            check();
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"{what} (seed {Seed}) threw {ex.GetType().Name}: {ex.Message[..Math.Min(300, ex.Message.Length)]}\n{ex.StackTrace}");
        }

        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        Assert.True(allocated < MaxAllocatedBytes, $"{what}: {allocated:N0} bytes allocated");
        Assert.True(clock.Elapsed < MaxElapsed, $"{what}: {clock.Elapsed}");
    }

    private static string RandomCondition(Random random)
    {
        switch (random.Next(4))
        {
            case 0:
                // Brackets nested 0 to 200,000 deep (log-uniform) around a test, balanced or not.
                var depth = (int)Math.Pow(10, random.NextDouble() * 5.3);
                return new string('(', depth) + "a = b-1" + new string(')', random.Next(2) == 0 ? depth : random.Next(depth + 1));
            case 1:
                var builder = new StringBuilder();
                var count = random.Next(1, random.Next(2) == 0 ? 30 : 3000);
                for (var i = 0; i < count; i++)
                {
                    builder.Append(Tokens[random.Next(Tokens.Length)]).Append(' ');
                }

                return builder.ToString();
            case 2:
                return string.Concat(Enumerable.Repeat("not ", (int)Math.Pow(10, random.NextDouble() * 4))) + "a = b-1";
            default:
                var soup = new StringBuilder();
                for (var i = random.Next(1, 200); i > 0; i--)
                {
                    soup.Append(random.Next(3) == 0 ? Odd[random.Next(Odd.Length)] : Tokens[random.Next(Tokens.Length)]);
                }

                return soup.ToString();
        }
    }

    private static (string Kind, string Text) Mutate(Random random, string text)
    {
        var lines = text.Split('\n').ToList();
        switch (random.Next(8))
        {
            case 0:
                return ("aliases", AliasChain(random, text));
            case 1:
                var at = random.Next(text.Length);
                var open = random.Next(2) == 0 ? "[" : "{a: ";
                return ("nesting", text[..at] + string.Concat(Enumerable.Repeat(open, (int)Math.Pow(10, random.NextDouble() * 5))) + text[at..]);
            case 2:
                return ("characters", ReplaceValue(random, lines, RandomText(random)));
            case 3:
                return ("numbers", ReplaceValue(random, lines, Numbers[random.Next(Numbers.Length)]));
            case 4:
                return ("empty values", ReplaceValue(random, lines, random.Next(2) == 0 ? "~" : "[~, ~]"));
            case 5:
                // Sections repeated up to the size limit and past it: duplicate keys, long lists.
                var start = text.IndexOf("\nnotes:\n", StringComparison.Ordinal) + 1;
                var end = Enumerable.Range(start + 7, text.Length - start - 7).First(i => text[i - 1] == '\n' && char.IsAsciiLetter(text[i]));
                var section = text[start..end];
                var body = section["notes:\n".Length..];
                var copies = (int)Math.Pow(10, random.NextDouble() * 2.6);
                return ("size", text.Replace(section, "notes:\n" + string.Concat(Enumerable.Repeat(body, copies)), StringComparison.Ordinal));
            case 6:
                return ("truncated", text[..random.Next(text.Length)]);
            default:
                var soup = new StringBuilder();
                for (var i = random.Next(1, 20_000); i > 0; i--)
                {
                    soup.Append(Odd[random.Next(Odd.Length)]);
                }

                return ("soup", soup.ToString());
        }
    }

    /// <summary>A chain of 1–4 levels of anchors, each a list of 2–400 aliases of the one before, in place of the national overrides.</summary>
    private static string AliasChain(Random random, string text)
    {
        var levels = random.Next(1, 5);
        var width = random.Next(2, 401);
        var value = new StringBuilder("\n  - &a0 reissue-reason\n");
        for (var level = 1; level <= levels; level++)
        {
            value.Append(CultureInfo.InvariantCulture, $"  - &a{level} [").AppendJoin(", ", Enumerable.Repeat($"*a{level - 1}", width)).Append("]\n");
        }

        var cut = text.IndexOf("\nnationalOverrides:", StringComparison.Ordinal);
        return (cut < 0 ? text.TrimEnd() : text[..cut]) + "\nnationalOverrides:" + value;
    }

    private static string ReplaceValue(Random random, List<string> lines, string value)
    {
        var candidates = Enumerable.Range(0, lines.Count).Where(i => lines[i].Contains(": ", StringComparison.Ordinal) && !lines[i].TrimStart().StartsWith('#')).ToList();
        var index = candidates[random.Next(candidates.Count)];
        var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
        var quoted = random.Next(2) == 0 ? "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : value;
        lines[index] = lines[index][..(colon + 2)] + quoted;
        return string.Join('\n', lines);
    }

    private static string RandomText(Random random)
    {
        var length = (int)Math.Pow(10, random.NextDouble() * 4.5);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(random.Next(4) == 0 ? Odd[random.Next(Odd.Length)] : ((char)random.Next(0x20, 0x7F)).ToString());
        }

        return builder.ToString();
    }
}
