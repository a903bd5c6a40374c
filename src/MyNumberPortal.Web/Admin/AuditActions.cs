using System.Globalization;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>An audit action's name in the admin's language (<c>draft-save</c> → 「下書きの保存」); an unknown action as stored.</summary>
public static class AuditActions
{
    public static string Text(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AdminConsoleText.ResourceManager.GetString("AuditAction_" + action.Replace('-', '_'), CultureInfo.CurrentUICulture) ?? action;
    }
}
