using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>
/// 新潟市 (151009): guidance checked against the city's page 「マイナンバーカード」 (最終更新日 2024年10月15日,
/// Seed/sources/002_6ceac284b57aed53.txt). Every case quotes the passage it is taken from.
/// </summary>
public sealed class NiigataSeedTests
{
    private const string Code = "151009";

    // November 2026: Sunday the 1st. Saturdays 7, 14 (2nd), 21 (3rd), 28 (4th); Sundays 15 (3rd) and 22 (the day
    // after the 3rd Saturday: maintenance). Tuesday the 3rd (文化の日) and Monday the 23rd (勤労感謝の日) are holidays.
    private static readonly DateOnly Thursday12 = new(2026, 11, 12);
    private static readonly DateOnly Friday20 = new(2026, 11, 20);
    private static readonly DateOnly Monday23Holiday = new(2026, 11, 23);
    private static readonly DateOnly Tuesday24 = new(2026, 11, 24);

    private static readonly string[] AllWardOffices = ["kita", "higashi", "chuo", "konan", "akiha", "minami", "nishi", "nishikan"];

    /// <summary>Only the resident's own ward office is listed once the ward is known.</summary>
    private static readonly string[] WardOffices = [Ward];
    private static readonly string[] WardReceipt = WardOffices.Select(w => w + "-receipt").ToArray();
    private static readonly string[] ReceiptWindows = [.. WardReceipt, "city-hall-temporary"];

    public static readonly TheoryData<string> Agents = new() { Applicants.HouseholdMember, Applicants.LegalAgent, Applicants.VoluntaryAgent };

    public static readonly TheoryData<string> EveryApplicant = new()
    {
        Applicants.Self, Applicants.HouseholdMember, Applicants.LegalAgent, Applicants.VoluntaryAgent,
    };

    /// <summary>The ward asked about where a counter depends on it (「お住まいの区の区役所」): 中央区 unless a test says otherwise.</summary>
    private const string Ward = "chuo";

    // The resident's ward is asked last; an answer to a question a case does not ask is ignored.
    private static Guidance Evaluate(string procedure, string applicant, DateOnly date, params (string, string)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, date, answers.Any(a => a.Item1 == "ward") ? answers : [.. answers, ("ward", Ward)]);

    // lost-where is passed with reissue cases too: harmless where it is not asked (answers to questions not asked are ignored).
    private static Guidance Reissue(string applicant, string reason, DateOnly date, params (string, string)[] more) =>
        Evaluate(Procedures.Reissue, applicant, date, [("reissue-reason", reason), ("lost-where", "home"), .. more]);

    private static Opening At(int year, int month, int day, int openH, int openM, int closeH, int closeM) =>
        new(new DateOnly(year, month, day), new TimeOnly(openH, openM), new TimeOnly(closeH, closeM));

    // ── 紛失・一時停止 (lost-card) ─────────────────────────────────────────────────────────────

    [Fact]
    public void Lost_outside_self_calls_then_police_then_ward_office_for_the_loss_report()
    {
        // 「まず、個人番号カードコールセンター総合フリーダイヤル(電話:0120-95-0178)に電話し、マイナンバーカードの一時停止手続を
        //   してください(24時間365日受付)。外出先で紛失した場合は、あわせて警察署に遺失物届を提出してください。
        //   次に、区役所に来庁のうえ、紛失・廃止届を提出してください。手続にあたり、本人確認書類の提示が必要です。
        //   新しいマイナンバーカードの交付(有料)を希望する場合は、再交付申請もあわせて必要です。」
        var g = Evaluate(Procedures.LostCard, Applicants.Self, Tuesday24, ("lost-where", "outside"));

        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["call-suspension", "police", "loss-report", "reissue-if-needed"], g.Steps.Select(s => s.Id));
        Assert.True(g.Steps[0].Urgent);
        Assert.Contains(g.Steps[0].Phones, p => p.Number == "0120-95-0178" && p.TollFree == true);
        Assert.Contains("遺失物届", g.Steps[1].Title.Ja);
        Assert.Equal("外出先で紛失した場合は、あわせて警察署に遺失物届を提出してください。", g.Steps[1].Source!.Quote);
        Assert.Contains("紛失・廃止届", g.Steps[2].Title.Ja);
        Assert.Contains("有料", g.Steps[3].Title.Ja);

