using System.Globalization;
using System.Text;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Tests.Shared;

/// <summary>
/// The hostile rule files of issue 12, made to measure: what a hostile admin pasted into the import page or a section
/// editor. Shared (linked) by the rules tests, the web tests and the benchmarks' hostile driver, so all three try the same files.
/// </summary>
public static class HostileRuleFiles
{
    /// <summary>
    /// <paramref name="baseText"/> (a valid rule file) with one more required item whose <c>when</c> condition is
    /// <paramref name="depth"/> opening brackets: 100,000 gave a 100 KB file that overflowed the recursive parser's stack.
    /// </summary>
    public static string DeepCondition(string baseText, int depth)
    {
        var document = RuleSetYaml.Read(baseText);
        var source = document.Sources.Count > 0 ? new SourceRef { Doc = document.Sources[0].Id, Quote = "x" } : null;
        document.Items.Add(new RequiredItemDef { Id = "hostile-item", Text = new LocalText { Ja = "x" }, When = "HOSTILECONDITION", Source = source });
        return RuleSetYaml.Write(document).Replace("HOSTILECONDITION", "\"" + new string('(', depth) + "\"", StringComparison.Ordinal);
    }

    /// <summary>
    /// Nested aliases inside a valid structure, as in the issue: a counter anchored and repeated <paramref name="perLevel"/>
    /// times, each with its hours repeated as many times, each with its days repeated as many times. 200 per level is 3.3 KB
    /// of text standing for 8 million values (15 s and 1.5 GB before the fix); 350 is 5.7 KB.
    /// </summary>
    public static string AliasBomb(int perLevel, string scope = "131091")
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"formatVersion: 1\nscope: \"{scope}\"\ncounters:\n");
        text.Append("- &c\n  id: c\n  name: {ja: x}\n  hours:\n  - &h\n    open: \"08:30\"\n    close: \"17:00\"\n    days: [&d mon");
        text.Append(string.Concat(Enumerable.Repeat(", *d", perLevel - 1))).Append("]\n");
        text.Append(string.Concat(Enumerable.Repeat("  - *h\n", perLevel - 1)));
        text.Append(string.Concat(Enumerable.Repeat("- *c\n", perLevel - 1)));
        return text.ToString();
    }

    /// <summary>
    /// The same kind of file for the questions section editor (text without the header lines): <paramref name="perLevel"/>
    /// questions (each its own id) sharing one list of as many options, each option's label a 1,000-character alias. About
    /// 11 KB standing for 40 million characters, which the section editor used to write back out.
    /// </summary>
    public static string SectionAliasBomb(int perLevel)
    {
        var text = new StringBuilder("questions:\n- id: q0\n  text: {ja: x}\n  options: &o\n  - &p\n    value: a\n    label: {ja: &l ");
        text.Append(new string('あ', 1000)).Append("}\n");
        text.Append(string.Concat(Enumerable.Repeat("  - *p\n", perLevel - 1)));
        for (var i = 1; i < perLevel; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"- id: q{i}\n  text: {{ja: x}}\n  options: *o\n");
        }

        return text.ToString();
    }

    /// <summary><paramref name="baseText"/> with its first fee's first two items at <paramref name="amount"/> yen (int.MaxValue each overflowed the total).</summary>
    public static string HugeFee(string baseText, int amount = int.MaxValue)
    {
        var document = RuleSetYaml.Read(baseText);
        var fee = document.Fees[0];
        while (fee.Items.Count < 2)
        {
            fee.Items.Add(new FeeItemDef { Id = $"extra-{fee.Items.Count}", Label = new LocalText { Ja = "x" }, Source = fee.Items[0].Source });
        }

        fee.Items[0].Amount = amount;
        fee.Items[1].Amount = amount;
        return RuleSetYaml.Write(document);
    }

    /// <summary><paramref name="baseText"/> with its first fee's first item's amount written as <paramref name="written"/> (<c>0x10</c>, <c>1_000</c>, …).</summary>
    public static string WithFeeAmountWritten(string baseText, string written)
    {
        const int marker = 98_765;
        var text = HugeFee(baseText, marker);
        var at = text.IndexOf($"amount: {marker}", StringComparison.Ordinal);
        return text[..at] + "amount: " + written + text[(at + $"amount: {marker}".Length)..];
    }

    /// <summary><paramref name="baseText"/> with its first source's address set to <paramref name="url"/> (e.g. <c>javascript:alert(1)</c>).</summary>
    public static string WithSourceUrl(string baseText, string url)
    {
        var document = RuleSetYaml.Read(baseText);
        document.Sources[0].Url = url;
        return RuleSetYaml.Write(document);
    }

    /// <summary><paramref name="baseText"/> with <paramref name="character"/> inside its first counter's name (NUL, a zero-width space, a right-to-left override).</summary>
    public static string WithCharacterInName(string baseText, char character)
    {
        var document = RuleSetYaml.Read(baseText);
        document.Counters[0].Name.Ja = "区役所" + character + "窓口";
        return RuleSetYaml.Write(document);
    }
}
