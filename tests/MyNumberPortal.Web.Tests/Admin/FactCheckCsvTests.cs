using System.Globalization;
using System.Text;
using CsvHelper;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.FactCheck;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Web.Apis;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>The fact-check CSV writer on its own, on a draft made from the 品川区 seed.</summary>
public sealed class FactCheckCsvTests
{
    private static readonly DateOnly Tuesday = new(2026, 11, 24);

    private static string RulesFile(string name) => Path.Combine(AppContext.BaseDirectory, "Seed", "rules", name);

    private static string Write(FactCheckTable table, string language)
    {
        var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(language);
            return Encoding.UTF8.GetString(AdminFactCheckApi.Write(table));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = saved;
        }
    }

    [Fact]
    public void Quotes_commas_and_line_breaks_round_trip_and_a_formula_is_not_run()
    {
        var national = RuleSetYaml.Read(File.ReadAllText(RulesFile("national.yaml")));
        var draft = RuleSetYaml.Read(File.ReadAllText(RulesFile("131091-shinagawa.yaml")));
        var item = draft.Items.Single(i => i.Id == "found-card");
        item.Text.Ja = "=HYPERLINK(\"x\"),見つかった\"カード\"";
        var table = FactCheckTable.Build(CompiledRuleSet.Compile(national, draft, version: 7), Tuesday);
        Assert.Equal("fact-check-131091-v7-2026-11-24.csv", AdminFactCheckApi.FileName(table));

        var text = Write(table, "ja");
        Assert.StartsWith("\uFEFF", text, StringComparison.Ordinal);
        using var csv = new CsvParser(new StringReader(text[1..]), CultureInfo.InvariantCulture);
        var records = new List<string[]>();
        while (csv.Read())
        {
            records.Add(csv.Record!);
        }

        Assert.Equal(table.Rows.Count + 1, records.Count);
        var items = records.Where(r => r[6].Contains("HYPERLINK", StringComparison.Ordinal)).Select(r => r[6]).ToList();
        Assert.NotEmpty(items);
        // Escaped with a leading apostrophe: a spreadsheet shows the text instead of running it.
        Assert.All(items, cell => Assert.Equal("'=HYPERLINK(\"x\"),見つかった\"カード\"", cell));
    }

    [Fact]
    public void The_header_is_in_the_request_language()
    {
        var national = RuleSetYaml.Read(File.ReadAllText(RulesFile("national.yaml")));
        var rules = CompiledRuleSet.Compile(national, RuleSetYaml.Read(File.ReadAllText(RulesFile("132101-koganei.yaml"))));
        var table = FactCheckTable.Build(rules, Tuesday);
        Assert.StartsWith("\uFEFFNo.,Procedure,Applicant,Answers,Coverage,", Write(table, "en"), StringComparison.Ordinal);
        Assert.StartsWith("\uFEFF番号,手続き,来庁する人,回答,案内の状況,", Write(table, "ja"), StringComparison.Ordinal);
    }
}
