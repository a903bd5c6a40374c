namespace MyNumberPortal.Data.Entities;

/// <summary>
/// One version of a scope's rule set: the whole document as canonical YAML (<c>RuleSetYaml.Write</c>).
/// Scope is <c>national</c> or a municipality's 6-digit code; versions count 1, 2, … per scope.
/// </summary>
public class RuleSetVersion
{
    /// <summary>The scope of the national content shared by every municipality.</summary>
    public const string NationalScope = "national";

    public int Id { get; set; }

    /// <summary><c>national</c> or the 6-digit local government code.</summary>
    public string Scope { get; set; } = "";

    /// <summary>1, 2, … within the scope (unique per scope).</summary>
    public int Version { get; set; }

    public RuleSetStatus Status { get; set; }

    /// <summary>The first day this version is in force; null means from the beginning.</summary>
    public DateOnly? EffectiveFrom { get; set; }

    /// <summary>The canonical YAML text of the document.</summary>
    public string Content { get; set; } = "";

    /// <summary>SHA-256 of <see cref="Content"/> (UTF-8), lower-case hex: see <see cref="ContentHashing"/>.</summary>
    public string ContentHash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public string? Comment { get; set; }

    /// <summary>Whether <paramref name="scope"/> is a valid scope: <c>national</c> or 6 ASCII digits.</summary>
    public static bool IsValidScope(string scope) =>
        scope == NationalScope || (scope.Length == 6 && scope.All(char.IsAsciiDigit));

    /// <summary>
    /// A new version of <paramref name="scope"/>, published now by <paramref name="actor"/>: status
    /// <see cref="RuleSetStatus.Published"/>, the <see cref="ContentHash"/> computed from <paramref name="content"/>
    /// (which must already be canonical YAML, <c>RuleSetYaml.Write</c>). Used by the seeder and the publisher.
    /// </summary>
    public static RuleSetVersion NewPublished(string scope, int version, string content, DateOnly? effectiveFrom,
        string actor, DateTimeOffset now, string? comment) => new()
    {
        Scope = scope, Version = version, Status = RuleSetStatus.Published, EffectiveFrom = effectiveFrom,
        Content = content, ContentHash = ContentHashing.Sha256Hex(content),
        CreatedAt = now, CreatedBy = actor, PublishedAt = now, PublishedBy = actor, Comment = comment,
    };

    /// <summary>
    /// Optimistic concurrency token. <c>PortalDbContext.SaveChanges</c> renews it on every update, so it also
    /// tells the snapshot that a published row changed.
    /// </summary>
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
