using MyNumberPortal.Rules.Calendar;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Tests.Seeds;

/// <summary>
/// 小金井市 (132101): guidance checked against the city's page on My Number Card procedures
/// (Seed/sources/001_cce397fcdfde54a2.txt, 更新日 2024年5月27日). Several lists of that page are lost in the
/// capture; the tests check that the guidance says so instead of filling them in. Each case quotes its passage.
/// </summary>
public sealed class KoganeiSeedTests
{
    private const string Code = "132101";
    private const string Counter = "koganei-citizens-division";
    private const string CounterNumber = "042-387-9830";

    /// <summary>Monday 2026-11-23, 勤労感謝の日 (a national holiday).</summary>
    private static readonly DateOnly LabourThanksgivingDay = new(2026, 11, 23);

    private static Guidance Evaluate(string procedure, string applicant, params (string Question, string Answer)[] answers) =>
        SeedRules.Evaluate(Code, procedure, applicant, LabourThanksgivingDay, answers);

    private static IEnumerable<string> Ids(IEnumerable<GuidanceItem> items) => items.Select(i => i.Id);

    private static void AssertCounterWithoutPublishedHours(GuidanceCounter counter, params int[] visits)
    {
        // "場所:小金井市役所第二庁舎一階市民課窓口 取扱い時間: 午前8時30分から午後5時まで 午前9時から午後1時まで" — which days is not said.
        Assert.Equal(Counter, counter.Id);
        Assert.Equal("小金井市役所第二庁舎一階 市民課窓口", counter.Name.Ja);
        Assert.Equal(CounterNumber, counter.Phone);
        Assert.Equal(ReservationPolicies.NotStated, counter.Reservation);
        Assert.False(counter.HoursPublished);
        Assert.Empty(counter.NextOpenings);
        Assert.Contains("午前8時30分から午後5時まで", counter.Note!.Ja);
        Assert.Contains("午前9時から午後1時まで", counter.Note.Ja);
        Assert.Equal(visits, counter.Visits);
    }

    // ---- 紛失・一時停止 (lost-card) ----

    [Fact]
    public void Lost_card_outside_home_call_then_police_then_release_or_reissue()
    {
        // "直ちに以下のいずれかの電話番号(紛失等の場合には365日24時間対応)に連絡し、…一時停止を行ってください。"
        // "自宅以外で紛失した場合は、警察へ遺失物届を出してください(再交付申請の際に、遺失物届の受理番号が必要となります)。"
        var guidance = Evaluate(Procedures.LostCard, Applicants.Self, ("lost-where", "outside"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["call-suspension", "police-report", "if-found-release", "reissue-if-wanted"], guidance.Steps.Select(s => s.Id));
        Assert.True(guidance.Steps[0].Urgent);
        Assert.Equal(3, guidance.Steps[0].Phones.Count);
        Assert.Contains("受理番号", guidance.Steps[1].Detail!.Ja);
        Assert.Equal("koganei", guidance.Steps[1].Source!.Document.Id);
        // "この手続は電話では行うことができません"
        Assert.Contains("電話ではできません", guidance.Steps[2].Detail!.Ja);
        // No abolition-only step: the page goes from loss straight to a new application.
        Assert.DoesNotContain(guidance.Steps, s => s.Id.Contains("abol", StringComparison.Ordinal));
        Assert.Equal(CounterNumber, guidance.Phones[^1].Number);
        Assert.Empty(guidance.Items);
        Assert.True(guidance.Fee.IsFree);
        // "再交付の申請後にマイナンバーカードが見つかっても、旧マイナンバーカードは使用することはできませんので、返却してください。"
        Assert.Contains(guidance.Notes, n => n is { Id: "old-card-after-reissue", Severity: Severities.Warning });
    }

    [Fact]
    public void Lost_card_at_home_needs_no_police_report()
    {
        // "自宅以外で紛失した場合は、警察へ遺失物届を出してください"
        var guidance = Evaluate(Procedures.LostCard, Applicants.Self, ("lost-where", "home"));
        Assert.Equal(["call-suspension", "if-found-release", "reissue-if-wanted"], guidance.Steps.Select(s => s.Id));
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Lost_card_for_someone_else_gives_the_same_steps_and_says_the_page_does_not_cover_who_calls(string applicant)
    {
        var guidance = Evaluate(Procedures.LostCard, applicant, ("lost-where", "outside"));
        Assert.Equal(["call-suspension", "police-report", "if-found-release", "reissue-if-wanted"], guidance.Steps.Select(s => s.Id));
        Assert.Contains(guidance.Notes, n => n.Id == "lost-card-who");
    }

    // ---- 一時停止解除 (suspension-release) ----

    [Fact]
    public void Release_by_the_holder_needs_the_card_and_an_id_the_page_does_not_specify()
    {
        // "この手続は電話では行うことができませんので、該当者のマイナンバーカードおよび届出人の本人確認書類をお持ちの上、市民課窓口へお越しください。"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "no"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["release-card"], Ids(guidance.Items));
        var id = Assert.Single(guidance.IdRules);
        Assert.Equal(IdSubjects.Holder, id.Subject);
        Assert.Null(id.RuleText);
        Assert.Null(id.Combination);
        Assert.Contains("ページに書かれていません", id.Note!.Ja);
        Assert.True(guidance.Fee.IsFree);
        Assert.Empty(guidance.Fee.Items);
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters));
        Assert.Contains(guidance.Notes, n => n.Id == "release-not-by-phone");
        // "なお、全国的なシステムメンテナンスにより、毎月第3土曜日に続く日曜日は手続できませんので、ご注意ください。"
        Assert.Contains(guidance.Notes, n => n is { Id: "maintenance-sunday", Severity: Severities.Warning });
    }

