using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Polder.Text;

/// <summary>
/// A rule-based tokenizer for Dutch and Dutch social-media text. It is non-destructive: tokens are spans of the
/// input, and the tokens plus the gaps between them (whitespace, control and invisible format characters) give
/// back the input exactly. It follows the UD Dutch conventions: clitics (<c>'t</c>, <c>m'n</c>, <c>zo'n</c>),
/// abbreviations with their period (<c>o.a.</c>), hyphenated and elided compounds (<c>e-democratie</c>,
/// <c>on-</c>), numbers (<c>3,5</c>, <c>1.000</c>, <c>25,-</c>, <c>75%</c>), plus hashtags, mentions, URLs, e-mail
/// addresses, whole emoji clusters and emoticons.
/// </summary>
/// <remarks>Immutable and thread-safe. The span APIs allocate nothing.</remarks>
public sealed class DutchTokenizer
{
    private readonly Abbreviations _abbreviations;

    /// <summary>The tokenizer with the shipped Dutch abbreviation list.</summary>
    public static DutchTokenizer Default { get; } = new(Abbreviations.Dutch);

    /// <summary>Creates a tokenizer with a custom abbreviation list.</summary>
    public DutchTokenizer(Abbreviations abbreviations) => _abbreviations = abbreviations;

    /// <summary>The abbreviations that keep their period.</summary>
    public Abbreviations Abbreviations => _abbreviations;

    /// <summary>
    /// Writes the tokens of <paramref name="text"/> into <paramref name="destination"/> and returns how many were
    /// written. When the buffer is too small it is filled and the result is the negated number of tokens that
    /// fit; call <see cref="CountTokens"/> to size a buffer, or use <see cref="EnumerateTokens"/>.
    /// A buffer of <c>text.Length</c> tokens is always enough.
    /// </summary>
    public int Tokenize(ReadOnlySpan<char> text, Span<Token> destination)
    {
        TokenizationProbe.Starting(text);
        // Plain ASCII words (four tokens in five on Dutch text) are cut by CutPlainWords, a call-free loop over bit
        // masks; this loop takes the rest one token at a time, the common cases inlined (TryReadFast).
        int count = 0, i = 0, n = text.Length;
        ref char s = ref MemoryMarshal.GetReference(text);
        ref Token d = ref MemoryMarshal.GetReference(destination);
        // Every token holds a character, so a buffer of n tokens needs no capacity checks (CutPlainWords has none).
        bool windows = (Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated) && n >= 64 && destination.Length >= n;
        var window = new Window { Start = int.MinValue / 2 };
        while (i < n)
        {
            if (windows)
            {
                i = CutPlainWords(text, i, ref d, ref count, ref window, _abbreviations);
                if (i >= n) break;
            }
            char c = Unsafe.Add(ref s, i);
            if (c == ' ')
            {
                if (++i >= n) break;
                c = Unsafe.Add(ref s, i);
            }
            Token token;
            if (TryReadFast(text, i, c, out int end, out var kind))
            {
                if (end == i) { i++; continue; } // a gap character
                token = new Token(i, end - i, kind);
            }
            else token = ReadAt(text, i);
            if (count == destination.Length) return -count;
            Unsafe.Add(ref d, count++) = token;
            i = token.End;
        }
        return count;
    }

    /// <summary>A 64-character window of the text as bit masks (bit k: character Start + k).</summary>
    private struct Window
    {
        public int Start;
        public ulong Letters, Spaces;
    }

