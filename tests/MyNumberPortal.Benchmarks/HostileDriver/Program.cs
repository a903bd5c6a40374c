using System.Diagnostics;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Tests.Shared;

// dotnet HostileDriver.dll <case>: reads one hostile rule file as the portal would and prints one line:
// "case=… characters=… outcome=… ms=…". The caller measures the process's memory (GNU time) and notices a crash (exit code).
// Cases: deep-condition (100,000 '(' in a valid file, via the import's check), aliases-200 and aliases-350 (nested aliases,
// via the import's check), section-aliases-200 (the questions section editor: read, write back out, check).
var name = args.Length == 1 ? args[0] : throw new ArgumentException("usage: HostileDriver <case>");
var folder = Path.Combine(AppContext.BaseDirectory, "Seed", "rules");
var national = RuleSetYaml.Read(File.ReadAllText(Path.Combine(folder, "national.yaml")));
var seed = File.ReadAllText(Path.Combine(folder, "131091-shinagawa.yaml"));
var text = name switch
{
    "deep-condition" => HostileRuleFiles.DeepCondition(seed, 100_000),
    "aliases-200" => HostileRuleFiles.AliasBomb(200),
    "aliases-350" => HostileRuleFiles.AliasBomb(350),
    "section-aliases-200" => HostileRuleFiles.SectionAliasBomb(200),
    _ => throw new ArgumentException($"unknown case {name}"),
};

var clock = Stopwatch.StartNew();
string outcome;
if (name.StartsWith("section-", StringComparison.Ordinal))
{
    // What the section editor did: read the section into the document, write the document out (every alias a copy), check it.
    try
    {
        var document = RuleSetYaml.Read("formatVersion: 1\nscope: \"131091\"\n" + text);
        var written = RuleSetYaml.Write(document);
        var problems = RuleFileCheck.Compile(document, national);
        _ = YamlLineMap.Of(written);
        outcome = $"accepted-and-written ({written.Length:N0} characters written, {problems.Count} problems)";
    }
    catch (RuleFileFormatException ex)
    {
        outcome = $"refused (line {ex.Line})";
    }
}
else
{
    var (document, problems) = RuleFileCheck.Check(text, national, "131091");
    outcome = document is not null ? "accepted" : $"refused (line {problems[0].Line})";
}

Console.WriteLine($"case={name} characters={text.Length} outcome={outcome.Replace(' ', '_')} ms={clock.ElapsedMilliseconds}");