    [Fact]
    public void Release_is_not_possible_after_a_reissue_application()
    {
        // "再交付の申請後にマイナンバーカードが見つかっても、旧マイナンバーカードは使用することはできませんので、返却してください。"
        var guidance = Evaluate(Procedures.SuspensionRelease, Applicants.Self, ("reissue-applied", "yes"));
        Assert.Equal(CoverageStatuses.NotAccepted, guidance.Coverage);
        Assert.Contains("返却", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters));
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Release_by_anyone_but_the_holder_is_not_described(string applicant)
    {
        // The page says "届出人の本人確認書類" but never what an agent or family member needs besides.
        var guidance = Evaluate(Procedures.SuspensionRelease, applicant, ("reissue-applied", "no"), ("relation-local", "no"));
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("届出人の本人確認書類", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.Null(guidance.Visits);
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters));
        Assert.Contains(guidance.Phones, p => p.Number == CounterNumber);
    }

    // ---- 廃止 (abolition) ----

    [Theory]
    [InlineData(Applicants.Self)]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Abolition_alone_is_not_described(string applicant)
    {
        // After a loss the page only says "紛失後、マイナンバーカードの再交付を希望する場合は、あらためて申請が必要となります。"
        var guidance = Evaluate(Procedures.Abolition, applicant);
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("廃止", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.True(guidance.Fee.IsFree);
        Assert.Null(guidance.Visits);
        Assert.Empty(guidance.Counters);
        Assert.Equal("call-suspension-abolition", Assert.Single(guidance.Steps).Id);
        Assert.Equal(CounterNumber, guidance.Phones[^1].Number);
    }

    // ---- 再交付 (reissue) ----

    [Fact]
    public void Reissue_after_losing_the_card_outside_costs_1000_yen_takes_two_visits_and_needs_the_police_number()
    {
        // "発行手数料は1,000円(電子証明書再発行手数料を含む)となります。"
        // "(再交付申請の際に、遺失物届の受理番号が必要となります)"
        // "申請をされると、約1ヶ月程度で住民登録をした住所宛に「マイナンバーカード交付通知書」が届きます。
        //  交付通知書及び同封の書面記載の必要書類をお持ちの上、所定の窓口でマイナンバーカードの再交付を受けてください。"
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "outside"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(1000, guidance.Fee.Total);
        var fee = Assert.Single(guidance.Fee.Items);
        Assert.Equal((1000, "発行手数料(電子証明書再発行手数料を含む)"), (fee.Amount, fee.Label.Ja));
        Assert.Empty(guidance.Fee.Exemptions);

        Assert.Equal(["reissue-police-receipt-number", "reissue-notice", "reissue-enclosed-documents"], Ids(guidance.Items));
        Assert.Equal([1, 2, 2], guidance.Items.Select(i => i.Visit ?? 0));

        var visits = guidance.Visits!;
        Assert.Equal((2, false), (visits.Count, visits.CompletesSameDay));
        Assert.Contains("約1ヶ月", visits.Between!.Ja);

        // "以下のものをお持ちの上、市民課窓口へお越しください。" — the list is lost: the ID rule says so.
        var id = Assert.Single(guidance.IdRules);
        Assert.Null(id.Combination);
        Assert.Equal(1, id.Visit);
        Assert.Contains(guidance.Notes, n => n is { Id: "reissue-list-missing", Severity: Severities.Warning });
        // "当日窓口で新たなマイナンバーカードをお渡しすることはできません。"
        Assert.Contains(guidance.Notes, n => n.Id == "reissue-not-same-day");
        Assert.Contains(guidance.Notes, n => n.Id == "old-card-after-reissue");
        Assert.Contains(guidance.Notes, n => n.Id == "reissue-pickup-counter");
        // The Citizens' Division takes the application; the card is received at "所定の窓口".
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters), 1);
    }

    [Fact]
    public void Reissue_after_losing_the_card_at_home_needs_no_police_number()
    {
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "lost"), ("lost-where", "home"));
        Assert.Equal(["reissue-notice", "reissue-enclosed-documents"], Ids(guidance.Items));
        Assert.Equal(1000, guidance.Fee.Total);
    }

    [Fact]
    public void Reissue_after_theft_needs_the_police_number()
    {
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", "stolen"));
        Assert.Contains("reissue-police-receipt-number", Ids(guidance.Items));
        Assert.Equal(1000, guidance.Fee.Total);
    }

    [Theory]
    [InlineData("damaged")]
    [InlineData("fire-disaster")]
    [InlineData("expiring")]
    public void Reissue_for_other_reasons_is_not_described(string reason)
    {
        var guidance = Evaluate(Procedures.Reissue, Applicants.Self, ("reissue-reason", reason));
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Equal(0, guidance.Fee.Total);
        Assert.Empty(guidance.Fee.Items);
        Assert.Null(guidance.Visits);
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Reissue_by_anyone_but_the_holder_is_not_described(string applicant)
    {
        var guidance = Evaluate(Procedures.Reissue, applicant, ("reissue-reason", "lost"), ("lost-where", "outside"));
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Empty(guidance.Fee.Items);
        Assert.Empty(guidance.Items);
        Assert.Null(guidance.Visits);
        Assert.Contains(guidance.Notes, n => n.Id == "reissue-list-missing");
        Assert.Contains(guidance.Phones, p => p.Number == CounterNumber);
    }

    // ---- 暗証番号の再設定・ロック解除 (pin-reset) ----

    [Fact]
    public void Four_digit_pin_reset_is_at_the_counter_and_not_at_a_kiosk()
    {
        // "該当者のマイナンバーカードおよび届出人の本人確認書類をお持ちの上、市民課窓口へお越しください。"
        // "ただし、利用者証明用電子証明書の暗証番号(数字4桁)の再設定はできませんので、ご注意ください。"
        var guidance = Evaluate(Procedures.PinReset, Applicants.Self, ("pin-which", "four-digit"));

        Assert.Equal(CoverageStatuses.Covered, guidance.Coverage);
        Assert.Equal(["pin-card"], Ids(guidance.Items));
        var id = Assert.Single(guidance.IdRules);
        Assert.Equal(IdSubjects.Holder, id.Subject);
        Assert.Null(id.Combination);
        Assert.True(guidance.Fee.IsFree);
        Assert.Equal((1, true), (guidance.Visits!.Count, guidance.Visits.CompletesSameDay));
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters));

        // The national note says a 4-digit PIN can be reset at a kiosk; Koganei's page says it cannot.
        Assert.DoesNotContain(guidance.Notes, n => n.Id == "kiosk-pin-reset");
        var kiosk = Assert.Single(guidance.Notes, n => n.Id == "kiosk-no-four-digit");
        Assert.Equal(Severities.Warning, kiosk.Severity);
        Assert.Equal("koganei", kiosk.Source!.Document.Id);
        // "なお、全国的なシステムメンテナンスにより、第3土曜日に続く日曜日は手続できませんので、ご注意ください。"
        Assert.Contains(guidance.Notes, n => n.Id == "maintenance-sunday-pin");
        // "暗証番号の変更は対応しているスマートフォンやパソコンを使用していただきますとご自身で行えます。"
        Assert.Contains(guidance.Notes, n => n.Id == "pin-change-yourself");
    }

    [Fact]
    public void Signature_password_can_also_be_reset_at_a_kiosk_in_koganeis_words()
    {
        // "署名用電子証明書の暗証番号(英数字6文字以上16文字以下のパスワード)の再設定がコンビニ等のキオスク端末からもできるようになりました。"
        var guidance = Evaluate(Procedures.PinReset, Applicants.Self, ("pin-which", "signature"));
        var kiosk = Assert.Single(guidance.Notes, n => n.Id == "kiosk-pin-reset");
        Assert.Equal("koganei", kiosk.Source!.Document.Id);
        Assert.Contains("署名用電子証明書", kiosk.Text.Ja);
        Assert.DoesNotContain("数字4桁", kiosk.Text.Ja);
        Assert.DoesNotContain(guidance.Notes, n => n.Id == "kiosk-no-four-digit");
    }

    [Fact]
    public void Both_pins_forgotten_cannot_be_reset_at_a_kiosk()
    {
        var guidance = Evaluate(Procedures.PinReset, Applicants.Self, ("pin-which", "both"));
        Assert.Contains(guidance.Notes, n => n.Id == "kiosk-no-four-digit");
        Assert.Contains(guidance.Notes, n => n.Id == "kiosk-pin-reset-not-both");
        Assert.DoesNotContain(guidance.Notes, n => n.Id == "kiosk-pin-reset");
    }

    [Theory]
    [InlineData(Applicants.HouseholdMember)]
    [InlineData(Applicants.LegalAgent)]
    [InlineData(Applicants.VoluntaryAgent)]
    public void Pin_reset_by_anyone_but_the_holder_is_not_described(string applicant)
    {
        var guidance = Evaluate(Procedures.PinReset, applicant, ("pin-which", "four-digit"));
        Assert.Equal(CoverageStatuses.AskCounter, guidance.Coverage);
        Assert.Contains("届出人の本人確認書類", guidance.CoverageReason!.Ja);
        Assert.Empty(guidance.Items);
        Assert.Empty(guidance.IdRules);
        Assert.Null(guidance.Visits);
        AssertCounterWithoutPublishedHours(Assert.Single(guidance.Counters));
    }

    // ---- 窓口 ----

    [Fact]
    public void Counter_publishes_no_weekly_hours_and_closes_on_the_maintenance_sunday()
    {
        // "毎月第3土曜日に続く日曜日は手続できません" — in November 2026 the third Saturday is the 21st, so Sunday the 22nd.
        var counter = SeedRules.For(Code).Counters.Single(c => c.Definition.Id == Counter);
        Assert.Empty(counter.Definition.Hours);
        Assert.Equal(["maintenance-sunday"], counter.Definition.Closures.Select(c => c.Kind));
        Assert.False(counter.Schedule.HasHours);
        Assert.True(CounterSchedule.IsMaintenanceSunday(new DateOnly(2026, 11, 22)));
        Assert.Null(counter.Schedule.OpeningOn(new DateOnly(2026, 11, 24)));
    }

    [Fact]
    public void The_koganei_file_replaces_the_national_kiosk_note_and_invents_no_catalogue()
    {
        var document = SeedRules.Read("132101-koganei.yaml");
        Assert.Equal(["kiosk-pin-reset"], document.NationalOverrides);
        Assert.Empty(document.IdDocuments);
        var fee = Assert.Single(document.Fees);
        Assert.Equal([1000], fee.Items.Select(i => i.Amount));
    }
}
