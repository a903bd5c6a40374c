using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace MyNumberPortal.Web.Tests.Pages;

/// <summary>All interface text is in the resource files, in both languages; none is written into the components.</summary>
public sealed partial class ResourceTextTests
{
    private static readonly string WebProject = Path.Combine(RepositoryRoot(), "src", "MyNumberPortal.Web");

    public static readonly TheoryData<string> ResourceSets = new() { "Text", "ChecklistText", "CounterText", "FactCheckText", "AdminConsoleText" };

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Japanese_and_English_resources_have_the_same_keys_and_no_empty_text(string name)
    {
        var japanese = Read(Path.Combine(WebProject, "Resources", name + ".resx"));
        var english = Read(Path.Combine(WebProject, "Resources", name + ".en.resx"));
        Assert.True(japanese.Count > 0);
        Assert.Equal(japanese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(japanese.Concat(english), e => Assert.False(string.IsNullOrWhiteSpace(e.Value), e.Key));
        // Every text is a valid format string (a stray brace would fail only when a page shows it). The languages may
        // use different arguments: English dates take the month's name, Japanese ones add the era year.
        var arguments = new object[] { 1, 2, 3, 4, 5, 6 };
        Assert.All(japanese.Concat(english), e => _ = string.Format(System.Globalization.CultureInfo.InvariantCulture, e.Value, arguments));
    }

    [Fact]
    public void No_Japanese_text_is_hard_coded_in_components_or_code()
    {
        // DateText formats dates (年, 月, 日, weekdays, era names) and is the one place that may hold such characters.
        var offenders = Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && Path.GetFileName(f) != "DateText.cs")
            .Where(f => Japanese().IsMatch(WithoutComments(File.ReadAllText(f))))
            .Select(f => Path.GetRelativePath(WebProject, f))
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_check_sees_hard_coded_Japanese()
    {
        Assert.Matches(Japanese(), WithoutComments("<p>戻る</p> @* 戻る *@"));
        Assert.DoesNotMatch(Japanese(), WithoutComments("@* 戻る *@\n// 戻る\n/// <summary>戻る</summary>\n<p>@Text.Back</p>"));
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "");

    private static string WithoutComments(string source) => LineComment().Replace(RazorComment().Replace(source, ""), "");

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MyNumberPortal.sln")))
            {
                return dir.FullName;
            }
        }

        // Built outside the tree (an artifacts path): the source location recorded at build time.
        return Path.GetFullPath(Path.Combine(ThisDirectory(), "..", "..", ".."));
    }

    private static string ThisDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    [GeneratedRegex(@"[\u3040-\u30ff\u4e00-\u9fff\uff01-\uff5e]")]
    private static partial Regex Japanese();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"//.*$", RegexOptions.Multiline)]
    private static partial Regex LineComment();
}
