using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Components.Guide;
using MyNumberPortal.Web.Tests.Support;
using MyNumberPortal.Web.Guide;

namespace MyNumberPortal.Web.Tests.Components;

/// <summary>
/// The resident checklist rendered on its own (bunit, no HTTP) from guidance evaluated on the shipped seed rules, in
/// Japanese and English.
/// </summary>
public sealed partial class ChecklistTests : ComponentTest
{
    /// <summary>Tuesday.</summary>
    internal static readonly DateOnly Today = new(2026, 11, 24);


    [Fact]
    public async Task Lost_card_outside_home_starts_with_the_urgent_suspension_call_and_its_three_lines()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.LostCard, Applicants.Self, Today, ("lost-where", "outside"));
        var page = await RenderDocument(guidance, "ja");

        // The "do this now" box is the checklist's first part; the other steps follow in their own list.
        var now = page.QuerySelector(".checklist > section")!;
        Assert.Equal("cl-now-title", now.GetAttribute("aria-labelledby"));
        Assert.Equal("今すぐ", now.QuerySelector(".cl-urgent-label")!.TextContent.Trim());
        var urgent = now.QuerySelector(".cl-urgent")!;
        var steps = page.QuerySelectorAll("#cl-steps-title ~ ol.cl-steps > li");
        Assert.Equal(guidance.Steps.Count - 1, steps.Length);
        Assert.Contains("一時停止", urgent.QuerySelector(".cl-step-title")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["tel:0120-95-0178", "tel:0570-783-578", "tel:0120-0178-27"],
            urgent.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));

        var lines = urgent.QuerySelectorAll(".cl-phone").Select(p => Squash(p.TextContent)).ToList();
        Assert.Contains("通話無料", lines[0], StringComparison.Ordinal);
        Assert.Contains("通話料がかかります", lines[1], StringComparison.Ordinal);
        Assert.Contains("対応言語:英語、中国語、韓国語、スペイン語、ポルトガル語", lines[2], StringComparison.Ordinal);
        Assert.Contains("24時間365日", urgent.TextContent, StringComparison.Ordinal);

        // The police step applies to a card lost outside the home; only the first step is urgent.
        Assert.Contains(steps, s => s.TextContent.Contains("警察", StringComparison.Ordinal));
        Assert.Single(page.QuerySelectorAll(".cl-urgent"));

        // No counter for a phone-and-police case: the resident is told whom to call, and the phones include the city's line.
        Assert.Contains("電話して確認してください", Section(page, "cl-counters-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("tel:046-225-2039", Section(page, "cl-phones-title").QuerySelectorAll("a").Select(a => a.GetAttribute("href")));

        var english = await RenderDocument(guidance, "en");
        var urgentEn = english.QuerySelector(".cl-now")!;
        Assert.Equal("Do this now", urgentEn.QuerySelector(".cl-urgent-label")!.TextContent.Trim());
        Assert.Contains("Languages: English, Chinese, Korean, Spanish, Portuguese", Squash(urgentEn.TextContent), StringComparison.Ordinal);
        Assert.Contains("Free call", urgentEn.TextContent, StringComparison.Ordinal);
        // In English the English-speaking line comes first.
        Assert.Equal(["tel:0120-0178-27", "tel:0120-95-0178", "tel:0570-783-578"], urgentEn.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Warnings_come_right_after_the_summary_in_a_box_labelled_important()
    {
        var guidance = SeedRuleSets.Evaluate("131091", Procedures.PinReset, Applicants.VoluntaryAgent, Today, ("pin-which", "four-digit"));
        Assert.Contains(guidance.Notes, n => n.Severity == Severities.Warning);
        var page = await RenderDocument(guidance, "ja");

        var sections = page.QuerySelectorAll(".checklist > section").Select(s => s.GetAttribute("aria-labelledby")).ToList();
        var important = sections.IndexOf("cl-important-title");
        Assert.True(sections.IndexOf("cl-bring-title") < important && important < sections.IndexOf("cl-counters-title"), string.Join(", ", sections));
        var box = Section(page, "cl-important-title");
        Assert.Equal("!重要", Squash(box.QuerySelector("h2")!.TextContent));
        Assert.Equal(guidance.Notes.Count(n => n.Severity == Severities.Warning), box.QuerySelectorAll("li").Length);

        // Info notes are listed separately, near the end.
        var other = Section(page, "cl-notes-title");
        Assert.Equal(guidance.Notes.Count(n => n.Severity == Severities.Info), other.QuerySelectorAll(".cl-notes > li").Length);
    }

    [Fact]
    public async Task Fee_not_stated_is_not_shown_as_free()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.Abolition, Applicants.Self, Today);
        Assert.False(guidance.Fee.Stated);
        // The glance tells whom to call about the fee, never that it is free.
        var fee = (await RenderDocument(guidance, "ja")).QuerySelectorAll(".cl-glance-row").Single(r => r.QuerySelector("dt")!.TextContent == "手数料");
        Assert.Equal("電話で確認: 電話 046-225-2039", Squash(fee.QuerySelector("dd")!.TextContent));
        Assert.Equal("tel:046-225-2039", fee.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("0円", fee.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("かかりません", fee.TextContent, StringComparison.Ordinal);

        var feeEn = (await RenderDocument(guidance, "en")).QuerySelectorAll(".cl-glance-row").Single(r => r.QuerySelector("dt")!.TextContent == "Fee");
        Assert.Contains("Call to ask:", feeEn.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("No charge", feeEn.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("¥0", feeEn.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reissue_fee_of_1000_yen_is_at_a_glance_with_its_breakdown_folded_and_on_the_tick_list()
    {
        var guidance = SeedRuleSets.Evaluate("131091", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "outside"));
        Assert.Equal(1000, guidance.Fee.Total);
        var page = await RenderDocument(guidance, "ja");
        var fee = page.QuerySelectorAll(".cl-glance-row").Single(r => r.QuerySelector("dt")!.TextContent == "手数料");
        Assert.Equal("1,000円", fee.QuerySelector("dd > strong")!.TextContent.Trim());
        var breakdown = fee.QuerySelector("details")!;
        Assert.Equal("内訳", breakdown.QuerySelector("summary")!.TextContent.Trim());
        Assert.Equal(["マイナンバーカード:800円", "電子証明書:200円"], breakdown.QuerySelectorAll("li").Select(li => Regex.Replace(Squash(li.TextContent), @" ?出典 ?\[\d+\]$", "")));
        Assert.Contains(page.QuerySelectorAll(".cl-tick label"), l => l.TextContent.Trim() == "手数料 1,000円");

        var feeEn = (await RenderDocument(guidance, "en")).QuerySelectorAll(".cl-glance-row").Single(r => r.QuerySelector("dt")!.TextContent == "Fee");
        Assert.Equal("¥1,000", feeEn.QuerySelector("dd > strong")!.TextContent.Trim());
        Assert.Contains("¥800", feeEn.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_waived_fee_says_no_charge_why_and_what_to_bring()
    {
        var guidance = SeedRuleSets.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today,
            ("reissue-reason", "lost"), ("lost-where", "home"), ("noto-earthquake", "yes"), ("ward", "chuo"));
        Assert.True(guidance.Fee.Stated);
        Assert.Equal(0, guidance.Fee.Total);
        var page = await RenderDocument(guidance, "ja");
        var fee = Section(page, "cl-fee-title");
        Assert.Contains("手数料はかかりません(0円)。", fee.TextContent, StringComparison.Ordinal);
        Assert.Contains("通常は1,000円ですが、次の理由で免除されます。", fee.TextContent, StringComparison.Ordinal);
        Assert.Contains("能登半島地震", fee.TextContent, StringComparison.Ordinal);
        Assert.Contains("免除に必要な書類:罹災証明書", Squash(fee.TextContent), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll(".cl-tick label"), l => l.TextContent.Trim() == "罹災証明書(手数料の免除に必要)");
        Assert.DoesNotContain(page.QuerySelectorAll(".cl-tick label"), l => l.TextContent.Contains("手数料 ", StringComparison.Ordinal));

        // A renewal with the old card: a stated fee of 0, explained by the page's own line.
        var renewal = SeedRuleSets.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "expiring"), ("old-card-held", "yes"), ("ward", "chuo"));
        var renewalFee = Section(await RenderDocument(renewal, "en"), "cl-fee-title");
        Assert.Contains("No charge (¥0).", renewalFee.TextContent, StringComparison.Ordinal);
        Assert.Contains("Renewal on expiry (free)", renewalFee.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counter_without_published_hours_says_to_call_before_going()
    {
        var guidance = SeedRuleSets.Evaluate("132101", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "home"));
        var counter = Assert.Single(guidance.Counters);
        Assert.False(counter.HoursPublished);
        var section = Section(await RenderDocument(guidance, "ja"), "cl-counters-title");
        Assert.Contains("受付時間は、行く前に電話で確認してください。", section.TextContent, StringComparison.Ordinal);
        Assert.Empty(section.QuerySelectorAll(".cl-openings"));

        var english = Section(await RenderDocument(guidance, "en"), "cl-counters-title");
        Assert.Contains("Call before you go to check the opening hours.", english.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counter_shows_its_next_three_openings_from_today()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.Abolition, Applicants.Self, Today);
        var page = await RenderDocument(guidance, "ja");
        var counter = Section(page, "cl-counters-title").QuerySelector(".cl-counter")!;
        Assert.Equal("厚木市マイナンバーカードセンター", counter.QuerySelector("h3")!.TextContent.Trim());
        Assert.Contains("パークプレイス厚木2階", counter.TextContent, StringComparison.Ordinal);
        Assert.Contains("予約が必要かどうか、行く前に電話で確認してください", counter.TextContent, StringComparison.Ordinal);

        var openings = counter.QuerySelectorAll(".cl-openings li").ToList();
        Assert.Equal(["2026-11-24", "2026-11-25", "2026-11-26"], openings.Select(li => li.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.Equal("2026年11月24日(火)", openings[0].QuerySelector("time")!.TextContent);
        Assert.All(openings, li => Assert.Equal("8:30~17:15", li.QuerySelector(".cl-time")!.TextContent));
        Assert.Equal("今日", openings[0].QuerySelector(".cl-tag")!.TextContent);
        Assert.Null(openings[1].QuerySelector(".cl-tag"));

        var english = Section(await RenderDocument(guidance, "en"), "cl-counters-title");
        Assert.Equal("Tue 24 November 2026", english.QuerySelector(".cl-openings time")!.TextContent);
        Assert.Equal("8:30–17:15", english.QuerySelector(".cl-time")!.TextContent);
    }

    [Fact]
    public async Task Counters_are_grouped_by_visit_with_a_shared_note_shown_once()
    {
        var guidance = SeedRuleSets.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today,
            ("reissue-reason", "lost"), ("lost-where", "home"), ("noto-earthquake", "no"), ("ward", "chuo"));
        var section = Section(await RenderDocument(guidance, "ja"), "cl-counters-title");
        var groups = section.QuerySelectorAll(".cl-counter-group h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["1回目に行く窓口", "2回目に行く窓口"], groups);
        Assert.Equal(guidance.Counters.Count, section.QuerySelectorAll(".cl-counter h4").Length);

        var first = section.QuerySelectorAll(".cl-counter-group")[0];
        Assert.Equal(["中央区役所 窓口サービス課"], first.QuerySelectorAll(".cl-counter h4").Select(h => h.TextContent.Trim()));
        Assert.Contains("予約が必要です", section.QuerySelectorAll(".cl-counter-group")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task What_every_counter_shares_is_said_once()
    {
        // Edogawa's seven windows: no hours published, the same reservation rule for all, each said once.
        var guidance = SeedRuleSets.Evaluate("131237", Procedures.PinReset, Applicants.Self, Today, ("pin-which", "four-digit"));
        Assert.True(guidance.Counters.Count > 1);
        Assert.All(guidance.Counters, c => Assert.False(c.HoursPublished));
        var section = Section(await RenderDocument(guidance, "ja"), "cl-counters-title");
        Assert.Equal("受付時間は、どの窓口も行く前に電話で確認してください。",
            Assert.Single(section.QuerySelectorAll(".cl-nohours")).TextContent.Trim());
        Assert.Equal("予約が必要かどうか、行く前に電話で確認してください", section.QuerySelector(".cl-common dd")!.TextContent.Trim());
        Assert.DoesNotContain(section.QuerySelectorAll(".cl-counter .cl-fact dt"), dt => dt.TextContent == "予約");
        Assert.Equal(guidance.Counters.Count, section.QuerySelectorAll(".cl-counter a[href^='tel:']").Length);
    }

    [Theory]
    [InlineData("142123", Procedures.SuspensionRelease, Applicants.VoluntaryAgent, new[] { "reissue-applied", "no" })]
    [InlineData("131091", Procedures.PinReset, Applicants.VoluntaryAgent, new[] { "pin-which", "four-digit" })]
    [InlineData("151009", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "lost", "lost-where", "home", "noto-earthquake", "yes", "ward", "chuo" })]
    [InlineData("131237", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "lost", "ecert-wanted", "yes" })]
    public async Task Every_checkbox_has_its_own_label_and_ids_are_unique(string code, string procedure, string applicant, string[] answers)
    {
        var guidance = SeedRuleSets.Evaluate(code, procedure, applicant, Today, Pairs(answers));
        foreach (var language in new[] { "ja", "en" })
        {
            var page = await RenderDocument(guidance, language);
            var boxes = page.QuerySelectorAll("input").ToList();
            Assert.NotEmpty(boxes);
            Assert.All(boxes, box =>
            {
                Assert.Equal("checkbox", box.GetAttribute("type"));
                var label = Assert.Single(page.QuerySelectorAll($"label[for='{box.Id}']"));
                Assert.False(string.IsNullOrWhiteSpace(label.TextContent));
                if (box.GetAttribute("aria-describedby") is { } described)
                {
                    Assert.NotNull(page.GetElementById(described));
                }
            });

            var ids = page.QuerySelectorAll("[id]").Select(e => e.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());

            // Each section is named by its own heading; the page's <h1> is not the checklist's.
            Assert.Empty(page.QuerySelectorAll("h1"));
            Assert.All(page.QuerySelectorAll("section"), s =>
                Assert.Equal("H2", page.GetElementById(s.GetAttribute("aria-labelledby")!)!.TagName));
        }
    }

    [Fact]
    public async Task Items_say_which_visit_they_are_for_when_there_are_several()
    {
        var guidance = SeedRuleSets.Evaluate("131091", Procedures.PinReset, Applicants.VoluntaryAgent, Today, ("pin-which", "four-digit"));
        var page = await RenderDocument(guidance, "ja");
        var form = page.QuerySelectorAll(".cl-tick").Single(t => t.TextContent.Contains("照会書兼回答書", StringComparison.Ordinal));
        Assert.Equal("2回目の来庁で使います", form.QuerySelector(".cl-tick-visit")!.TextContent.Trim());

        var visits = page.QuerySelectorAll(".cl-glance-row").Single(r => r.QuerySelector("dt")!.TextContent == "窓口へ行く回数");
        Assert.Contains("窓口へ2回行く必要があります。", visits.TextContent, StringComparison.Ordinal);
        Assert.Contains("期限は30日です", visits.TextContent, StringComparison.Ordinal);
        Assert.Contains("照会書兼回答書が郵送されます", visits.TextContent, StringComparison.Ordinal);

        // With one visit, no visit is named.
        var single = SeedRuleSets.Evaluate("142123", Procedures.SuspensionRelease, Applicants.Self, Today, ("reissue-applied", "no"));
        var singlePage = await RenderDocument(single, "ja");
        Assert.Empty(singlePage.QuerySelectorAll(".cl-tick-visit"));
        Assert.Contains("窓口へ行くのは1回で、その日のうちに終わります(ポータルによる読み取り)。",
            singlePage.QuerySelector(".cl-glance")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("A×1 or B×2", "ja", "次のどちらか:A書類1点、またはB書類2点")]
    [InlineData("A×1 or B×2", "en", "One of: 1 document from list A, or 2 documents from list B")]
    [InlineData("A×1+B×1", "ja", "A書類1点とB書類1点")]
    [InlineData("A×1+B×1", "en", "1 document from list A and 1 from list B")]
    [InlineData("A×1 or B×2 with photo≥1", "ja", "次のどちらか:A書類1点、またはB書類2点(うち1点以上は写真付き)")]
    [InlineData("A×1 or B×2 with photo≥1", "en", "One of: 1 document from list A, or 2 documents from list B (at least 1 with a photo)")]
    [InlineData("A×2 or A×1+B×1 or B×3 with photo≥1", "ja", "次のいずれか:A書類2点、A書類1点とB書類1点、またはB書類3点(うち1点以上は写真付き)")]
    [InlineData("A×2 or A×1+B×1 or B×3 with photo≥1", "en", "One of: 2 documents from list A, 1 document from list A and 1 from list B, or 3 documents from list B (at least 1 with a photo)")]
    [InlineData("A×1", "en", "1 document from list A")]
    public void Id_combinations_are_spelled_out(string rule, string language, string expected)
    {
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Assert.Equal(expected, ChecklistWords.IdCombination(IdCombinationRule.Parse(rule)));
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public async Task Id_rules_say_whose_documents_in_words_with_lists_A_and_B()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.Abolition, Applicants.LegalAgent, Today, ("relation-local", "yes"));
        var section = Section(await RenderDocument(guidance, "ja"), "cl-id-title");
        var rules = section.QuerySelectorAll(".cl-idrule").Select(r => (Whose: r.QuerySelector("h3")!.TextContent.Trim(), Words: r.QuerySelector(".cl-id-words")!.TextContent.Trim())).ToList();
        Assert.Equal(
        [
            ("カードの持ち主(申請者本人)の本人確認書類", "次のどちらか:A書類1点、またはB書類2点"),
            ("窓口に来る人(代理人)の本人確認書類", "次のどちらか:A書類2点、またはA書類1点とB書類1点"),
        ], rules);
        Assert.Contains("公的機関が発行した、顔写真付きの書類", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("A書類以外の本人確認書類", section.TextContent, StringComparison.Ordinal);
        Assert.Contains("使える書類の例は、窓口に確認してください。", section.TextContent, StringComparison.Ordinal); // Atsugi's list is empty

        // The holder's own view: "your documents"; the catalogue examples grouped as A and B.
        var niigata = SeedRuleSets.Evaluate("151009", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "home"), ("noto-earthquake", "no"), ("ward", "chuo"));
        var niigataSection = Section(await RenderDocument(niigata, "ja"), "cl-id-title");
        Assert.All(niigataSection.QuerySelectorAll(".cl-idrule h3"), h => Assert.Equal("あなた(カードの持ち主)の本人確認書類", h.TextContent.Trim()));
        var lists = niigataSection.QuerySelectorAll(".cl-idlist").ToDictionary(l => l.QuerySelector("dt")!.TextContent.Trim(),
            l => l.QuerySelectorAll(".cl-examples li").Select(li => Squash(li.TextContent)).ToList());
        Assert.True(lists["A書類"].Contains("旅券"), string.Join(" | ", lists.Select(l => l.Key + ": " + string.Join(", ", l.Value))));
        Assert.Contains("健康保険証", lists["B書類"]);
        Assert.Contains("個人番号カード顔写真証明書 顔写真付き", lists["B書類"]);
        Assert.DoesNotContain("旅券", lists["B書類"]);
        Assert.Contains("1回目の来庁で見せます。", niigataSection.TextContent, StringComparison.Ordinal);
        Assert.Contains("2回目の来庁で見せます。", niigataSection.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Id_rule_without_a_combination_says_the_page_names_none_and_shows_the_note()
    {
        var guidance = SeedRuleSets.Evaluate("132101", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "lost"), ("lost-where", "home"));
        var rule = Assert.Single(guidance.IdRules);
        Assert.Null(rule.Combination);
        var page = await RenderDocument(guidance, "ja");
        var section = Section(page, "cl-id-title");
        Assert.Equal("どの書類を何点見せればよいか、窓口に電話で確認してください。", section.QuerySelector(".cl-id-words")!.TextContent.Trim());
        Assert.Contains(rule.Note!.Ja, section.TextContent, StringComparison.Ordinal);
        Assert.Null(section.QuerySelector(".cl-idlists"));
        Assert.Contains(page.QuerySelectorAll(".cl-tick label"), l => l.TextContent.Contains("どの書類を何点持っていくかは窓口に確認", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_counter_case_says_to_call_first_with_the_reason_and_phone_and_still_shows_the_rest()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.Reissue, Applicants.Self, Today, ("reissue-reason", "damaged"));
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        var page = await RenderDocument(guidance, "ja");
        var coverage = page.QuerySelector(".checklist > section")!;
        Assert.Equal("cl-coverage-title", coverage.GetAttribute("aria-labelledby"));
        Assert.Contains("先に電話で問い合わせてください", coverage.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("あなたの場合の手続きは、厚木市に電話で確認してから行ってください。", coverage.TextContent, StringComparison.Ordinal);
        Assert.Contains(guidance.CoverageReason!.Ja, coverage.TextContent, StringComparison.Ordinal);
        Assert.Equal(["tel:046-225-2039"], coverage.QuerySelectorAll("a[href^='tel:']").Select(a => a.GetAttribute("href")));

        // Warnings and the counter are still shown; nothing to tick and no fee claim for a case the page does not cover.
        Assert.NotNull(page.GetElementById("cl-important-title"));
        Assert.Contains("厚木市マイナンバーカードセンター", Section(page, "cl-counters-title").TextContent, StringComparison.Ordinal);
        Assert.Null(page.GetElementById("cl-bring-title"));
        Assert.Null(page.GetElementById("cl-fee-title"));
    }

    [Fact]
    public async Task Not_accepted_case_says_so_plainly_with_the_reason()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.SuspensionRelease, Applicants.Self, Today, ("reissue-applied", "yes"));
        Assert.Equal(CoverageStatuses.NotAccepted, guidance.Coverage);
        var coverage = Section(await RenderDocument(guidance, "ja"), "cl-coverage-title");
        Assert.Contains("この手続きはできません", coverage.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        var note = coverage.QuerySelector(".cl-fn a")!.GetAttribute("href")!;
        var page = await RenderDocument(guidance, "ja");
        Assert.Contains("紛失したカードが見つかったとしても", page.GetElementById(note[(note.IndexOf('#') + 1)..])!.TextContent, StringComparison.Ordinal);
        Assert.Contains(guidance.CoverageReason!.Ja, coverage.TextContent, StringComparison.Ordinal);

        var english = Section(await RenderDocument(guidance, "en"), "cl-coverage-title");
        Assert.Contains("This cannot be done", english.QuerySelector("h2")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(guidance.CoverageReason.En, english.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_fact_has_its_source_and_the_sources_are_listed_with_title_and_updated_date()
    {
        var guidance = SeedRuleSets.Evaluate("142123", Procedures.LostCard, Applicants.Self, Today, ("lost-where", "outside"));
        var page = await RenderDocument(guidance, "ja");

        // Per fact: a footnote number linking to its passage in the sources list, said once at the end; no per-fact toggles.
        Assert.Empty(page.QuerySelectorAll("details.cl-src"));
        Assert.Empty(page.QuerySelectorAll(".cl-src-line"));
        var sources = Section(page, "cl-sources-title");
        var marks = page.QuerySelectorAll(".cl-fn a").ToList();
        Assert.True(guidance.Steps.Count <= marks.Count);
        Assert.All(marks, a =>
        {
            var href = a.GetAttribute("href")!;
            var target = page.GetElementById(href[(href.IndexOf('#') + 1)..]);
            Assert.NotNull(target);
            Assert.True(sources.Contains(target), href);
        });
        Assert.Contains(sources.QuerySelectorAll("blockquote"), q => q.TextContent.Contains("24時間365日受付しています", StringComparison.Ordinal));

        var titles = sources.QuerySelectorAll(".cl-source-title").Select(p => Squash(p.TextContent)).ToList();
        Assert.Equal(guidance.Sources.Count, titles.Count);
        Assert.Contains("マイナンバーカードを紛失した場合(2025年12月26日更新)", titles);
        Assert.All(sources.QuerySelectorAll(".cl-source-title time"), t => Assert.Equal("2025-12-26", t.GetAttribute("datetime")));
        Assert.Contains("厚木市のルール 第1版", sources.TextContent, StringComparison.Ordinal);

        var english = Section(await RenderDocument(guidance, "en"), "cl-sources-title");
        Assert.Contains("If you have lost your My Number Card (updated 26 December 2025)", english.QuerySelectorAll(".cl-source-title").Select(p => Squash(p.TextContent)));
    }

    [Fact]
    public async Task A_source_with_an_address_is_a_link()
    {
        var guidance = Handmade(url: "https://www.example.jp/card.html");
        var sources = Section(await RenderDocument(guidance, "ja"), "cl-sources-title");
        Assert.Equal("https://www.example.jp/card.html", sources.QuerySelector(".cl-source-title a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("142123", Procedures.LostCard, Applicants.Self, new[] { "lost-where", "outside" })]
    [InlineData("131091", Procedures.PinReset, Applicants.VoluntaryAgent, new[] { "pin-which", "four-digit" })]
    [InlineData("151009", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "lost", "lost-where", "home", "noto-earthquake", "yes", "ward", "chuo" })]
    [InlineData("131091", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "lost", "lost-where", "outside" })]
    [InlineData("142123", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "damaged" })]
    [InlineData("142123", Procedures.SuspensionRelease, Applicants.Self, new[] { "reissue-applied", "yes" })]
    [InlineData("132101", Procedures.Reissue, Applicants.Self, new[] { "reissue-reason", "lost", "lost-where", "home" })]
    [InlineData("142123", Procedures.Abolition, Applicants.LegalAgent, new[] { "relation-local", "yes" })]
    public async Task English_rendering_has_none_of_the_Japanese_interface_texts(string code, string procedure, string applicant, string[] answers)
    {
        var guidance = SeedRuleSets.Evaluate(code, procedure, applicant, Today, Pairs(answers));
        var page = await RenderDocument(guidance, "en");

        // Rule content in Japanese is marked lang="ja" (quotes, and texts without English): leave it out, then no
        // Japanese fragment of the interface resources may remain.
        foreach (var japanese in page.QuerySelectorAll("[lang=ja]").ToList())
        {
            japanese.Remove();
        }

        // English rule texts may name a Japanese document or page in 「」 or parentheses: those are content, not interface.
        var text = QuotedJapanese().Replace(page.Body!.TextContent, "");
        var fragments = JapaneseInterfaceFragments();
        Assert.NotEmpty(fragments);
        var found = fragments.Where(f => text.Contains(f, StringComparison.Ordinal)).ToList();
        Assert.True(found.Count == 0, "Japanese interface text on the English page: " + string.Join(" | ", found));
        Assert.Contains("Sources", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task English_page_marks_rule_content_without_English_as_Japanese_and_names_unknown_languages_by_code()
    {
        var guidance = Handmade(url: null);
        var page = await RenderDocument(guidance, "en");
        var note = page.QuerySelectorAll(".cl-notes li span[lang=ja]").Single();
        Assert.Equal("英語のないお知らせ", note.TextContent);
        Assert.All(page.QuerySelectorAll("blockquote"), q => Assert.Equal("ja", q.GetAttribute("lang")));

        var phone = page.QuerySelector("#cl-phones-title ~ ul .cl-phone")!;
        Assert.Contains("Languages: Japanese, Vietnamese, xx", Squash(phone.TextContent), StringComparison.Ordinal);
        Assert.Equal("tel:0312345678", phone.QuerySelector("a")!.GetAttribute("href"));

        var japanese = await RenderDocument(guidance, "ja");
        Assert.Empty(japanese.QuerySelectorAll(".cl-notes li span[lang]"));
        Assert.Contains("対応言語:日本語、ベトナム語、xx", Squash(japanese.QuerySelector(".cl-phone")!.TextContent), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0120-95-0178", "tel:0120-95-0178")]
    [InlineData("(03) 5742 6660", "tel:0357426660")]
    [InlineData("025-245-0300 (予約)", "tel:025-245-0300")]
    [InlineData("+81-3-1234-5678", "tel:+81-3-1234-5678")]
    public void Phone_links_hold_digits_and_hyphens_only(string number, string href) => Assert.Equal(href, ChecklistWords.TelHref(number));

    // ---- helpers ----

    private static (string, string)[] Pairs(string[] flat) =>
        Enumerable.Range(0, flat.Length / 2).Select(i => (flat[2 * i], flat[2 * i + 1])).ToArray();

    private static string Squash(string text) => WhiteSpace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    /// <summary>The section named by the heading with this id.</summary>
    private static IElement Section(IDocument page, string headingId) =>
        page.QuerySelector($"section[aria-labelledby='{headingId}']") ?? throw new Xunit.Sdk.XunitException($"No section {headingId}.");

    /// <summary>The literal parts (between placeholders) of every Japanese resource of the checklist, where they hold Japanese.</summary>
    private static List<string> JapaneseInterfaceFragments()
    {
        var resources = new ResourceManager("MyNumberPortal.Web.Resources.ChecklistText", typeof(Checklist).Assembly);
        var set = resources.GetResourceSet(CultureInfo.InvariantCulture, true, true)!;
        return set.Cast<DictionaryEntry>()
            .SelectMany(e => Placeholder().Split((string)e.Value!))
            .Select(f => f.Trim())
            .Where(f => f.Length >= 2 && f.Any(IsJapanese))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        static bool IsJapanese(char c) => c is (>= '\u3040' and <= '\u30ff') or (>= '\u4e00' and <= '\u9fff') or (>= '\uff00' and <= '\uffef');
    }

    [GeneratedRegex(@"「[^」]*」|（[^）]*）|\([^)]*\)")]
    private static partial Regex QuotedJapanese();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>A small guidance made by hand: a note with no English, a phone serving an unknown language.</summary>
    private static Guidance Handmade(string? url)
    {
        var document = new SourceDocument { Id = "doc", File = "x.txt", Title = new() { Ja = "テストのページ", En = "Test page" }, Url = url, Updated = "2024-09-01" };
        var source = new ResolvedSource(document, "ページの文");
        return new Guidance
        {
            MunicipalityCode = "131091",
            MunicipalityName = new() { Ja = "品川区", En = "Shinagawa City" },
            Procedure = Procedures.PinReset,
            Applicant = Applicants.Self,
            Date = Today,
            RuleSetVersion = 3,
            Coverage = CoverageStatuses.Covered,
            Answers = [],
            Steps = [],
            Items = [],
            IdRules = [],
            Fee = GuidanceFee.None,
            Counters = [],
            Phones = [new("line", new() { Ja = "窓口", En = "Counter" }, "03 1234 5678", null, null, ["ja", "vi", "xx"], source)],
            Notes = [new("n1", Severities.Info, new() { Ja = "英語のないお知らせ" }, source)],
            Sources = [document],
        };
    }

    [Fact]
    public async Task An_urgent_first_step_leads_the_checklist_even_before_ask_the_counter()
    {
        var lost = SeedRuleSets.Evaluate("131237", Procedures.LostCard, Applicants.VoluntaryAgent, Today);
        Assert.Equal(CoverageStatuses.AskCounter, lost.Coverage);
        var headings = (await RenderDocument(lost, "ja")).QuerySelectorAll("section > h2").Select(h => h.Id).ToList();
        Assert.Equal("cl-now-title", headings[0]);
        Assert.Contains("cl-coverage-title", headings);

        // Without an urgent step, what to do comes first and the warnings follow the summary.
        var release = SeedRuleSets.Evaluate("142123", Procedures.SuspensionRelease, Applicants.VoluntaryAgent, Today, ("reissue-applied", "yes"));
        Assert.NotEmpty(release.Steps);
        Assert.DoesNotContain(release.Steps, s => s.Urgent);
        var order = (await RenderDocument(release, "ja")).QuerySelectorAll("section > h2").Select(h => h.Id).ToList();
        Assert.True(order.IndexOf("cl-steps-title") < order.IndexOf("cl-important-title"), string.Join(", ", order));
    }

    internal Task<IDocument> RenderDocument(Guidance guidance, string language) =>
        Task.FromResult<IDocument>(RenderPage<Checklist>(language, ps => ps
            .Add(c => c.Guidance, guidance)
            .Add(c => c.Today, Today)));
}
