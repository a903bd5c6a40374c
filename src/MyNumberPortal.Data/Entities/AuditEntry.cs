namespace MyNumberPortal.Data.Entities;

/// <summary>Who changed what in the rule store, when; with the state before and after where it helps.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>The user name, or <c>seed</c> for the first start.</summary>
    public string Actor { get; set; } = "";

    /// <summary><c>national</c> or the 6-digit code the change concerns.</summary>
    public string Scope { get; set; } = "";

    /// <summary>A short verb: <c>seed</c>, <c>draft</c>, <c>publish</c>, <c>withdraw</c>, <c>restore</c>, <c>import</c>, …</summary>
    public string Action { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}
