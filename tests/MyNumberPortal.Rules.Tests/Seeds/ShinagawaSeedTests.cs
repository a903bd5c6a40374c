using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>
/// 品川区 (131091): the guidance for each procedure and applicant kind against the ward's page
/// 「05_マイナンバーカードに関する各手続きについて(紛失、暗証番号ロック、住所・氏名変更など)」
/// (seed 003_011f8d0639833966.txt, 更新日 令和6年9月1日). Each test quotes the passage it checks.
/// Dates: Sat 2026-11-21 is the third Saturday, so Sun 2026-11-22 is the maintenance Sunday;
/// Mon 2026-11-23 is 勤労感謝の日; Tue 2026-11-24 is an ordinary Tuesday; Sun 2026-11-29 an ordinary Sunday.
/// </summary>
public sealed class ShinagawaSeedTests
{
    private const string Code = "131091";
    private const string SourceFile = "003_011f8d0639833966.txt";
    private const string InquiryNumber = "03-5742-6660";
    private const string FreeDial = "0120-95-0178";

    private static readonly DateOnly ThirdSaturday = new(2026, 11, 21);
    private static readonly DateOnly MaintenanceSunday = new(2026, 11, 22);
    private static readonly DateOnly LabourThanksgiving = new(2026, 11, 23);
    private static readonly DateOnly Tuesday = new(2026, 11, 24);
    private static readonly DateOnly OrdinarySaturday = new(2026, 11, 28);
    private static readonly DateOnly OrdinarySunday = new(2026, 11, 29);
    private static readonly DateOnly BeforeYearEnd = new(2026, 12, 28);

    // The nine counters in the self PIN-reset table (窓口で再設定・ロック解除を行うとき).
    private static readonly string[] PinSelfCounters =
    [
        "city-office-pin", "ebara-daiichi", "shinagawa-daiichi", "osaki-daiichi", "oi-daiichi", "ebara-daiyon", "yashio",
        "meguro-service-corner", "ebara-post-office",
    ];

    // The two counters in the legal- and voluntary-agent tables.
    private static readonly string[] PinAgentCounters = ["city-office-pin-agents", "meguro-service-corner"];

    public static readonly TheoryData<string> OtherThanSelf = new() { Applicants.HouseholdMember, Applicants.LegalAgent, Applicants.VoluntaryAgent };

    private static Guidance Case(string procedure, string applicant, params (string Question, string Answer)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, Tuesday, answers);

    private static Guidance CaseOn(DateOnly date, string procedure, string applicant, params (string Question, string Answer)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, date, answers);

    private static List<string> Ids<T>(IEnumerable<T> elements, Func<T, string> id) => elements.Select(id).Order(StringComparer.Ordinal).ToList();

    private static List<string> Sorted(params string[] ids) => ids.Order(StringComparer.Ordinal).ToList();

    private static Opening At(DateOnly date, string open, string close) => new(date, TimeOnly.Parse(open), TimeOnly.Parse(close));

    private static GuidanceIdRule IdRule(Guidance g, string subject) => Assert.Single(g.IdRules, r => r.Subject == subject);

    private static void AssertRule(GuidanceIdRule rule, string text, params IdAlternative[] alternatives)
    {
        Assert.Equal(text, rule.RuleText);
        Assert.NotNull(rule.Combination);
        Assert.Equal(alternatives, rule.Combination!.Alternatives);
    }

    private static void AssertCovered(Guidance g) => Assert.Equal(CoverageStatuses.Covered, g.Coverage);

    private static void AssertAskCounter(Guidance g)
    {
        Assert.Equal(CoverageStatuses.AskCounter, g.Coverage);
        Assert.NotNull(g.CoverageReason);
        Assert.Equal(SourceFile, g.CoverageSource?.Document.File);
        Assert.Empty(g.Items);
        Assert.Empty(g.IdRules);
        Assert.Equal(0, g.Fee.Total);
        Assert.Contains(g.Phones, p => p.Number == InquiryNumber);
    }

    // ---- municipality -------------------------------------------------------------------------

    [Fact]
    public void The_inquiry_phone_is_the_my_number_desk_of_the_family_register_section()
    {
        // お問い合わせ 戸籍住民課 戸籍住民担当(マイナンバー) 電話:03-5742-6660
        var rules = SeedRules.For(Code);
        Assert.Equal("品川区", rules.Municipality.Name.Ja);
        Assert.Equal("東京都", rules.Municipality.Prefecture.Ja);
        var phone = rules.Phones[rules.Municipality.InquiryPhone!];
        Assert.Equal(InquiryNumber, phone.Number);
        Assert.Contains("戸籍住民担当(マイナンバー)", phone.Name.Ja, StringComparison.Ordinal);
        var source = Assert.Single(rules.Document.Sources);
        Assert.Equal(SourceFile, source.File);
        Assert.Equal("2024-09-01", source.Updated);
    }

    // ---- 紛失・一時停止 -------------------------------------------------------------------------

