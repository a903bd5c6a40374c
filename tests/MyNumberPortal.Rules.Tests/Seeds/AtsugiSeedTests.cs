using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>
/// 厚木市 (142123): guidance checked against the city's page 「マイナンバーカードを紛失した場合」
/// (Seed/sources/000_ce66724ce5ef7f6c.txt, 更新日 2025年12月26日). Each case quotes the passage it is taken from.
/// </summary>
public sealed class AtsugiSeedTests
{
    private const string Code = "142123";
    private const string Center = "atsugi-card-center";
    private const string InquiryNumber = "046-225-2039";

    /// <summary>Monday 2026-11-23, 勤労感謝の日 (a national holiday).</summary>
    private static readonly DateOnly LabourThanksgivingDay = new(2026, 11, 23);

    private static readonly TimeOnly Open = new(8, 30);
    private static readonly TimeOnly WeekdayClose = new(17, 15);
    private static readonly TimeOnly SaturdayClose = new(12, 0);

    private static Guidance Evaluate(string procedure, string applicant, params (string Question, string Answer)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, LabourThanksgivingDay, answers);

    private static IEnumerable<string> Ids(IEnumerable<GuidanceItem> items) => items.Select(i => i.Id);

    // ---- 紛失・一時停止 (lost-card) ----

