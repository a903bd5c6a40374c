using System.Net;
using AngleSharp.Dom;
using MyNumberPortal.Rules.Model;
using static MyNumberPortal.Web.Tests.Staff.CounterForm;

namespace MyNumberPortal.Web.Tests.Staff;

/// <summary>
/// Issue 15 item 1 through the check form: for each municipality, a case per applicant kind the page covers reaches
/// "met" with the documents its page asks for (catalogue ticks, or "another document of list A/B" by number), and the
/// card being processed is refused as the holder's identity document. Applicant kinds a page does not cover at all are
/// "not covered" with a phone.
/// </summary>
public class CounterDocumentsTests(StaffFactory factory) : IClassFixture<StaffFactory>
{
    private const string Shinagawa = "131091";
    private const string Edogawa = "131237";
    private const string Koganei = "132101";
    private const string Atsugi = "142123";
    private const string Niigata = "151009";

    /// <summary>
    /// code, procedure, applicant, answers, what was shown (form fields), the outcome expected. Each "met" row is what the
    /// page asks for; each "missing" row one document short of it.
    /// </summary>
    public static readonly TheoryData<string, string, string, string, string, string> Cases = new()
    {
        // 品川区: 「見つかったマイナンバーカード」+「本人確認書類1点(免許証、保険証等)」
        { Shinagawa, Procedures.SuspensionRelease, Applicants.Self, "reissue-applied=no", "holder=drivers-licence", "met" },
        { Shinagawa, Procedures.SuspensionRelease, Applicants.Self, "reissue-applied=no", "holder-b=1", "met" },
        // 「A書類1点、またはB書類2点」, photo taken at the counter
        { Shinagawa, Procedures.Reissue, Applicants.Self, "reissue-reason=lost;lost-where=home", "holder-b=2", "met" },
        // A parent renewing a lost card for a child: the child's two list-B documents, the parent's licence.
        { Shinagawa, Procedures.Reissue, Applicants.LegalAgent, "reissue-reason=lost;lost-where=home;holder-status=under-15;relation-local=yes", "holder-b=2 agent=drivers-licence", "met" },
        { Shinagawa, Procedures.Reissue, Applicants.LegalAgent, "reissue-reason=lost;lost-where=home;holder-status=under-15;relation-local=yes", "holder-b=1 agent=drivers-licence", "missing" },
        // PIN reset by a voluntary agent: 「申請者本人:マイナンバーカード+本人確認書類A1点または本人確認書類B1点」, 「代理人:本人確認書類A1点」
        { Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent, "", "holder-b=1 agent=my-number-card", "met" },
        { Shinagawa, Procedures.PinReset, Applicants.LegalAgent, "holder-status=under-15;relation-local=yes", "holder-b=1 agent=drivers-licence", "met" },
        // 江戸川区: the page names documents but no combination: the clerk confirms them by the note.
        { Edogawa, Procedures.Reissue, Applicants.Self, "reissue-reason=lost", "judged=holder-reissue", "met" },
        { Edogawa, Procedures.Reissue, Applicants.Self, "reissue-reason=lost", "", "needsjudgement" },
        { Edogawa, Procedures.PinReset, Applicants.Self, "", "", "met" },
        // 小金井市: 「該当者のマイナンバーカードおよび届出人の本人確認書類」 (no combination); agents: loss by phone only.
        { Koganei, Procedures.PinReset, Applicants.Self, "", "judged=pin-self-id", "met" },
        { Koganei, Procedures.LostCard, Applicants.HouseholdMember, "", "", "met" },
        { Koganei, Procedures.LostCard, Applicants.LegalAgent, "", "", "met" },
        { Koganei, Procedures.LostCard, Applicants.VoluntaryAgent, "", "", "met" },
        // 厚木市: no catalogue; 「Aの書類1点」または「Bの書類2点」, agents 「Aの書類2点」又は「Aの書類1点とBの書類1点」.
        { Atsugi, Procedures.Abolition, Applicants.Self, "", "holder-a=1", "met" },
        { Atsugi, Procedures.Abolition, Applicants.Self, "", "holder-b=1", "missing" },
        { Atsugi, Procedures.Abolition, Applicants.LegalAgent, "relation-local=yes", "holder-b=2 agent-a=1 agent-b=1", "met" },
        { Atsugi, Procedures.Abolition, Applicants.LegalAgent, "relation-local=yes", "holder-b=2 agent-a=1", "missing" },
        { Atsugi, Procedures.SuspensionRelease, Applicants.VoluntaryAgent, "reissue-applied=no", "agent-a=2", "met" },
        { Atsugi, Procedures.LostCard, Applicants.HouseholdMember, "", "", "met" },
        // 新潟市: A区分1点 or B区分2点; proxies: holder A×2, A×1+B×1 or B×3 with a photo (顔写真証明書).
        { Niigata, Procedures.Reissue, Applicants.Self, "reissue-reason=expiring;old-card-held=yes", "holder=health-insurance-card holder=pension-book", "met" },
        { Niigata, Procedures.Reissue, Applicants.HouseholdMember, "reissue-reason=expiring;old-card-held=yes", "holder=health-insurance-card holder=pension-book holder=face-photo-certificate agent=passport agent=driving-licence", "met" },
        { Niigata, Procedures.Reissue, Applicants.VoluntaryAgent, "reissue-reason=expiring;old-card-held=yes", "holder=health-insurance-card holder=pension-book holder-b=1 agent=passport agent-b=1", "missing" },
        { Niigata, Procedures.Reissue, Applicants.VoluntaryAgent, "reissue-reason=expiring;old-card-held=yes", "holder=health-insurance-card holder=pension-book holder-bp=1 agent=passport agent-b=1", "met" },
        { Niigata, Procedures.Reissue, Applicants.LegalAgent, "reissue-reason=expiring;holder-status=under-15;relation-local=yes;old-card-held=yes", "holder=health-insurance-card holder=medical-benefit-certificate agent=passport", "met" },
        { Niigata, Procedures.PinReset, Applicants.HouseholdMember, "", "judged=agent-pin-reset", "met" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task What_the_page_asks_for_reaches_met_and_one_short_does_not(string code, string procedure, string applicant, string answers, string shown, string expected)
    {
        using var client = await ClerkAsync(factory, code);
        var url = CheckUrl(factory, code, procedure, applicant, answers);
        var (response, page) = await PostAsync(client, url, shown.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, Outcome(page));
    }

    [Fact]
    public async Task The_card_being_processed_is_refused_as_the_holders_identity_document()
    {
        // 品川区, PIN reset by a voluntary agent: the holder's ID is needed besides the card whose PIN is reset.
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.PinReset, Applicants.VoluntaryAgent);
        var form = Parse(await client.GetStringAsync(url));
        Assert.Contains("この手続きでは数えません", form.QuerySelector("label[for='holder-my-number-card']")!.TextContent);
        Assert.DoesNotContain("数えません", form.QuerySelector("label[for='agent-my-number-card']")!.TextContent);

        var (_, refused) = await PostAsync(client, url, ["holder=my-number-card", "agent=drivers-licence"]);
        Assert.Equal("missing", Outcome(refused));
        var text = ResultText(refused);
        Assert.Contains("マイナンバーカードは、この手続きでは本人確認書類として数えません", text);
        Assert.Contains("A書類を1点、またはB書類を1点", text);
    }

    [Fact]
    public async Task The_found_card_does_not_count_for_the_suspension_release_either()
    {
        using var client = await ClerkAsync(factory, Shinagawa);
        var url = CheckUrl(factory, Shinagawa, Procedures.SuspensionRelease, Applicants.Self, "reissue-applied=no");
        var (_, refused) = await PostAsync(client, url, ["holder=my-number-card"]);
        Assert.Equal("missing", Outcome(refused));
    }

    [Fact]
    public async Task Without_a_catalogue_the_form_asks_for_numbers_by_category()
    {
        using var client = await ClerkAsync(factory, Atsugi);
        var page = Parse(await client.GetStringAsync(CheckUrl(factory, Atsugi, Procedures.Abolition, Applicants.LegalAgent, "relation-local=yes")));
        Assert.Empty(page.QuerySelectorAll("input[name=holder], input[name=agent]"));
        Assert.Equal("A書類の点数", page.QuerySelector("label[for='holder-a']")!.TextContent.Trim());
        Assert.Equal("B書類の点数", page.QuerySelector("label[for='agent-b']")!.TextContent.Trim());
    }

    [Theory]
    [InlineData(Shinagawa, Procedures.PinReset)]
    [InlineData(Edogawa, Procedures.Reissue)]
    [InlineData(Atsugi, Procedures.Reissue)]
    public async Task An_applicant_kind_the_page_does_not_cover_is_not_covered_with_a_phone(string code, string procedure)
    {
        using var client = await ClerkAsync(factory, code);
        var page = Parse(await client.GetStringAsync(CheckUrl(factory, code, procedure, Applicants.HouseholdMember)));
        Assert.Equal("notcovered", Outcome(page));
        Assert.NotNull(page.QuerySelector(".counter-result a[href^='tel:']"));
    }

    [Fact]
    public async Task A_bad_count_is_a_400_with_a_message_never_a_500()
    {
        using var client = await ClerkAsync(factory, Atsugi);
        var url = CheckUrl(factory, Atsugi, Procedures.Abolition, Applicants.Self);
        var form = CheckForm(Parse(await client.GetStringAsync(url)));
        var fields = form.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlInputElement>("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Append(new("holder-a", "x")).Append(new("holder-b", "99")).Append(new("judged", "no-such-rule"));
        var response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid", Outcome(page));
        Assert.Contains("0から9で選んでください", ResultText(page));
    }
}
