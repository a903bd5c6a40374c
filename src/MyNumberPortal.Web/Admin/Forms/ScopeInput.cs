using System.Globalization;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Web.Admin;

/// <summary>The scope every rule element has: which procedures and applicants it is for, a condition, and its source.</summary>
public sealed class ScopeInput
{
    public List<string> Procedures { get; set; } = [];
    public List<string> Applicants { get; set; } = [];
    public string When { get; set; } = "";
    public string SourceDoc { get; set; } = "";
    public string SourceQuote { get; set; } = "";

    public static ScopeInput From(ScopedElement e) => new()
    {
        Procedures = [.. e.Procedures], Applicants = [.. e.Applicants], When = e.When ?? "",
        SourceDoc = e.Source?.Doc ?? "", SourceQuote = e.Source?.Quote ?? "",
    };

    public static ScopeInput Read(FormReader r) => new()
    {
        Procedures = r.Values(nameof(Procedures)), Applicants = r.Values(nameof(Applicants)), When = r.Text(nameof(When)),
        SourceDoc = r.Text(nameof(SourceDoc)), SourceQuote = r.Text(nameof(SourceQuote)),
    };

    public void ApplyTo(ScopedElement e)
    {
        e.Procedures = [.. Procedures];
        e.Applicants = [.. Applicants];
        e.When = When.Length == 0 ? null : When;
        e.Source = AdminInputs.Source(SourceDoc, SourceQuote);
    }
}
