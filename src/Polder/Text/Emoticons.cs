namespace Polder.Text;

/// <summary>Western text emoticons (<c>:-)</c>, <c>:D</c>, <c>&lt;3</c>, <c>^^</c>, <c>xD</c> …), matched longest first.</summary>
internal static class Emoticons
{
    // Longest first so ":-))" wins over ":-)". Letters-initial ones (xD, o_O) need a non-word character before them.
    private static readonly string[] All =
    [
        ">:-(", ":'-(", ":'-)", "</3", "^_^", "-_-", "o_O", "O_o", "o_o", "O_O", "B-)", "8-)", ":-))", ":-((",
        ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ":-|", ":-o", ":-O", ":-*", ":-S", ":-s", ";-)", ";-(", ";-D", ":'(", ":')",
        ">:(", ":))", ":((", "=))",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":o", ":O", ":*", ":S", ":s", ":$", ":@", ";)", ";(", ";D", ";P", ";p",
        "=)", "=(", "=D", "=P", "<3", "^^", "xD", "XD", "xd",
    ];

    // The (first, second) character pairs of the list, one bit per ASCII pair: a colon before a space or a letter
    // is rejected in one lookup instead of a walk over the whole list.
    private static readonly ulong[] Pairs = BuildPairs();

    private static ulong[] BuildPairs()
    {
        var bits = new ulong[128 * 128 / 64];
        foreach (var e in All)
        {
            int p = e[0] * 128 + e[1];
            bits[p >> 6] |= 1UL << (p & 63);
        }
        return bits;
    }

    /// <summary>True when an emoticon of the list starts with <paramref name="c"/> followed by <paramref name="next"/>.</summary>
    public static bool MayStartWith(char c, char next)
    {
        if (c >= 128 || next >= 128) return false;
        int pair = c * 128 + next;
        return (Pairs[pair >> 6] & (1UL << (pair & 63))) != 0;
    }

    /// <summary>Length of the emoticon at <paramref name="i"/>, or 0.</summary>
    public static int Match(ReadOnlySpan<char> s, int i)
    {
        char c = s[i];
        if (c is not (':' or ';' or '=' or '<' or '>' or '^' or '-' or 'x' or 'X' or 'o' or 'O' or 'B' or '8')) return 0;
        // Cheap rejections first: most words start with o, O, x, X or B and are not emoticons.
        char next = i + 1 < s.Length ? s[i + 1] : '\0';
        if (c is 'x' or 'X' && next is not ('D' or 'd')) return 0;
        if (c is 'o' or 'O' && next != '_') return 0;
        if (c is 'B' or '8' && next != '-') return 0;
        if (c == '-' && next != '_') return 0;
        if (next >= 128) return 0;
        int pair = c * 128 + next;
        if ((Pairs[pair >> 6] & (1UL << (pair & 63))) == 0) return 0;
        var rest = s[i..];
        foreach (var e in All)
        {
            if (!rest.StartsWith(e, StringComparison.Ordinal)) continue;
            int end = i + e.Length;
            // "<30", ":Deze", ":/www" are not emoticons: the next character may not continue a word.
            if (end < s.Length && CharClass.IsAlnum(s[end])) continue;
            if (CharClass.IsAlnum(e[0]) || e[0] == '-')
            {
                if (i > 0 && CharClass.IsAlnum(s[i - 1])) continue;
            }
            // ":(" right after a digit or letter is often a list or a smiley; keep the smiley, but "8-)" in "punt 8-)" is rare.
            return e.Length;
        }
        return 0;
    }
}
