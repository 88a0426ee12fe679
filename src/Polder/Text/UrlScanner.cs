namespace Polder.Text;

/// <summary>Recognises web addresses (<c>https://…</c>, <c>www.…</c>) and the domain part of e-mail addresses.</summary>
internal static class UrlScanner
{
    /// <summary>Length of the URL starting at <paramref name="i"/>, or 0. Trailing sentence punctuation is left out.</summary>
    public static int MatchUrl(ReadOnlySpan<char> s, int i)
    {
        var rest = s[i..];
        int start;
        if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) start = 8;
        else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) start = 7;
        else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) start = 4;
        else return 0;
        if (start >= rest.Length || !CharClass.IsAlnum(rest[start])) return 0;

        int j = start, open = 0;
        while (j < rest.Length)
        {
            char c = rest[j];
            if (CharClass.IsGap(c) || c is '<' or '>' or '"' or '`' or '{' or '}' or '|' or '\\' or '^' || char.IsSurrogate(c)
                || c is >= '\u2000' and <= '\u206F' || c is '«' or '»')
                break;
            if (c == '(') open++;
            else if (c == ')') { if (open == 0) break; open--; }
            j++;
        }
        // Sentence punctuation after a URL is not part of it.
        while (j > start && rest[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*') j--;
        return j;
    }

    /// <summary>
    /// For an e-mail address whose @ is at <paramref name="at"/> - 1: the end of its domain (labels of letters,
    /// digits and hyphens with at least one dot), or 0 when no domain follows.
    /// </summary>
    public static int MatchEmailDomain(ReadOnlySpan<char> s, int at)
    {
        int j = at, lastDot = -1, labelLen = 0;
        while (j < s.Length)
        {
            char c = s[j];
            if (CharClass.IsAlnum(c) || (c == '-' && labelLen > 0)) { labelLen++; j++; continue; }
            if (c == '.' && labelLen > 0 && j + 1 < s.Length && CharClass.IsAlnum(s[j + 1])) { lastDot = j; labelLen = 0; j++; continue; }
            break;
        }
        while (j > at && s[j - 1] == '-') j--;
        return lastDot > at && j > lastDot + 1 ? j : 0;
    }
}
