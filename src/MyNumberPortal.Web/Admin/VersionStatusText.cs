using MyNumberPortal.Data.Entities;
using MyNumberPortal.Web.Resources;

namespace MyNumberPortal.Web.Admin;

/// <summary>A stored version's state in the admin's language (never the enum's English name): draft, in force, scheduled, published earlier, withdrawn.</summary>
public static class VersionStatusText
{
    /// <param name="inForce">The version number in force today, if any.</param>
    public static string Of(RuleSetVersion version, int? inForce, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Status switch
        {
            RuleSetStatus.Draft => AdminConsoleText.StatusDraft,
            RuleSetStatus.Published when inForce == version.Version => AdminConsoleText.StatusInForce,
            RuleSetStatus.Published when version.EffectiveFrom > today => AdminConsoleText.StatusScheduled,
            RuleSetStatus.Published => AdminConsoleText.StatusPublished,
            _ => AdminConsoleText.StatusWithdrawn,
        };
    }

    /// <summary>Whether the version is published to take effect after today (it can be cancelled).</summary>
    public static bool IsScheduled(RuleSetVersion version, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Status == RuleSetStatus.Published && version.EffectiveFrom > today;
    }
}
