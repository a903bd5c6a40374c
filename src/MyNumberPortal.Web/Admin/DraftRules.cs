using MyNumberPortal.Data.Publishing;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Format;

namespace MyNumberPortal.Web.Admin;

/// <summary>The open draft of a municipality compiled as residents would get it once published (for the fact-check table).</summary>
public static class DraftRules
{
    /// <summary>The query parameter that asks for the draft (<c>?draft=1</c>).</summary>
    public const string Parameter = "draft";

    public static bool Asked(HttpContext context) => context.Request.Query[Parameter] is { Count: 1 } v && v[0] == "1";

    /// <summary>The compiled draft, or null when there is none (or, which the store never keeps, it does not compile).</summary>
    public static async Task<CompiledRuleSet?> CompileAsync(RuleSetDrafts drafts, RuleCatalog catalog, string code, CancellationToken ct)
    {
        if (await drafts.FindDraftAsync(code, ct) is not { } draft)
        {
            return null;
        }

        try
        {
            return CompiledRuleSet.Compile(catalog.National, RuleSetYaml.Read(draft.Content), draft.Version);
        }
        catch (Exception ex) when (ex is RuleSetValidationException or RuleFileFormatException)
        {
            return null;
        }
    }
}
