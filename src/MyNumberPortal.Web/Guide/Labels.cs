using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Guide;

/// <summary>Everyday words for the procedures and applicant kinds, from the resources (the rules hold the official names).</summary>
public static class Labels
{
    /// <summary>The situations in the order residents see them: most urgent first.</summary>
    public static readonly IReadOnlyList<string> SituationOrder =
        [Procedures.LostCard, Procedures.SuspensionRelease, Procedures.PinReset, Procedures.Reissue, Procedures.Abolition];

    public static string Situation(string procedure) => procedure switch
    {
        Procedures.LostCard => Text.SituationLostCard,
        Procedures.SuspensionRelease => Text.SituationFound,
        Procedures.PinReset => Text.SituationPin,
        Procedures.Reissue => Text.SituationNewCard,
        Procedures.Abolition => Text.SituationStop,
        _ => procedure,
    };

    public static string SituationHint(string procedure) => procedure switch
    {
        Procedures.LostCard => Text.SituationLostCardHint,
        Procedures.SuspensionRelease => Text.SituationFoundHint,
        Procedures.PinReset => Text.SituationPinHint,
        Procedures.Reissue => Text.SituationNewCardHint,
        Procedures.Abolition => Text.SituationStopHint,
        _ => procedure,
    };

    public static string Applicant(string applicant) => applicant switch
    {
        Applicants.Self => Text.ApplicantSelf,
        Applicants.HouseholdMember => Text.ApplicantHousehold,
        Applicants.LegalAgent => Text.ApplicantLegal,
        Applicants.VoluntaryAgent => Text.ApplicantVoluntary,
        _ => applicant,
    };

    /// <summary>A page title: "{page} | site name".</summary>
    public static string Title(string page) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Text.TitleFormat, page);
}