    [Fact]
    public void Lost_outside_home_suspend_by_free_dial_then_report_to_police_and_note_number_and_station()
    {
        // マイナンバーカードを紛失・盗難された方は機能の一時停止をかけられます。
        // マイナンバー総合フリーダイヤル(0120-95-0178)までお問い合わせください。一時利用停止については、24時間365日受付可能です。
        // ご自宅の外でカードを紛失してしまった場合には、警察署で遺失届を行い、次の事項を控えておいてください。
        // - 遺失届の受理番号 - 遺失届を提出した警察署の連絡先
        var g = Case(Procedures.LostCard, Applicants.Self, ("lost-where", "outside"));
        AssertCovered(g);
        var call = g.Steps[0];
        Assert.Equal("call-suspension", call.Id);
        Assert.True(call.Urgent);
        Assert.Contains(call.Phones, p => p.Number == FreeDial && p.TollFree == true);
        Assert.Contains("24時間365日", call.Detail!.Ja, StringComparison.Ordinal);
        Assert.Equal(SourceFile, call.Source?.Document.File);
        var police = Assert.Single(g.Steps, s => s.Id.StartsWith("police", StringComparison.Ordinal));
        Assert.Equal("police-lost-outside", police.Id);
        Assert.Contains("受理番号", police.Title.Ja, StringComparison.Ordinal);
        Assert.Contains("警察署の連絡先", police.Title.Ja, StringComparison.Ordinal);
        Assert.Contains(g.Phones, p => p.Number == InquiryNumber);
        Assert.Contains(g.Notes, n => n.Id == "lost-found-later");
        Assert.All(g.Sources, s => Assert.Contains(s.File, new[] { SourceFile, "000_ce66724ce5ef7f6c.txt" }));
    }

    [Fact]
    public void Lost_at_home_the_police_may_not_accept_the_report_and_details_are_asked_at_reissue()
    {
        // ご自宅の中で紛失してしまった場合は、警察署で遺失届が受理されない場合があります。
        // その場合、マイナンバーカードの再交付申請時に紛失したときの詳細を確認させていただきますのでお答えください。
        var g = Case(Procedures.LostCard, Applicants.Self, ("lost-where", "home"));
        var police = Assert.Single(g.Steps, s => s.Id.StartsWith("police", StringComparison.Ordinal));
        Assert.Equal("police-lost-home", police.Id);
        Assert.Contains("受理されない", police.Title.Ja, StringComparison.Ordinal);
        Assert.Contains("再交付申請", police.Detail!.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Stolen_card_report_to_police_and_keep_the_receipt_number()
    {
        // ・遺失、盗難届の受理番号の控え(自宅外で紛失、盗難にあった場合)
        var g = Case(Procedures.LostCard, Applicants.Self, ("lost-where", "stolen"));
        Assert.Equal(["call-suspension", "police-stolen"], g.Steps.Select(s => s.Id));
        Assert.Contains(g.Notes, n => n.Id == "lost-abolition-or-reissue");
    }

    [Theory]
    [MemberData(nameof(OtherThanSelf))]
    public void Lost_card_reported_by_someone_else_is_not_on_the_page_but_the_suspension_call_is_still_shown(string applicant)
    {
        // The page addresses only the holder: 「マイナンバーカードを紛失・盗難された方は機能の一時停止をかけられます。」
        // The case still asks where the card was lost, so the police report the page asks for is shown too.
        var g = Case(Procedures.LostCard, applicant, ("lost-where", "outside"));
        AssertAskCounter(g);
        Assert.Equal(["call-suspension", "police-lost-outside"], g.Steps.Select(s => s.Id));
        Assert.Contains(g.Steps[0].Phones, p => p.Number == FreeDial);
    }

    // ---- 一時停止解除 ---------------------------------------------------------------------------

    [Fact]
    public void Suspension_release_bring_the_found_card_and_one_id_to_the_ward_office()
    {
        // 一時停止後にカードが見つかった場合 次のものをお持ちになって、区役所で手続きをしてください。
        // - 見つかったマイナンバーカード - 本人確認書類1点(免許証、保険証等)
        var g = Case(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "no"));
        AssertCovered(g);
        Assert.Equal(["found-card"], g.Items.Select(i => i.Id));
        var holder = IdRule(g, IdSubjects.Holder);
        AssertRule(holder, "A×1 or B×1", new IdAlternative(1, 0, 0), new IdAlternative(0, 1, 0));
        Assert.Contains("免許証、保険証等", holder.Note!.Ja, StringComparison.Ordinal);
        Assert.DoesNotContain(g.IdRules, r => r.Subject == IdSubjects.Agent);

        // "区役所" only: no desk and no hours for this procedure, so none are shown, and the note says to call.
        var counter = Assert.Single(g.Counters);
        Assert.Equal("city-office-suspension-release", counter.Id);
        Assert.Equal("品川区役所", counter.Name.Ja);
        Assert.False(counter.HoursPublished);
        Assert.Empty(counter.NextOpenings);
        Assert.Contains(InquiryNumber, counter.Note!.Ja, StringComparison.Ordinal);

        // No fee is stated on the page: none is charged here, and a note says the page is silent.
        Assert.Equal(0, g.Fee.Total);
        Assert.Empty(g.Fee.Items);
        Assert.Contains(g.Notes, n => n.Id == "suspension-release-fee-not-stated");
    }

    [Fact]
    public void Suspension_release_after_a_reissue_application_is_not_on_the_page()
    {
        var g = Case(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "yes"));
        AssertAskCounter(g);
    }

    [Theory]
    [MemberData(nameof(OtherThanSelf))]
    public void Suspension_release_by_someone_else_is_not_on_the_page(string applicant)
    {
        var g = Case(Procedures.SuspensionRelease, applicant);
        AssertAskCounter(g);
        Assert.Empty(g.Answers);
    }

    // ---- 廃止・紛失届 ---------------------------------------------------------------------------

