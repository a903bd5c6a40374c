using System.Globalization;
using MyNumberPortal.Rules.Format;
using MyNumberPortal.Rules.Model;
using Microsoft.Extensions.DependencyInjection;
using MyNumberPortal.Web.Admin;

namespace MyNumberPortal.Web.Tests.Admin;

/// <summary>Each admin form rule, accepting a good value and rejecting a bad one with its message on the right field.</summary>
public sealed class AdminValidatorTests
{
    private static readonly string SeedRules = Path.Combine(AppContext.BaseDirectory, "Seed", "rules");
    private static readonly RuleSetDocument National = RuleSetYaml.Read(File.ReadAllText(Path.Combine(SeedRules, "national.yaml")));
    private static readonly RuleSetDocument Shinagawa = RuleSetYaml.Read(File.ReadAllText(Path.Combine(SeedRules, "131091-shinagawa.yaml")));
    private static readonly AdminRuleContext Context = new(Shinagawa, National) { Scope = "131091", Today = new DateOnly(2026, 11, 24) };

    static AdminValidatorTests() => CultureInfo.CurrentUICulture = new CultureInfo("ja");

    private static HoursInput Hours(params HoursRowInput[] rows) => new() { Hours = [.. rows] };

    private static HoursRowInput Row(string days, string open, string close, string weeks = "") =>
        new() { Days = [.. days.Split(',')], Open = open, Close = close, Weeks = weeks, SourceDoc = "shinagawa", SourceQuote = "quote" };

    /// <summary>The fields a validator (as the services register it) rejects, validating with <paramref name="context"/> (default <see cref="Context"/>).</summary>
    private static IReadOnlyList<string> Fields<T>(FluentValidation.IValidator<T> validator, T input, AdminRuleContext? context = null) =>
        validator.Validate((context ?? Context).For(input)).Errors.Select(e => e.PropertyName).ToList();

    [Fact]
    public void Hours_accept_a_weekday_row_extended_by_a_later_tuesday_row()
    {
        Assert.Empty(Fields(new HoursValidator(), Hours(Row("mon,tue,wed,thu,fri", "08:30", "17:00"), Row("tue", "08:30", "19:00"))));
        Assert.Empty(Fields(new HoursValidator(), Hours(Row("sat", "09:00", "12:00"), Row("sat", "09:00", "17:00", "2,4"))));
    }

    [Fact]
    public void Hours_reject_closing_before_opening_and_bad_times()
    {
        Assert.Equal(["Hours[0].Close"], Fields(new HoursValidator(), Hours(Row("mon", "17:00", "08:30"))));
        Assert.Equal(["Hours[0].Close"], Fields(new HoursValidator(), Hours(Row("mon", "08:30", "08:30"))));
        Assert.Equal(["Hours[0].Open"], Fields(new HoursValidator(), Hours(Row("mon", "8:30", "17:00"))));
        Assert.Equal(["Hours[0].Close"], Fields(new HoursValidator(), Hours(Row("mon", "08:30", "24:00"))));
    }

    [Fact]
    public void Hours_reject_a_row_that_later_rows_hide_entirely()
    {
        var failures = new HoursValidator().Validate(Context.For(Hours(Row("tue", "08:30", "19:00"), Row("mon,tue,wed", "08:30", "17:00"))));
        var failure = Assert.Single(failures.Errors);
        Assert.Equal("Hours[0].Days", failure.PropertyName);
        Assert.Contains("1行目", failure.ErrorMessage, StringComparison.Ordinal);
        // A later row for only some weeks does not hide an every-week row.
        Assert.Empty(Fields(new HoursValidator(), Hours(Row("sat", "09:00", "12:00"), Row("sat", "09:00", "17:00", "2,4"))));
        // But an every-week row after a 2nd/4th-week row does.
        Assert.Equal(["Hours[0].Days"], Fields(new HoursValidator(), Hours(Row("sat", "09:00", "17:00", "2,4"), Row("sat", "09:00", "12:00"))));
    }

    [Fact]
    public void Hours_need_days_weeks_in_range_and_a_source()
    {
        var noDays = Row("mon", "08:30", "17:00");
        noDays.Days = [];
        Assert.Equal(["Hours[0].Days"], Fields(new HoursValidator(), Hours(noDays)));
        Assert.Equal(["Hours[0].Weeks"], Fields(new HoursValidator(), Hours(Row("sat", "09:00", "12:00", "6"))));
        var noSource = Row("mon", "08:30", "17:00");
        noSource.SourceQuote = "";
        Assert.Equal(["Hours[0].SourceQuote"], Fields(new HoursValidator(), Hours(noSource)));
        var removed = Row("mon", "17:00", "08:30");
        removed.Remove = true;
        Assert.Empty(Fields(new HoursValidator(), Hours(removed, new HoursRowInput())));
    }

