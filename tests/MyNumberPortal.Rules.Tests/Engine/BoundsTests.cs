using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Tests.Seeds;
using MyNumberPortal.Tests.Shared;

namespace MyNumberPortal.Rules.Tests.Engine;

/// <summary>Every input that becomes structure is bounded (issue 12): conditions, YAML, lists, texts, numbers, addresses, characters.</summary>
public sealed class BoundsTests
{
    private static string Shinagawa => File.ReadAllText(Path.Combine(SeedRules.RulesFolder, "131091-shinagawa.yaml"));

    [Fact]
    public void A_condition_of_100000_brackets_is_refused_for_its_length_not_by_the_stack()
    {
        var ex = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(new string('(', 100_000)));
        Assert.Equal("the condition has 100,000 characters; at most 1,000 are accepted.", ex.Reason);
        Assert.True(ex.Message.Length < 200, "the message quotes the condition, shortened");
    }

    [Theory]
    [InlineData(Condition.MaxDepth, true)]
    [InlineData(Condition.MaxDepth + 1, false)]
    public void Brackets_nest_up_to_the_limit(int depth, bool parses)
    {
        var text = new string('(', depth) + "a = b" + new string(')', depth);
        if (parses)
        {
            Assert.Equal(["a"], Condition.Parse(text).Names());
        }
        else
        {
            var ex = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(text));
            Assert.Contains($"more than {Condition.MaxDepth} levels", ex.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Not_counts_as_nesting_too()
    {
        var ex = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(string.Concat(Enumerable.Repeat("not ", 200)) + "a = b"));
        Assert.Contains("levels deep", ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deep_condition_file_of_the_issue_is_refused_with_its_line()
    {
        var text = HostileRuleFiles.DeepCondition(Shinagawa, 100_000);
        var (document, problems) = RuleFileCheck.Check(text, SeedRules.National, "131091");
        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.StartsWith("items.hostile-item.when: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains("at most 1,000", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "when: \"(((("), problem.Line);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(350)]
    public void Nested_aliases_are_refused_before_anything_is_built(int perLevel)
    {
        var text = HostileRuleFiles.AliasBomb(perLevel);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (document, problems) = RuleFileCheck.Check(text, SeedRules.National, "131091");
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Contains("alias", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        // A generous safety bound (the file is refused while streaming; before the fix it took 1.5 GB): not a performance target.
        Assert.True(allocated < 64 * 1024 * 1024, $"{allocated:N0} bytes allocated");
        Assert.Equal(0, YamlLineMap.Of(text).Count);
    }

    [Fact]
    public void A_few_aliases_are_a_shorthand_the_seeds_use()
    {
        // The 品川区 seed file shares hours, closures and notes between counters with aliases.
        Assert.Contains("*weekday-centre-hours", Shinagawa, StringComparison.Ordinal);
        var (document, problems) = RuleFileCheck.Check(Shinagawa, SeedRules.National, "131091");
        Assert.Empty(problems);
        Assert.NotNull(document);
    }

    [Fact]
    public void The_section_alias_file_is_refused()
    {
        var ex = Assert.Throws<RuleFileFormatException>(() => RuleSetYaml.Read("formatVersion: 1\nscope: \"131091\"\n" + HostileRuleFiles.SectionAliasBomb(200)));
        Assert.Contains("alias", ex.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[", "nested more than 32")]
    [InlineData("{a: ", "nested more than 32")]
    public void Deep_yaml_is_refused_by_depth(string open, string expected)
    {
        var text = "formatVersion: 1\nscope: \"131091\"\nnotes: " + string.Concat(Enumerable.Repeat(open, 100_000));
        var ex = Assert.Throws<RuleFileFormatException>(() => RuleSetYaml.Read(text));
        Assert.Contains(expected, ex.Reason, StringComparison.Ordinal);
        Assert.Equal(3, ex.Line);
    }

    [Theory]
    [InlineData("scope: !!str \"131091\"\n", "tags")]
    [InlineData("scope: \"131091\"\n---\nscope: x\n", "one document")]
    public void Tags_and_second_documents_are_refused(string text, string expected)
    {
        var ex = Assert.Throws<RuleFileFormatException>(() => RuleSetYaml.Read("formatVersion: 1\n" + text));
        Assert.Contains(expected, ex.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_fee_items_of_the_largest_int_are_refused_with_the_line_of_each()
    {
        var text = HostileRuleFiles.HugeFee(Shinagawa);
        var (document, problems) = RuleFileCheck.Check(text, SeedRules.National, "131091");
        Assert.Null(document);
        Assert.Contains(problems, p => p.Message.EndsWith(".amount: 2,147,483,647 is out of range (0 to 1,000,000).", StringComparison.Ordinal) && p.Line is not null);
    }

    [Fact]
    public void A_fee_whose_items_add_up_past_the_bound_is_refused()
    {
        var document = SeedRules.Read("131091-shinagawa.yaml");
        var fee = document.Fees[0];
        fee.Items.AddRange(Enumerable.Range(0, 3).Select(i => new FeeItemDef { Id = $"big-{i}", Label = new() { Ja = "x" }, Amount = 600_000, Source = fee.Items[0].Source }));
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(SeedRules.National, document));
        Assert.Contains(ex.Errors, e => e.StartsWith($"fees.{fee.Id}: the items add up to ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,x")]
    [InlineData("//evil.example/")]
    [InlineData("https://exa mple.jp/")]
    public void Only_http_addresses_are_stored(string url)
    {
        var (_, problems) = RuleFileCheck.Check(HostileRuleFiles.WithSourceUrl(Shinagawa, url), SeedRules.National, "131091");
        Assert.Contains(problems, p => p.Message.Contains("only http:// and https://", StringComparison.Ordinal) && p.Line is not null);
    }

    [Theory]
    [InlineData('\0', "control character (U+0000)")]
    [InlineData('\u200B', "invisible, blank-looking or direction-changing character (U+200B)")]
    [InlineData('\u202E', "invisible, blank-looking or direction-changing character (U+202E)")]
    [InlineData('\u2066', "invisible, blank-looking or direction-changing character (U+2066)")]
    [InlineData('\n', "control character (U+000A)")]
    public void Names_refuse_control_invisible_and_direction_characters(char character, string expected)
    {
        var (_, problems) = RuleFileCheck.Check(HostileRuleFiles.WithCharacterInName(Shinagawa, character), SeedRules.National, "131091");
        var problem = Assert.Single(problems);
        Assert.StartsWith("counters.", problem.Message, StringComparison.Ordinal);
        Assert.Contains(".name.ja: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData('\u3164')]
    [InlineData('\uFFA0')]
    [InlineData('\u115F')]
    [InlineData('\u1160')]
    [InlineData('\u034F')]
    [InlineData('\u2800')]
    [InlineData('\u180E')]
    [InlineData('\u17B4')]
    [InlineData('\u17B5')]
    public void Names_refuse_blank_looking_characters_outside_the_format_category(char character)
    {
        var (_, problems) = RuleFileCheck.Check(HostileRuleFiles.WithCharacterInName(Shinagawa, character), SeedRules.National, "131091");
        var problem = Assert.Single(problems);
        Assert.Contains(".name.ja: ", problem.Message, StringComparison.Ordinal);
        Assert.Contains($"blank-looking or direction-changing character (U+{(int)character:X4})", problem.Message, StringComparison.Ordinal);
        Assert.NotNull(problem.Line);
        Assert.NotNull(RuleSetLimits.MisleadingCharacter("交付" + character, multiline: true));
    }

    [Fact]
    public void Variation_selectors_of_a_kanji_stay_allowed()
    {
        // 葛 with an ideographic variation selector (U+E0100), as place names are written, and an emoji's U+FE0F.
        Assert.Null(RuleSetLimits.MisleadingCharacter("葛\U000E0100飾区", multiline: false));
        Assert.Null(RuleSetLimits.MisleadingCharacter("☎\uFE0F 窓口", multiline: false));
        Assert.NotNull(RuleSetLimits.MisleadingCharacter("tag\U000E0041", multiline: false));
    }

    [Theory]
    [InlineData("https://user:pw@evil.example/")]
    [InlineData("https://www.city.shinagawa.tokyo.jp@evil.example/")]
    [InlineData("http://@evil.example/x")]
    public void Addresses_with_user_info_are_refused(string url)
    {
        var (_, problems) = RuleFileCheck.Check(HostileRuleFiles.WithSourceUrl(Shinagawa, url), SeedRules.National, "131091");
        Assert.Contains(problems, p => p.Message.Contains("names a user or password", StringComparison.Ordinal) && p.Line is not null);
        Assert.False(RuleSetLimits.IsWebAddress(url));
        Assert.True(RuleSetLimits.IsWebAddress("https://www.city.shinagawa.tokyo.jp/page?mail=a@b.example#x@y"));
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1_000")]
    [InlineData("+5")]
    [InlineData("1e3")]
    [InlineData(".5")]
    [InlineData("0o20")]
    [InlineData("1.0")]
    [InlineData("--1")]
    [InlineData("\"0x10\"")]
    public void Whole_numbers_are_plain_digits_only(string written)
    {
        var text = HostileRuleFiles.WithFeeAmountWritten(Shinagawa, written);
        var (document, problems) = RuleFileCheck.Check(text, SeedRules.National, "131091");
        Assert.Null(document);
        var problem = Assert.Single(problems);
        Assert.Contains("is not read as a number here: write whole numbers with the digits 0–9 only", problem.Message, StringComparison.Ordinal);
        Assert.Equal(LineOf(text, "amount: " + written), problem.Line);
        Assert.Equal(text.Split('\n')[problem.Line!.Value - 1].IndexOf(written[0], StringComparison.Ordinal) + 1, problem.Column);
    }

    [Theory]
    [InlineData("0098765")]
    [InlineData("\"1000\"")]
    public void Plain_digits_are_read_as_before(string written)
    {
        var (_, negative) = RuleFileCheck.Check(HostileRuleFiles.WithFeeAmountWritten(Shinagawa, "-1"), SeedRules.National, "131091");
        Assert.EndsWith(".amount: -1 is out of range (0 to 1,000,000).", Assert.Single(negative).Message, StringComparison.Ordinal);
        var (document, problems) = RuleFileCheck.Check(HostileRuleFiles.WithFeeAmountWritten(Shinagawa, written), SeedRules.National, "131091");
        Assert.NotNull(document);
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("scope: \"131091\"\nnotes: [a, b\n", "ja", "書式に誤りがあります(インデントや「:」を確認してください)。")]
    [InlineData("scope: \"131091\"\n  notes:\n- x\n", "ja", "書式に誤りがあります(インデントや「:」を確認してください)。")]
    [InlineData("scope: \"131091\"\nnotes: [a, b\n", "en", "the text is not written in the rule-file format here")]
    [InlineData("scope: \"131091\"\nnotez: x\n", "ja", "「notez」を読み取れません")]
    [InlineData("scope: \"131091\"\nnotes: x\n", "ja", "「x」を読み取れません")]
    public void Yaml_problems_are_in_the_admins_language_with_line_and_column(string body, string language, string expected)
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            var (_, problems) = RuleFileCheck.Check("formatVersion: 1\n" + body, SeedRules.National, "131091");
            var problem = Assert.Single(problems);
            Assert.Contains(expected, problem.Message, StringComparison.Ordinal);
            Assert.NotNull(problem.Line);
            Assert.NotNull(problem.Column);
            if (language == "ja")
            {
                // Nothing of the parser's English: no Latin words but the file's own key.
                Assert.DoesNotMatch("[A-Za-z]{3,}", problem.Message.Replace("notez", "", StringComparison.Ordinal).Replace("notes", "", StringComparison.Ordinal).Replace("true/false", "", StringComparison.Ordinal));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Ids_refuse_invisible_characters_and_quotes_keep_line_breaks()
    {
        var document = SeedRules.Read("131091-shinagawa.yaml");
        document.Items[0].Id = "receipt\u200D";
        // Line breaks as browsers send them from a text area (CR LF): quotes saved through the forms have them.
        document.Items[1].Source!.Quote = "一行目\r\n二行目\tタブ";
        var errors = RuleSetLimits.Check(document);
        // The element is named by its index: its id is the problem.
        Assert.Equal(["items[0].id: contains an invisible, blank-looking or direction-changing character (U+200D), which can make text look like something else: remove it."], errors);
    }

    [Fact]
    public void Lists_texts_and_numbers_have_bounds()
    {
        var document = SeedRules.Read("131091-shinagawa.yaml");
        document.NationalOverrides = Enumerable.Range(0, RuleSetLimits.MaxListCount + 1).Select(i => $"x{i}").ToList();
        document.Items[0].Text.Ja = new string('あ', RuleSetLimits.MaxLongText + 1);
        document.Visits[0].ValidDays = 100_000;
        document.Steps[0].Order = -1;
        var errors = RuleSetLimits.Check(document);
        Assert.Contains($"nationalOverrides: 201 entries; at most 200.", errors);
        Assert.Contains($"items.{document.Items[0].Id}.text.ja: 4,001 characters; at most 4,000.", errors);
        Assert.Contains($"visits.{document.Visits[0].Id}.validDays: 100,000 is out of range (1 to 3,650).", errors);
        Assert.Contains($"steps.{document.Steps[0].Id}.order: -1 is out of range (0 to 10,000).", errors);
    }

    [Fact]
    public void An_empty_value_where_the_format_has_none_is_a_problem_not_a_crash()
    {
        var text = Shinagawa[..Shinagawa.IndexOf("nationalOverrides:", StringComparison.Ordinal)] + "nationalOverrides: ~\n";
        text = text.Replace("sources:\n  - id: shinagawa\n", "sources:\n  - ~\n  - id: shinagawa\n", StringComparison.Ordinal);
        var (document, problems) = RuleFileCheck.Check(text, SeedRules.National, "131091");
        Assert.Null(document);
        Assert.Contains(problems, p => p.Message == "nationalOverrides: a value is needed here.");
        Assert.Contains(problems, p => p.Message == "sources[0]: a value is needed here.");
    }

    [Fact]
    public void A_question_id_used_twice_is_a_problem_not_a_crash()
    {
        var document = SeedRules.Read("131091-shinagawa.yaml");
        document.Questions.Add(RuleSetYaml.Clone(document).Questions[0]);
        var ex = Assert.Throws<RuleSetValidationException>(() => CompiledRuleSet.Compile(SeedRules.National, document));
        Assert.Contains(ex.Errors, e => e.Contains("used twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Messages_are_in_the_admins_language()
    {
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("ja");
            var ex = Assert.Throws<ConditionSyntaxException>(() => Condition.Parse(new string('(', 5000)));
            Assert.Equal("条件が長すぎます(5,000文字。1,000文字まで)。", ex.Reason);
            var (_, problems) = RuleFileCheck.Check(HostileRuleFiles.AliasBomb(200), SeedRules.National, "131091");
            Assert.Contains("エイリアス", Assert.Single(problems).Message, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    [Fact]
    public void Every_seed_file_is_within_bounds()
    {
        foreach (var file in SeedRules.MunicipalFiles)
        {
            Assert.Empty(RuleSetLimits.Check(RuleSetYaml.Read(File.ReadAllText(file))));
        }
    }

    private static int LineOf(string text, string marker)
    {
        var index = Array.FindIndex(text.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));
        Assert.True(index >= 0, marker);
        return index + 1;
    }
}