    [Fact]
    public void Lost_card_outside_home_call_then_police_then_release_or_abolish_then_optional_reissue()
    {
        // "1. コールセンターに電話しカードの一時停止手続きをする" / "2 .警察に遺失届等を提出する"
        // "3-1 .見つかった場合は、…一時停止解除の手続きをする" / "3-2 .見つからない場合は、…廃止手続きをする"
        // "4 .マイナンバーカードの再発行手続きをする(希望者のみ)"
        var guidance = Evaluate(Procedures.LostCard, Applicants.Self, ("lost-where", "outside"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["call-suspension", "police-report", "if-found-release", "if-not-found-abolish", "reissue-if-wanted"],
            guidance.Steps.Select(s => s.Id));
        var call = guidance.Steps[0];
        Assert.True(call.Urgent);
        // "マイナンバー総合フリーダイヤル(無料) 0120-95-0178" "個人番号カードコールセンター (有料) 0570-783-578" "外国語対応フリーダイヤル(無料) 0120-0178-27"
        Assert.Equal(["0120-95-0178", "0570-783-578", "0120-0178-27"], call.Phones.Select(p => p.Number));

        // "警察に遺失物等の届出をしたのち、受理番号を控えておいてください。(自宅での紛失を除く)"
        var police = guidance.Steps[1];
        Assert.Equal(20, police.Order);
        Assert.Contains("受理番号", police.Title.Ja);
        Assert.Equal("atsugi", police.Source!.Document.Id);

        // "(有料・即日発行不可)"
        Assert.Contains("有料", guidance.Steps[4].Detail!.Ja);
        Assert.Contains("即日発行はできません", guidance.Steps[4].Detail!.Ja);

        // The inquiry line: "市民福祉部 市民課 マイナンバーカード係 … 電話番号:046-225-2039"
        Assert.Equal(InquiryNumber, guidance.Phones[^1].Number);
        Assert.Empty(guidance.Items);
        Assert.True(guidance.Fee.IsFree);
        Assert.Empty(guidance.Fee.Items);
        Assert.Empty(guidance.Counters);
        // "再発行後に紛失していたカードが見つかった場合は、当該マイナンバーカードを市に返納してください。"
        Assert.Contains(guidance.Notes, n => n is { Id: "return-card-found-after-reissue", Severity: Severities.Warning });
    }

    [Fact]
    public void Lost_card_at_home_needs_no_police_report()
    {
        // "(自宅での紛失を除く)"
        var guidance = Evaluate(Procedures.LostCard, Applicants.Self, ("lost-where", "home"));
        Assert.Equal(["call-suspension", "if-found-release", "if-not-found-abolish", "reissue-if-wanted"], guidance.Steps.Select(s => s.Id));
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Lost_card_for_someone_else_gives_the_same_steps_and_says_the_page_does_not_cover_who_calls(string applicant)
    {
        // "マイナンバーカードを紛失してしまった場合、直ちに次のとおり手続きを行ってください。" — no word on family or agents.
        var guidance = Evaluate(Procedures.LostCard, applicant, ("lost-where", "stolen"));
        Assert.Equal(["call-suspension", "police-report", "if-found-release", "if-not-found-abolish", "reissue-if-wanted"],
            guidance.Steps.Select(s => s.Id));
        Assert.Contains(guidance.Notes, n => n.Id == "lost-card-who");
    }

    // ---- 一時停止解除 (suspension-release) ----

    [Fact]
    public void Release_by_the_holder_needs_the_card_and_the_four_digit_pin_at_the_center()
    {
        // "1 本人が手続をする場合 - 本人のマイナンバーカード - 数字4桁の暗証番号(住民基本台帳用)"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "no"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["release-own-card", "release-own-pin"], Ids(guidance.Items));
        Assert.Contains("数字4桁の暗証番号(住民基本台帳用)", guidance.Items[1].Text.Ja);
        Assert.Empty(guidance.IdRules);
        Assert.True(guidance.Fee.IsFree);
        Assert.Empty(guidance.Fee.Items);

        // "厚木市マイナンバーカードセンターの窓口でマイナンバーカードの一時停止解除の手続を行うことで、再び利用できるようになります。"
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
        var center = Assert.Single(guidance.Counters);
        Assert.Equal(Center, center.Id);
        Assert.Equal("厚木市マイナンバーカードセンター", center.Name.Ja);
        // "厚木市マイナンバーカードセンター(厚木市中町3丁目17番25号パークプレイス厚木2階)"
        Assert.Equal("厚木市中町3丁目17番25号 パークプレイス厚木2階", center.Address!.Ja);
        Assert.Equal(ReservationPolicies.NotStated, center.Reservation);
        Assert.True(center.HoursPublished);

        // "なお、一時停止解除をする際に、電子証明書の機能(…)を失効させる必要があります。"
        Assert.Contains(guidance.Notes, n => n is { Id: "certificates-revoked-on-release", Severity: Severities.Warning });
        // "なお、厚木市に住民登録のない方は手続ができません。"
        Assert.Contains(guidance.Notes, n => n is { Id: "registered-residents-only", Severity: Severities.Warning });
        var page = Assert.Single(guidance.Sources, s => s.Id == "atsugi");
        Assert.Equal(("000_ce66724ce5ef7f6c.txt", "2025-12-26"), (page.File, page.Updated));
    }

    [Fact]
    public void Release_is_not_possible_once_a_reissue_was_applied_for()
    {
        // "ただし、一時停止手続をした後、紛失届を提出し、マイナンバーカードの再発行を申請した場合は、
        //  紛失したカードが見つかったとしても当該マイナンバーカードを再び利用することはできず、再発行したカードを利用します。"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "yes"));
        Assert.Equal(CoverageStatuses.NotAccepted, guidance.Coverage);
        Assert.Contains("再び利用することはできず", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Null(guidance.Visits);
        // "また、再発行後に紛失していたカードが見つかった場合は、当該マイナンバーカードを市に返納してください。"
        Assert.Contains(guidance.Notes, n => n.Id == "return-card-found-after-reissue-applied");
    }

    [Theory]
    [InlineData("no", true)]
    [InlineData("not-sure", true)]
    [InlineData("yes", false)]
    public void Release_by_a_legal_agent_needs_the_card_its_pin_two_ids_and_proof_unless_the_city_can_check(string relationLocal, bool proofNeeded)
    {
        // "2 法定代理人が手続を行う場合 - 一時停止解除をするマイナンバーカード - …数字4桁の暗証番号(住民基本台帳用)
        //  - 戸籍謄本等の法定代理人の資格を証明する書類(市内に本籍若しくは住民票があり、その資格を確認できる場合は不要)
        //  - 法定代理人の本人確認書類一覧に記載されている「Aの書類2点」又は「Aの書類1点とBの書類1点」"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.LegalAgent, ("reissue-applied", "no"), ("relation-local", relationLocal));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        string[] expected = proofNeeded
            ? ["release-card", "release-card-pin-legal", "release-legal-proof"]
            : ["release-card", "release-card-pin-legal"];
        Assert.Equal(expected, Ids(guidance.Items));

        var id = Assert.Single(guidance.IdRules);
        Assert.Equal(IdSubjects.Agent, id.Subject);
        Assert.Equal("A×2 or A×1+B×1", id.Combination!.ToString());
        Assert.True(id.Combination.Check([new('A', true), new('B', false)]).Satisfied);
        Assert.False(id.Combination.Check([new('A', true)]).Satisfied);
        Assert.False(id.Combination.Check([new('B', false), new('B', false), new('B', false)]).Satisfied);
        // "本人確認書類一覧" is empty in the capture: no catalogue, so no examples.
        Assert.Empty(id.Examples);
        Assert.Contains("窓口に確認", id.Note!.Ja);
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
        Assert.Equal(Center, Assert.Single(guidance.Counters).Id);
    }

    [Fact]
    public void Release_by_a_voluntary_agent_needs_the_inquiry_form_mailed_to_the_holder_first()
    {
        // "3 任意代理人が手続を行う場合 - 一時停止解除をするマイナンバーカード
        //  - 任意代理人の本人確認書類一覧に記載されている「Aの書類2点」又は「Aの書類1点とBの書類1点」 - 照会兼回答書※"
        // "※任意代理人による申請の場合は、まず電話・窓口等で照会兼回答書の送付依頼を受け付けた後、市から申請者本人に照会兼回答書を郵送します。"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.VoluntaryAgent, ("reissue-applied", "no"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["release-card", "release-inquiry-form"], Ids(guidance.Items));
        var id = Assert.Single(guidance.IdRules);
        Assert.Equal((IdSubjects.Agent, "A×2 or A×1+B×1"), (id.Subject, id.Combination!.ToString()));
        Assert.Equal(["request-inquiry-form", "holder-fills-form", "agent-visits"], guidance.Steps.Select(s => s.Id));

        // The request may be made by phone, so one visit, but not completed on the day one first asks.
        var visits = guidance.Visits!;
        Assert.Equal((1, false), (visits.Count, visits.CompletesSameDay));
        Assert.Contains("郵送", visits.Between!.Ja);
        Assert.Null(visits.ValidDays);

        // "一時停止解除用の照会兼回答書には、暗証番号を記入する欄があり、この欄に記載された暗証番号が誤っていた場合は手続きができません。
        //  暗証番号が正しいか確信が持てない場合は、照会兼回答書の送付依頼時に暗証番号再設定手続きも希望してください。"
        var pin = Assert.Single(guidance.Notes, n => n.Id == "release-form-pin");
        Assert.Equal(Severities.Warning, pin.Severity);
        Assert.Contains("暗証番号再設定", pin.Text.Ja);
    }

    [Fact]
    public void Release_by_a_household_member_is_not_on_the_page()
    {
        // Only "1 本人…" "2 法定代理人…" "3 任意代理人…" are described; 同一世帯員 is never mentioned.
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.HouseholdMember);
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("同一世帯員", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.Null(guidance.Visits);
        Assert.Equal(Center, Assert.Single(guidance.Counters).Id);
        Assert.Contains(guidance.Phones, p => p.Number == InquiryNumber);
    }

    // ---- 廃止 (abolition) ----

    [Fact]
    public void Abolition_by_the_holder_needs_one_a_or_two_b_documents()
    {
        // "1 本人が廃止手続をする場合 - 本人確認書類一覧に記載されている「Aの書類1点」または「Bの書類2点」"
        var guidance = Evaluate(Procedures.Abolition, Applicants.Self);

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Empty(guidance.Items);
        var id = Assert.Single(guidance.IdRules);
        Assert.Equal((IdSubjects.Holder, "A×1 or B×2"), (id.Subject, id.Combination!.ToString()));
        Assert.True(id.Combination.Check([new('B', false), new('B', false)]).Satisfied);
        Assert.True(id.Combination.Check([new('A', true)]).Satisfied);
        Assert.False(id.Combination.Check([new('B', false)]).Satisfied);
        Assert.True(guidance.Fee.IsFree);
        Assert.Empty(guidance.Fee.Items);
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
        Assert.Equal(Center, Assert.Single(guidance.Counters).Id);

        // "この手続を行うと、もしマイナンバーカードが見つかったとしても、見つかったカードを再び利用することはできません。"
        Assert.Contains(guidance.Notes, n => n is { Id: "abolished-card-unusable", Severity: Severities.Warning });
        Assert.Contains(guidance.Notes, n => n.Id == "registered-residents-only");
    }

    [Theory]
    [InlineData("no", true)]
    [InlineData("yes", false)]
    public void Abolition_by_a_legal_agent_needs_the_holders_and_the_agents_ids_and_proof_unless_the_city_can_check(string relationLocal, bool proofNeeded)
    {
        // "2 法定代理人が廃止手続をする場合 - 申請者本人の本人確認書類一覧に記載されている「Aの書類1点」又は「Bの書類2点」
        //  - 戸籍謄本等の法定代理人の資格を証明する書類(市内に本籍若しくは住民票があり、その資格を確認できる場合は不要)
        //  - 法定代理人の本人確認書類一覧に記載されている「Aの書類2点」又は「Aの書類1点とBの書類1点」"
        var guidance = Evaluate(Procedures.Abolition, Applicants.LegalAgent, ("relation-local", relationLocal));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        string[] expected = proofNeeded ? ["abolition-legal-proof"] : [];
        Assert.Equal(expected, Ids(guidance.Items));
        Assert.Equal([(IdSubjects.Holder, "A×1 or B×2"), (IdSubjects.Agent, "A×2 or A×1+B×1")],
            guidance.IdRules.Select(r => (r.Subject, r.Combination!.ToString())));
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
    }

    [Fact]
    public void Abolition_by_a_voluntary_agent_is_an_empty_section_in_the_capture()
    {
        // "3 任意代理人が廃止手続をする場合" is followed directly by "窓口及び受付時間";
        // "関連ファイル 委任状(個人番号カード廃止用) (PDFファイル: 62.7KB)"
        var guidance = Evaluate(Procedures.Abolition, Applicants.VoluntaryAgent);
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.Null(guidance.Visits);
        Assert.Contains("委任状(個人番号カード廃止用)", Assert.Single(guidance.Notes, n => n.Id == "abolition-voluntary-agent-form").Text.Ja);
        Assert.Equal(Center, Assert.Single(guidance.Counters).Id);
    }

    [Fact]
    public void Abolition_by_a_household_member_is_not_on_the_page()
    {
        var guidance = Evaluate(Procedures.Abolition, Applicants.HouseholdMember);
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("同一世帯員", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.IdRules);
        Assert.Contains(guidance.Phones, p => p.Number == InquiryNumber);
    }

    // ---- 再発行 (reissue) ----

    [Theory]
    [InlineData(Applicants.Self)]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Reissue_is_paid_and_not_same_day_but_the_amount_and_the_list_are_on_another_page(string applicant)
    {
        // "…厚木市マイナンバーカードセンターの窓口にて手続きをしてください。(有料・即日発行不可)
        //  詳しくは「マイナンバーカードの再発行について」のページをご覧ください。"
        var guidance = Evaluate(Procedures.Reissue, applicant, ("reissue-reason", "lost"), ("lost-where", "outside"));

        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("マイナンバーカードの再発行について", guidance.CoverageReason!.Ja);
        // No amount is stated on this page: no fee at all, never a guessed one.
        Assert.Equal(0, guidance.Fee.Total);
        Assert.Empty(guidance.Fee.Items);
        Assert.Empty(guidance.Items);
        Assert.Null(guidance.Visits);
        var note = Assert.Single(guidance.Notes, n => n.Id == "reissue-charged-not-same-day");
        Assert.Contains("有料", note.Text.Ja);
        Assert.Contains("即日発行はできません", note.Text.Ja);
        Assert.Contains(guidance.Notes, n => n.Id == "return-card-found-after-reissue");
        Assert.Equal(Center, Assert.Single(guidance.Counters).Id);
        Assert.Contains(guidance.Phones, p => p.Number == InquiryNumber);
    }

    [Fact]
    public void The_atsugi_file_states_no_fee_and_no_id_catalogue()
    {
        var document = SeedRules.Read("142123-atsugi.yaml");
        Assert.Empty(document.Fees);
        // "本人確認書類一覧" is followed by "関連ファイル" in the capture: the list is lost.
        Assert.Empty(document.IdDocuments);
    }

    // ---- 暗証番号の再設定 (pin-reset) ----

    [Theory]
    [InlineData(Applicants.Self)]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Pin_reset_is_not_described_on_the_page(string applicant)
    {
        // Only "…照会兼回答書の送付依頼時に暗証番号再設定手続きも希望してください。" mentions a PIN reset.
        var guidance = Evaluate(Procedures.PinReset, applicant);
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("暗証番号", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.True(guidance.Fee.IsFree);
        // The page does not say the center handles PIN resets: the resident is given the inquiry phone.
        Assert.Empty(guidance.Counters);
        Assert.Equal(InquiryNumber, Assert.Single(guidance.Phones).Number);
    }

    // ---- 窓口及び受付時間 ----

    [Fact]
    public void Center_is_closed_on_a_national_holiday_and_opens_weekdays_until_1715()
    {
        // "平日 午前8時30分から午後5時15分まで"; 2026-11-23 (Mon) is 勤労感謝の日.
        var center = Evaluate(Procedures.Abolition, Applicants.Self).Counters.Single();
        Assert.Equal(
            [
                new Opening(new DateOnly(2026, 11, 24), Open, WeekdayClose),
                new Opening(new DateOnly(2026, 11, 25), Open, WeekdayClose),
                new Opening(new DateOnly(2026, 11, 26), Open, WeekdayClose),
            ],
            center.NextOpenings);
    }

    [Fact]
    public void Center_opens_saturday_mornings_until_noon()
    {
        // "土曜(祝日・年末年始を除く) 午前8時30分から正午まで"; Sunday is closed, Monday 2026-11-23 is a holiday.
        var center = SeedRules.Evaluate(Code, Procedures.Abolition, Applicants.Self, new DateOnly(2026, 11, 21)).Counters.Single();
        Assert.Equal(
            [
                new Opening(new DateOnly(2026, 11, 21), Open, SaturdayClose),
                new Opening(new DateOnly(2026, 11, 24), Open, WeekdayClose),
                new Opening(new DateOnly(2026, 11, 25), Open, WeekdayClose),
            ],
            center.NextOpenings);
    }

    [Fact]
    public void Center_is_closed_over_the_new_year()
    {
        // "(祝日・年末年始を除く)": open Saturday 12/26 and Monday 12/28, closed 12/29–1/3, open again Monday 2027-01-04.
        var center = SeedRules.Evaluate(Code, Procedures.SuspensionRelease, Applicants.Self, new DateOnly(2026, 12, 26), ("reissue-applied", "no"))
            .Counters.Single();
        Assert.Equal(
            [
                new Opening(new DateOnly(2026, 12, 26), Open, SaturdayClose),
                new Opening(new DateOnly(2026, 12, 28), Open, WeekdayClose),
                new Opening(new DateOnly(2027, 1, 4), Open, WeekdayClose),
            ],
            center.NextOpenings);
        // "なお、厚木市に住民登録のない方は手続ができません。"
        Assert.Contains("住民登録のない方", center.Note!.Ja);
    }
}
