namespace MyNumberPortal.Data.Entities;

/// <summary>
/// A text capture of a source page (a <c>SourceDocument</c> of a rule set) on a date: what every quote of a fact naming the
/// source must be found in. A source may have several captures; the newest (highest <see cref="Id"/>) is the one in force.
/// </summary>
public class SourceCapture
{
    public int Id { get; set; }

    /// <summary><c>national</c> or the 6-digit code of the rule set the source belongs to.</summary>
    public string Scope { get; set; } = "";

    /// <summary>The source's id in the rule set (<c>sources[].id</c>).</summary>
    public string SourceId { get; set; } = "";

    /// <summary>The day the page was captured.</summary>
    public DateOnly CapturedOn { get; set; }

    /// <summary>The page's text as captured.</summary>
    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The admin who stored it, or <c>seed</c>.</summary>
    public string CreatedBy { get; set; } = "";
}