        // The page names 本人確認書類 for the loss report without a combination: rule null with a note.
        var id = Assert.Single(g.IdRules);
        Assert.Equal(("holder-loss-report", IdSubjects.Holder), (id.Id, id.Subject));
        Assert.Null(id.Combination);
        Assert.Contains("本人確認書類", id.Note!.Ja);
        Assert.Empty(g.Items);
        Assert.True(g.Fee.IsFree);
        Assert.Empty(g.Fee.Items);

        // Loss report at any of the eight ward offices: phone, no reservation (「いずれの手続きも予約不要です」), no published hours.
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
        Assert.All(g.Counters, c =>
        {
            Assert.Equal(ReservationPolicies.NotRequired, c.Reservation);
            Assert.False(c.HoursPublished);
            Assert.Empty(c.NextOpenings);
            Assert.Null(c.Address);
            Assert.NotNull(c.Note);
        });
        Assert.Equal("025-223-7106", Assert.Single(g.Counters).Phone);
        // Each ward's own office: 北区 and 西蒲区 residents are sent to theirs.
        Assert.Equal("025-387-1265", Assert.Single(Evaluate(Procedures.LostCard, Applicants.Self, Tuesday24, ("lost-where", "outside"), ("ward", "kita")).Counters).Phone);
        Assert.Equal("0256-72-8326", Assert.Single(Evaluate(Procedures.LostCard, Applicants.Self, Tuesday24, ("lost-where", "outside"), ("ward", "nishikan")).Counters).Phone);
        Assert.Contains(g.Notes, n => n.Id == "no-reservation");
        Assert.Equal("2024-10-15", Assert.Single(g.Sources, s => s.Id == "niigata").Updated);
    }

    [Fact]
    public void Lost_at_home_needs_no_police_report()
    {
        var g = Evaluate(Procedures.LostCard, Applicants.Self, Tuesday24, ("lost-where", "home"));
        Assert.Equal(["call-suspension", "loss-report", "reissue-if-needed"], g.Steps.Select(s => s.Id));
    }

    [Fact]
    public void Stolen_card_gets_the_number_change_recommendation_but_the_page_names_the_police_only_for_loss_outside()
    {
        // 「盗難被害等でマイナンバーが第三者に不正に使用される恐れがある場合は、あわせてマイナンバーの変更手続もお勧めします。」
        // The police sentence is 「外出先で紛失した場合は…」 only: nothing about a theft report, so no police step is invented.
        var g = Evaluate(Procedures.LostCard, Applicants.Self, Tuesday24, ("lost-where", "stolen"));
        Assert.DoesNotContain(g.Steps, s => s.Id == "police");
        Assert.Contains(g.Notes, n => n.Id == "number-change" && n.Text.Ja.Contains("マイナンバーの変更手続", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void Lost_card_by_someone_else_is_ask_counter_but_still_says_to_call_at_once(string applicant)
    {
        // The lost row names no agent at all: who else may submit 「紛失・廃止届」 is not on the page.
        var g = Evaluate(Procedures.LostCard, applicant, Tuesday24, ("lost-where", "outside"));
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains("紛失・廃止届", g.CoverageReason!.Ja);
        Assert.Equal("call-suspension", g.Steps[0].Id);
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.Contains(g.Phones, p => p.Number == "0120-95-0178");
        Assert.Contains(g.Phones, p => p.Number == "025-223-7106");
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
    }

    // ── 一時停止解除 (suspension-release) ─────────────────────────────────────────────────────

    [Theory]
    [MemberData(nameof(EveryApplicant))]
    public void Suspension_release_is_not_on_the_page_so_every_applicant_is_sent_to_a_ward_office(string applicant)
    {
        // The page describes only suspending (the lost row) — nothing about releasing a suspension.
        // 「お問い合わせは、各センターまたは各区役所へ」
        var g = Evaluate(Procedures.SuspensionRelease, applicant, Tuesday24);
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains("一時停止解除", g.CoverageReason!.Ja);
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.Null(g.Visits);
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
        Assert.All(g.Counters, c => Assert.NotNull(c.Phone));
        Assert.Equal("025-223-7106", Assert.Single(g.Phones).Number);
    }

    // ── 廃止・紛失届 (abolition) ──────────────────────────────────────────────────────────────

    [Fact]
    public void Abolition_is_the_loss_report_at_the_ward_office_with_identity_documents()
    {
        // 「次に、区役所に来庁のうえ、紛失・廃止届を提出してください。手続にあたり、本人確認書類の提示が必要です。」
        var g = Evaluate(Procedures.Abolition, Applicants.Self, Tuesday24);
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["suspend-first", "loss-report"], g.Steps.Select(s => s.Id));
        Assert.Equal(["0120-95-0178", "0570-783-578", "0120-0178-27"], g.Steps[0].Phones.Select(p => p.Number));
        var id = Assert.Single(g.IdRules);
        Assert.Null(id.Combination);
        Assert.Null(g.Visits);
        Assert.True(g.Fee.IsFree);
        Assert.Contains(g.Notes, n => n.Id == "loss-report-scope");
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
        Assert.All(g.Counters, c => Assert.Equal(ReservationPolicies.NotRequired, c.Reservation));
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void Abolition_by_someone_else_is_ask_counter(string applicant)
    {
        var g = Evaluate(Procedures.Abolition, applicant, Tuesday24);
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Empty(g.IdRules);
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
    }

    // ── 再交付 (reissue) after loss ───────────────────────────────────────────────────────────

    [Fact]
    public void Reissue_after_loss_costs_800_for_the_card_and_200_for_the_certificate()
    {
        // 「紛失・失効等による再交付手数料は、1名あたり1,000円(個人番号カードが800円、電子証明書が200円)です。」
        var g = Reissue(Applicants.Self, "lost", Tuesday24, ("noto-earthquake", "no"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(1000, g.Fee.Total);
        Assert.Equal([("card", 800), ("e-certificate", 200)], g.Fee.Items.Select(i => (i.Id, i.Amount)));
        Assert.Empty(g.Fee.Exemptions);
        Assert.Contains("1,000円", g.Fee.Items[0].Source!.Quote);
    }

    [Fact]
    public void Reissue_after_loss_takes_two_visits_application_then_booked_receipt()
    {
        // 1st visit: 「区役所に来庁のうえ、紛失・廃止届を提出…再交付申請もあわせて必要です」.
        // Between: 「申請が正常に受理されると、後日申請者宛てに「交付通知書」が郵送されます。」
        //          「交付通知書が手元に届きましたら、予約センターでマイナンバーカードの受取日時を事前に予約してください。」
        // 2nd visit: receipt, 「A区分書類1点またはB区分書類2点を持参してください。」
        var g = Reissue(Applicants.Self, "lost", Tuesday24, ("noto-earthquake", "no"));

        Assert.Equal((2, false), (g.Visits!.Count, g.Visits.CompletesSameDay));
        Assert.Contains("交付通知書", g.Visits.Between!.Ja);
        Assert.Equal(["call-suspension", "reissue-application", "reserve", "receive"], g.Steps.Select(s => s.Id));
        var reserve = g.Steps.Single(s => s.Id == "reserve");
        Assert.Equal("025-245-0300", Assert.Single(reserve.Phones).Number);
        Assert.Contains(g.Phones, p => p.Id == "reservation-center");

        var notice = Assert.Single(g.Items, i => i.Id == "notice-lost");
        Assert.Equal(2, notice.Visit);

        var application = Assert.Single(g.IdRules, r => r.Id == "holder-reissue-application");
        Assert.Equal(1, application.Visit);
        Assert.Null(application.Combination);
        var receipt = Assert.Single(g.IdRules, r => r.Id == "holder-receipt-lost");
        Assert.Equal(2, receipt.Visit);
        Assert.Equal("A×1 or B×2", receipt.Combination!.ToString());
        // The whole catalogue (A with photo, B) is offered as examples.
        Assert.Equal(9, receipt.Examples.Count(e => e.Category == "A"));
        Assert.All(receipt.Examples.Where(e => e.Category == "A"), e => Assert.True(e.Photo));
        Assert.Contains(receipt.Examples, e => e.Name.Ja == "健康保険証" && e.Category == "B" && !e.Photo);
        Assert.Contains(receipt.Examples, e => e.Name.Ja == "個人番号カード顔写真証明書" && e.Category == "B" && e.Photo);
        Assert.True(receipt.Combination.Check([new PresentedDocument('A', true)]).Satisfied);
        Assert.True(receipt.Combination.Check([new PresentedDocument('B', false), new PresentedDocument('B', false)]).Satisfied);
        Assert.False(receipt.Combination.Check([new PresentedDocument('B', false)]).Satisfied);

        // Visit 1 at the ward office (no reservation, hours not published); visit 2 at a receipt window (reservation required).
        var wards = g.Counters.Where(c => WardOffices.Contains(c.Id)).ToList();
        Assert.Single(wards); // the resident's own ward office only, listed once per visit
        Assert.All(wards, c =>
        {
            Assert.Equal([1], c.Visits);
            Assert.Equal((ReservationPolicies.NotRequired, false), (c.Reservation, c.HoursPublished));
        });
        var receiptWindows = g.Counters.Where(c => ReceiptWindows.Contains(c.Id)).ToList();
        Assert.Equal(2, receiptWindows.Count); // the own ward's receipt window and the city hall's temporary window
        Assert.All(receiptWindows, c =>
        {
            Assert.Equal([2], c.Visits);
            Assert.Equal((ReservationPolicies.Required, true), (c.Reservation, c.HoursPublished));
        });
        Assert.Contains(g.Notes, n => n.Id == "reissue-application-items");
        Assert.Contains(g.Notes, n => n.Id == "pin-at-receipt");
    }

    [Theory]
    [InlineData("lost")]
    [InlineData("stolen")]
    [InlineData("fire-disaster")]
    public void Reissue_is_free_after_the_2024_Noto_earthquake_with_a_disaster_certificate(string reason)
    {
        // 「令和6年能登半島地震の影響によりマイナンバーカードを紛失等した場合は、無料で再交付することができます。
        //   ただし、この場合、罹災証明書が必要となります。」
        var g = Reissue(Applicants.Self, reason, Tuesday24, ("noto-earthquake", "yes"));
        Assert.Equal(0, g.Fee.Total);
        Assert.True(g.Fee.IsFree);
        Assert.Equal([800, 200], g.Fee.Items.Select(i => i.Amount)); // the breakdown stays visible
        var exemption = Assert.Single(g.Fee.Exemptions);
        Assert.Equal("noto-earthquake", exemption.Id);
        Assert.Equal("罹災証明書", exemption.Evidence!.Ja);
        Assert.Contains(g.Items, i => i.Id == "disaster-certificate" && i.Text.Ja == "罹災証明書");
        Assert.Contains(g.Answers, a => a.QuestionId == "noto-earthquake" && a.Value == "yes");
    }

    [Fact]
    public void Stolen_card_reissue_costs_1000_and_recommends_changing_the_number()
    {
        var g = Reissue(Applicants.Self, "stolen", Tuesday24, ("noto-earthquake", "no"));
        Assert.Equal(1000, g.Fee.Total);
        Assert.Contains(g.Notes, n => n.Id == "number-change");
        Assert.DoesNotContain(g.Items, i => i.Id == "disaster-certificate");
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void Reissue_after_loss_by_someone_else_is_ask_counter(string applicant)
    {
        // The application visit (紛失・廃止届 + 再交付申請) is described for the holder only, and
        // 「代理人による受取は、病気、身体の障がい等のやむを得ない理由に限られます。代理人受取を希望する場合は、
        //   来庁前にお住まいの区の区役所までご相談ください。」
        var g = Reissue(applicant, "lost", Tuesday24, ("noto-earthquake", "no"), ("holder-status", "under-15"), ("relation-local", "yes"));
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains("相談", g.CoverageReason!.Ja);
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.True(g.Fee.IsFree);
        Assert.Empty(g.Fee.Items);
        Assert.Contains(g.Counters, c => c.Id == "chuo" && c.Phone == "025-223-7106");
    }

    [Fact]
    public void Damaged_card_is_ask_counter_because_the_page_gives_no_way_to_apply_or_fee()
    {
        // Only 「古いマイナンバーカード(有効期限切れや汚損・破損等で、新しいカードを申請する場合)」 at receipt.
        var g = Reissue(Applicants.Self, "damaged", Tuesday24);
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains("破損", g.CoverageReason!.Ja);
        Assert.Empty(g.Fee.Items);
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
    }

    // ── 再交付 (reissue) on expiry: renewal ──────────────────────────────────────────────────────

    [Fact]
    public void Renewal_is_free_when_the_old_card_is_brought()
    {
        // 「マイナンバーカード・電子証明書の有効期限が到来する際の更新(有効期限到来後の再交付を含む)も、無料です。」
        var g = Reissue(Applicants.Self, "expiring", Tuesday24, ("old-card-held", "yes"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(0, g.Fee.Total);
        var free = Assert.Single(g.Fee.Items);
        Assert.Equal(("renewal-free", 0), (free.Id, free.Amount));
        Assert.Empty(g.Fee.Exemptions);

        // Applied for by post/online with the enclosed form; one visit to receive.
        Assert.Equal(["renewal-application", "reserve", "receive"], g.Steps.Select(s => s.Id));
        Assert.Equal((1, true), (g.Visits!.Count, g.Visits.CompletesSameDay));
        Assert.Equal(["notice-renewal", "old-card"], g.Items.Select(i => i.Id));
        var id = Assert.Single(g.IdRules);
        Assert.Equal(("holder-receipt-renewal", "A×1 or B×2"), (id.Id, id.Combination!.ToString()));
        Assert.Equal(ReceiptWindows, g.Counters.Select(c => c.Id));
        Assert.DoesNotContain(g.Answers, a => a.QuestionId == "noto-earthquake");
    }

    [Fact]
    public void Renewal_without_the_old_card_is_charged_800_plus_200()
    {
        // 「新しいマイナンバーカードの受取時に旧カードを持参しないと有料扱い(カード本体800円、電子証明書200円)となります。」
        var g = Reissue(Applicants.Self, "expiring", Tuesday24, ("old-card-held", "no"));
        Assert.Equal(1000, g.Fee.Total);
        Assert.Equal([("card", 800), ("e-certificate", 200)], g.Fee.Items.Select(i => (i.Id, i.Amount)));
        Assert.Contains(g.Notes, n => n is { Id: "old-card-fee", Severity: Severities.Warning });
        Assert.DoesNotContain(g.Items, i => i.Id == "old-card");
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Renewal_received_by_an_agent_needs_the_agent_combinations_and_proof_of_the_reason(string applicant)
    {
        // 申請者の本人確認書類: 「A区分書類2点」「A区分書類1点かつB区分書類1点」「B区分書類3点(うち写真付き1点以上、
        //   「個人番号カード顔写真証明書」も可)」; 代理人の本人確認書類: 「A区分書類2点」「A区分書類1点かつB区分書類1点」.
        var g = Reissue(applicant, "expiring", Tuesday24, ("old-card-held", "yes"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);

        var holder = Assert.Single(g.IdRules, r => r.Subject == IdSubjects.Holder);
        Assert.Equal("A×2 or A×1+B×1 or B×3 with photo≥1", holder.Combination!.ToString());
        Assert.True(holder.Combination.Check([new('B', true), new('B', false), new('B', false)]).Satisfied); // e.g. 顔写真証明書 + 2 B
        Assert.False(holder.Combination.Check([new('B', false), new('B', false), new('B', false)]).Satisfied);
        Assert.False(holder.Combination.Check([new('A', true)]).Satisfied);
        var agent = Assert.Single(g.IdRules, r => r.Subject == IdSubjects.Agent);
        Assert.Equal("A×2 or A×1+B×1", agent.Combination!.ToString());
        Assert.False(agent.Combination.Check([new('B', false), new('B', false), new('B', false)]).Satisfied);

        Assert.Equal(["notice-proxy", "old-card", "proxy-reason-proof"], g.Items.Select(i => i.Id));
        Assert.Contains("代理人欄", g.Items[0].Detail!.Ja);
        // 「原則として本人の来庁が必要です。代理人による受取は、病気、身体の障がい等のやむを得ない理由に限られます。」
        Assert.Contains(g.Notes, n => n is { Id: "proxy-receipt-limited", Severity: Severities.Warning });
        Assert.Equal(0, g.Fee.Total);
    }

    [Fact]
    public void Voluntary_agent_receipt_is_notified_to_the_holder_afterwards()
    {
        // 「「住民票上の同一世帯員」「法定代理人」以外の者による代理受取の際は、後日、申請者本人宛に
        //   「マイナンバーカードを代理人に交付した」旨を通知します。」
        var voluntary = Reissue(Applicants.VoluntaryAgent, "expiring", Tuesday24, ("old-card-held", "yes"));
        Assert.Contains(voluntary.Notes, n => n.Id == "proxy-notice-to-holder");
        Assert.Contains(voluntary.Notes, n => n.Id == "sub-agent" && n.Text.Ja.Contains("委任状", StringComparison.Ordinal));
        var household = Reissue(Applicants.HouseholdMember, "expiring", Tuesday24, ("old-card-held", "yes"));
        Assert.DoesNotContain(household.Notes, n => n.Id is "proxy-notice-to-holder" or "sub-agent");
    }

    [Fact]
    public void Legal_agent_accompanies_a_child_under_15_and_brings_the_family_register_unless_the_city_can_confirm()
    {
        // 「15歳未満の方や成年被後見人の方は、本人と共に法定代理人が同行してください。」
        // 「法定代理人が同行する場合は、法定代理人の本人確認書類(コピー不可)、及び戸籍謄本その他代理人資格を証明する書類」
        var g = Reissue(Applicants.LegalAgent, "expiring", Tuesday24, ("holder-status", "under-15"), ("relation-local", "no"), ("old-card-held", "yes"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal(["notice-renewal", "old-card", "legal-agent-proof"], g.Items.Select(i => i.Id));
        Assert.Equal("戸籍謄本その他代理人資格を証明する書類", g.Items[2].Text.Ja);
        Assert.Equal(
            [("holder-receipt-renewal", IdSubjects.Holder, "A×1 or B×2"), ("legal-agent-receipt", IdSubjects.Agent, "A×1 or B×2")],
            g.IdRules.Select(r => (r.Id, r.Subject, r.Combination!.ToString())));
        Assert.Contains(g.Notes, n => n.Id == "legal-agent-accompany");
        Assert.Contains(g.Notes, n => n.Id == "legal-agent-sets-pin");
        Assert.DoesNotContain(g.Notes, n => n.Id == "koseki-omitted");
    }

    [Fact]
    public void Legal_agent_leaves_out_the_family_register_when_the_page_says_it_can()
    {
        // 「(ただし、「本籍地が新潟市内で、関係が確認できる場合」または「15歳未満の者に係る手続で、代理人と同一世帯かつ
        //   住民票上続柄欄で関係が確認できる場合」は、戸籍謄本の添付を省略することが可能です。)」
        var g = Reissue(Applicants.LegalAgent, "expiring", Tuesday24, ("holder-status", "under-15"), ("relation-local", "yes"), ("old-card-held", "yes"));
        Assert.DoesNotContain(g.Items, i => i.Id == "legal-agent-proof");
        Assert.Contains(g.Notes, n => n.Id == "koseki-omitted");
        Assert.Contains(g.Answers, a => a.QuestionId == "relation-local" && a.Question.Ja.Contains("どちらか", StringComparison.Ordinal));
    }

    [Fact]
    public void Legal_agent_of_someone_neither_under_15_nor_an_adult_ward_is_ask_counter()
    {
        var g = Reissue(Applicants.LegalAgent, "expiring", Tuesday24, ("holder-status", "other"), ("old-card-held", "yes"));
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.Contains("15歳未満", g.CoverageReason!.Ja);
        Assert.DoesNotContain(g.Answers, a => a.QuestionId == "relation-local");
    }

    // ── Receipt windows: hours and closures ────────────────────────────────────────────────────

    [Fact]
    public void Temporary_window_opens_Thursday_to_Monday_and_until_17_45_on_the_second_Saturday()
    {
        // 「市役所本館臨時交付窓口 祝日を含む木曜から月曜 午前9時30分~午後4時45分 ・毎月第2・第4土曜は、午後5時45分まで延長します。
        //   ・火曜、水曜、第3日曜がお休みです。」
        var window = Reissue(Applicants.Self, "expiring", Thursday12, ("old-card-held", "yes")).Counters.Single(c => c.Id == "city-hall-temporary");
        Assert.Equal(
            [At(2026, 11, 12, 9, 30, 16, 45), At(2026, 11, 13, 9, 30, 16, 45), At(2026, 11, 14, 9, 30, 17, 45)],
            window.NextOpenings);
        Assert.Null(window.Phone); // the page gives no number for the window; bookings go through the 予約センター
        Assert.Equal(ReservationPolicies.Required, window.Reservation);
    }

    [Fact]
    public void Temporary_window_is_closed_on_the_third_Sunday_and_on_Tuesday_and_Wednesday()
    {
        var window = Reissue(Applicants.Self, "expiring", new DateOnly(2026, 11, 15), ("old-card-held", "yes")).Counters.Single(c => c.Id == "city-hall-temporary");
        // Sun 15 (3rd Sunday) closed → Mon 16; Tue 17 and Wed 18 closed → Thu 19, Fri 20.
        Assert.Equal([At(2026, 11, 16, 9, 30, 16, 45), At(2026, 11, 19, 9, 30, 16, 45), At(2026, 11, 20, 9, 30, 16, 45)], window.NextOpenings);
    }

    [Fact]
    public void Temporary_window_skips_the_maintenance_Sunday_and_opens_on_a_holiday_ward_offices_do_not()
    {
        // 「「第3土曜日の翌日」や「年末年始」は、システムメンテナンスのため交付手続きができません。」
        // Sat 21 is the 3rd Saturday (not extended); Sun 22 (4th Sunday) is the maintenance day; Mon 23 勤労感謝の日 is open
        // there (「祝日を含む」) while the ward offices receive 「祝日を除く月曜から金曜 午前9時~午後5時」.
        var counters = Reissue(Applicants.Self, "lost", new DateOnly(2026, 11, 21), ("noto-earthquake", "no"), ("ward", "kita")).Counters;
        var window = counters.Single(c => c.Id == "city-hall-temporary");
        Assert.Equal([At(2026, 11, 21, 9, 30, 16, 45), At(2026, 11, 23, 9, 30, 16, 45), At(2026, 11, 26, 9, 30, 16, 45)], window.NextOpenings);

        var kita = counters.Single(c => c.Id == "kita-receipt");
        Assert.Equal("025-387-1265", kita.Phone);
        Assert.Equal([At(2026, 11, 24, 9, 0, 17, 0), At(2026, 11, 25, 9, 0, 17, 0), At(2026, 11, 26, 9, 0, 17, 0)], kita.NextOpenings);
    }

    [Fact]
    public void Fourth_Saturday_is_extended_too()
    {
        var window = Reissue(Applicants.Self, "expiring", new DateOnly(2026, 11, 26), ("old-card-held", "yes")).Counters.Single(c => c.Id == "city-hall-temporary");
        Assert.Equal([At(2026, 11, 26, 9, 30, 16, 45), At(2026, 11, 27, 9, 30, 16, 45), At(2026, 11, 28, 9, 30, 17, 45)], window.NextOpenings);
    }

    [Fact]
    public void Ward_receipt_skips_the_holiday_and_every_window_closes_over_the_new_year()
    {
        var onHoliday = Reissue(Applicants.Self, "expiring", Monday23Holiday, ("old-card-held", "yes")).Counters;
        Assert.All(onHoliday.Where(c => WardReceipt.Contains(c.Id)), c => Assert.Equal(new DateOnly(2026, 11, 24), c.NextOpenings[0].Date));
        Assert.Equal(Monday23Holiday, onHoliday.Single(c => c.Id == "city-hall-temporary").NextOpenings[0].Date);

        var yearEnd = Reissue(Applicants.Self, "expiring", new DateOnly(2026, 12, 28), ("old-card-held", "yes")).Counters;
        Assert.Equal(
            [new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 5)],
            yearEnd.Single(c => c.Id == "chuo-receipt").NextOpenings.Select(o => o.Date));
        Assert.Equal(
            [new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 7)],
            yearEnd.Single(c => c.Id == "city-hall-temporary").NextOpenings.Select(o => o.Date));
    }

    [Fact]
    public void Ward_receipt_on_a_friday_then_skips_the_weekend_and_the_holiday()
    {
        var kita = Reissue(Applicants.Self, "expiring", Friday20, ("old-card-held", "yes"), ("ward", "kita")).Counters.Single(c => c.Id == "kita-receipt");
        Assert.Equal([Friday20, new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25)], kita.NextOpenings.Select(o => o.Date));
        Assert.Equal(ReservationPolicies.Required, kita.Reservation);
    }

    // ── 暗証番号の再設定 (pin-reset) ───────────────────────────────────────────────────────────

    [Fact]
    public void Pin_reset_by_the_holder_at_the_ward_office_is_normally_same_day()
    {
        // 「暗証番号の再設定手続が必要です。マイナンバーカード、本人確認書類をお持ちのうえ、区役所・一部の出張所
        //   (詳しくは出張所までお問い合わせください)までお越しください。通常、手続は即日で完了しますが、
        //   代理人手続等の場合は後日再来庁が必要です。」
        var g = Evaluate(Procedures.PinReset, Applicants.Self, Tuesday24, ("pin-which", "both"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal("マイナンバーカード", Assert.Single(g.Items).Text.Ja);
        var id = Assert.Single(g.IdRules);
        Assert.Equal(("holder-pin-reset", IdSubjects.Holder), (id.Id, id.Subject));
        Assert.Null(id.Combination);
        Assert.Equal((1, true), (g.Visits!.Count, g.Visits.CompletesSameDay));
        Assert.Equal(WardOffices, g.Counters.Select(c => c.Id));
        Assert.All(g.Counters, c => Assert.Equal(ReservationPolicies.NotRequired, c.Reservation));
        Assert.Contains(g.Notes, n => n.Id == "pin-branch-offices");
        Assert.Contains(g.Notes, n => n.Id == "kiosk-pin-reset-not-both"); // national
        Assert.True(g.Fee.IsFree);
    }

    [Fact]
    public void Pin_reset_of_one_pin_mentions_the_convenience_store_kiosk()
    {
        var g = Evaluate(Procedures.PinReset, Applicants.Self, Tuesday24, ("pin-which", "four-digit"));
        Assert.Contains(g.Notes, n => n.Id == "kiosk-pin-reset");
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void Pin_reset_by_an_agent_needs_a_second_visit(string applicant)
    {
        // 「代理人手続等の場合は後日再来庁が必要です。」 — what the agent brings is not on the page.
        var g = Evaluate(Procedures.PinReset, applicant, Tuesday24, ("pin-which", "four-digit"));
        Assert.Equal(CoverageStatuses.Covered, g.Coverage);
        Assert.Equal((2, false), (g.Visits!.Count, g.Visits.CompletesSameDay));
        var agent = Assert.Single(g.IdRules);
        Assert.Equal((IdSubjects.Agent, (IdCombinationRule?)null), (agent.Subject, agent.Combination));
        Assert.Contains(g.Notes, n => n is { Id: "pin-reset-agent", Severity: Severities.Warning });
        Assert.Equal([Ward], g.Counters.Select(c => c.Id));
    }

    // ── Every case names its source ────────────────────────────────────────────────────────────

    [Theory]
    [MemberData(nameof(EveryApplicant))]
    public void Every_procedure_has_guidance_and_a_ward_office_phone(string applicant)
    {
        foreach (var procedure in Procedures.All)
        {
            var g = Evaluate(procedure, applicant, Tuesday24,
                ("lost-where", "home"), ("reissue-reason", "expiring"), ("old-card-held", "yes"), ("pin-which", "both"),
                ("holder-status", "under-15"), ("relation-local", "no"));
            Assert.Equal("新潟市", g.MunicipalityName.Ja);
            Assert.Contains(g.Phones, p => p.Id == "chuo-ward" || p.Id == "reservation-center" || p.Number == "0120-95-0178");
            Assert.Contains(g.Sources, s => s.File == "002_6ceac284b57aed53.txt");
        }
    }
}