    [Fact]
    public void Abolition_needs_one_A_or_two_B_documents_and_warns_that_the_card_can_never_be_revived()
    {
        // 【必要な書類】 - 本人確認書類 ※本人確認書類一覧表(PDF : 146KB)に記載された「A書類から1点」または「B書類から2点」
        // 【紛失届に係る注意事項】 - 紛失届を申請するとマイナンバーカードの機能は廃止となり、カードを使用した手続きができなくなります。
        // - 申請後は、いかなる理由があっても既に廃止となったマイナンバーカードの機能を復活することはできません。
        var g = Case(Procedures.Abolition, Applicants.Self);
        AssertCovered(g);
        Assert.Empty(g.Items);
        AssertRule(IdRule(g, IdSubjects.Holder), "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        Assert.Contains(g.Notes, n => n.Id == "abolition-functions-end" && n.Severity == Severities.Warning);
        var revive = Assert.Single(g.Notes, n => n.Id == "abolition-irreversible");
        Assert.Equal(Severities.Warning, revive.Severity);
        Assert.Contains("復活", revive.Text.Ja, StringComparison.Ordinal);
        Assert.Contains(g.Notes, n => n.Id == "abolition-then-reissue");

        // The page names no counter or hours for the 紛失届: the guidance points to the section's phone.
        var counter = Assert.Single(g.Counters);
        Assert.Equal("mynumber-section-abolition", counter.Id);
        Assert.Equal(InquiryNumber, counter.Phone);
        Assert.False(counter.HoursPublished);
        Assert.Contains(g.Notes, n => n.Id == "abolition-fee-not-stated");
    }

    [Theory]
    [MemberData(nameof(OtherThanSelf))]
    public void Abolition_by_someone_else_is_not_on_the_page(string applicant)
    {
        var g = Case(Procedures.Abolition, applicant);
        AssertAskCounter(g);
        Assert.Contains(g.Counters, c => c.Phone == InquiryNumber);
    }

    // ---- 再交付 ---------------------------------------------------------------------------------

    [Fact]
    public void Reissue_after_losing_the_card_outside_the_fee_is_800_for_the_card_and_200_for_the_certificates()
    {
        // 本人確認書類 ... A書類1点、またはB書類2点をお持ちください。 - 手数料 1,000円(マイナンバーカード800円、電子証明書200円)
        // ・遺失、盗難届の受理番号の控え(自宅外で紛失、盗難にあった場合)
        // - 遺失届の受理番号 - 遺失届を提出した警察署の連絡先
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "outside"));
        AssertCovered(g);
        Assert.Equal(Sorted("reissue-photo", "reissue-police-receipt-number", "reissue-police-station-contact"), Ids(g.Items, i => i.Id));
        Assert.All(g.Items, i => Assert.Equal(1, i.Visit));
        var holder = IdRule(g, IdSubjects.Holder);
        AssertRule(holder, "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        Assert.Equal(1, holder.Visit);
        Assert.DoesNotContain(g.IdRules, r => r.Subject == IdSubjects.Agent);

        Assert.Equal(1000, g.Fee.Total);
        Assert.Equal([("card", 800), ("e-certificate", 200)], g.Fee.Items.Select(i => (i.Id, i.Amount)));
        Assert.Empty(g.Fee.Exemptions);
        Assert.Contains(g.Notes, n => n.Id == "reissue-fee-depends-on-reason" && n.Severity == Severities.Warning);
    }

    [Fact]
    public void Reissue_photo_is_taken_free_at_the_counter_or_a_recent_4_5_by_3_5_cm_photo_is_brought()
    {
        // 受付窓口にて無料の写真撮影を行っております。
        // ご自分の写真を使用したい場合は、「本人の顔写真(縦4.5センチメートル×横3.5センチメートル、6カ月以内に撮影されたもの)」をお持ちください。
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"));
        var photo = Assert.Single(g.Items, i => i.Id == "reissue-photo");
        Assert.Contains("無料", photo.Text.Ja, StringComparison.Ordinal);
        Assert.Contains("縦4.5センチメートル×横3.5センチメートル", photo.Detail!.Ja, StringComparison.Ordinal);
        Assert.Contains("6カ月以内", photo.Detail.Ja, StringComparison.Ordinal);
        Assert.DoesNotContain(g.Items, i => i.Id.StartsWith("reissue-police", StringComparison.Ordinal));
        Assert.Equal(1000, g.Fee.Total);
    }

