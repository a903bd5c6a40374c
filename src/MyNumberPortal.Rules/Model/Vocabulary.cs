namespace MyNumberPortal.Rules.Model;

/// <summary>The five procedures the portal covers. Identifiers are the URL and API slugs.</summary>
public static class Procedures
{
    public const string LostCard = "lost-card";
    public const string SuspensionRelease = "suspension-release";
    public const string Abolition = "abolition";
    public const string Reissue = "reissue";
    public const string PinReset = "pin-reset";

    public static readonly IReadOnlyList<string> All = [LostCard, SuspensionRelease, Abolition, Reissue, PinReset];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    /// <summary>Official names (Japanese as municipalities write them).</summary>
    public static readonly IReadOnlyDictionary<string, LocalText> Names = new Dictionary<string, LocalText>
    {
        [LostCard] = new() { Ja = "紛失・一時停止", En = "Lost card and suspension" },
        [SuspensionRelease] = new() { Ja = "一時停止解除", En = "Releasing a suspension" },
        [Abolition] = new() { Ja = "廃止・紛失届", En = "Abolishing the card (loss report)" },
        [Reissue] = new() { Ja = "再交付", En = "Reissue" },
        [PinReset] = new() { Ja = "暗証番号の再設定・ロック解除", En = "PIN reset or unlock" },
    };
}

/// <summary>Who comes to the counter (or calls) for the card holder.</summary>
public static class Applicants
{
    public const string Self = "self";
    public const string HouseholdMember = "household-member";
    public const string LegalAgent = "legal-agent";
    public const string VoluntaryAgent = "voluntary-agent";

    public static readonly IReadOnlyList<string> All = [Self, HouseholdMember, LegalAgent, VoluntaryAgent];

    public static bool IsKnown(string? id) => id is not null && All.Contains(id, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, LocalText> Names = new Dictionary<string, LocalText>
    {
        [Self] = new() { Ja = "本人", En = "The card holder" },
        [HouseholdMember] = new() { Ja = "同一世帯員", En = "A member of the same household" },
        [LegalAgent] = new() { Ja = "法定代理人", En = "A legal representative (parent or guardian)" },
        [VoluntaryAgent] = new() { Ja = "任意代理人", En = "Someone the holder has asked to go (voluntary agent)" },
    };
}

/// <summary>Whose identity documents an ID rule is about.</summary>
public static class IdSubjects
{
    /// <summary>The card holder (申請者本人).</summary>
    public const string Holder = "holder";

    /// <summary>The person who comes instead of the holder (代理人・届出人).</summary>
    public const string Agent = "agent";
}

public static class Severities
{
    public const string Info = "info";
    public const string Warning = "warning";
}

public static class ReservationPolicies
{
    public const string Required = "required";
    public const string NotRequired = "not-required";
    public const string NotStated = "not-stated";
}

public static class CoverageStatuses
{
    /// <summary>The seed describes the case; the portal gives full guidance.</summary>
    public const string Covered = "covered";

    /// <summary>The seed is silent or tells people to ask first: the portal sends the resident to the counter's phone.</summary>
    public const string AskCounter = "ask-counter";

    /// <summary>The municipality says this applicant cannot do this procedure.</summary>
    public const string NotAccepted = "not-accepted";
}
