namespace Polder.Text;

/// <summary>Tells dates and clock times from other numbers, by shape only.</summary>
internal static class NumberShapes
{
    /// <summary>Date (<c>19-12-2016</c>, <c>2016-12-19</c>, <c>19/12</c>), time (<c>21:46</c>, <c>9:05:30</c>) or number.</summary>
    public static TokenKind Classify(ReadOnlySpan<char> t)
    {
        Span<int> groups = stackalloc int[4];
        char sep = '\0';
        int g = 0, len = 0;
        foreach (char c in t)
        {
            if (CharClass.IsDigit(c)) { len++; continue; }
            if (len == 0 || g == 3) return TokenKind.Number;
            if (sep == '\0') sep = c;
            else if (c != sep) return TokenKind.Number;
            groups[g++] = len;
            len = 0;
        }
        if (len == 0) return TokenKind.Number;
        groups[g++] = len;

        if (sep == ':' && g is 2 or 3 && groups[0] <= 2 && groups[1] == 2 && (g == 2 || groups[2] == 2))
            return Hour(t) <= 24 ? TokenKind.Time : TokenKind.Number;
        if (sep is '-' or '/' or '.')
        {
            if (g == 3 && groups[0] <= 2 && groups[1] <= 2 && groups[2] is 2 or 4) return TokenKind.Date;
            if (g == 3 && groups[0] == 4 && groups[1] <= 2 && groups[2] <= 2) return TokenKind.Date;
            if (g == 2 && sep == '/' && groups[0] <= 2 && groups[1] <= 2) return TokenKind.Date;
        }
        return TokenKind.Number;
    }

    private static int Hour(ReadOnlySpan<char> t)
    {
        int h = 0;
        foreach (char c in t) { if (c == ':') break; h = h * 10 + (c - '0'); }
        return h;
    }
}
