using System.Globalization;
using System.Text;

namespace MyNumberPortal.Rules.Engine;

/// <summary>An identity document someone shows: its category (A or B) and whether it carries a photo.</summary>
public readonly record struct PresentedDocument(char Category, bool Photo);

/// <summary>One acceptable combination, e.g. A×1+B×1, or B×3 with at least one photo.</summary>
public sealed record IdAlternative(int A, int B, int MinPhotos)
{
    public int Total => A + B;

    public override string ToString()
    {
        var terms = new List<string>();
        if (A > 0)
        {
            terms.Add($"A×{A}");
        }

        if (B > 0)
        {
            terms.Add($"B×{B}");
        }

        var text = string.Join('+', terms);
        return MinPhotos > 0 ? $"{text} with photo≥{MinPhotos}" : text;
    }
}

/// <summary>What one alternative still lacks.</summary>
public sealed record IdShortfall(IdAlternative Alternative, int MissingA, int MissingB, int MissingPhotos)
{
    /// <summary>Fewest further documents that would satisfy the alternative.</summary>
    public int DocumentsNeeded => MissingA + MissingB + Math.Max(0, MissingPhotos - MissingA - MissingB);
}

/// <summary>The result of checking presented documents against a rule.</summary>
public sealed record IdCheckResult(bool Satisfied, IdAlternative? SatisfiedBy, IReadOnlyList<IdShortfall> Closest);

/// <summary>
/// An identity-document combination rule such as "A×1 or B×2" (grammar in docs/rules-format.md; "または" may stand for "or").
/// A category-A document may stand in for a B; "with photo≥n" needs n photo documents among those used.
/// </summary>
public sealed class IdCombinationRule
{
    private IdCombinationRule(IReadOnlyList<IdAlternative> alternatives) => Alternatives = alternatives;

    public IReadOnlyList<IdAlternative> Alternatives { get; }

    public override string ToString() => string.Join(" or ", Alternatives);

    /// <exception cref="FormatException">The rule does not parse; the message says where.</exception>
    public static IdCombinationRule Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormKC).Replace('×', 'x').Replace('≥', '>');
        // "or" and the Japanese admin's "または" both separate alternatives.
        var parts = normalized.Split([" or ", "|", "または"], StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || parts.Any(p => p.Length == 0))
        {
            throw new FormatException($"ID rule \"{text}\": empty alternative.");
        }

        return new IdCombinationRule(parts.Select(p => ParseAlternative(text, p)).ToList());
    }

    public static bool TryParse(string text, out IdCombinationRule? rule, out string? error)
    {
        try
        {
            rule = Parse(text);
            error = null;
            return true;
        }
        catch (FormatException ex)
        {
            rule = null;
            error = ex.Message;
            return false;
        }
    }

    public IdCheckResult Check(IReadOnlyCollection<PresentedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var shortfalls = Alternatives.Select(a => Shortfall(a, documents)).ToList();
        var satisfied = shortfalls.FirstOrDefault(s => s.DocumentsNeeded == 0);
        if (satisfied is not null)
        {
            return new IdCheckResult(true, satisfied.Alternative, []);
        }

        var fewest = shortfalls.Min(s => s.DocumentsNeeded);
        return new IdCheckResult(false, null, shortfalls.Where(s => s.DocumentsNeeded == fewest).ToList());
    }

    private static IdShortfall Shortfall(IdAlternative alternative, IReadOnlyCollection<PresentedDocument> documents)
    {
        // Use photo documents first in every slot: it never hurts, and it is what a clerk would count.
        var a = documents.Where(d => d.Category == 'A').OrderByDescending(d => d.Photo).ToList();
        var b = documents.Where(d => d.Category == 'B').OrderByDescending(d => d.Photo).ToList();
        var usedA = a.Take(alternative.A).ToList();
        var spareA = a.Skip(alternative.A).ToList();
        var usedB = b.Take(alternative.B).ToList();
        var bSlotsLeft = alternative.B - usedB.Count;
        var aForB = spareA.Take(bSlotsLeft).ToList();

        var missingA = alternative.A - usedA.Count;
        var missingB = bSlotsLeft - aForB.Count;
        var photos = usedA.Count(d => d.Photo) + usedB.Count(d => d.Photo) + aForB.Count(d => d.Photo);

        // Spare photo documents can replace non-photo ones already counted.
        var sparePhotos = spareA.Skip(aForB.Count).Count(d => d.Photo) + b.Skip(usedB.Count).Count(d => d.Photo);
        var replaceable = usedB.Count(d => !d.Photo) + aForB.Count(d => !d.Photo);
        photos += Math.Min(sparePhotos, replaceable);

        var missingPhotos = Math.Max(0, alternative.MinPhotos - photos);
        return new IdShortfall(alternative, missingA, missingB, missingPhotos);
    }

    private static IdAlternative ParseAlternative(string original, string part)
    {
        var minPhotos = 0;
        var withAt = part.IndexOf(" with ", StringComparison.OrdinalIgnoreCase);
        var terms = part;
        if (withAt >= 0)
        {
            var clause = part[(withAt + 6)..].Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
            terms = part[..withAt];
            if (!clause.StartsWith("photo", StringComparison.Ordinal))
            {
                throw new FormatException($"ID rule \"{original}\": expected \"with photo≥n\".");
            }

            var number = clause["photo".Length..].TrimStart('>', '=');
            if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out minPhotos) || minPhotos < 1)
            {
                throw new FormatException($"ID rule \"{original}\": \"with photo\" needs a number ≥ 1.");
            }
        }

        int a = 0, b = 0;
        foreach (var term in terms.Split('+', StringSplitOptions.TrimEntries))
        {
            var compact = term.Replace(" ", "", StringComparison.Ordinal);
            if (compact.Length < 3 || compact[0] is not ('A' or 'B') || compact[1] is not ('x' or '*')
                || !int.TryParse(compact[2..], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 9)
            {
                throw new FormatException($"ID rule \"{original}\": \"{term}\" is not of the form A×n or B×n (n from 1 to 9).");
            }

            if (compact[0] == 'A')
            {
                a += count;
            }
            else
            {
                b += count;
            }
        }

        if (minPhotos > a + b)
        {
            throw new FormatException($"ID rule \"{original}\": needs more photo documents than documents.");
        }

        return new IdAlternative(a, b, minPhotos);
    }
}
