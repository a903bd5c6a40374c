namespace MyNumberPortal.Web.Staff;

/// <summary>
/// The counter check's parameters (<c>/staff/{code}/check</c>, docs/staff.md): the case by reference code or by procedure
/// and the guide's own parameters (applicant, answers, step), the visit by GET; the ticked ids by POST.
/// </summary>
public static class CounterQuery
{
    public const string Reference = "ref";
    public const string Procedure = "procedure";
    public const string Visit = "visit";
    public const string Item = "item";
    public const string Holder = "holder";
    public const string Agent = "agent";
}
