namespace MyNumberPortal.Web.Admin;

/// <summary>
/// A page shown again after a write the draft's concurrency stamp refused (409). The page then shows the draft as it now is
/// (with the colleague's change) and carries its new stamp; nothing the admin posted is lost, and nothing of theirs is put back
/// by pressing the button again:
/// <list type="bullet">
/// <item>an editor shows, for each field where the admin's posted value and the colleague's current value differ, both side
/// by side with a choice (the colleague's unless the admin picks their own: <c>conflict:NAME</c> = <c>theirs</c>/<c>mine</c>,
/// the two values in <c>theirs:NAME</c> and <c>mine:NAME</c>, which <see cref="FormReader"/> resolves);</item>
/// <item>an import or a restore does the same per part of the rule file (<see cref="DocumentParts"/>);</item>
/// <item>a publish, discard or delete asks for a tick (<see cref="ConfirmField"/>) before it acts on the changed draft.</item>
/// </list>
/// The form posted from such a page carries <see cref="ResolveField"/>. The stale form itself still carries the old stamp, so
/// posting it again is refused again. Kept in <see cref="HttpContext.Items"/> for the field components of the page.
/// </summary>
public sealed class AdminConflict
{
    public const string ChoicePrefix = "conflict:";
    public const string TheirsPrefix = "theirs:";
    public const string MinePrefix = "mine:";
    public const string Mine = "mine";
    public const string Theirs = "theirs";

    /// <summary>Marks a form posted from a page shown after a conflict.</summary>
    public const string ResolveField = "resolve";

    /// <summary>The tick a publish, discard or delete needs after a conflict.</summary>
    public const string ConfirmField = "confirm";

    private static readonly object Key = new();

    private AdminConflict(FormReader? posted) => Posted = posted;

    /// <summary>What the admin posted, for the editors' field choices; null where the form had no fields to choose (an action).</summary>
    public FormReader? Posted { get; }

    /// <summary>The conflict state of the page being rendered for <paramref name="context"/>, or null.</summary>
    public static AdminConflict? Of(HttpContext? context) => context?.Items[Key] as AdminConflict;

    /// <summary>Shows the page being rendered in its after-a-conflict form; <paramref name="posted"/>: the fields to offer as choices.</summary>
    public static void Mark(HttpContext context, FormReader? posted) => context.Items[Key] = new AdminConflict(posted);

    /// <summary>The admin's posted text where it differs from <paramref name="theirs"/>, or null (no choice needed).</summary>
    public IReadOnlyList<string>? TextDiffers(string name, string? theirs)
    {
        if (Posted is null)
        {
            return null;
        }

        var mine = Posted.Text(name);
        return string.Equals(mine, (theirs ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), StringComparison.Ordinal) ? null : [mine];
    }

    /// <summary>The admin's posted values (check boxes) where they differ from <paramref name="theirs"/> as a set, or null.</summary>
    public IReadOnlyList<string>? ValuesDiffer(string name, IEnumerable<string> theirs)
    {
        if (Posted is null)
        {
            return null;
        }

        var mine = Posted.Values(name);
        return mine.ToHashSet(StringComparer.Ordinal).SetEquals(theirs) ? null : mine;
    }

    /// <summary>The admin's posted box (one value "true", or none) where it differs from <paramref name="theirs"/>, or null.</summary>
    public IReadOnlyList<string>? CheckedDiffers(string name, bool theirs) =>
        Posted is null || Posted.Checked(name) == theirs ? null : Posted.Checked(name) ? ["true"] : [];
}
