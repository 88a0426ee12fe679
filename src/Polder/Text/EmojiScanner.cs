using System.Runtime.CompilerServices;

namespace Polder.Text;

/// <summary>
/// Finds the end of one emoji grapheme cluster (UTS #51): a base emoji with variation selectors, skin-tone
/// modifiers, keycap marks, tag sequences and ZWJ-joined parts; regional-indicator pairs (flags).
/// </summary>
internal static class EmojiScanner
{
    private const char Zwj = '\u200D', Vs16 = '\uFE0F', Vs15 = '\uFE0E', Keycap = '\u20E3';

    /// <summary>
    /// Length of the emoji cluster starting at <paramref name="i"/>, or 0 when no emoji starts there.
    /// </summary>
    public static int Match(ReadOnlySpan<char> s, int i)
    {
        int n = s.Length;
        char c = s[i];
        int j;
        bool regional = false;
        if (char.IsHighSurrogate(c))
        {
            if (i + 1 >= n || !char.IsLowSurrogate(s[i + 1])) return 0;
            int cp = char.ConvertToUtf32(c, s[i + 1]);
            if (!IsEmojiCodePoint(cp)) return 0;
            regional = cp is >= 0x1F1E6 and <= 0x1F1FF;
            j = i + 2;
        }
        else if (c is >= '0' and <= '9' or '#' or '*')
        {
            // Keycap: digit, optional VS16, U+20E3.
            int k = i + 1;
            if (k < n && s[k] == Vs16) k++;
            if (k < n && s[k] == Keycap) return k + 1 - i;
            return 0;
        }
        else if (IsBmpEmoji(c))
        {
            j = i + 1;
        }
        else if (IsBmpEmojiWithSelector(c) && i + 1 < n && s[i + 1] == Vs16)
        {
            j = i + 1;
        }
        else return 0;

        if (regional)
        {
            // A flag is a pair of regional indicators; an odd one stands alone.
            if (j + 1 < n && s[j] == '\uD83C' && s[j + 1] is >= '\uDDE6' and <= '\uDDFF') j += 2;
            return j - i;
        }
        return ExtendCluster(s, j) - i;
    }

    /// <summary>Consumes modifiers, selectors, tags and ZWJ continuations after a base emoji.</summary>
    private static int ExtendCluster(ReadOnlySpan<char> s, int j)
    {
        int n = s.Length;
        while (j < n)
        {
            char c = s[j];
            if (c == Vs16 || c == Vs15 || c == Keycap) { j++; continue; }
            if (c == '\uD83C' && j + 1 < n && s[j + 1] is >= '\uDFFB' and <= '\uDFFF') { j += 2; continue; } // skin tones
            if (c == '\uDB40' && j + 1 < n && s[j + 1] is >= '\uDC20' and <= '\uDC7F') { j += 2; continue; } // tag sequence
            if (c == Zwj && j + 1 < n)
            {
                int next = Base(s, j + 1);
                if (next > 0) { j = j + 1 + next; continue; }
            }
            break;
        }
        return j;
    }

    /// <summary>Length of a base emoji code point at <paramref name="i"/> (for ZWJ continuations), else 0.</summary>
    private static int Base(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            return IsEmojiCodePoint(char.ConvertToUtf32(c, s[i + 1])) ? 2 : 0;
        return IsBmpEmoji(c) || IsBmpEmojiWithSelector(c) ? 1 : 0;
    }

    /// <summary>Supplementary-plane emoji blocks (pictographs, emoticons, transport, flags, supplemental symbols).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsEmojiCodePoint(int cp) => cp is >= 0x1F000 and <= 0x1FAFF;

    /// <summary>BMP characters that are emoji by default (misc symbols, dingbats, a few others).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsBmpEmoji(char c) =>
        c is >= '\u2600' and <= '\u27BF'
            or '\u231A' or '\u231B' or '\u2328' or '\u23CF'
            or >= '\u23E9' and <= '\u23FA'
            or '\u2B50' or '\u2B55' or '\u2B1B' or '\u2B1C' or '\u2B05' or '\u2B06' or '\u2B07'
            or '\u2934' or '\u2935' or '\u3030' or '\u303D' or '\u3297' or '\u3299';

    /// <summary>BMP characters that are text by default and emoji only with VS16 (©️ ®️ ‼️ ⁉️ ™️ ↔️ ▶️ …).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsBmpEmojiWithSelector(char c) =>
        c is '\u00A9' or '\u00AE' or '\u203C' or '\u2049' or '\u2122' or '\u2139' or '\u24C2'
            or >= '\u2194' and <= '\u21AA' or >= '\u25AA' and <= '\u25FE';
}