    private static FeeInput Fee(params (string Amount, string When)[] items) => new()
    {
        Id = "reissue-fee", NameJa = "再交付手数料", Scope = new() { SourceDoc = "shinagawa", SourceQuote = "quote" },
        Items = items.Select((x, i) => new FeeItemInput { Id = $"i{i}", LabelJa = "項目", Amount = x.Amount, When = x.When }).ToList(),
    };

    [Fact]
    public void Fees_accept_amounts_of_zero_or_more_and_a_stated_total_that_matches()
    {
        var fee = Fee(("800", ""), ("200", ""));
        fee.StatedTotal = "1000";
        Assert.Empty(Fields(new FeeValidator(), fee));
        Assert.Empty(Fields(new FeeValidator(), Fee(("0", ""))));
    }

    [Fact]
    public void Fees_reject_negative_or_non_numbers_and_a_total_that_does_not_match_the_breakdown()
    {
        Assert.Equal(["Items[0].Amount"], Fields(new FeeValidator(), Fee(("-1", ""))));
        Assert.Equal(["Items[0].Amount"], Fields(new FeeValidator(), Fee(("千円", ""))));
        var fee = Fee(("800", ""), ("200", ""));
        fee.StatedTotal = "900";
        var failure = Assert.Single(new FeeValidator().Validate(Context.For(fee)).Errors);
        Assert.Equal("StatedTotal", failure.PropertyName);
        Assert.Contains("1000", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["Id"], Fields(new FeeValidator(), Fee(("800", "")), new(Shinagawa, National) { OtherIds = new HashSet<string> { "reissue-fee" } }));
    }

    [Fact]
    public void Conditions_may_read_only_questions_that_exist_and_must_parse()
    {
        var question = Shinagawa.Questions.Concat(National.Questions).First();
        var fee = Fee(("800", $"{question.Id} = {question.Options[0].Value}"));
        Assert.Empty(Fields(new FeeValidator(), fee));
        Assert.Equal(["Items[0].When"], Fields(new FeeValidator(), Fee(("800", "no-such-question = yes"))));
        Assert.Equal(["Items[0].When"], Fields(new FeeValidator(), Fee(("800", "= = ("))));
        var item = new ItemInput { Id = "x", TextJa = "持ち物", Scope = new() { When = "nothing-here = 1", SourceDoc = "shinagawa", SourceQuote = "q" } };
        Assert.Equal(["When"], Fields(new ItemValidator(), item));
    }

    [Theory]
    [InlineData("131091", true)]
    [InlineData("131092", false)] // wrong check digit
    [InlineData("13109", false)]
    [InlineData("13109a", false)]
    public void The_municipality_code_has_six_digits_and_a_valid_check_digit(string code, bool valid)
    {
        var input = MunicipalityInput.From(Shinagawa.Municipality!);
        input.Code = code;
        Assert.Equal(valid, !Fields(new MunicipalityValidator(), input).Contains("Code"));
    }

    [Fact]
    public void The_municipality_needs_its_names_a_hiragana_reading_and_romaji()
    {
        var input = MunicipalityInput.From(Shinagawa.Municipality!);
        Assert.Empty(Fields(new MunicipalityValidator(), input));
        input.Kana = "シナガワク";
        input.Romaji = "品川";
        input.NameEn = "";
        Assert.Equal(["NameEn", "Kana", "Romaji"], Fields(new MunicipalityValidator(), input));
    }

    [Theory]
    [InlineData("03-5742-6660", true)]
    [InlineData("0120-95-0178", true)]
    [InlineData("0357426660", true)]
    [InlineData("", true)]
    [InlineData("12345", false)]
    [InlineData("03-5742-66601", false)]
    [InlineData("+81-3-5742-6660", false)]
    public void Counter_phones_are_in_Japanese_formats(string phone, bool valid)
    {
        var input = CounterInput.From(Shinagawa.Counters[0]);
        input.Phone = phone;
        Assert.Equal(valid, !Fields(new CounterValidator(), input).Contains("Phone"));
    }

    [Theory]
    [InlineData("A×1 or B×2", true)]
    [InlineData("A×2 or A×1+B×1 or B×3 with photo≥1", true)]
    [InlineData("A×1 or", false)]
    [InlineData("C×1", false)]
    public void Id_rules_must_parse(string rule, bool valid)
    {
        var input = new IdRuleInput { Id = "holder", Rule = rule, Scope = new() { SourceDoc = "shinagawa", SourceQuote = "q" } };
        Assert.Equal(valid, !Fields(new IdRuleValidator(), input).Contains("Rule"));
    }

