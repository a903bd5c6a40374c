using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

public sealed class MunicipalityInput
{
    public string Code { get; set; } = "";
    public string NameJa { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string Kana { get; set; } = "";
    public string Romaji { get; set; } = "";
    public string PrefectureJa { get; set; } = "";
    public string PrefectureEn { get; set; } = "";
    public string InquiryPhone { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";

    public static MunicipalityInput From(MunicipalityInfo m) => new()
    {
        Code = m.Code, NameJa = m.Name.Ja, NameEn = m.Name.En, Kana = m.Kana, Romaji = m.Romaji, PrefectureJa = m.Prefecture.Ja,
        PrefectureEn = m.Prefecture.En, InquiryPhone = m.InquiryPhone ?? "", SourceDoc = m.Source?.Doc ?? "", SourceQuote = m.Source?.Quote ?? "",
    };

    public static MunicipalityInput Read(FormReader r) => new()
    {
        Code = r.Text(nameof(Code)), NameJa = r.Text(nameof(NameJa)), NameEn = r.Text(nameof(NameEn)), Kana = r.Text(nameof(Kana)),
        Romaji = r.Text(nameof(Romaji)), PrefectureJa = r.Text(nameof(PrefectureJa)), PrefectureEn = r.Text(nameof(PrefectureEn)),
        InquiryPhone = r.Text(nameof(InquiryPhone)), SourceDoc = r.Text(nameof(SourceDoc)), SourceQuote = r.Text(nameof(SourceQuote)),
    };

    public void ApplyTo(MunicipalityInfo m)
    {
        m.Name = new() { Ja = NameJa, En = NameEn };
        m.Kana = Kana;
        m.Romaji = Romaji;
        m.Prefecture = new() { Ja = PrefectureJa, En = PrefectureEn };
        m.InquiryPhone = InquiryPhone.Length == 0 ? null : InquiryPhone;
        m.Source = AdminInputs.Source(SourceDoc, SourceQuote);
    }
}
