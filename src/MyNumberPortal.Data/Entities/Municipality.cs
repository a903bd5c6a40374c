namespace MyNumberPortal.Data.Entities;

/// <summary>
/// A directory row per municipality (search, lists, admin), copied from its latest published rule set.
/// The rule set stays the source of truth; this row is refreshed whenever it changes.
/// </summary>
public class Municipality
{
    /// <summary>The 6-digit local government code (with check digit).</summary>
    public string Code { get; set; } = "";

    public string NameJa { get; set; } = "";

    public string NameEn { get; set; } = "";

    public string Kana { get; set; } = "";

    public string Romaji { get; set; } = "";

    public string PrefectureJa { get; set; } = "";

    public string PrefectureEn { get; set; } = "";
}
