using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using MyNumberPortal.Rules.Model;

namespace MyNumberPortal.Rules.Engine;

/// <summary>
/// A reference code as read back: which municipality, which rule-set version (modulo 1024), the case's
/// procedure and applicant, and for each question asked (in order) the index of the chosen option.
/// </summary>
public sealed record DecodedReference(string MunicipalityCode, int VersionTag, string Procedure, string Applicant, IReadOnlyList<int> OptionIndexes);

/// <summary>
/// A short code for a resident's case, e.g. <c>7K2M-9QXD-4T</c>, from which a clerk reopens the same checklist.
/// It holds no personal data and nothing is stored on the server: the code is the case itself.
/// </summary>
/// <remarks>
/// <para>Layout, most significant bit first:</para>
/// <list type="table">
/// <item><term>17 bits</term><description>the municipality code's first five digits (01000–47999: prefectures 01–47; the sixth is a check digit and is recomputed)</description></item>
/// <item><term>10 bits</term><description>version tag: the rule set's version modulo 1024</description></item>
/// <item><term>3 bits</term><description>the procedure's index in <see cref="Procedures.All"/> (values 5–7 are reserved)</description></item>
/// <item><term>2 bits</term><description>the applicant's index in <see cref="Applicants.All"/></description></item>
/// <item><term>4 bits</term><description>how many questions were asked (0–15)</description></item>
/// <item><term>4 bits each</term><description>the index of the chosen option of each asked question, in the order asked (0–15)</description></item>
/// <item><term>0–4 bits</term><description>zero padding to a whole number of characters</description></item>
/// <item><term>10 bits</term><description>check value: two characters making the whole code, read as a base-32 number, a multiple of 1021</description></item>
/// </list>
/// <para>
/// Rendered in Crockford base 32 (digits and upper-case letters without I, L, O, U), in groups of four joined
/// by hyphens. Without hyphens a code has ⌈(36 + 4n) / 5⌉ + 2 characters for n answers: 10 for none or one,
/// 11 for two, 12 for three, 13 for four, 22 for fifteen (the most).
/// </para>
/// <para>
/// The check: 1021 is prime and 32ᵏ mod 1021 is never 0 and never equal for adjacent positions, so changing
/// any one character, or swapping two adjacent different characters, always changes the remainder: every
/// such typing error is rejected rather than read as another case.
/// </para>
/// <para>
/// Limits: at most <see cref="MaxQuestions"/> questions and <see cref="MaxOptions"/> options per question;
/// <see cref="CompiledRuleSet.Compile"/> rejects a rule set beyond them, so every case of a compiled rule set has a code.
/// </para>
/// </remarks>
public static class ReferenceCode
{
    /// <summary>The most options an asked question may have (its option index takes 4 bits).</summary>
    public const int MaxOptions = 16;

    /// <summary>The most questions a case may ask (the count takes 4 bits).</summary>
    public const int MaxQuestions = 15;

    /// <summary>Version tags are the rule-set version modulo this.</summary>
    public const int VersionTagModulus = 1024;

    /// <summary>Fewest characters of a code, not counting hyphens (no question asked).</summary>
    public const int MinLength = ((HeaderBits + 4) / 5) + CheckSymbols;

    /// <summary>Most characters of a code, not counting hyphens (<see cref="MaxQuestions"/> asked).</summary>
    public const int MaxLength = ((HeaderBits + (MaxQuestions * IndexBits) + 4) / 5) + CheckSymbols;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int MunicipalityBits = 17;
    private const int VersionBits = 10;
    private const int ProcedureBits = 3;
    private const int ApplicantBits = 2;
    private const int CountBits = 4;
    private const int IndexBits = 4;
    private const int HeaderBits = MunicipalityBits + VersionBits + ProcedureBits + ApplicantBits + CountBits;
    private const int CheckModulus = 1021;
    private const int CheckSymbols = 2;
    private const int GroupSize = 4;

    /// <summary>Longest input <see cref="TryParse"/> looks at (room for spaces and hyphens around a longest code).</summary>
    private const int MaxInputLength = 100;

    /// <summary>The version tag of a rule-set version: the version modulo 1024 (never negative).</summary>
    public static int VersionTag(int version) => ((version % VersionTagModulus) + VersionTagModulus) % VersionTagModulus;