    /// <summary>
    /// Cuts the plain ASCII words from <paramref name="i"/> on into <paramref name="d"/> (which has room for the
    /// text's length in tokens) and returns the index where the general reader must take over, or the text's length.
    /// Words come from bit masks of a 64-character window: the next word's start and end are shifts and a
    /// trailing-zero count, not a chain of dependent loads; the loop makes no call, so its state stays in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int CutPlainWords(ReadOnlySpan<char> text, int i, ref Token d, ref int count, ref Window window, Abbreviations abbreviations)
    {
        int n = text.Length, cnt = count, w = window.Start;
        ulong letters = window.Letters, spaces = window.Spaces;
        ref char s = ref MemoryMarshal.GetReference(text);
        ref uint pairs = ref MemoryMarshal.GetArrayDataReference(SpecialPairs);
        while (true)
        {
            int b = i - w;
            if ((uint)b >= 64)
            {
                if (i >= n) break;
                // A window from i, or the text's last 64 characters (a tail window, w + 64 == n).
                w = Math.Min(i, n - 64);
                b = i - w;
                WindowMasks(ref s, w, out letters, out spaces);
            }
            if (((spaces >> b) & 1) != 0)
            {
                // One space between words is the common gap.
                if (++b >= 64) { i = w + b; continue; }
            }
            i = w + b;
            ulong run = ~letters >> b;
            if ((run & 1) != 0)
            {
                // Not a letter: the punctuation that ends words (, . ) ? ! " …) is cut here too, the rest goes back.
                char c = Unsafe.Add(ref s, i);
                if (c >= 128) break;
                // Tests in order of frequency rather than a switch: no indirect jump to mispredict.
                byte k = Unsafe.Add(ref MemoryMarshal.GetReference(StartClass), c);
                int j = i + 1;
                if (k == Period)
                {
                    while (j < n && Unsafe.Add(ref s, j) == '.') j++;
                }
                else if (k == Comma)
                {
                    if (j < n && Unsafe.Add(ref s, j) == ',') break; // ",," and ",,,"
                }
                else if (k == Exclaim)
                {
                    while (j < n && Unsafe.Add(ref s, j) is '!' or '?') j++;
                }
                else if (k != SinglePunct) break;
                Unsafe.Add(ref d, cnt++) = new Token(i, j - i, TokenKind.Punctuation);
                i = j;
                continue;
            }
            // A plain word unless a URL or an emoticon may start here (see SpecialPairs).
            uint pair = Unsafe.Add(ref pairs, Unsafe.Add(ref s, i));
            char c1 = i + 1 < n ? Unsafe.Add(ref s, i + 1) : '\0';
            if ((c1 | (pair >> 16)) == (pair & 0xFFFF)) break;
            int e = b + BitOperations.TrailingZeroCount(run);
            if (e >= 64)
            {
                if (w + 64 == n)
                {
                    // The word ends the text.
                    Unsafe.Add(ref d, cnt++) = new Token(i, n - i, TokenKind.Word);
                    i = n;
                    break;
                }
                // The word runs past the window: a new window from its first letter (unless it fills one).
                if (b == 0) break;
                w = int.MinValue / 2;
                continue;
            }
            if (((spaces >> e) & 1) == 0)
            {
                char t = Unsafe.Add(ref s, w + e);
                if (!IsPlainWordEnd(t))
                {
                    // "gemeente." at a sentence's end (see IsSentenceFinalWord), when the abbreviation filter
                    // already rules the word out; the rest goes back to the general reader.
                    if (t != '.' || e - b < 2) break;
                    if (w + e + 1 < n)
                    {
                        char next = Unsafe.Add(ref s, w + e + 1);
                        if (next >= 128 || next == '.' || CharClass.IsAlnum(next)) break;
                    }
                    if (abbreviations.MayContain(e - b, (char)(Unsafe.Add(ref s, i) | 0x20), (char)(Unsafe.Add(ref s, w + e - 1) | 0x20))) break;
                }
            }
            Unsafe.Add(ref d, cnt++) = new Token(i, e - b, TokenKind.Word);
            i = w + e;
        }
        count = cnt;
        window.Start = w;
        window.Letters = letters;
        window.Spaces = spaces;
        return i;
    }

