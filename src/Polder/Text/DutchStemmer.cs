using System.Buffers;

namespace Polder.Text;

/// <summary>
/// The Snowball Dutch stemmer: the original Snowball "dutch" algorithm (Martin Porter), producing exactly
/// the stems of <c>org.tartarus.snowball.ext.DutchStemmer</c> as shipped in Lucene and Lucene.Net, e.g.
/// <c>lichamelijk</c> → <c>licham</c>, <c>mogelijkheden</c> → <c>mogelijk</c>, <c>gevaarlijke</c> → <c>gevar</c>.
/// </summary>
/// <remarks>
/// <para>The instance holds no state, so one instance (<see cref="Default"/>) can be shared by all threads.</para>
/// <para>Input is expected in lower case (lower-case it first, e.g. with <see cref="TextNormalizer"/>): like the
/// reference implementation the algorithm treats <c>I</c> and <c>Y</c> as its own markers for consonantal
/// <c>i</c>/<c>y</c> and turns them into <c>i</c>/<c>y</c> on the way out, and it does not recognise other
/// upper-case letters as vowels.</para>
/// </remarks>
public sealed class DutchStemmer
{
    /// <summary>The shared instance.</summary>
    public static DutchStemmer Default { get; } = new();

    // Above this length the string overload rents its buffer instead of using the stack.
    private const int StackLimit = 256;

    /// <summary>
    /// Stems <paramref name="lowerCaseWord"/> into <paramref name="destination"/> without allocating.
    /// </summary>
    /// <param name="lowerCaseWord">One word, already in lower case.</param>
    /// <param name="destination">
    /// Receives the stem. Must hold at least <c>lowerCaseWord.Length</c> characters: the algorithm works in
    /// this buffer and a stem is never longer than its word. It may be the very memory of
    /// <paramref name="lowerCaseWord"/>, which stems a word in place.
    /// </param>
    /// <returns>The length of the stem, written to the start of <paramref name="destination"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than the word.</exception>
    public int Stem(ReadOnlySpan<char> lowerCaseWord, Span<char> destination)
    {
        if (destination.Length < lowerCaseWord.Length)
            throw new ArgumentException(
                $"The destination holds {destination.Length} characters but the word has {lowerCaseWord.Length}; it must hold at least as many as the word.",
                nameof(destination));
        lowerCaseWord.CopyTo(destination);
        return StemInPlace(destination[..lowerCaseWord.Length]);
    }