    [Fact]
    public void Reissue_after_theft_needs_the_receipt_number_but_not_the_station_contact()
    {
        // ・遺失、盗難届の受理番号の控え(自宅外で紛失、盗難にあった場合)
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "stolen"));
        Assert.Contains(g.Items, i => i.Id == "reissue-police-receipt-number");
        Assert.DoesNotContain(g.Items, i => i.Id == "reissue-police-station-contact");
    }

    [Fact]
    public void Reissue_after_losing_the_card_at_home_needs_no_police_number_but_details_are_asked()
    {
        // その場合、マイナンバーカードの再交付申請時に紛失したときの詳細を確認させていただきますのでお答えください。
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "home"));
        Assert.Equal(["reissue-photo"], g.Items.Select(i => i.Id));
        Assert.Contains(g.Notes, n => n.Id == "reissue-lost-at-home");
    }

    [Fact]
    public void Reissue_after_a_fire_needs_the_disaster_certificate()
    {
        // ・消防署または市区町村の発行する罹災証明書(火災で焼失した等の場合)
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "fire-disaster"));
        var certificate = Assert.Single(g.Items, i => i.Id == "reissue-disaster-certificate");
        Assert.Contains("罹災証明書", certificate.Text.Ja, StringComparison.Ordinal);

        // The page does not say the fee is waived after a fire: the 1,000 yen and the "depends on the reason" warning stand.
        Assert.Equal(1000, g.Fee.Total);
        Assert.Contains(g.Notes, n => n.Id == "reissue-fee-depends-on-reason");
    }

    [Fact]
    public void Reissue_after_moving_abroad_with_the_old_card_brought_costs_nothing()
    {
        // マイナンバーカード(国外転出に伴い廃止となったカードを持っている場合は、申請の際に古いカードをお持ちください。
        // カードをお持ちいただかない場合は手数料1,000円かかりますのでご注意ください。)
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "overseas"), ("overseas-old-card", "yes"));
        Assert.Contains(g.Items, i => i.Id == "reissue-old-card");
        Assert.Equal(0, g.Fee.Total);
        var exemption = Assert.Single(g.Fee.Exemptions);
        Assert.Equal("overseas-old-card", exemption.Id);
        Assert.NotNull(exemption.Evidence);
    }

    [Fact]
    public void Reissue_after_moving_abroad_without_the_old_card_costs_1000_yen()
    {
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "overseas"), ("overseas-old-card", "no"));
        Assert.DoesNotContain(g.Items, i => i.Id == "reissue-old-card");
        Assert.Equal(1000, g.Fee.Total);
        Assert.Empty(g.Fee.Exemptions);
        Assert.Contains(g.Notes, n => n.Id == "reissue-overseas-without-card" && n.Severity == Severities.Warning);
    }

    [Theory]
    [InlineData("address-deadline")]
    [InlineData("exchange")]
    public void Reissue_for_the_other_listed_reasons_is_covered(string reason)
    {
        // - マイナンバーカードの機能が損なわれた場合(転入手続よる住所変更を期間内に行えなかった場合、...)
        // - マイナンバーカードの交換を希望される場合
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", reason));
        AssertCovered(g);
        Assert.Equal(1000, g.Fee.Total);
        Assert.Contains(g.Notes, n => n.Id == "reissue-current-card-collected");
    }

    [Fact]
    public void Reissue_because_the_card_expires_is_not_among_the_pages_reasons()
    {
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "expiring"));
        AssertAskCounter(g);
    }

    [Fact]
    public void Reissue_takes_an_application_and_a_collection_after_the_notice_arrives_in_1_to_2_months()
    {
        // 再交付申請してから1~2ヵ月後に新しいマイナンバーカードの準備ができます。
        // 受け取り可能になりましたら、「マイナンバーカードの交付通知書」を住所地に送付します。
        var g = Case(Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"));
        Assert.NotNull(g.Visits);
        Assert.Equal(2, g.Visits!.Count);
        Assert.False(g.Visits.CompletesSameDay);
        Assert.Contains("交付通知書", g.Visits.Between!.Ja, StringComparison.Ordinal);
        Assert.Null(g.Visits.ValidDays);
        Assert.Equal(["reissue-apply", "reissue-wait-notice"], g.Steps.Select(s => s.Id));
    }

    [Fact]
    public void Reissue_by_a_legal_agent_for_a_child_brings_the_holders_items_own_id_and_proof_of_relation()
    {
        // - 本人が手続する場合に必要な持ち物 - 法定代理人の本人確認書類 ... A書類1点、またはB書類2点をお持ちください。
        // - 本籍地から発行される戸籍謄本等の申請者本人と法定代理人の関係が確認できる書類(例、戸籍謄本や出生届受理証明書、家族関係証明書など)
        // ※法定代理人のみ来庁でも必要な持ち物は上記のものと変わりません。
        var g = Case(Procedures.Reissue, Applicants.LegalAgent,
            ("reissue-reason", "damaged"), ("holder-status", "under-15"), ("relation-local", "no"));
        AssertCovered(g);
        Assert.Equal(Sorted("reissue-photo", "reissue-relation-proof"), Ids(g.Items, i => i.Id));
        Assert.All(g.Items, i => Assert.Equal(1, i.Visit));
        AssertRule(IdRule(g, IdSubjects.Holder), "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        AssertRule(IdRule(g, IdSubjects.Agent), "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        Assert.Equal(1000, g.Fee.Total);
        Assert.Contains(g.Notes, n => n.Id == "legal-agent-alone-same-items");
        Assert.Equal(["kofu-tokusetsu"], g.Counters.Select(c => c.Id));
    }

    [Fact]
    public void Reissue_by_a_parent_shown_as_head_and_child_in_shinagawas_records_needs_no_family_register()
    {
        // ※親権者で品川区の住民票上で「主」と「子」の関係が確認できる場合、品川区の戸籍で親子関係(親権者)が確認できる場合は戸籍謄本は不要です。
        var g = Case(Procedures.Reissue, Applicants.LegalAgent,
            ("reissue-reason", "damaged"), ("holder-status", "under-15"), ("relation-local", "yes"));
        Assert.DoesNotContain(g.Items, i => i.Id == "reissue-relation-proof");

        var unsure = Case(Procedures.Reissue, Applicants.LegalAgent,
            ("reissue-reason", "damaged"), ("holder-status", "under-15"), ("relation-local", "not-sure"));
        Assert.Contains(unsure.Items, i => i.Id == "reissue-relation-proof");
    }

    [Fact]
    public void Reissue_by_a_guardian_of_an_adult_ward_needs_the_registration_certificate()
    {
        // ※成年被後見人の場合は登記事項証明書など法定代理人との関係を証明する書類をお持ちください。
        var g = Case(Procedures.Reissue, Applicants.LegalAgent, ("reissue-reason", "damaged"), ("holder-status", "adult-ward"));
        Assert.Equal(Sorted("reissue-guardianship-proof", "reissue-photo"), Ids(g.Items, i => i.Id));
        Assert.All(g.Items, i => Assert.Equal(1, i.Visit));
        Assert.DoesNotContain(g.Answers, a => a.QuestionId == "relation-local");
    }

    [Fact]
    public void Reissue_by_a_legal_agent_for_someone_neither_under_15_nor_a_ward_is_not_on_the_page()
    {
        // 法定代理人が手続きする場合の本人確認書類(15歳未満のお子様や成年被後見人の申請)
        var g = Case(Procedures.Reissue, Applicants.LegalAgent, ("reissue-reason", "damaged"), ("holder-status", "other"));
        AssertAskCounter(g);
    }

    [Fact]
    public void Reissue_by_a_voluntary_agent_needs_the_agents_id_and_the_my_number_card_letter_of_attorney()
    {
        // - 本人が手続する場合に必要な持ち物 - 任意代理人の本人確認書類 ... A書類1点、またはB書類2点をお持ちください。
        // - 委任状(マイナンバーカード専用)(PDF : 483KB)
        var g = Case(Procedures.Reissue, Applicants.VoluntaryAgent, ("reissue-reason", "lost"), ("lost-where", "outside"));
        AssertCovered(g);
        Assert.Equal(
            Sorted("reissue-photo", "reissue-police-receipt-number", "reissue-police-station-contact", "reissue-power-of-attorney"),
            Ids(g.Items, i => i.Id));
        Assert.Contains("委任状(マイナンバーカード専用)", g.Items.Single(i => i.Id == "reissue-power-of-attorney").Text.Ja, StringComparison.Ordinal);
        AssertRule(IdRule(g, IdSubjects.Holder), "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        AssertRule(IdRule(g, IdSubjects.Agent), "A×1 or B×2", new IdAlternative(1, 0, 0), new IdAlternative(0, 2, 0));
        Assert.Equal(1000, g.Fee.Total);
    }

    [Fact]
    public void Reissue_by_a_household_member_is_not_on_the_page_but_the_counter_is_shown()
    {
        var g = Case(Procedures.Reissue, Applicants.HouseholdMember, ("reissue-reason", "damaged"));
        AssertAskCounter(g);
        Assert.Contains(g.Counters, c => c.Id == "kofu-tokusetsu");
    }

    [Fact]
    public void Reissue_counter_is_the_second_building_venue_late_on_tuesdays_and_closed_on_saturdays_holidays_and_maintenance_sunday()
    {
        // 【受付窓口】 品川区役所第二庁舎3階 交付特設会場 午前8時30分から午後5時(火曜日のみ午後7時まで)
        // ※土曜日、祝日および年末年始はお休みさせていただきます。
        // ※システムメンテナンス等のため、手続きができないお日にちがございます。
        var g = CaseOn(ThirdSaturday, Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"));
        var counter = Assert.Single(g.Counters);
        Assert.Equal("kofu-tokusetsu", counter.Id);
        Assert.Equal("品川区役所 第二庁舎3階", counter.Address!.Ja);
        Assert.Equal([1], counter.Visits);
        Assert.True(counter.HoursPublished);

        // Sat 21 closed, Sun 22 maintenance, Mon 23 holiday; Tue 24 until 19:00.
        Assert.Equal([At(Tuesday, "08:30", "19:00"), At(Tuesday.AddDays(1), "08:30", "17:00"), At(Tuesday.AddDays(2), "08:30", "17:00")],
            counter.NextOpenings);
    }

    [Fact]
    public void Reissue_counter_is_read_as_open_on_an_ordinary_sunday_because_only_saturday_is_named_closed()
    {
        // ※土曜日、祝日および年末年始はお休みさせていただきます。 (Sunday is not named; the note states the reading.)
        var g = CaseOn(OrdinarySaturday, Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"));
        var counter = Assert.Single(g.Counters);
        Assert.Equal([At(OrdinarySunday, "08:30", "17:00"), At(OrdinarySunday.AddDays(1), "08:30", "17:00"), At(OrdinarySunday.AddDays(2), "08:30", "19:00")],
            counter.NextOpenings);
        Assert.Contains("日曜日", counter.Note!.Ja, StringComparison.Ordinal);
        Assert.Contains("手続きできない日にちと、各施設ごとの窓口受付時間と申請可能手続きについて", counter.Note.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Reissue_counter_is_closed_over_the_new_year()
    {
        var g = CaseOn(BeforeYearEnd, Procedures.Reissue, Applicants.Self, ("reissue-reason", "damaged"));
        var counter = Assert.Single(g.Counters);
        Assert.Equal([At(BeforeYearEnd, "08:30", "17:00"), At(new DateOnly(2027, 1, 4), "08:30", "17:00"), At(new DateOnly(2027, 1, 5), "08:30", "19:00")],
            counter.NextOpenings);
    }

    // ---- 暗証番号の再設定・ロック解除 ----------------------------------------------------------

    [Fact]
    public void Pin_reset_by_the_holder_brings_the_card_to_any_of_nine_counters()
    {
        // 暗証番号を再設定・変更したいときは、申請者ご本人様に来庁していただく必要があります。 【必要な持ち物】 - マイナンバーカード
        // 令和5年9月20日(水)より、荏原郵便局でも手続きができるようになりました。
        var g = Case(Procedures.PinReset, Applicants.Self, ("pin-which", "four-digit"));
        AssertCovered(g);
        Assert.Equal(["pin-own-card"], g.Items.Select(i => i.Id));
        Assert.Empty(g.IdRules);
        Assert.Equal(Sorted(PinSelfCounters), Ids(g.Counters, c => c.Id));
        Assert.Contains(g.Notes, n => n.Id == "pin-holder-in-person");
        Assert.Contains(g.Notes, n => n.Id == "pin-fee-not-stated");
        Assert.Null(g.Visits);
    }

    [Fact]
    public void Pin_reset_when_only_one_pin_is_forgotten_can_be_done_at_a_convenience_store()
    {
        // 下記の場合、コンビニで手続きが可能です。・【利用者証明用(4桁)だけ忘れた・ロックがかかった】または【署名用電子証明書(6~16桁)だけ忘れた・ロックがかかった】
        var g = Case(Procedures.PinReset, Applicants.Self, ("pin-which", "signature"));
        Assert.Contains(g.Notes, n => n.Id == "kiosk-pin-reset");
        Assert.DoesNotContain(g.Notes, n => n.Id == "kiosk-pin-reset-not-both");
    }

    [Fact]
    public void Pin_reset_when_both_pins_are_forgotten_cannot_be_done_at_a_convenience_store()
    {
        // 署名用電子証明書(6~16桁)・利用者証明用電子証明書(4桁)のどちらも忘れた場合・ロックされた場合は、コンビニでの手続きはできません。
        // 窓口で再設定・ロック解除をする必要があります。
        var g = Case(Procedures.PinReset, Applicants.Self, ("pin-which", "both"));
        var note = Assert.Single(g.Notes, n => n.Id == "kiosk-pin-reset-not-both");
        Assert.Equal(Severities.Warning, note.Severity);
        Assert.DoesNotContain(g.Notes, n => n.Id == "kiosk-pin-reset");
        Assert.Equal(Sorted(PinSelfCounters), Ids(g.Counters, c => c.Id));
    }

    [Fact]
    public void Pin_reset_by_a_legal_agent_for_a_4_digit_pin_may_come_alone_with_the_holders_card_and_ids()
    {
        // ただし、4桁の暗証番号(利用者証明用電子証明書用、住民基本台帳事務用、券面事項入力補助用)に限り、法定代理人のみの来庁で手続き可能です。
        // - 申請者本人のマイナンバーカード+本人確認書類A1点またはB1点
        // - 法定代理人の本人確認書類1点(マイナンバーカードや運転免許証等の公的機関が発行した顔写真付きのもの)
        var g = Case(Procedures.PinReset, Applicants.LegalAgent,
            ("pin-which", "four-digit"), ("holder-status", "under-15"), ("relation-local", "yes"));
        AssertCovered(g);
        Assert.Equal(["pin-holder-card-legal"], g.Items.Select(i => i.Id));
        AssertRule(IdRule(g, IdSubjects.Holder), "A×1 or B×1", new IdAlternative(1, 0, 0), new IdAlternative(0, 1, 0));
        var agent = IdRule(g, IdSubjects.Agent);
        AssertRule(agent, "A×1", new IdAlternative(1, 0, 0));
        Assert.Contains("顔写真付き", agent.Note!.Ja, StringComparison.Ordinal);
        Assert.All(agent.Examples, d => Assert.Equal("A", d.Category));
        Assert.False(agent.Combination!.Check([new PresentedDocument('B', false), new PresentedDocument('B', false)]).Satisfied);
        Assert.True(agent.Combination.Check([new PresentedDocument('A', true)]).Satisfied);
        Assert.Contains(g.Notes, n => n.Id == "pin-legal-alone-four-digit");
        Assert.DoesNotContain(g.Notes, n => n.Id == "pin-legal-must-accompany");
        Assert.Contains(g.Notes, n => n.Id == "legal-agent-alone-same-items");
        Assert.Equal(Sorted(PinAgentCounters), Ids(g.Counters, c => c.Id));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("both")]
    public void Pin_reset_by_a_legal_agent_for_the_signature_password_needs_the_holder_to_come_too(string pin)
    {
        // 原則、15歳未満の方、成年被後見人の場合は法定代理人の同行が必要です。
        var g = Case(Procedures.PinReset, Applicants.LegalAgent, ("pin-which", pin), ("holder-status", "under-15"), ("relation-local", "no"));
        var note = Assert.Single(g.Notes, n => n.Id == "pin-legal-must-accompany");
        Assert.Equal(Severities.Warning, note.Severity);
        Assert.DoesNotContain(g.Notes, n => n.Id == "pin-legal-alone-four-digit");

        // - 申請者本人との関係を証明する書類(戸籍謄本、家族関係証明書、登記事項証明書など)
        Assert.Contains(g.Items, i => i.Id == "pin-relation-proof");
    }

    [Fact]
    public void Pin_reset_by_a_guardian_of_an_adult_ward_needs_the_registration_certificate()
    {
        // ※成年被後見人の場合は登記事項証明書など法定代理人との関係を証明する書類をお持ちください。
        var g = Case(Procedures.PinReset, Applicants.LegalAgent, ("pin-which", "four-digit"), ("holder-status", "adult-ward"));
        Assert.Equal(Sorted("pin-guardianship-proof", "pin-holder-card-legal"), Ids(g.Items, i => i.Id));
        Assert.All(g.Items, i => Assert.Null(i.Visit));
    }

    [Fact]
    public void Pin_reset_by_a_legal_agent_for_someone_neither_under_15_nor_a_ward_is_not_on_the_page()
    {
        var g = Case(Procedures.PinReset, Applicants.LegalAgent, ("pin-which", "four-digit"), ("holder-status", "other"));
        AssertAskCounter(g);
    }

    [Fact]
    public void Pin_reset_by_a_voluntary_agent_takes_two_visits_with_a_form_valid_30_days()
    {
        // 任意代理人による暗証番号の再設定は原則2回来庁をしていただく必要があります。即日で手続きは完了しません。
        // 申請者本人と代理人の本人確認をし、申請者本人の住民登録地に照会書兼回答書を郵送いたします。
        // 照会書兼回答書の期限は、初回来庁日から30日となります。30日過ぎると、初回来庁扱いになりますのでご注意ください。
        var g = Case(Procedures.PinReset, Applicants.VoluntaryAgent, ("pin-which", "both"));
        AssertCovered(g);
        Assert.NotNull(g.Visits);
        Assert.Equal(2, g.Visits!.Count);
        Assert.False(g.Visits.CompletesSameDay);
        Assert.Equal(30, g.Visits.ValidDays);
        Assert.Contains("住民登録地", g.Visits.Between!.Ja, StringComparison.Ordinal);
        Assert.Equal(["pin-voluntary-first-visit", "pin-voluntary-holder-fills-form", "pin-voluntary-second-visit"], g.Steps.Select(s => s.Id));
    }

    [Fact]
    public void Pin_reset_by_a_voluntary_agent_brings_the_holders_card_and_ids_both_times_and_the_sealed_form_the_second_time()
    {
        // 初回来庁時 - 申請者本人:マイナンバーカード+本人確認書類A1点または本人確認書類B1点
        // - 代理人:本人確認書類A1点(マイナンバーカードや運転免許証等の公的機関が発行した顔写真付きのもの)
        // 2回目来庁時 (the same two) - 照会書兼回答書(申請者が回答書、委任状、暗証番号を記入している)
        var g = Case(Procedures.PinReset, Applicants.VoluntaryAgent, ("pin-which", "four-digit"));
        var card = Assert.Single(g.Items, i => i.Id == "pin-holder-card-voluntary");
        Assert.Null(card.Visit);
        var form = Assert.Single(g.Items, i => i.Id == "pin-inquiry-reply-form");
        Assert.Equal(2, form.Visit);
        Assert.Equal(2, g.Items.Count);

        var holder = IdRule(g, IdSubjects.Holder);
        AssertRule(holder, "A×1 or B×1", new IdAlternative(1, 0, 0), new IdAlternative(0, 1, 0));
        Assert.Null(holder.Visit);
        var agent = IdRule(g, IdSubjects.Agent);
        AssertRule(agent, "A×1", new IdAlternative(1, 0, 0));
        Assert.Null(agent.Visit);
        Assert.Equal(Sorted("drivers-licence", "my-number-card"), Ids(agent.Examples, d => d.Id));

        // ※封がされていなく暗証番号が隠れていない状態や暗証番号が誤っている場合、書類に不備がある場合は手続きができない場合がありますのでご注意ください。
        Assert.Contains(g.Notes, n => n.Id == "pin-voluntary-sealed" && n.Severity == Severities.Warning);
        Assert.Contains(g.Notes, n => n.Id == "pin-voluntary-30-days");
    }

    [Fact]
    public void Pin_reset_by_a_voluntary_agent_only_at_the_ward_office_and_meguro()
    {
        // ※上記の窓口以外では、任意代理人による暗証番号再設定および変更はできないためご注意ください。
        var g = Case(Procedures.PinReset, Applicants.VoluntaryAgent, ("pin-which", "four-digit"));
        Assert.Equal(Sorted(PinAgentCounters), Ids(g.Counters, c => c.Id));
        Assert.All(g.Counters, c => Assert.Empty(c.Visits)); // both visits at either counter
        Assert.Contains(g.Notes, n => n.Id == "pin-voluntary-only-two-counters" && n.Severity == Severities.Warning);

        // マイナンバーカードの手続きには申請者本人の来庁が必要となっています。
        // ただし、申請者本人が手続きできない場合は以下の手順により任意代理人による手続きが可能です。
        Assert.Contains(g.Notes, n => n.Id == "pin-voluntary-holder-cannot-come");
        Assert.Equal("品川区役所 本庁舎3階戸籍住民課・第2庁舎3階特設会場", g.Counters.Single(c => c.Id == "city-office-pin-agents").Name.Ja);
    }

    [Fact]
    public void Pin_reset_by_a_household_member_is_not_on_the_page()
    {
        var g = Case(Procedures.PinReset, Applicants.HouseholdMember);
        AssertAskCounter(g);
        Assert.Empty(g.Answers);
    }

    // ---- counters: hours and closures ------------------------------------------------------------

    [Fact]
    public void Pin_counters_on_the_maintenance_weekend_and_the_holiday_reopen_on_tuesday()
    {
        // 品川区役所、荏原第一地域センター | 平日・日曜 午前8時30分~午後5時(火曜日のみ午後7時まで)
        // 目黒行政サービスコーナー | 平日 午前8時30分~午後5時(火曜日のみ午後7時まで) 日曜 午前10時00分~午後3時
        // 品川第一地域センター、... 八潮地域センター | 平日のみ 午前8時30分~午後5時
        // 荏原郵便局 | 平日のみ 午前10時~午後4時
        // ※システムメンテナンス等のため、お手続きできない日にちがございます。
        var g = CaseOn(ThirdSaturday, Procedures.PinReset, Applicants.Self, ("pin-which", "both"));
        var wed = Tuesday.AddDays(1);
        var thu = Tuesday.AddDays(2);
        var late = new[] { At(Tuesday, "08:30", "19:00"), At(wed, "08:30", "17:00"), At(thu, "08:30", "17:00") };
        var noLate = new[] { At(Tuesday, "08:30", "17:00"), At(wed, "08:30", "17:00"), At(thu, "08:30", "17:00") };
        var post = new[] { At(Tuesday, "10:00", "16:00"), At(wed, "10:00", "16:00"), At(thu, "10:00", "16:00") };
        foreach (var counter in g.Counters)
        {
            var expected = counter.Id switch
            {
                "city-office-pin" or "ebara-daiichi" or "meguro-service-corner" => late,
                "ebara-post-office" => post,
                _ => noLate,
            };
            Assert.True(expected.SequenceEqual(counter.NextOpenings), $"{counter.Id}: {string.Join(", ", counter.NextOpenings)}");
            Assert.DoesNotContain(counter.NextOpenings, o => o.Date == MaintenanceSunday || o.Date == LabourThanksgiving);
        }

        Assert.Contains("手続きできない日にちと、各施設ごとの窓口受付時間と申請可能手続きについて",
            g.Counters.Single(c => c.Id == "city-office-pin").Note!.Ja, StringComparison.Ordinal);
    }

    [Fact]
    public void Pin_counters_on_an_ordinary_sunday_meguro_opens_10_to_15_the_ward_office_and_ebara_daiichi_8_30_to_17()
    {
        // 目黒行政サービスコーナー | ... 日曜 午前10時00分~午後3時
        var g = CaseOn(OrdinarySunday, Procedures.PinReset, Applicants.Self, ("pin-which", "both"));
        Assert.Equal(At(OrdinarySunday, "10:00", "15:00"), g.Counters.Single(c => c.Id == "meguro-service-corner").NextOpenings[0]);
        Assert.Equal(At(OrdinarySunday, "08:30", "17:00"), g.Counters.Single(c => c.Id == "city-office-pin").NextOpenings[0]);
        Assert.Equal(At(OrdinarySunday, "08:30", "17:00"), g.Counters.Single(c => c.Id == "ebara-daiichi").NextOpenings[0]);

        // 平日のみ: the five community centres and the post office are closed on Sundays.
        foreach (var id in new[] { "shinagawa-daiichi", "osaki-daiichi", "oi-daiichi", "ebara-daiyon", "yashio", "ebara-post-office" })
        {
            Assert.Equal(OrdinarySunday.AddDays(1), g.Counters.Single(c => c.Id == id).NextOpenings[0].Date);
        }
    }

    [Fact]
    public void Agent_pin_counters_keep_the_sunday_hours_and_skip_the_maintenance_sunday()
    {
        // 品川区役所本庁舎3階戸籍住民課・第2庁舎3階特設会場 | 平日・日曜 午前8時30分~午後5時(火曜日のみ午後7時まで)
        var sunday = CaseOn(OrdinarySunday, Procedures.PinReset, Applicants.VoluntaryAgent, ("pin-which", "both"));
        Assert.Equal(At(OrdinarySunday, "08:30", "17:00"), sunday.Counters.Single(c => c.Id == "city-office-pin-agents").NextOpenings[0]);
        Assert.Equal(At(OrdinarySunday, "10:00", "15:00"), sunday.Counters.Single(c => c.Id == "meguro-service-corner").NextOpenings[0]);

        var maintenance = CaseOn(MaintenanceSunday, Procedures.PinReset, Applicants.LegalAgent,
            ("pin-which", "four-digit"), ("holder-status", "under-15"), ("relation-local", "yes"));
        Assert.All(maintenance.Counters, c => Assert.Equal(At(Tuesday, "08:30", "19:00"), c.NextOpenings[0]));
    }

    [Fact]
    public void Pin_counters_are_closed_over_the_new_year()
    {
        var g = CaseOn(BeforeYearEnd, Procedures.PinReset, Applicants.Self, ("pin-which", "both"));
        foreach (var counter in g.Counters)
        {
            Assert.Equal(BeforeYearEnd, counter.NextOpenings[0].Date);
            Assert.Equal(new DateOnly(2027, 1, 4), counter.NextOpenings[1].Date);
        }
    }

    // ---- every case ------------------------------------------------------------------------------

    [Fact]
    public void Every_procedure_and_applicant_kind_has_a_stated_coverage()
    {
        var rules = SeedRules.For(Code);
        var expected = new Dictionary<(string, string), string>
        {
            [(Procedures.LostCard, Applicants.Self)] = CoverageStatuses.Covered,
            [(Procedures.SuspensionRelease, Applicants.Self)] = CoverageStatuses.Covered,
            [(Procedures.Abolition, Applicants.Self)] = CoverageStatuses.Covered,
            [(Procedures.Reissue, Applicants.Self)] = CoverageStatuses.Covered,
            [(Procedures.Reissue, Applicants.LegalAgent)] = CoverageStatuses.Covered,
            [(Procedures.Reissue, Applicants.VoluntaryAgent)] = CoverageStatuses.Covered,
            [(Procedures.PinReset, Applicants.Self)] = CoverageStatuses.Covered,
            [(Procedures.PinReset, Applicants.LegalAgent)] = CoverageStatuses.Covered,
            [(Procedures.PinReset, Applicants.VoluntaryAgent)] = CoverageStatuses.Covered,
        };
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                var status = expected.GetValueOrDefault((procedure, applicant), CoverageStatuses.AskCounter);
                Assert.True(status == GuidanceEvaluator.UnconditionalCoverageStatus(rules, procedure, applicant), $"{procedure} {applicant}");
            }
        }
    }

    [Fact]
    public void Every_municipal_fact_in_every_case_is_quoted_from_the_shinagawa_page()
    {
        var rules = SeedRules.For(Code);
        foreach (var procedure in Procedures.All)
        {
            foreach (var applicant in Applicants.All)
            {
                foreach (var answers in SeedIntegrityTests.AnswerPaths(rules, procedure, applicant, new Dictionary<string, string>()))
                {
                    var g = SeedRules.Evaluate(Code, procedure, applicant, Tuesday, answers.Select(a => (a.Key, a.Value)).ToArray());
                    var context = $"{procedure} {applicant} {string.Join(",", answers.Select(a => $"{a.Key}={a.Value}"))}";
                    Assert.All(g.Items, i => Assert.True(i.Source?.Document.File == SourceFile, context + " item " + i.Id));
                    Assert.All(g.IdRules, r => Assert.True(r.Source?.Document.File == SourceFile, context + " id rule " + r.Id));
                    Assert.All(g.Counters, c => Assert.True(c.Source?.Document.File == SourceFile, context + " counter " + c.Id));
                    Assert.All(g.Fee.Items, f => Assert.True(f.Source?.Document.File == SourceFile, context + " fee " + f.Id));
                    Assert.All(g.Notes, n => Assert.True(n.Source?.Document.File == SourceFile, context + " note " + n.Id));
                    Assert.All(g.Steps, s => Assert.True(s.Source?.Document.File == SourceFile, context + " step " + s.Id));
                }
            }
        }
    }
}
