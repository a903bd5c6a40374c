using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>
/// 江戸川区 (131237): guidance checked against the ward's page 「マイナンバーカード(個人番号カード)」 (更新日 2023年5月16日,
/// Seed/sources/004_875148c135cf68d7.txt). Every case quotes the passage it is taken from.
/// </summary>
public sealed class EdogawaSeedTests
{
    private const string Code = "131237";
    private const string WindowsPhone = "03-5662-9200";
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);

    // 「詳しくは、お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係へお問い合わせください。」 and the seven entries below it.
    private static readonly string[] Windows = ["funabori", "honchosha", "kasai", "koiwa", "komatsugawa", "tobu", "shishibone"];

    public static readonly TheoryData<string> Agents = new() { Applicants.HouseholdMember, Applicants.LegalAgent, Applicants.VoluntaryAgent };

    public static TheoryData<string, string> AgentCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in new[] { Applicants.HouseholdMember, Applicants.LegalAgent, Applicants.VoluntaryAgent })
            {
                data.Add(procedure, applicant);
            }
        }

        return data;
    }

    private static Guidance Evaluate(string procedure, string applicant, params (string, string)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, Tuesday24, answers);

    // ── 紛失・一時停止 (lost-card) ─────────────────────────────────────────────────────────────

    [Fact]
    public void Lost_card_is_suspended_by_phone_and_the_page_says_what_comes_next()
    {
        // 「マイナンバーカード(個人番号カード)を紛失した場合や盗まれてしまった場合は、下記へご連絡ください。…
        //   マイナンバー総合フリーダイヤル:0120-95-0178(24時間365日受付しております)」
        // 「(注)カードの紛失・盗難の場合は、当該事実を確認できる書類(警察署での受理確認書など)が必要になります。」
        var g = Evaluate(Procedures.LostCard, Applicants.Self, ("lost-where", "outside"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["call-suspension", "loss-proof", "if-found", "if-new-card"], g.Steps.Select(s => s.Id));
        Assert.Contains(g.Steps[0].Phones, p => p.Number == "0120-95-0178");
        Assert.Contains("警察署での受理確認書", g.Steps[1].Title.Ja);
        Assert.Contains("電話ではできません", g.Steps[2].Title.Ja);
        Assert.Contains("800円", g.Steps[3].Title.Ja);
        Assert.Contains(g.Notes, n => n is { Id: "release-not-by-phone", Severity: Severities.Warning });
        Assert.Contains(g.Notes, n => n.Id == "number-change");
        Assert.Equal(["national-free", "national-paid", "national-foreign", "mynumber-windows"], g.Phones.Select(p => p.Id));
        Assert.Empty(g.Items);
        Assert.Empty(g.Counters);
        Assert.Equal("2023-05-16", Assert.Single(g.Sources, s => s.Id == "edogawa").Updated);
    }

    // ── 代理人: always ask first ─────────────────────────────────────────────────────────────────

    [Theory]
    [MemberData(nameof(AgentCases))]
    public void Every_agent_case_is_ask_counter_with_the_window_phone(string procedure, string applicant)
    {
        // 「(注)代理人の方がお手続きをされる場合は、必ず事前にお問い合わせください。」
        var g = Evaluate(procedure, applicant, ("lost-where", "home"), ("reissue-reason", "lost"), ("ecert-wanted", "yes"), ("pin-which", "both"));
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Equal("(注)代理人の方がお手続きをされる場合は、必ず事前にお問い合わせください。", g.CoverageSource!.Quote);
        Assert.Contains(g.Phones, p => p.Number == WindowsPhone);
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.True(g.Fee.IsFree);
        Assert.Empty(g.Fee.Items);
        Assert.Null(g.Visits);
        if (procedure == Procedures.LostCard)
        {
            Assert.Equal("call-suspension", g.Steps[0].Id); // calling to suspend is still the first thing to do
            Assert.Empty(g.Counters);
        }
        else
        {
            Assert.Equal(Windows, g.Counters.Select(c => c.Id));
        }
    }

    // ── 一時停止解除 (suspension-release) ─────────────────────────────────────────────────────

    [Fact]
    public void Suspension_release_is_done_at_a_window_not_by_phone()
    {
        // 「(注)マイナンバーカード(個人番号カード)が見つかった場合の一時停止解除については、お電話で行うことができません。
        //   お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係の窓口で、お手続きが必要となります。
        //   詳しくは、お越しになる窓口へお問い合わせください。」
        var g = Evaluate(Procedures.SuspensionRelease, Applicants.Self);
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["release-at-window"], g.Steps.Select(s => s.Id));
        Assert.Contains(g.Notes, n => n.Id == "release-not-by-phone");
        Assert.Contains(g.Notes, n => n.Id == "release-details-not-stated");
        Assert.Empty(g.Items); // the page names nothing to bring
        Assert.Empty(g.IdRules);
        Assert.Null(g.Visits);

        Assert.Equal(Windows, g.Counters.Select(c => c.Id));
        Assert.Equal(
            [WindowsPhone, WindowsPhone, WindowsPhone, WindowsPhone, "03-3683-5184", "03-3679-1125", "03-3678-6115"],
            g.Counters.Select(c => c.Phone));
        Assert.All(g.Counters, c =>
        {
            // No hours, no address, nothing about reservations on the page.
            Assert.False(c.HoursPublished);
            Assert.Empty(c.NextOpenings);
            Assert.Null(c.Address);
            Assert.Equal(ReservationPolicies.NotStated, c.Reservation);
            Assert.Contains("受付時間", c.Note!.Ja);
        });
    }

    // ── 暗証番号の再設定 (pin-reset) ───────────────────────────────────────────────────────────

    [Fact]
    public void Pin_reset_is_done_at_the_same_windows()
    {
        // 「…お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係の窓口で、暗証番号の再設定(ロック解除)を行うことができます。」
        var g = Evaluate(Procedures.PinReset, Applicants.Self, ("pin-which", "signature"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["pin-at-window"], g.Steps.Select(s => s.Id));
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.Contains(g.Notes, n => n.Id == "pin-details-not-stated");
        Assert.Contains(g.Notes, n => n.Id == "kiosk-pin-reset"); // national: convenience-store reset of one PIN
        Assert.Equal(Windows, g.Counters.Select(c => c.Id));
    }

    // ── 再交付 (reissue) ────────────────────────────────────────────────────────────────────────

    [Fact]
    public void Lost_card_reissue_costs_800_plus_200_with_the_certificate_and_needs_proof_of_the_loss()
    {
        // 「カードの紛失、盗難、破損及び券面の汚れ等で再交付する場合(800円の手数料がかかります。電子証明書を搭載する場合は、
        //   さらに200円の手数料がかかります。)」
        // 「お手続きの際には、顔写真(縦4.5センチメートル×横3.5センチメートル、最近6か月以内に撮影、正面・無背景のもの)と
        //   本人確認書類(運転免許証、健康保険証など「氏名・住所」、「氏名・生年月日」が記載された書類)などが必要となります。」
        var g = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("ecert-wanted", "yes"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(1000, g.Fee.Total);
        Assert.Equal([("card", 800), ("e-certificate", 200)], g.Fee.Items.Select(i => (i.Id, i.Amount)));
        Assert.Empty(g.Fee.Exemptions);

        Assert.Equal(["photo", "loss-proof"], g.Items.Select(i => i.Id));
        Assert.Contains("4.5", g.Items[0].Text.Ja);
        Assert.Contains("警察署での受理確認書", g.Items[1].Text.Ja);

        // Documents named only as examples, no A/B category, no combination: rule null, empty catalogue.
        var id = Assert.Single(g.IdRules);
        Assert.Null(id.Combination);
        Assert.Null(id.RuleText);
        Assert.Empty(id.Examples);
        Assert.Contains("運転免許証", id.Note!.Ja);
        Assert.Contains("健康保険証", id.Note.Ja);
        Assert.Empty(SeedRules.For(Code).Document.IdDocuments);

        Assert.Null(g.Visits); // the page does not say how the new card is handed over
        Assert.Contains(g.Notes, n => n.Id == "reissue-ask-window");
        // A lost card is suspended first, whatever the resident started from; the loss proof is a step too.
        Assert.Equal(["call-suspension", "reissue-at-window", "loss-proof"], g.Steps.Select(s => s.Id));
        Assert.Equal(Windows, g.Counters.Select(c => c.Id));
    }

    [Fact]
    public void Stolen_card_without_the_certificate_costs_800()
    {
        var g = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "stolen"), ("ecert-wanted", "no"));
        Assert.Equal(800, g.Fee.Total);
        Assert.Equal(["card"], g.Fee.Items.Select(i => i.Id));
        Assert.Contains(g.Items, i => i.Id == "loss-proof");
    }

    [Fact]
    public void Damaged_card_reissue_returns_the_current_card()
    {
        // 「また、お手持ちのマイナンバーカード(個人番号カード)はお返しください(紛失の場合は除く)。」
        var g = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"), ("ecert-wanted", "yes"));
        Assert.Equal(1000, g.Fee.Total);
        Assert.Equal(["photo", "current-card"], g.Items.Select(i => i.Id));
    }

    [Fact]
    public void Renewal_needs_photo_and_card_but_the_page_states_no_fee_for_it()
    {
        // 「カードの有効期間が満了する日までの期間が3か月未満となり更新する場合」 — listed without a fee; the 800 + 200 sentence
        // is about 「紛失、盗難、破損及び券面の汚れ等」. No fee is invented; a warning says it is not stated.
        var g = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "expiring"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Empty(g.Fee.Items);
        Assert.Contains(g.Notes, n => n is { Id: "renewal-fee-not-stated", Severity: Severities.Warning });
        Assert.Equal(["photo", "current-card"], g.Items.Select(i => i.Id));
        Assert.DoesNotContain(g.Answers, a => a.QuestionId == "ecert-wanted");
    }

    [Fact]
    public void Card_lost_in_a_fire_or_disaster_is_ask_counter()
    {
        var g = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "fire-disaster"));
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains(g.Phones, p => p.Number == WindowsPhone);
        Assert.Equal(Windows, g.Counters.Select(c => c.Id));
    }

    // ── 廃止 (abolition): returning the card ──────────────────────────────────────────────────

    [Fact]
    public void A_card_no_longer_needed_is_returned_at_a_window()
    {
        // 「以下の場合、お近くのマイナンバーカード専用窓口・各事務所の戸籍住民係の窓口へ、マイナンバーカード(個人番号カード)を
        //   お返しください。 • マイナンバーカード(個人番号カード)が不要となった場合 …」
        var g = Evaluate(Procedures.Abolition, Applicants.Self);
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        // A card that was lost or stolen is suspended first (the national step, conditional in its words).
        Assert.Equal(["call-suspension-abolition", "return-card"], g.Steps.Select(s => s.Id));
        Assert.Equal(["card-to-return"], g.Items.Select(i => i.Id));
        Assert.Empty(g.IdRules); // the page names no identity documents for a return
        Assert.Contains(g.Notes, n => n.Id == "abolition-scope");
        Assert.True(g.Fee.IsFree);
        Assert.Equal(Windows, g.Counters.Select(c => c.Id));
        Assert.Equal(WindowsPhone, g.Phones[^1].Number);
    }
}
