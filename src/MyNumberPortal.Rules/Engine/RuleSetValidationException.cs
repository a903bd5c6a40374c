namespace MyNumberPortal.Rules.Engine;

/// <summary>A rule set that cannot be compiled; <see cref="Errors"/> lists every problem found, each naming its element.</summary>
public sealed class RuleSetValidationException(string scope, IReadOnlyList<string> errors)
    : Exception($"Rule set {scope} has {errors.Count} problem(s): {string.Join("; ", errors.Take(5))}")
{
    public string Scope { get; } = scope;
    public IReadOnlyList<string> Errors { get; } = errors;
}