    /// <summary>Stems one lower-case word (see <see cref="Stem(ReadOnlySpan{char}, Span{char})"/>).</summary>
    /// <param name="word">One word, already in lower case.</param>
    /// <returns>The stem; <paramref name="word"/> itself when the stem is the whole word (no allocation).</returns>
    /// <remarks>Works in a stack buffer for words up to 256 characters and in a pooled array beyond, so the
    /// only allocation is the returned stem.</remarks>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        char[]? rented = null;
        Span<char> buffer = word.Length <= StackLimit
            ? stackalloc char[word.Length]
            : (rented = ArrayPool<char>.Shared.Rent(word.Length));
        try
        {
            int n = Stem(word.AsSpan(), buffer);
            var stem = buffer[..n];
            return stem.SequenceEqual(word.AsSpan()) ? word : new string(stem);
        }
        finally
        {
            if (rented is not null) ArrayPool<char>.Shared.Return(rented);
        }
    }

    // The Snowball program, step by step. Every step in the backward part starts at the current end of the
    // word, and every deletion is a suffix except the last step's, so a length is all the state we need.
    private static int StemInPlace(Span<char> s)
    {
        int len = s.Length;
        if (len == 0) return 0;

        bool marked = FoldAccents(s);
        marked |= MarkAndFindRegions(s, out int p1, out int p2);
        len = StandardSuffix(s, len, p1, p2);

        // postlude: the markers back to letters (skipped when there are none, the common case)
        if (marked)
        {
            for (int i = 0; i < len; i++)
            {
                char c = s[i];
                if (c == 'Y') s[i] = 'y';
                else if (c == 'I') s[i] = 'i';
            }
        }
        return len;
    }

    // The vowels of the algorithm ('aeiouyè'); the markers 'I' and 'Y' are consonants.
    // A bit test rather than a chain of comparisons: this runs for nearly every character.
    private const uint VowelBits = 1u << ('a' - 'a') | 1u << ('e' - 'a') | 1u << ('i' - 'a') | 1u << ('o' - 'a') | 1u << ('u' - 'a') | 1u << ('y' - 'a');

    private static bool IsVowel(char c) =>
        (uint)(c - 'a') < 32 ? (VowelBits >> (c - 'a') & 1) != 0 : c == 'è';

    // Prelude, first half: accents off the vowels (only these ten; 'è' stays and counts as a vowel).
    // Returns whether the input already holds an 'I' or 'Y', which the postlude lower-cases like a marker.
    private static bool FoldAccents(Span<char> s)
    {
        bool upper = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 'á' || c > 'ü')
            {
                upper |= (c | 0x20) is 'i' or 'y' && c < 'a';   // 'I' or 'Y'
                continue;
            }
            s[i] = c switch
            {
                'á' or 'ä' => 'a',
                'é' or 'ë' => 'e',
                'í' or 'ï' => 'i',
                'ó' or 'ö' => 'o',
                'ú' or 'ü' => 'u',
                _ => c,
            };
        }
        return upper;
    }

    // Prelude, second half, fused with mark_regions in one pass. Consonantal y (initial or after a vowel)
    // and i (between vowels) become the markers Y and I, left to right, each decision seeing earlier marks
    // as Snowball's "repeat goto" does. A character's vowel test is final once the character before it was
    // visited, so the region scan ("gopast v gopast non-v", twice) can read it in the same pass.
    // Returns whether anything was marked.
    private static bool MarkAndFindRegions(Span<char> s, out int p1, out int p2)
    {
        int len = s.Length;
        bool marked = false;
        if (s[0] == 'y')
        {
            s[0] = 'Y';
            marked = true;
        }
        p1 = len;
        p2 = len;
        int state = 0;   // 0: seek vowel, 1: seek consonant (p1), 2: seek vowel, 3: seek consonant (p2), 4: done
        for (int p = 0; p < len; p++)
        {
            bool vowel = IsVowel(s[p]);
            if (vowel && p + 1 < len)
            {
                char next = s[p + 1];
                if (next == 'i')
                {
                    if (p + 2 < len && IsVowel(s[p + 2]))
                    {
                        s[p + 1] = 'I';
                        marked = true;
                    }
                }
                else if (next == 'y')
                {
                    s[p + 1] = 'Y';
                    marked = true;
                }
            }
            switch (state)
            {
                case 0 when vowel:
                case 2 when vowel:
                    state++;
                    break;
                case 1 when !vowel:
                    // R1 starts no earlier than the fourth letter (Snowball keeps this even when it runs past
                    // the end of a short word); the search for R2 goes on from the unadjusted position.
                    p1 = p + 1 < 3 ? 3 : p + 1;
                    state = 2;
                    break;
                case 3 when !vowel:
                    p2 = p + 1;
                    state = 4;
                    break;
            }
        }
        return marked;
    }

    private static bool EndsWith(ReadOnlySpan<char> s, int len, string suffix) =>
        len >= suffix.Length && s.Slice(len - suffix.Length, suffix.Length).SequenceEqual(suffix);

    // undouble: a final kk, dd or tt loses a letter.
    private static int Undouble(ReadOnlySpan<char> s, int len)
    {
        if (len >= 2)
        {
            char last = s[len - 1];
            if ((last == 'k' || last == 'd' || last == 't') && s[len - 2] == last) return len - 1;
        }
        return len;
    }

    // e_ending: a final e in R1 after a consonant goes, then undouble. Sets e_found when the e went.
    private static int EEnding(ReadOnlySpan<char> s, int len, int p1, out bool eFound)
    {
        eFound = false;
        if (len == 0 || s[len - 1] != 'e') return len;
        int bra = len - 1;
        if (bra < p1 || bra == 0 || IsVowel(s[bra - 1])) return len;
        eFound = true;
        return Undouble(s, bra);
    }

    // en_ending: the suffix starting at bra goes when in R1, after a consonant and not after "gem"; then undouble.
    private static bool TryEnEnding(ReadOnlySpan<char> s, int bra, int p1, ref int len)
    {
        if (bra < p1 || bra == 0 || IsVowel(s[bra - 1])) return false;
        if (bra >= 3 && s[bra - 3] == 'g' && s[bra - 2] == 'e' && s[bra - 1] == 'm') return false;
        len = Undouble(s, bra);
        return true;
    }

    // s/se: the suffix starting at bra goes when in R1 after a consonant other than j.
    private static int SEnding(ReadOnlySpan<char> s, int len, int bra, int p1) =>
        bra >= p1 && bra > 0 && !IsVowel(s[bra - 1]) && s[bra - 1] != 'j' ? bra : len;

    private static int StandardSuffix(Span<char> s, int len, int p1, int p2)
    {
        // Step 1: heden → heid; en/ene; s/se. Snowball's "among" takes the longest matching suffix and does
        // not fall back to a shorter one when its condition fails ("heden" outside R1 is not tried as "en").
        switch (s[len - 1])
        {
            case 'n':
                if (EndsWith(s, len, "heden"))
                {
                    if (len - 5 >= p1)
                    {
                        "heid".AsSpan().CopyTo(s[(len - 5)..]);
                        len--;
                    }
                }
                else if (len >= 2 && s[len - 2] == 'e')
                {
                    TryEnEnding(s, len - 2, p1, ref len);
                }
                break;
            case 'e':
                if (len >= 3 && s[len - 2] == 'n' && s[len - 3] == 'e') TryEnEnding(s, len - 3, p1, ref len);
                else if (len >= 2 && s[len - 2] == 's') len = SEnding(s, len, len - 2, p1);
                break;
            case 's':
                len = SEnding(s, len, len - 1, p1);
                break;
        }

        // Step 2: e_ending.
        len = EEnding(s, len, p1, out bool eFound);

        // Step 3a: heid in R2, not after c, then "en" before it as in step 1.
        if (EndsWith(s, len, "heid"))
        {
            int bra = len - 4;
            if (bra >= p2 && !(bra > 0 && s[bra - 1] == 'c'))
            {
                len = bra;
                if (EndsWith(s, len, "en")) TryEnEnding(s, len - 2, p1, ref len);
            }
        }

        // Step 3b: derivational suffixes in R2.
        if (len > 0)
        {
            switch (s[len - 1])
            {
                case 'd' when EndsWith(s, len, "end"):
                case 'g' when EndsWith(s, len, "ing"):
                    if (len - 3 >= p2)
                    {
                        len -= 3;
                        if (EndsWith(s, len, "ig") && len - 2 >= p2 && !(len - 2 > 0 && s[len - 3] == 'e')) len -= 2;
                        else len = Undouble(s, len);
                    }
                    break;
                case 'g' when len >= 2 && s[len - 2] == 'i':
                    if (len - 2 >= p2 && !(len - 2 > 0 && s[len - 3] == 'e')) len -= 2;
                    break;
                case 'k' when EndsWith(s, len, "lijk"):
                    if (len - 4 >= p2) len = EEnding(s, len - 4, p1, out _);
                    break;
                case 'r' when EndsWith(s, len, "baar"):
                    if (len - 4 >= p2) len -= 4;
                    break;
                case 'r' when EndsWith(s, len, "bar"):
                    if (len - 3 >= p2 && eFound) len -= 3;
                    break;
            }
        }

        // Step 4: a doubled vowel before a final consonant (not I) after a consonant loses a letter: maan → man.
        if (len >= 4)
        {
            char last = s[len - 1];
            char v = s[len - 2];
            if (last != 'I' && !IsVowel(last)
                && v == s[len - 3] && (v is 'a' or 'e' or 'o' or 'u')
                && !IsVowel(s[len - 4]))
            {
                s[len - 2] = last;
                len--;
            }
        }
        return len;
    }
}
