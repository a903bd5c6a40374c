using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Sources;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Sources;

/// <summary>Every quote held to its page's capture: white space ignored, a miss named by its element with the nearest passage.</summary>
public sealed class QuoteCheckTests
{
    private const string AtsugiFile = "142123-atsugi.yaml";

    /// <summary>The captures of a seed rule set's sources: the national ones, with the municipality's own over them.</summary>
    private static Dictionary<string, string> SeedCaptures(RuleSetDocument document, Func<string, string>? change = null)
    {
        var captures = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in SeedRules.National.Sources.Concat(document.Sources))
        {
            var text = File.ReadAllText(Path.Combine(SeedRules.SourcesFolder, source.File));
            captures[source.Id] = change is null ? text : change(text);
        }

        return captures;
    }

    [Fact]
    public void A_quote_is_found_whatever_its_line_breaks_and_spaces_on_the_page()
    {
        const string page = "受付時間\n平日\u3000午前8時30分から\r\n午後5時15分まで\n(土曜日は除く)";
        Assert.True(QuoteCheck.Appears(page, "平日 午前8時30分から午後5時15分まで"));
        Assert.True(QuoteCheck.Appears(page, "平日午前8時30分から 午後5時15分まで"));
        Assert.False(QuoteCheck.Appears(page, "平日 午前9時から午後0時30分まで"));
    }

    [Fact]
    public void Every_seed_fact_is_found_in_a_capture_whose_lines_are_broken_differently()
    {
        var document = SeedRules.Read(AtsugiFile);
        // The same page captured with ideographic spaces and CR LF where it had line breaks, and every space doubled.
        var captures = SeedCaptures(document, t => t.Replace("\n", "\u3000\r\n", StringComparison.Ordinal).Replace(" ", "  ", StringComparison.Ordinal));
        Assert.NotEmpty(QuoteCheck.Facts(document));
        Assert.Empty(QuoteCheck.Check(document, captures));
    }

    [Theory]
    [MemberData(nameof(SeedIntegrityTests.RuleFiles), MemberType = typeof(SeedIntegrityTests))]
    public void Every_seed_rule_set_passes_against_its_seed_captures(string fileName)
    {
        var document = SeedRules.Read(fileName);
        var misses = QuoteCheck.Check(document, SeedCaptures(document));
        Assert.True(misses.Count == 0, string.Join("\n", misses.Select(m => m.Message)));
    }

    [Fact]
    public void A_quote_not_on_the_page_is_named_by_its_element_with_the_nearest_passage()
    {
        var document = SeedRules.Read(AtsugiFile);
        var (path, source) = QuoteCheck.Facts(document).First(f => f.Source.Quote == "平日 午前8時30分から午後5時15分まで");
        source.Quote = "平日 午前9時から午後0時30分まで";

        var miss = Assert.Single(QuoteCheck.Check(document, SeedCaptures(document)));

        Assert.Equal(path, miss.Path);
        Assert.StartsWith("counters.atsugi-card-center.", miss.Path, StringComparison.Ordinal);
        Assert.Equal("atsugi", miss.Doc);
        Assert.Equal("平日 午前9時から午後0時30分まで", miss.Quote);
        Assert.True(miss.HasCapture);
        Assert.Contains("午前8時30分から", miss.Nearest, StringComparison.Ordinal);
    }

    [Fact]
    public void The_nearest_passage_is_the_page_text_around_the_best_match()
    {
        const string page = "お問い合わせ\n市民課 電話 046-225-2039\n受付は平日 午前8時30分から\n午後5時15分までです。\n土日祝日は休み";
        var nearest = QuoteCheck.Nearest(page, "平日 午前8時30分から午後5時まで");
        Assert.NotNull(nearest);
        Assert.StartsWith("平日 午前8時30分から", nearest, StringComparison.Ordinal);
        Assert.Null(QuoteCheck.Nearest(page, "xyz"));
        Assert.Null(QuoteCheck.Nearest("", "平日"));
    }

    [Fact]
    public void A_fact_whose_source_has_no_capture_is_a_miss_without_a_passage()
    {
        var document = SeedRules.Read(AtsugiFile);
        var captures = SeedCaptures(document);
        captures.Remove("atsugi");
        var misses = QuoteCheck.Check(document, captures);
        Assert.NotEmpty(misses);
        Assert.All(misses, m => Assert.False(m.HasCapture));
        Assert.All(misses, m => Assert.Equal("atsugi", m.Doc));
        Assert.Equal(QuoteCheck.Facts(document).Count(f => f.Source.Doc == "atsugi"), misses.Count);
    }

    [Fact]
    public void The_compile_step_refuses_the_miss_with_its_line_in_the_admins_language()
    {
        var document = SeedRules.Read(AtsugiFile);
        QuoteCheck.Facts(document).First(f => f.Source.Quote == "平日 午前8時30分から午後5時15分まで").Source.Quote = "印鑑";
        var text = RuleSetYaml.Write(document);
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            var (checkedDocument, problems) = RuleFileCheck.Check(text, SeedRules.National, "142123", SeedCaptures(document));
            Assert.Null(checkedDocument);
            var problem = Assert.Single(problems);
            Assert.Contains("引用「印鑑」", problem.Message, StringComparison.Ordinal);
            // The line named is the fact's source: the quote is on it or just below.
            Assert.NotNull(problem.Line);
            Assert.Contains("印鑑", string.Concat(text.Split('\n').Skip(problem.Line.Value - 1).Take(3)), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        // Without captures the compile step checks no quote (the national file and the tools that lack pages).
        Assert.Empty(RuleFileCheck.Compile(document, SeedRules.National));
    }
}
