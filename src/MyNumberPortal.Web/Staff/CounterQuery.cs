namespace MyNumberPortal.Web.Staff;

/// <summary>
/// The counter check's parameters (<c>/staff/{code}/check</c>, docs/staff.md): the case by reference code or by procedure
/// and the guide's own parameters (applicant, answers, step), the visit by GET; the ticked ids, the numbers of documents
/// outside the catalogue by category, the rules confirmed by the clerk and a change of visit by POST.
/// </summary>
public static class CounterQuery
{
    public const string Reference = "ref";
    public const string Procedure = "procedure";
    public const string Visit = "visit";
    public const string Item = "item";
    public const string Holder = "holder";
    public const string Agent = "agent";

    /// <summary>Suffixes of the count fields: "holder-a", "agent-b", "holder-bp" (list B with a photo).</summary>
    public const string OtherA = "-a";
    public const string OtherB = "-b";
    public const string OtherBPhoto = "-bp";

    /// <summary>Ids of ID rules without a combination that the clerk confirmed by their note.</summary>
    public const string Judged = "judged";

    /// <summary>The visit to switch to (posted with the ticks, so that they survive the change).</summary>
    public const string VisitTo = "visit-to";

    /// <summary>The submit button's name; <see cref="SwitchVisit"/> switches the visit instead of checking.</summary>
    public const string Action = "action";
    public const string SwitchVisit = "visit";
}