    /// <summary>The code of a complete case: its municipality, rule-set version, procedure, applicant and the option chosen for each question asked.</summary>
    /// <exception cref="ArgumentException">The case is not complete, or its rule set's municipality code is not a valid local government code.</exception>
    public static string Create(GuideCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (!@case.Complete)
        {
            throw new ArgumentException("The case is incomplete: it has problems or a question that has not been answered.", nameof(@case));
        }

        if (!LocalGovernmentCode.IsValid(@case.Rules.Code))
        {
            throw new ArgumentException($"The rule set's municipality code \"{@case.Rules.Code}\" is not a valid local government code.", nameof(@case));
        }

        return Encode(new DecodedReference(@case.Rules.Code, VersionTag(@case.Rules.Version), @case.Procedure, @case.Applicant!,
            @case.Answers.Select(a => a.OptionIndex).ToList()));
    }

    /// <summary>
    /// Writes a reference as a code (the inverse of <see cref="TryParse"/>). <see cref="Create"/> is the way to make
    /// a code for a case; this is the bare encoding, which does not check the reference against any rules.
    /// </summary>
    /// <exception cref="ArgumentException">A field does not fit the layout.</exception>
    public static string Encode(DecodedReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!LocalGovernmentCode.IsValid(reference.MunicipalityCode) || !IsPrefecturePrefix(MunicipalityNumber(reference.MunicipalityCode)))
        {
            throw new ArgumentException($"\"{reference.MunicipalityCode}\" is not a valid local government code (prefectures 01–47).", nameof(reference));
        }

        var procedure = IndexOf(Procedures.All, reference.Procedure);
        var applicant = IndexOf(Applicants.All, reference.Applicant);
        if (procedure < 0 || applicant < 0)
        {
            throw new ArgumentException($"\"{reference.Procedure}\" / \"{reference.Applicant}\" is not a known procedure / applicant.", nameof(reference));
        }

        if (reference.VersionTag is < 0 or >= VersionTagModulus)
        {
            throw new ArgumentException($"The version tag must be 0–{VersionTagModulus - 1}.", nameof(reference));
        }

        if (reference.OptionIndexes.Count > MaxQuestions || reference.OptionIndexes.Any(i => i is < 0 or >= MaxOptions))
        {
            throw new ArgumentException($"A reference holds at most {MaxQuestions} option indexes of 0–{MaxOptions - 1}.", nameof(reference));
        }

        var bits = new BitWriter();
        bits.Write(MunicipalityNumber(reference.MunicipalityCode), MunicipalityBits);
        bits.Write(reference.VersionTag, VersionBits);
        bits.Write(procedure, ProcedureBits);
        bits.Write(applicant, ApplicantBits);
        bits.Write(reference.OptionIndexes.Count, CountBits);
        foreach (var index in reference.OptionIndexes)
        {
            bits.Write(index, IndexBits);
        }

        var symbols = bits.ToSymbols();
        var remainder = Remainder(symbols.Append(0).Append(0));
        var check = (CheckModulus - remainder) % CheckModulus;
        symbols.Add(check >> 5);
        symbols.Add(check & 31);

