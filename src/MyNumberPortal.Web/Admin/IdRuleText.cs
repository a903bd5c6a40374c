using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>An ID combination rule in the admin's language for display ("A×2 or B×3 with photo≥1" → 「A×2 または B×3(写真付き1点以上)」).</summary>
public static class IdRuleText
{
    public static string Display(string? rule)
    {
        if (string.IsNullOrWhiteSpace(rule) || !IdCombinationRule.TryParse(rule, out var parsed, out _) || parsed is null)
        {
            return rule ?? "";
        }

        return string.Join(AdminConsoleText.IdRuleOr, parsed.Alternatives.Select(a =>
        {
            var terms = string.Join('+', new[] { a.A > 0 ? $"A×{a.A}" : null, a.B > 0 ? $"B×{a.B}" : null }.OfType<string>());
            return a.MinPhotos > 0 ? terms + string.Format(CultureInfo.CurrentCulture, AdminConsoleText.IdRulePhotos, a.MinPhotos) : terms;
        }));
    }
}
