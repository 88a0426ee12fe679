using System.Globalization;
using System.Runtime.CompilerServices;

namespace Polder.Text;

/// <summary>Character tests used by the tokenizer: a lookup table for ASCII, Unicode categories beyond.</summary>
internal static class CharClass
{
    private const byte Letter = 1, Digit = 2, Space = 4, Upper = 8;

    // One byte per ASCII character; the hot loops rarely leave this table on Dutch text. A constant span (data in
    // the assembly image) rather than an array: no static-base load, and "c < 128" lets the JIT drop bounds checks.
    // 4 = Space (controls, whitespace, DEL), 2 = Digit, 1 = Letter, 9 = Letter | Upper.
    private static ReadOnlySpan<byte> Ascii =>
    [
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
        4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0,
        0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 4,
    ];

    // ASCII characters that may continue a word: - ' ( . , : / & _ @ (the rest of ReadWord decides).
    private const ulong ConnectorsLow = (1UL << '-') | (1UL << '\'') | (1UL << '(') | (1UL << '.') | (1UL << ',') | (1UL << ':') | (1UL << '/') | (1UL << '&');
    private const ulong ConnectorsHigh = (1UL << ('_' - 64)) | (1UL << ('@' - 64)) | (1UL << ('`' - 64));

    /// <summary>An ASCII character that may join two parts of one word (hyphen, apostrophe, period, …).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAsciiConnector(char c) =>
        c < 64 ? ((ConnectorsLow >> c) & 1) != 0 : ((ConnectorsHigh >> (c - 64)) & 1) != 0;

    /// <summary>Whitespace, control and invisible format characters: they separate tokens and belong to the gaps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGap(char c)
    {
        if (c < 128) return (Ascii[c] & Space) != 0;
        return IsGapSlow(c);
    }

    private static bool IsGapSlow(char c)
    {
        if (char.IsWhiteSpace(c)) return true;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        // Cf (ZWSP, BOM, bidi marks) outside a word, and C1 controls; ZWJ, VS and soft hyphen are handled by callers first.
        return cat is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    /// <summary>Letter, digit or combining mark (BMP); surrogates are handled by <see cref="WordRuneLength"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128) return (Ascii[c] & (Letter | Digit)) != 0;
        return IsWordCharSlow(c);
    }

    /// <summary>
    /// A character of a mention or hashtag after its '@' or '#': a word character or '_', but not an emoji variation
    /// selector (U+FE0E, U+FE0F), which belongs to the emoji look of what comes before and ends the name
    /// ("@DaVinciCollege\uFE0Fmensen" names @DaVinciCollege).
    /// </summary>
    public static bool IsTagChar(char c) => c == '_' || (IsWordChar(c) && c is not ('\uFE0E' or '\uFE0F'));

    private static bool IsWordCharSlow(char c)
    {
        if (char.IsSurrogate(c)) return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat <= UnicodeCategory.OtherLetter // Lu, Ll, Lt, Lm, Lo
               || cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                   or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
               || c is '\u00AD' or '\u200C' or '\u200D'; // soft hyphen and joiners stay inside a word
    }

    /// <summary>
    /// Length (0, 1 or 2) of the word character at <paramref name="i"/>: a BMP word character, or a surrogate pair
    /// encoding a letter or digit (e.g. mathematical alphanumerics). 0 when it is not a word character.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int WordRuneLength(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (IsWordChar(c)) return 1;
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
        {
            var r = new System.Text.Rune(c, s[i + 1]);
            var cat = System.Text.Rune.GetUnicodeCategory(r);
            if (cat <= UnicodeCategory.OtherLetter || cat is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark)
                return 2;
        }
        return 0;
    }

    /// <summary>A letter (any script).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(char c) => c < 128 ? (Ascii[c] & Letter) != 0 : char.IsLetter(c);

    /// <summary>An ASCII digit 0-9.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(char c) => (uint)(c - '0') <= 9;

    /// <summary>A letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAlnum(char c) => c < 128 ? (Ascii[c] & (Letter | Digit)) != 0 : char.IsLetterOrDigit(c);

    /// <summary>An upper-case letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsUpper(char c) => c < 128 ? (Ascii[c] & Upper) != 0 : char.IsUpper(c);

    /// <summary>The apostrophes Dutch text uses inside and before words: ' ’ ‘ and the backtick.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4';

    /// <summary>Hyphens that join compounds: ASCII hyphen-minus, Unicode hyphen and non-breaking hyphen.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';
}