    [Fact]
    public void An_id_rule_without_a_combination_needs_the_pages_words()
    {
        var input = new IdRuleInput { Id = "holder", Rule = "", Scope = new() { SourceDoc = "shinagawa", SourceQuote = "q" } };
        Assert.Equal(["NoteJa"], Fields(new IdRuleValidator(), input));
        input.NoteJa = "窓口で確認します。";
        Assert.Empty(Fields(new IdRuleValidator(), input));
    }

    [Fact]
    public void Closures_check_what_each_kind_needs()
    {
        static ClosuresInput One(ClosureRowInput row) => new() { Closures = [row] };
        var ok = new ClosureRowInput { Kind = "dates", Dates = "2026-12-28, 2027-01-04", SourceDoc = "shinagawa", SourceQuote = "q" };
        Assert.Empty(Fields(new ClosuresValidator(), One(ok)));
        Assert.Equal(["Closures[0].Dates"], Fields(new ClosuresValidator(), One(new() { Kind = "dates", Dates = "12/28", SourceDoc = "shinagawa", SourceQuote = "q" })));
        Assert.Equal(["Closures[0].Kind"], Fields(new ClosuresValidator(), One(new() { Kind = "sometimes", SourceDoc = "shinagawa", SourceQuote = "q" })));
        Assert.Equal(["Closures[0].Days"], Fields(new ClosuresValidator(), One(new() { Kind = "weekdays", SourceDoc = "shinagawa", SourceQuote = "q" })));
        Assert.Equal(["Closures[0].To"], Fields(new ClosuresValidator(), One(new() { Kind = "year-end", From = "12-29", To = "01-32", SourceDoc = "shinagawa", SourceQuote = "q" })));
    }

    [Fact]
    public void Sources_have_urls_and_dates_in_their_formats()
    {
        var sources = SourcesInput.From(Shinagawa);
        Assert.Empty(Fields(new SourcesValidator(), sources));
        sources.Sources[0].Url = "javascript:alert(1)";
        sources.Sources[0].Updated = "2025/12/26";
        Assert.Equal(["Sources[0].Url", "Sources[0].Updated"], Fields(new SourcesValidator(), sources));
    }

    [Fact]
    public void Publishing_needs_a_date_today_or_later()
    {
        var today = new DateOnly(2026, 11, 24);
        Assert.Empty(Fields(new PublishValidator(), new PublishInput { EffectiveFrom = "2026-11-24" }, new() { Today = today }));
        Assert.Empty(Fields(new PublishValidator(), new PublishInput { EffectiveFrom = "2027-04-01" }, new() { Today = today }));
        Assert.Equal(["EffectiveFrom"], Fields(new PublishValidator(), new PublishInput { EffectiveFrom = "2026-11-23" }, new() { Today = today }));
        Assert.Equal(["EffectiveFrom"], Fields(new PublishValidator(), new PublishInput { EffectiveFrom = "next week" }, new() { Today = today }));
    }

    [Fact]
    public void Rule_text_must_be_given_and_not_too_long()
    {
        Assert.Empty(Fields(new RuleTextValidator(), "notes: []"));
        Assert.Equal(["Text"], Fields(new RuleTextValidator(), "  \n "));
        Assert.Equal(["Text"], Fields(new RuleTextValidator(), new string('x', MyNumberPortal.Rules.Engine.RuleFileCheck.MaxLength + 1)));
    }

    [Fact]
    public void Messages_follow_the_page_language()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("en");
            var failure = Assert.Single(new HoursValidator().Validate(Context.For(Hours(Row("mon", "17:00", "08:30")))).Errors);
            Assert.Equal("The closing time must be after the opening time.", failure.ErrorMessage);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public void Every_admin_form_validator_is_registered_in_the_portals_services()
    {
        var validators = typeof(PublishValidator).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true })
            .Select(t => (Type: t, Form: t.GetInterfaces().SingleOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>))))
            .Where(v => v.Form is not null)
            .ToList();
        Assert.True(validators.Count >= 12, string.Join(", ", validators.Select(v => v.Type.Name)));

        using var portal = new PortalFactory();
        foreach (var (type, form) in validators)
        {
            Assert.IsType(type, portal.Services.GetRequiredService(form!));
        }

        // The rules that need the draft say so when a validation comes without it.
        var bare = portal.Services.GetRequiredService<FluentValidation.IValidator<PublishInput>>();
        Assert.Throws<InvalidOperationException>(() => bare.Validate(new PublishInput { EffectiveFrom = "2026-11-24" }));
    }
}
