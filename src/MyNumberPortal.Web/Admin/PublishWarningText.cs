using System.Globalization;
using MyNumberPortal.Rules.Engine;
using MyNumberPortal.Rules.Model;
using MyNumberPortal.Web.Infrastructure;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>A publish-page warning (<see cref="DraftWarnings"/>) in the admin's language, naming the element as residents see it.</summary>
public static class PublishWarningText
{
    public static string Of(DraftWarning warning, RuleSetDocument draft)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(draft);
        var name = NameOf(warning.Element, draft);
        return warning.Kind switch
        {
            DraftWarningKind.CounterTakesEverything => Format(AdminConsoleText.WarnCounterTakesEverything, name),
            DraftWarningKind.CounterWithoutHours => Format(AdminConsoleText.WarnCounterWithoutHours, name),
            DraftWarningKind.VisitMissing => Format(AdminConsoleText.WarnVisitMissing, name, warning.Number),
            DraftWarningKind.QuestionNeverRead => Format(AdminConsoleText.WarnQuestionNeverRead, name),
            _ => Format(AdminConsoleText.WarnEnglishMissing, name,
                AdminConsoleText.ResourceManager.GetString("WarnField_" + warning.Field, CultureInfo.CurrentUICulture) ?? warning.Field),
        };
    }

    /// <summary>The element's name or text in the admin's language where it has one; otherwise its id.</summary>
    private static string NameOf(string id, RuleSetDocument d)
    {
        LocalText? text = d.Counters.FirstOrDefault(c => c.Id == id)?.Name
            ?? d.Items.FirstOrDefault(i => i.Id == id)?.Text
            ?? d.Questions.FirstOrDefault(q => q.Id == id)?.Text
            ?? d.Fees.FirstOrDefault(f => f.Id == id)?.Name
            ?? d.Steps.FirstOrDefault(s => s.Id == id)?.Title
            ?? d.Sources.FirstOrDefault(s => s.Id == id)?.Title
            ?? (d.Municipality?.Code == id ? d.Municipality.Name : null);
        return text is null || text.Ja.Length == 0 ? id : Language.Of(text);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
