namespace MyNumberPortal.Data.Entities;

/// <summary>The life cycle of a stored rule-set version (stored as its name).</summary>
public enum RuleSetStatus
{
    /// <summary>Being edited; never served.</summary>
    Draft,

    /// <summary>Served from its <see cref="RuleSetVersion.EffectiveFrom"/> date.</summary>
    Published,

    /// <summary>Was published, no longer served; kept for history and restore.</summary>
    Withdrawn,
}