        var text = new StringBuilder(symbols.Count + (symbols.Count / GroupSize));
        for (var i = 0; i < symbols.Count; i++)
        {
            if (i > 0 && i % GroupSize == 0)
            {
                text.Append('-');
            }

            text.Append(Alphabet[symbols[i]]);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads a code: checks its characters, length, check characters and layout (not whether any rules know it:
    /// see <see cref="GuideCase.FromReference"/> and <see cref="GuideCase.Open"/>). Case-insensitive; spaces and hyphens are ignored; full-width characters
    /// are read as their ASCII twins; O is read as 0, and I and L as 1.
    /// </summary>
    /// <param name="error">Why the text is not a code: an English sentence for the resident or clerk.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out DecodedReference? reference, [NotNullWhen(false)] out string? error)
    {
        reference = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Enter a reference code.";
            return false;
        }

        if (text.Length > MaxInputLength)
        {
            error = $"A reference code has {MinLength} to {MaxLength} characters, not counting hyphens; this text is far longer.";
            return false;
        }

        var symbols = new List<int>(MaxLength);
        foreach (var rune in text.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || IsDash(rune.Value))
            {
                continue;
            }

            var value = SymbolValue(rune.Value);
            if (value < 0)
            {
                error = $"{Describe(rune)} cannot be part of a reference code: codes use the digits 0–9 and the letters A–Z except U.";
                return false;
            }

            symbols.Add(value);
        }

        if (symbols.Count is < MinLength or > MaxLength)
        {
            error = $"A reference code has {MinLength} to {MaxLength} characters, not counting hyphens; this one has {symbols.Count}.";
            return false;
        }

        if (Remainder(symbols) != 0)
        {
            error = "This reference code is not valid: a character was probably mistyped or two were swapped. Check it against the printout.";
            return false;
        }

        var payload = symbols.Count - CheckSymbols;
        var check = (symbols[payload] << 5) | symbols[payload + 1];
        var bits = new BitReader(symbols.Take(payload));
        var municipality = bits.Read(MunicipalityBits);
        var versionTag = bits.Read(VersionBits);
        var procedure = bits.Read(ProcedureBits);
        var applicant = bits.Read(ApplicantBits);
        var count = bits.Read(CountBits);
        var usedBits = HeaderBits + (count * IndexBits);
        if (check >= CheckModulus || !IsPrefecturePrefix(municipality) || procedure >= Procedures.All.Count || applicant >= Applicants.All.Count
            || (usedBits + 4) / 5 != payload)
        {
            error = "This is not a reference code of this portal: its contents do not fit the code's layout.";
            return false;
        }

        var indexes = new int[count];
        for (var i = 0; i < count; i++)
        {
            indexes[i] = bits.Read(IndexBits);
        }

        if (bits.Read((payload * 5) - usedBits) != 0)
        {
            error = "This is not a reference code of this portal: its contents do not fit the code's layout.";
            return false;
        }

        var five = municipality.ToString("D5", CultureInfo.InvariantCulture);
        var code = five + LocalGovernmentCode.CheckDigit(five).ToString(CultureInfo.InvariantCulture);
        reference = new DecodedReference(code, versionTag, Procedures.All[procedure], Applicants.All[applicant], indexes);
        error = null;
        return true;
    }

    private static int MunicipalityNumber(string code) => int.Parse(code.AsSpan(0, 5), NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The first two digits are a prefecture, 01 (Hokkaido) to 47 (Okinawa).</summary>
    private static bool IsPrefecturePrefix(int firstFive) => firstFive is >= 1000 and < 48000;

    private static int IndexOf(IReadOnlyList<string> list, string? value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (string.Equals(list[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The code read as a base-32 number, modulo 1021 (Horner's rule).</summary>
    private static int Remainder(IEnumerable<int> symbols)
    {
        var remainder = 0;
        foreach (var s in symbols)
        {
            remainder = ((remainder * 32) + s) % CheckModulus;
        }

        return remainder;
    }

    /// <summary>Crockford base-32 value of an (NFKC-normalised) character, or −1.</summary>
    private static int SymbolValue(int c)
    {
        if (c is >= 'a' and <= 'z')
        {
            c -= 'a' - 'A';
        }

        c = c switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => c,
        };

        return c < 128 ? Alphabet.IndexOf((char)c, StringComparison.Ordinal) : -1;
    }

    /// <summary>Hyphen-like characters people (and Japanese input methods) type between groups.</summary>
    private static bool IsDash(int c) => c is '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\u30FC';

    private static string Describe(Rune rune) =>
        Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            ? $"The character U+{rune.Value:X4}"
            : $"\"{rune}\"";

    private sealed class BitWriter
    {
        private readonly List<bool> bits = [];

        public void Write(int value, int width)
        {
            for (var i = width - 1; i >= 0; i--)
            {
                bits.Add(((value >> i) & 1) == 1);
            }
        }

        /// <summary>The bits in 5-bit symbols, the last padded with zeros.</summary>
        public List<int> ToSymbols()
        {
            var symbols = new List<int>((bits.Count + 4) / 5);
            for (var i = 0; i < bits.Count; i += 5)
            {
                var symbol = 0;
                for (var j = 0; j < 5; j++)
                {
                    symbol = (symbol << 1) | (i + j < bits.Count && bits[i + j] ? 1 : 0);
                }

                symbols.Add(symbol);
            }

            return symbols;
        }
    }

    private sealed class BitReader(IEnumerable<int> symbols)
    {
        private readonly List<int> symbols = symbols.ToList();
        private int position;

        /// <summary>The next <paramref name="width"/> bits; zeros beyond the end.</summary>
        public int Read(int width)
        {
            var value = 0;
            for (var i = 0; i < width; i++, position++)
            {
                var symbol = position / 5 < symbols.Count ? symbols[position / 5] : 0;
                value = (value << 1) | ((symbol >> (4 - (position % 5))) & 1);
            }

            return value;
        }
    }
}
