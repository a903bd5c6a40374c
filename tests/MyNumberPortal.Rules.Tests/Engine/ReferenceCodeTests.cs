using System.Text.RegularExpressions;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Rules.Tests.Seeds;

namespace MyNumberPortal.Rules.Tests.Engine;

public sealed partial class ReferenceCodeTests
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The code of the case read from these answers (the case is read and planned once, then encoded).</summary>
    private static string Create(CompiledRuleSet rules, string procedure, string applicant, IReadOnlyDictionary<string, string> answers) =>
        ReferenceCode.Create(GuideCase.Read(rules, procedure, applicant, answers));

    /// <summary>The answers of a code's case under these rules, or null when the code does not fit them.</summary>
    private static Dictionary<string, string>? Replay(CompiledRuleSet rules, DecodedReference reference) =>
        GuideCase.FromReference(rules, reference)?.Answers.ToDictionary(a => a.QuestionId, a => a.Value, StringComparer.Ordinal);

    private static QuestionDef? FirstQuestion(CompiledRuleSet rules, string procedure, string applicant) =>
        GuideCase.Read(rules, procedure, applicant, new Dictionary<string, string>()).NextQuestion;

    /// <summary>Every complete case of a seed municipality, with its code.</summary>
    private static IEnumerable<(string Procedure, string Applicant, Dictionary<string, string> Answers, string Code)> Cases(CompiledRuleSet rules)
    {
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                foreach (var answers in SeedIntegrityTests.AnswerPaths(rules, procedure, applicant, new Dictionary<string, string>()))
                {
                    yield return (procedure, applicant, answers, Create(rules, procedure, applicant, answers));
                }
            }
        }
    }

    private static IEnumerable<string> SampleCodes() =>
        new[] { "142123", "132101", "151009", "131091", "131237" }
            .SelectMany(code => Cases(SeedRules.For(code)).Where((_, i) => i % 7 == 0).Select(c => c.Code));

    [Theory]
    [MemberData(nameof(SeedIntegrityTests.Codes), MemberType = typeof(SeedIntegrityTests))]
    public void Every_case_of_every_seed_municipality_round_trips(string municipality)
    {
        var rules = SeedRules.For(municipality);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (procedure, applicant, answers, code) in Cases(rules))
        {
            count++;
            var context = $"{municipality} {procedure} {applicant} {string.Join(",", answers.Select(a => $"{a.Key}={a.Value}"))} → {code}";
            Assert.Matches(CodeShape(), code);
            var compact = code.Replace("-", "", StringComparison.Ordinal);
            Assert.Equal((((36 + (4 * answers.Count)) + 4) / 5) + 2, compact.Length);
            if (answers.Count <= 3)
            {
                Assert.True(compact.Length <= 13, context);
            }

            Assert.True(seen.TryAdd(code, context), $"{context} has the same code as {seen.GetValueOrDefault(code)}");

            Assert.True(ReferenceCode.TryParse(code, out var reference, out var error), context + ": " + error);
            Assert.Null(error);
            Assert.Equal(municipality, reference.MunicipalityCode);
            Assert.Equal(1, reference.VersionTag);
            Assert.Equal(procedure, reference.Procedure);
            Assert.Equal(applicant, reference.Applicant);
            Assert.Equal(answers.Count, reference.OptionIndexes.Count);

            var replayed = Replay(rules, reference);
            Assert.NotNull(replayed);
            Assert.Equal(answers.OrderBy(a => a.Key, StringComparer.Ordinal), replayed.OrderBy(a => a.Key, StringComparer.Ordinal));

            // The same case always gives the same code.
            Assert.Equal(code, Create(rules, procedure, applicant, answers));
        }

        Assert.True(count >= Procedures.All.Count * Applicants.All.Count, $"only {count} cases");
    }

    [Fact]
    public void Seed_cases_with_answers_are_walked_and_typical_codes_are_short()
    {
        var all = new[] { "142123", "132101", "151009", "131091", "131237" }.SelectMany(c => Cases(SeedRules.For(c))).ToList();
        Assert.Contains(all, c => c.Answers.Count >= 2);
        Assert.All(all.Where(c => c.Answers.Count <= 3), c => Assert.True(c.Code.Replace("-", "", StringComparison.Ordinal).Length <= 13, c.Code));
        Assert.All(all, c => Assert.True(c.Answers.Count <= ReferenceCode.MaxQuestions));
    }

    [Theory]
    [InlineData("131091", 1, "lost-card", "self", new[] { 1, 2 }, "36D8-0811-4W4")]
    [InlineData("142123", 1023, "pin-reset", "voluntary-agent", new int[0], "3F17-ZWR0-X6")]
    [InlineData("151009", 7, "reissue", "household-member", new[] { 4, 0, 2 }, "3NZ0-1V9M-084Z")]
    public void Encoding_follows_the_documented_bit_layout(string municipality, int tag, string procedure, string applicant, int[] indexes, string expected)
    {
        // Expected values computed independently: 17-bit code prefix, 10-bit tag, 3-bit procedure, 2-bit applicant,
        // 4-bit count, 4 bits per index, zero padding, 10-bit check making the base-32 number a multiple of 1021.
        var reference = new DecodedReference(municipality, tag, procedure, applicant, indexes);
        Assert.Equal(expected, ReferenceCode.Encode(reference));
        Assert.True(ReferenceCode.TryParse(expected, out var parsed, out _));
        Assert.Equal(municipality, parsed.MunicipalityCode);
        Assert.Equal(tag, parsed.VersionTag);
        Assert.Equal(procedure, parsed.Procedure);
        Assert.Equal(applicant, parsed.Applicant);
        Assert.Equal(indexes, parsed.OptionIndexes);
    }

    [Fact]
    public void Every_single_character_substitution_is_rejected()
    {
        var tried = 0;
        foreach (var code in SampleCodes())
        {
            var compact = code.Replace("-", "", StringComparison.Ordinal);
            for (var i = 0; i < compact.Length; i++)
            {
                foreach (var c in Alphabet.Where(c => c != compact[i]))
                {
                    tried++;
                    var changed = compact[..i] + c + compact[(i + 1)..];
                    Assert.False(ReferenceCode.TryParse(changed, out _, out var error), $"{code} → {changed} was accepted");
                    Assert.False(string.IsNullOrWhiteSpace(error));
                }
            }
        }

        Assert.True(tried > 1000, $"only {tried} substitutions tried");
    }

    [Fact]
    public void Every_adjacent_transposition_is_rejected()
    {
        var tried = 0;
        foreach (var code in SampleCodes())
        {
            var compact = code.Replace("-", "", StringComparison.Ordinal);
            for (var i = 0; i + 1 < compact.Length; i++)
            {
                if (compact[i] == compact[i + 1])
                {
                    continue;
                }

                tried++;
                var swapped = compact[..i] + compact[i + 1] + compact[i] + compact[(i + 2)..];
                Assert.False(ReferenceCode.TryParse(swapped, out _, out _), $"{code} → {swapped} was accepted");
            }
        }

        Assert.True(tried > 100, $"only {tried} transpositions tried");
    }

    [Fact]
    public void Lower_case_full_width_spaces_and_look_alike_letters_are_read()
    {
        const string code = "36D8-0811-4W4";
        string[] variants =
        [
            "36d8-0811-4w4",
            "36D808114W4",
            " 36D8 0811 4W4 ",
            "３６Ｄ８－０８１１－４Ｗ４",
            "３６ｄ８ ０８１１ ４ｗ４",
            "36D8-O8II-4W4",
            "36D8-o8li-4W4",
            "36D8ー0811ー4W4",
            "36D8\u30000811\u30004W4",
            "36D8\u20130811\u22124W4",
        ];
        Assert.True(ReferenceCode.TryParse(code, out var expected, out _));
        foreach (var variant in variants)
        {
            Assert.True(ReferenceCode.TryParse(variant, out var parsed, out var error), $"{variant}: {error}");
            Assert.Equal(expected.MunicipalityCode, parsed.MunicipalityCode);
            Assert.Equal(expected.VersionTag, parsed.VersionTag);
            Assert.Equal(expected.Procedure, parsed.Procedure);
            Assert.Equal(expected.Applicant, parsed.Applicant);
            Assert.Equal(expected.OptionIndexes, parsed.OptionIndexes);
        }
    }

    [Theory]
    [InlineData(null, "Enter a reference code.")]
    [InlineData("", "Enter a reference code.")]
    [InlineData("  - ", "has 0.")]
    [InlineData("   ", "Enter a reference code.")]
    [InlineData("36D8-0811-4W4!", "\"!\" cannot be part of a reference code")]
    [InlineData("36D8-0811-4U4", "\"U\" cannot be part of a reference code")]
    [InlineData("36D8-0811-4u4", "\"u\" cannot be part of a reference code")]
    [InlineData("36D8-0811-4W4-あ", "\"あ\" cannot be part of a reference code")]
    [InlineData("36D8\u00000811", "U+0000 cannot be part")]
    [InlineData("36D8", "10 to 22 characters, not counting hyphens; this one has 4.")]
    [InlineData("36D8-0811-4", "this one has 9.")]
    [InlineData("36D8-0811-4W4Z-ZZZZ-ZZZZ-ZZZ", "this one has 23.")]
    [InlineData("36D8-0811-4W5", "a character was probably mistyped")]
    [InlineData("0000-0000-00", "its contents do not fit")] // the check holds (0 = 0 × 1021), but there is no prefecture 00
    [InlineData("hello world", "reference code")] // all letters read (l → 1, o → 0), the check fails
    public void Garbage_is_rejected_with_a_sentence(string? text, string expected)
    {
        Assert.False(ReferenceCode.TryParse(text, out var reference, out var error));
        Assert.Null(reference);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.EndsWith(".", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_very_long_text_is_rejected_without_being_read()
    {
        Assert.False(ReferenceCode.TryParse(new string('A', 10_000), out _, out var error));
        Assert.Contains("10 to 22 characters", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_whose_check_passes_but_whose_layout_is_wrong_are_rejected()
    {
        // A well-formed code with two answer indexes, re-checked after setting the count field to 3.
        // Built by hand: the checksum passes, the length no longer matches the count.
        var symbols = Symbols("36D8-0811-4W4")[..^2];
        // Bits 32..35 are the count: symbol 6 holds bits 30..34, symbol 7 bits 35..39. Count 2 (0010) → 3 (0011).
        symbols[7] |= 0b10000;
        Assert.False(ReferenceCode.TryParse(WithCheck(symbols), out _, out var error));
        Assert.Contains("do not fit", error, StringComparison.Ordinal);

        // Padding bits that are not zero.
        symbols = Symbols("36D8-0811-4W4")[..^2];
        symbols[^1] |= 1;
        Assert.False(ReferenceCode.TryParse(WithCheck(symbols), out _, out error));
        Assert.Contains("do not fit", error, StringComparison.Ordinal);

        // Procedure index 7 (reserved): bits 27..29 sit in symbol 5 (bits 25..29).
        symbols = Symbols("36D8-0811-4W4")[..^2];
        symbols[5] |= 0b00111;
        Assert.False(ReferenceCode.TryParse(WithCheck(symbols), out _, out error));
        Assert.Contains("do not fit", error, StringComparison.Ordinal);

        // The untouched payload with its check recomputed the same way is accepted (the helper is right).
        Assert.True(ReferenceCode.TryParse(WithCheck(Symbols("36D8-0811-4W4")[..^2]), out _, out _));
    }

    [Fact]
    public void Create_rejects_an_incomplete_case()
    {
        var rules = SeedRules.For("131091");
        var (procedure, applicant) = Procedures.All.SelectMany(p => Applicants.All.Select(a => (p, a)))
            .First(c => FirstQuestion(rules, c.p, c.a) is not null);
        var ex = Assert.Throws<ArgumentException>(() => Create(rules, procedure, applicant, new Dictionary<string, string>()));
        Assert.Contains("has not been answered", ex.Message, StringComparison.Ordinal);

        // An answer that is not an option leaves the question unanswered.
        var question = FirstQuestion(rules, procedure, applicant)!;
        Assert.Throws<ArgumentException>(() => Create(rules, procedure, applicant, new Dictionary<string, string> { [question.Id] = "no-such-option" }));
    }

    [Fact]
    public void Create_rejects_unknown_procedures_and_applicants()
    {
        var rules = SeedRules.For("131091");
        Assert.Throws<ArgumentException>(() => Create(rules, "renewal", Applicants.Self, new Dictionary<string, string>()));
        Assert.Throws<ArgumentException>(() => Create(rules, Procedures.PinReset, "friend", new Dictionary<string, string>()));
    }

    [Fact]
    public void Create_ignores_answers_to_questions_not_asked()
    {
        var rules = SeedRules.For("142123");
        var (procedure, applicant, answers, code) = Cases(rules).First(c => c.Answers.Count > 0 && rules.QuestionsById.Keys.Any(q => !c.Answers.ContainsKey(q)));
        // A question of the municipality that this case does not ask, answered anyway (an unknown question is a problem of the case).
        var notAsked = rules.QuestionsById.Values.First(q => !answers.ContainsKey(q.Id));
        var extra = new Dictionary<string, string>(answers) { [notAsked.Id] = notAsked.Options[0].Value };
        Assert.Equal(code, Create(rules, procedure, applicant, extra));
    }

    [Fact]
    public void A_question_with_as_many_options_as_the_code_holds_round_trips_and_one_more_does_not_compile()
    {
        var sixteen = Compile(16, version: 3);
        var code = Create(sixteen, Procedures.Reissue, Applicants.Self, new Dictionary<string, string> { ["many"] = "o15" });
        Assert.True(ReferenceCode.TryParse(code, out var reference, out _));
        Assert.Equal(new[] { 15 }, reference.OptionIndexes);
        Assert.Equal("o15", Replay(sixteen, reference)!["many"]);

        // Compilation guarantees every case of a rule set has a code.
        var ex = Assert.Throws<RuleSetValidationException>(() => Compile(17, version: 3));
        Assert.Contains(ex.Errors, e => e.Contains("at most 16", StringComparison.Ordinal));
    }

    [Fact]
    public void The_version_tag_is_the_version_modulo_1024()
    {
        var rules = Compile(2, version: 1025);
        var code = Create(rules, Procedures.Reissue, Applicants.Self, new Dictionary<string, string> { ["many"] = "o1" });
        Assert.True(ReferenceCode.TryParse(code, out var reference, out _));
        Assert.Equal(1, reference.VersionTag);
        Assert.Equal(0, ReferenceCode.VersionTag(0));
        Assert.Equal(1023, ReferenceCode.VersionTag(1023));
        Assert.Equal(0, ReferenceCode.VersionTag(1024));
        Assert.Equal(1023, ReferenceCode.VersionTag(-1));
    }

    [Fact]
    public void Replay_fails_when_the_code_does_not_fit_the_rules()
    {
        var rules = SeedRules.For("131091");
        var (procedure, applicant, answers, code) = Cases(rules).First(c => c.Answers.Count > 0);
        Assert.True(ReferenceCode.TryParse(code, out var reference, out _));
        Assert.NotNull(Replay(rules, reference));

        // An index beyond the first question's options.
        var first = FirstQuestion(rules, procedure, applicant)!;
        var beyond = reference with { OptionIndexes = [first.Options.Count, .. reference.OptionIndexes.Skip(1)] };
        Assert.Null(Replay(rules, beyond));
        Assert.Null(Replay(rules, reference with { OptionIndexes = [-1, .. reference.OptionIndexes.Skip(1)] }));

        // Indexes left over.
        Assert.Null(Replay(rules, reference with { OptionIndexes = [.. reference.OptionIndexes, 0] }));

        // Questions left unanswered.
        Assert.Null(Replay(rules, reference with { OptionIndexes = [.. reference.OptionIndexes.SkipLast(1)] }));

        // Another municipality's rules.
        Assert.Null(Replay(SeedRules.For("131237"), reference));

        // Through the encoding too: a parsed code with an index left over does not replay.
        Assert.True(ReferenceCode.TryParse(ReferenceCode.Encode(reference with { OptionIndexes = [.. reference.OptionIndexes, 0] }), out var longer, out _));
        Assert.Null(Replay(rules, longer));
        _ = answers;
    }

    [Fact]
    public void Replay_under_a_later_version_whose_questions_still_fit_gives_the_same_answers()
    {
        var v3 = Compile(4, version: 3);
        var v4 = Compile(4, version: 4);
        var code = Create(v3, Procedures.Reissue, Applicants.LegalAgent, new Dictionary<string, string> { ["many"] = "o2" });
        Assert.True(ReferenceCode.TryParse(code, out var reference, out _));
        Assert.Equal(3, reference.VersionTag);
        Assert.Equal(Applicants.LegalAgent, reference.Applicant);
        var replayed = Replay(v4, reference);
        Assert.NotNull(replayed);
        Assert.Equal("o2", Assert.Single(replayed).Value);

        // With fewer options the index no longer fits.
        Assert.Null(Replay(Compile(2, version: 5), reference));
    }

    [Fact]
    public void The_catalog_finds_the_latest_published_version_with_a_tag()
    {
        var national = RuleSetYaml.Read(MadeUpRules.National);
        PublishedRuleSet Version(int v, int? month) =>
            new("142123", v, month is { } m ? new DateOnly(2026, m, 1) : null, RuleSetYaml.Read(MunicipalYaml(2)));
        var catalog = new RuleCatalog(national, [Version(1, null), Version(1025, 3), Version(2, 1), Version(2049, 2)]);
        Assert.Empty(catalog.Errors);
        Assert.Equal(2049, catalog.FindVersion("142123", 1)!.Version);
        Assert.Equal(2, catalog.FindVersion("142123", 2)!.Version);
        Assert.Null(catalog.FindVersion("142123", 3));
        Assert.Null(catalog.FindVersion("142123", 1024));
        Assert.Null(catalog.FindVersion("131091", 1));

        var only = new RuleCatalog(national, [Version(1, null), Version(2, 1)]);
        Assert.Equal(1, only.FindVersion("142123", 1)!.Version);
    }

    private static List<int> Symbols(string code) =>
        code.Replace("-", "", StringComparison.Ordinal).Select(c => Alphabet.IndexOf(c, StringComparison.Ordinal)).ToList();

    /// <summary>The payload symbols with the two check symbols (base-32 number ≡ 0 mod 1021), as text.</summary>
    private static string WithCheck(List<int> payload)
    {
        var remainder = 0;
        foreach (var s in payload.Concat([0, 0]))
        {
            remainder = ((remainder * 32) + s) % 1021;
        }

        var check = (1021 - remainder) % 1021;
        return string.Concat(payload.Concat([check >> 5, check & 31]).Select(s => Alphabet[s]));
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4})*(-[0-9A-HJKMNP-TV-Z]{1,3})?$")]
    private static partial Regex CodeShape();

    private static CompiledRuleSet Compile(int options, int version) =>
        CompiledRuleSet.Compile(RuleSetYaml.Read(MadeUpRules.National), RuleSetYaml.Read(MunicipalYaml(options)), version);

    /// <summary>A municipality whose reissue case asks one question with the given number of options.</summary>
    private static string MunicipalYaml(int options) => MadeUpRules.MunicipalHeader + $$"""
        questions:
          - id: many
            procedures: [reissue]
            text: {ja: 多い, en: Many}
            options:
        {{string.Join("\n", Enumerable.Range(0, options).Select(i => $"      - {{value: o{i}, label: {{ja: o{i}, en: o{i}}}}}"))}}
        steps:
          - id: go
            order: 10
            procedures: [reissue]
            when: many = o1
            title: {ja: 行く, en: Go}
            source: {doc: city, quote: q}
        """;
}
