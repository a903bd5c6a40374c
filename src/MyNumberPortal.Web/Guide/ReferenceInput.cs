using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Web.Infrastructure;

namespace MyNumberPortal.Web.Guide;

/// <summary>A reference code typed into a form (the resident's <c>/code</c>, the clerk's check), opened as its case.</summary>
public static class ReferenceInput
{
    /// <summary>
    /// Opens the typed text with <see cref="GuideCase.Open"/>, after the bound every query value has
    /// (<see cref="QueryReader.MaxLength"/> characters: a longer text is not a code).
    /// </summary>
    public static OpenedReference Open(RuleCatalog catalog, string? text, DateOnly date) =>
        !string.IsNullOrWhiteSpace(text) && text.Length > QueryReader.MaxLength
            ? new OpenedReference(null, null, ReferenceProblem.NotACode)
            : GuideCase.Open(catalog, text, date);
}