    /// <summary>Bit k of <paramref name="letters"/> / <paramref name="spaces"/>: s[i + k] is an ASCII letter / a space, k &lt; 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WindowMasks(ref char s, int i, out ulong letters, out ulong spaces)
    {
        ref ushort p = ref Unsafe.As<char, ushort>(ref Unsafe.Add(ref s, i));
        letters = 0;
        spaces = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var caseBit = Vector256.Create((ushort)0x20);
            var a = Vector256.Create((ushort)'a');
            var span = Vector256.Create((ushort)('z' - 'a'));
            var space = Vector256.Create((ushort)' ');
            for (int k = 0; k < 64; k += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref p, (nuint)k);
                letters |= (ulong)Vector256.LessThanOrEqual((v | caseBit) - a, span).ExtractMostSignificantBits() << k;
                spaces |= (ulong)Vector256.Equals(v, space).ExtractMostSignificantBits() << k;
            }
        }
        else
        {
            // 128-bit SIMD only (e.g. Arm64): eight loads.
            var caseBit = Vector128.Create((ushort)0x20);
            var a = Vector128.Create((ushort)'a');
            var span = Vector128.Create((ushort)('z' - 'a'));
            var space = Vector128.Create((ushort)' ');
            for (int k = 0; k < 64; k += Vector128<ushort>.Count)
            {
                var v = Vector128.LoadUnsafe(ref p, (nuint)k);
                letters |= (ulong)Vector128.LessThanOrEqual((v | caseBit) - a, span).ExtractMostSignificantBits() << k;
                spaces |= (ulong)Vector128.Equals(v, space).ExtractMostSignificantBits() << k;
            }
        }
    }

    /// <summary>
    /// The common cases at <paramref name="i"/> (character <paramref name="c"/>), inlined into the loops: a gap
    /// character (<paramref name="end"/> = <paramref name="i"/>), a plain ASCII word ended by a space or punctuation
    /// (or by a sentence's final period when it is no abbreviation), one-character punctuation. False when the
    /// general reader must decide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryReadFast(ReadOnlySpan<char> text, int i, char c, out int end, out TokenKind kind)
    {
        ref char s = ref MemoryMarshal.GetReference(text);
        int n = text.Length;
        kind = TokenKind.Word;
        end = i;
        if (c >= 128) return CharClass.IsGap(c);
        switch (Unsafe.Add(ref MemoryMarshal.GetReference(StartClass), c))
        {
            case Letter:
            {
                // One compare rules out a URL or emoticon start ("ht", "ww", "xD", "o_", "B-"); see SpecialPairs.
                uint pair = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SpecialPairs), c);
                char c1 = i + 1 < n ? Unsafe.Add(ref s, i + 1) : '\0';
                if ((c1 | (pair >> 16)) == (pair & 0xFFFF)) return false;
                int j = AsciiLetterRunEnd(text, i + 1);
                end = j;
                if (j >= n) return true;
                char t = Unsafe.Add(ref s, j);
                if (IsPlainWordEnd(t)) return true;
                return t == '.' && IsSentenceFinalWord(text, i, j);
            }
            case Gap:
                return true;
            case Digit:
            {
                // A plain number ("2016", "10"): digits ended by the text's end or a character that cannot continue
                // a number (ReadWord's connectors , : . / - and % and letters go to ReadWord).
                int j = i + 1;
                while (j < n && CharClass.IsDigit(Unsafe.Add(ref s, j))) j++;
                if (j < n && !IsNumberEnd(Unsafe.Add(ref s, j))) return false;
                end = j;
                kind = TokenKind.Number;
                return true;
            }
            case SinglePunct:
                end = i + 1;
                kind = TokenKind.Punctuation;
                return true;
            case OpenBracket:
            {
                // "(inter)gemeentelijke": a bracketed first part glued to a word is ReadToken's; else one mark.
                int close = BracketedPartEnd(text, i);
                if (close > 0 && close < n && CharClass.IsLetter(Unsafe.Add(ref s, close))) return false;
                end = i + 1;
                kind = TokenKind.Punctuation;
                return true;
            }
            case ColonLike:
                // ":" and ";" are punctuation unless an emoticon starts with them and the next character (":)", ";-)").
                if (i + 1 < n && Emoticons.MayStartWith(c, Unsafe.Add(ref s, i + 1))) return false;
                end = i + 1;
                kind = TokenKind.Punctuation;
                return true;
            case Period:
            {
                int j = i + 1;
                while (j < n && Unsafe.Add(ref s, j) == '.') j++;
                end = j;
                kind = TokenKind.Punctuation;
                return true;
            }
            case Comma:
                if (i + 1 < n && Unsafe.Add(ref s, i + 1) == ',') return false; // ",," and ",,,"
                end = i + 1;
                kind = TokenKind.Punctuation;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// For letters s[i..j) followed by a period at j: true when ReadWord would make them a plain word ending before
    /// the period ("gemeente." at a sentence's end): the period is followed by no letter, digit or period and the
    /// letters are no listed abbreviation. Single letters (initials) are left to ReadWord.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool IsSentenceFinalWord(ReadOnlySpan<char> text, int i, int j)
    {
        if (j - i < 2) return false;
        if (j + 1 < text.Length)
        {
            char next = text[j + 1];
            if (next == '.' || CharClass.IsAlnum(next)) return false;
        }
        return !_abbreviations.Contains(text.Slice(i, j - i));
    }

    // For each ASCII letter the next character that may make it the start of a URL or an emoticon, low 16 bits, and
    // a case-folding mask to OR into that character, high 16 bits: h+t/T, w+w/W, x+d/D, o/O+_, B+-. Other letters
    // hold 0, which only a NUL (or the text's end) matches: the general reader then decides, correctly but slower.
    private static readonly uint[] SpecialPairs = BuildSpecialPairs();

    private static uint[] BuildSpecialPairs()
    {
        var t = new uint[128];
        foreach (char c in "hH") t[c] = 0x20u << 16 | 't';
        foreach (char c in "wW") t[c] = 0x20u << 16 | 'w';
        foreach (char c in "xX") t[c] = 0x20u << 16 | 'd';
        foreach (char c in "oO") t[c] = '_';
        t['B'] = '-';
        return t;
    }

    /// <summary>Counts the tokens of <paramref name="text"/> without storing them.</summary>
    public int CountTokens(ReadOnlySpan<char> text)
    {
        TokenizationProbe.Starting(text);
        int count = 0, pos = 0;
        while (NextToken(text, ref pos, out _)) count++;
        return count;
    }

    /// <summary>An allocation-free enumerator: <c>foreach (var t in tokenizer.EnumerateTokens(text))</c>.</summary>
    public TokenEnumerator EnumerateTokens(ReadOnlySpan<char> text) { TokenizationProbe.Starting(text); return new(this, text); }

    /// <summary>The tokens of <paramref name="text"/> as a new array.</summary>
    public Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= 256)
        {
            Span<Token> buffer = stackalloc Token[text.Length];
            int n = Tokenize(text.AsSpan(), buffer);
            return buffer[..n].ToArray();
        }
        TokenizationProbe.Starting(text);
        var list = new List<Token>(text.Length / 5 + 4);
        int pos = 0;
        while (NextToken(text, ref pos, out var token)) list.Add(token);
        return list.ToArray();
    }

    /// <summary>The token texts of <paramref name="text"/> (allocates a string per token; for convenience).</summary>
    public string[] TokenizeToStrings(string text) => Array.ConvertAll(Tokenize(text), t => t.GetText(text));

    /// <summary>
    /// Reads the next token at or after <paramref name="position"/>, advancing it past the token.
    /// Returns false at the end of the text.
    /// </summary>
    public bool NextToken(ReadOnlySpan<char> text, ref int position, out Token token)
    {
        int i = SkipGaps(text, position);
        if (i >= text.Length) { position = text.Length; token = default; return false; }
        token = TryReadFast(text, i, text[i], out int end, out var kind) ? new Token(i, end - i, kind) : ReadAt(text, i);
        position = token.End;
        return true;
    }

    /// <summary>
    /// The index of the first non-gap character at or after <paramref name="i"/> (whitespace, controls and
    /// invisible format characters such as ZWSP, a lone ZWJ or a BOM belong to the gaps), or the text's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipGaps(ReadOnlySpan<char> text, int i)
    {
        // Almost every gap is one space or nothing (after a word, before punctuation): test those first.
        if ((uint)i < (uint)text.Length && text[i] == ' ') i++;
        while ((uint)i < (uint)text.Length && CharClass.IsGap(text[i])) i++;
        return i;
    }

    // The ASCII characters that decide the hot path in one lookup. Single*: a one-character punctuation mark or
    // symbol whatever follows; the other kinds name their reader.
    private const byte Other = 0, Gap = 9, Letter = 1, Digit = 3, SinglePunct = 4, SingleSymbol = 5,
        Period = 6, Comma = 7, Exclaim = 8, OpenBracket = 10, ColonLike = 11;

    private static ReadOnlySpan<byte> StartClass =>
    [
        //  NUL..SI, DLE..US: gaps
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
        //  sp !  "  #  $  %  &  '  (   )  *  +  ,  -  .  /
            9, 8, 4, 0, 5, 4, 4, 0, 10, 4, 0, 5, 7, 0, 6, 4,
        //  0  1  2  3  4  5  6  7  8  9  :   ;   <  =  >  ?
            3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 11, 11, 0, 0, 0, 8,
        //  @  A  B  C  D  E  F  G  H  I  J  K  L  M  N  O
            0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        //  P  Q  R  S  T  U  V  W  X  Y  Z  [  \  ]  ^  _
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 4, 4, 0, 0,
        //  `  a  b  c  d  e  f  g  h  i  j  k  l  m  n  o
            0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        //  p  q  r  s  t  u  v  w  x  y  z  {  |  }  ~  DEL
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 4, 5, 4, 0, 9,
    ];

    /// <summary>Reads the token that starts at <paramref name="i"/> (a non-gap character).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Token ReadAt(ReadOnlySpan<char> text, int i)
    {
        char c = text[i];
        if (c >= 128) return ReadToken(text, i);
        switch (StartClass[c])
        {
            case Letter:
                if (MayStartSpecial(c, i + 1 < text.Length ? text[i + 1] : '\0')) return ReadToken(text, i);
                return ReadPlainWord(text, i);
            case Digit:
                // A keycap emoji (digit, VS16, U+20E3) is the only other reading, and needs a non-ASCII follower.
                if (i + 1 < text.Length && text[i + 1] >= 128) return ReadToken(text, i);
                return ReadWord(text, i);
            case SinglePunct:
                return new Token(i, 1, TokenKind.Punctuation);
            case SingleSymbol:
                return new Token(i, 1, TokenKind.Symbol);
            case Period:
                return Run(text, i, TokenKind.Punctuation);
            case Comma:
                if (i + 1 < text.Length && text[i + 1] == ',') return ReadToken(text, i); // ",," and ",,,"
                return new Token(i, 1, TokenKind.Punctuation);
            case Exclaim:
            {
                int j = i + 1;
                while (j < text.Length && text[j] is '!' or '?') j++;
                return new Token(i, j - i, TokenKind.Punctuation);
            }
            default:
                return ReadToken(text, i);
        }
    }

    /// <summary>Letters that may start a URL (<c>ht</c>, <c>ww</c>) or an emoticon (<c>xD</c>, <c>o_O</c>, <c>B-)</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayStartSpecial(char c, char c1) =>
        // c | 0x20 folds the case of an ASCII letter (and maps no other character onto one).
        (c | 0x20) switch
        {
            'h' => (c1 | 0x20) == 't',
            'w' => (c1 | 0x20) == 'w',
            'x' => (c1 | 0x20) == 'd',
            'o' => c1 == '_',
            _ => c == 'B' && c1 == '-',
        };

    /// <summary>
    /// A run of ASCII letters ended by the text's end, a space or punctuation that cannot continue a word; anything
    /// else (hyphen, apostrophe, period, digits, accented letters …) falls back to <see cref="ReadWord"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Token ReadPlainWord(ReadOnlySpan<char> s, int i)
    {
        int j = AsciiLetterRunEnd(s, i + 1);
        if (j >= s.Length || IsPlainWordEnd(s[j])) return new Token(i, j - i, TokenKind.Word);
        return ReadWord(s, i);
    }

    // ' ' , ) ! ? ; : " and tab: the characters that end a plain word whatever follows them.
    private const ulong PlainWordEnds = (1UL << ' ') | (1UL << ',') | (1UL << ')') | (1UL << '!') | (1UL << '?')
        | (1UL << ';') | (1UL << ':') | (1UL << '"') | (1UL << '\t');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlainWordEnd(char c) => c < 64 && ((PlainWordEnds >> c) & 1) != 0;

    // ' ' ) ! ? ; " and tab: the characters that end a run of digits as a plain number whatever follows them.
    private const ulong NumberEnds = (1UL << ' ') | (1UL << ')') | (1UL << '!') | (1UL << '?') | (1UL << ';')
        | (1UL << '"') | (1UL << '\t');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsNumberEnd(char c) => c < 64 && ((NumberEnds >> c) & 1) != 0;

    /// <summary>
    /// The end of the run of ASCII letters starting at <paramref name="j"/>: sixteen (or eight) characters per step
    /// with SIMD, since most Dutch words are longer than a few letters and the scan is the tokenizer's innermost loop;
    /// sixteen lanes take most compounds in one step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int AsciiLetterRunEnd(ReadOnlySpan<char> s, int j)
    {
        ref ushort start = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(s));
        if (Vector256.IsHardwareAccelerated)
        {
            while (j + Vector256<ushort>.Count <= s.Length)
            {
                // (c | 0x20) - 'a' <= 25, unsigned: exactly the ASCII letters, in sixteen lanes at once.
                var v = Vector256.LoadUnsafe(ref start, (nuint)j);
                uint letters = Vector256.LessThanOrEqual((v | Vector256.Create((ushort)0x20)) - Vector256.Create((ushort)'a'),
                    Vector256.Create((ushort)('z' - 'a'))).ExtractMostSignificantBits();
                if (letters != 0xFFFF) return j + BitOperations.TrailingZeroCount(~letters);
                j += Vector256<ushort>.Count;
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            while (j + Vector128<ushort>.Count <= s.Length)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)j);
                uint letters = Vector128.LessThanOrEqual((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'),
                    Vector128.Create((ushort)('z' - 'a'))).ExtractMostSignificantBits();
                if (letters != 0xFF) return j + BitOperations.TrailingZeroCount(~letters);
                j += Vector128<ushort>.Count;
            }
        }
        while (j < s.Length && (uint)((Unsafe.Add(ref start, j) | 0x20) - 'a') <= 'z' - 'a') j++;
        return j;
    }

    /// <summary>Reads the token that starts at <paramref name="i"/> (a non-gap character).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Token ReadToken(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        int n = s.Length;

        if (CharClass.IsWordChar(c))
        {
            if (CharClass.IsDigit(c))
            {
                int keycap = EmojiScanner.Match(s, i);
                if (keycap > 0) return new Token(i, keycap, TokenKind.Emoji);
            }
            else
            {
                // Cheap look-ahead gates: "het", "wordt", "op", "of" must not pay for the URL and emoticon matchers.
                char c1 = i + 1 < n ? s[i + 1] : '\0';
                if ((c is 'h' or 'H' && c1 is 't' or 'T') || (c is 'w' or 'W' && c1 is 'w' or 'W'))
                {
                    int url = UrlScanner.MatchUrl(s, i);
                    if (url > 0) return new Token(i, url, TokenKind.Url);
                }
                else if ((c is 'x' or 'X' && c1 is 'D' or 'd') || (c is 'o' or 'O' && c1 == '_') || (c is 'B' && c1 == '-'))
                {
                    int emo = i == 0 || !CharClass.IsAlnum(s[i - 1]) ? Emoticons.Match(s, i) : 0;
                    if (emo > 0) return new Token(i, emo, TokenKind.Emoticon);
                }
            }
            return ReadWord(s, i);
        }

        switch (c)
        {
            case '#':
            {
                int j = i + 1;
                while (j < n && CharClass.IsTagChar(s[j])) j++;
                if (j > i + 1) return new Token(i, j - i, TokenKind.Hashtag);
                int keycap = EmojiScanner.Match(s, i);
                if (keycap > 0) return new Token(i, keycap, TokenKind.Emoji);
                return new Token(i, 1, TokenKind.Symbol);
            }
            case '@':
            {
                int j = i + 1;
                while (j < n && CharClass.IsTagChar(s[j])) j++;
                return j > i + 1 ? new Token(i, j - i, TokenKind.Mention) : new Token(i, 1, TokenKind.Symbol);
            }
            case '*':
            {
                int keycap = EmojiScanner.Match(s, i);
                if (keycap > 0) return new Token(i, keycap, TokenKind.Emoji);
                return Run(s, i, TokenKind.Punctuation);
            }
            case '.':
            case ',':
            case '_':
            case '~':
            case '=':
                if (c == '=')
                {
                    int emo = Emoticons.Match(s, i);
                    if (emo > 0) return new Token(i, emo, TokenKind.Emoticon);
                    return Run(s, i, TokenKind.Symbol);
                }
                if (c == ',' && i + 2 < n && s[i + 1] == ',' && s[i + 2] == ',' && (i + 3 >= n || s[i + 3] != ','))
                    return new Token(i, 1, TokenKind.Punctuation); // ",,," is a comma and an opening ,,
                return Run(s, i, TokenKind.Punctuation);
            case '!':
            case '?':
            {
                int j = i + 1;
                while (j < n && s[j] is '!' or '?') j++;
                return new Token(i, j - i, TokenKind.Punctuation);
            }
            case ':':
            case ';':
            case '<':
            case '>':
            case '^':
            {
                int emo = Emoticons.Match(s, i);
                if (emo > 0) return new Token(i, emo, TokenKind.Emoticon);
                return c is '<' or '>' or '^' ? new Token(i, 1, TokenKind.Symbol) : new Token(i, 1, TokenKind.Punctuation);
            }
            case '-':
            {
                if (IsIeClitic(s, i)) return new Token(i, 3, TokenKind.Clitic);
                int emo = Emoticons.Match(s, i);
                if (emo > 0) return new Token(i, emo, TokenKind.Emoticon);
                return Run(s, i, TokenKind.Punctuation);
            }
        }

        if (CharClass.IsApostrophe(c)) return ReadApostrophe(s, i);

        if (c == '(')
        {
            // "(inter)gemeentelijke", "(tbs-)behandeling": a bracketed first part glued to the word.
            int close = BracketedPartEnd(s, i);
            if (close > 0 && close < n && CharClass.IsLetter(s[close])) return new Token(i, ReadWord(s, close).End - i, TokenKind.Word);
        }

        int emoji = EmojiScanner.Match(s, i);
        if (emoji > 0) return new Token(i, emoji, TokenKind.Emoji);

        int word = CharClass.WordRuneLength(s, i);
        if (word > 0) return ReadWord(s, i);

        return ReadOther(s, i);
    }

    /// <summary>A run of the same character (<c>...</c>, <c>,,</c>, <c>--</c>) as one token.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Token Run(ReadOnlySpan<char> s, int i, TokenKind kind)
    {
        char c = s[i];
        int j = i + 1;
        while (j < s.Length && s[j] == c) j++;
        return new Token(i, j - i, kind);
    }

    /// <summary>Punctuation, symbols, lone surrogates and stray combining marks.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Token ReadOther(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (char.IsSurrogate(c))
        {
            int len = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            return new Token(i, len, TokenKind.Symbol);
        }
        var cat = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
        switch (cat)
        {
            case System.Globalization.UnicodeCategory.ConnectorPunctuation:
            case System.Globalization.UnicodeCategory.DashPunctuation:
            case System.Globalization.UnicodeCategory.OpenPunctuation:
            case System.Globalization.UnicodeCategory.ClosePunctuation:
            case System.Globalization.UnicodeCategory.InitialQuotePunctuation:
            case System.Globalization.UnicodeCategory.FinalQuotePunctuation:
            case System.Globalization.UnicodeCategory.OtherPunctuation:
                return new Token(i, 1, TokenKind.Punctuation);
            default:
                return new Token(i, 1, TokenKind.Symbol);
        }
    }

    /// <summary>
    /// An apostrophe: a clitic (<c>'t</c>, <c>'s</c>, <c>'n</c>, <c>'k</c>), a year (<c>'30</c>), a place name
    /// (<c>'s-Hertogenbosch</c>), or a quote mark (a run like <c>''</c> is one token).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Token ReadApostrophe(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        bool wordBefore = i > 0 && CharClass.IsAlnum(s[i - 1]);
        if (!wordBefore && i + 1 < n)
        {
            int j = i + 1;
            while (j < n && CharClass.IsLetter(s[j])) j++;
            int letters = j - i - 1;
            if (letters is >= 1 and <= 3 && Clitics.IsLeadingClitic(s.Slice(i + 1, letters)))
            {
                if (j + 1 < n && CharClass.IsHyphen(s[j]) && CharClass.IsLetter(s[j + 1]))
                {
                    var w = ReadWord(s, j + 1);
                    return new Token(i, w.End - i, TokenKind.Word); // 's-Hertogenbosch, 's-Gravenhage
                }
                if (j >= n || !CharClass.IsAlnum(s[j])) return new Token(i, j - i, TokenKind.Clitic);
            }
            if (letters == 0 && j + 1 < n && CharClass.IsDigit(s[j]) && CharClass.IsDigit(s[j + 1])
                && (j + 2 >= n || !CharClass.IsAlnum(s[j + 2])))
                return new Token(i, 3, TokenKind.Number); // '30, '80
        }
        return Run(s, i, TokenKind.Punctuation);
    }

    /// <summary>
    /// A word or number starting at <paramref name="i"/>, with its internal connectors: hyphens, apostrophes,
    /// periods, commas and colons between digits, slashes and ampersands between letters; an e-mail address when
    /// an @ and a domain follow; a final period for abbreviations and initials; a final hyphen for elided
    /// compounds; a final % after a number.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Token ReadWord(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        int j = i;
        bool hasLetter = false, hasDigit = false, hasDot = false, hasApostrophe = false;
        int runStart = i; // start of the current alphanumeric run (for the "voor.Trein" split)
        while (true)
        {
            // The alphanumeric run.
            while (j < n)
            {
                char c = s[j];
                if (c < 128)
                {
                    if (CharClass.IsDigit(c)) { hasDigit = true; j++; continue; }
                    if ((uint)((c | 0x20) - 'a') <= 'z' - 'a') { hasLetter = true; j++; continue; }
                    break;
                }
                int len = CharClass.WordRuneLength(s, j);
                if (len == 0) break;
                hasLetter |= !char.IsDigit(c);
                j += len;
            }
            if (j + 1 >= n) break;
            char sep = s[j];
            if (sep < 128 && !CharClass.IsAsciiConnector(sep)) break; // the common case: a space or plain punctuation
            char next = s[j + 1];
            char prev = s[j - 1];
            if (CharClass.IsHyphen(sep))
            {
                if (CharClass.IsWordChar(next))
                {
                    if (IsIeClitic(s, j)) break; // "komt-ie": the clitic -ie is a token of its own
                    j++; runStart = j; continue;
                }
                if (next == '/' && j + 2 < n && CharClass.IsLetter(s[j + 2])) { j += 2; runStart = j; continue; } // doelgroep-/populatieniveau
                break;
            }
            if (sep == '(' && CharClass.IsLetter(prev))
            {
                // A bracketed part inside a word: "gezondheids(zorg)beleid", "milieu(-vervuiling)".
                int close = BracketedPartEnd(s, j);
                if (close > 0) { j = close; runStart = j; continue; }
                break;
            }
            if (CharClass.IsApostrophe(sep))
            {
                if (CharClass.IsLetter(next) && CharClass.IsLetter(prev)) { hasApostrophe = true; j++; runStart = j; continue; }
                break;
            }
            switch (sep)
            {
                case '.':
                    if (!CharClass.IsAlnum(next)) goto done;
                    // "voor.Trein" (a missing space after a sentence) splits; "sp.a", "J.Ensor", "1.000" do not.
                    if (CharClass.IsUpper(next) && j - runStart >= 2 && !CharClass.IsUpper(s[runStart])) goto done;
                    if (CharClass.IsUpper(next) && CharClass.IsDigit(prev) && j - runStart >= 3) goto done;
                    hasDot = true; j++; runStart = j; continue;
                case ',':
                    if (CharClass.IsDigit(prev) && CharClass.IsDigit(next)) { j++; runStart = j; continue; }
                    if (CharClass.IsDigit(prev) && !hasLetter && CharClass.IsHyphen(next) && (j + 2 >= n || !CharClass.IsAlnum(s[j + 2])))
                    { j += 2; goto done; } // 25,-
                    goto done;
                case ':':
                    if (CharClass.IsDigit(prev) && CharClass.IsDigit(next) && !hasLetter) { j++; runStart = j; continue; }
                    goto done;
                case '/':
                case '&':
                    if (CharClass.IsAlnum(prev) && CharClass.IsAlnum(next)) { j++; runStart = j; continue; }
                    goto done;
                case '_':
                    if (CharClass.IsAlnum(next)) { j++; runStart = j; continue; }
                    goto done;
                case '@':
                {
                    int end = UrlScanner.MatchEmailDomain(s, j + 1);
                    if (end > 0) return new Token(i, end - i, TokenKind.Email);
                    goto done;
                }
            }
            break;
        }
        done:
        if (j < n)
        {
            char c = s[j];
            if (c == '.' && hasLetter && (j + 1 >= n || s[j + 1] != '.'))
            {
                var word = s[i..j];
                if (IsAbbreviation(word, hasDot, s, j + 1))
                {
                    // "St.-Janstraat", "O.L.V.-college": an abbreviation as the first part of a compound.
                    if (j + 2 < n && CharClass.IsHyphen(s[j + 1]) && CharClass.IsLetter(s[j + 2]))
                        return new Token(i, ReadWord(s, j + 2).End - i, TokenKind.Word);
                    return new Token(i, j + 1 - i, TokenKind.Abbreviation);
                }
            }
            else if (c == '%' && CharClass.IsDigit(s[j - 1]))
            {
                return new Token(i, j + 1 - i, TokenKind.Number);
            }
            else if (CharClass.IsHyphen(c) && hasLetter && CharClass.IsLetter(s[j - 1]) && (j + 1 >= n || IsElisionFollower(s[j + 1])))
            {
                return new Token(i, j + 1 - i, TokenKind.Word); // elided compound: "on- en offline", "land-"
            }
        }
        var text = s[i..j];
        TokenKind kind;
        if (hasLetter) kind = hasApostrophe && Clitics.IsContraction(text) ? TokenKind.Clitic : TokenKind.Word;
        else if (!hasDigit) kind = TokenKind.Word;
        else kind = NumberShapes.Classify(text);
        return new Token(i, j - i, kind);
    }

    /// <summary>True when only whitespace and closing quotes or brackets follow <paramref name="i"/>.</summary>
    private static bool OnlyClosersFollow(ReadOnlySpan<char> s, int i)
    {
        for (; i < s.Length; i++)
            if (!CharClass.IsGap(s[i]) && s[i] is not ('\'' or '"' or ')' or '\u2019' or '\u201D' or '»')) return false;
        return true;
    }

    /// <summary>At a hyphen: is this the clitic "-ie" ("komt-ie", "heeft-ie")?</summary>
    private static bool IsIeClitic(ReadOnlySpan<char> s, int hyphen) =>
        hyphen + 2 < s.Length && s[hyphen + 1] == 'i' && s[hyphen + 2] == 'e'
        && (hyphen + 3 >= s.Length || !CharClass.IsAlnum(s[hyphen + 3]));

    /// <summary>
    /// At an opening bracket: the index after the matching ")" when the bracket holds a short word part
    /// (letters, digits, hyphens) and the word goes on or ends there; otherwise 0.
    /// </summary>
    private static int BracketedPartEnd(ReadOnlySpan<char> s, int open)
    {
        int k = open + 1, limit = Math.Min(s.Length, open + 32);
        bool any = false;
        while (k < limit && (CharClass.IsWordChar(s[k]) || CharClass.IsHyphen(s[k]))) { any |= CharClass.IsWordChar(s[k]); k++; }
        if (!any || k >= limit || s[k] != ')') return 0;
        return k + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsElisionFollower(char c) => CharClass.IsGap(c) || c is ',' or ';' or ')' or '/';

    /// <summary>A listed abbreviation, a single capital initial (<c>J.</c>), or dotted initials (<c>W.H.</c>, <c>d.w.z.</c>).</summary>
    private bool IsAbbreviation(ReadOnlySpan<char> word, bool hasDot, ReadOnlySpan<char> s, int afterPeriod)
    {
        // A lone capital is an initial ("J. Ensor"), except at the very end of the text, where the period ends it.
        if (word.Length == 1)
            return CharClass.IsUpper(word[0]) ? !OnlyClosersFollow(s, afterPeriod) : _abbreviations.Contains(word);
        if (_abbreviations.Contains(word)) return true;
        if (!hasDot) return false;
        // Dotted initials: every segment between dots is one or two letters ("W.H", "V.S", "F.J.G", "Ph.D").
        int seg = 0;
        foreach (char ch in word)
        {
            if (ch == '.') { if (seg == 0) return false; seg = 0; continue; }
            if (!CharClass.IsLetter(ch) || ++seg > 2) return false;
        }
        return seg > 0;
    }
}
