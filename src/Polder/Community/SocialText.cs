namespace Polder.Community;

/// <summary>
/// Small, allocation-light scanners for the social-media markers a reader needs: @mentions, #hashtags and the
/// Twitter export prefixes "Name (@handle): " and "RT @x: ". Independent of the text layer on purpose.
/// </summary>
/// <remarks>
/// A mention is '@' and a hashtag '#' followed by one or more <see cref="IsTagChar"/> characters (the tokenizer's
/// rule for its Mention and Hashtag tokens: letters, digits and marks of any script, and '_'), where the '@' is not
/// preceded by a letter, a digit, '_' or '@' (so e-mail addresses are not mentions) and the '#' not by a letter,
/// digit, '_', '#' or '&amp;' (HTML entities). The export prefixes keep Twitter's ASCII handles
/// (<see cref="IsHandleChar"/>).
/// </remarks>
public static class SocialText
{
    /// <summary>The @mentions of <paramref name="text"/>, in order, each once (ordinal, case kept).</summary>
    public static IReadOnlyList<string> Mentions(ReadOnlySpan<char> text) => Scan(text, '@', mention: true);

    /// <summary>The #hashtags of <paramref name="text"/>, in order, each once.</summary>
    public static IReadOnlyList<string> Hashtags(ReadOnlySpan<char> text) => Scan(text, '#', mention: false);

    /// <summary>Counts every @mention occurrence (duplicates included).</summary>
    public static int CountMentions(ReadOnlySpan<char> text)
    {
        int n = 0, i = 0;
        while (true)
        {
            int at = text[i..].IndexOf('@');
            if (at < 0) return n;
            at += i;
            int len = TokenLength(text, at, '@', true);
            if (len > 0) { n++; i = at + 1 + len; } else i = at + 1;
            if (i >= text.Length) return n;
        }
    }

    private static IReadOnlyList<string> Scan(ReadOnlySpan<char> text, char marker, bool mention)
    {
        List<string>? found = null;
        int i = 0;
        while (i < text.Length)
        {
            int at = text[i..].IndexOf(marker);
            if (at < 0) break;
            at += i;
            int len = TokenLength(text, at, marker, mention);
            if (len > 0)
            {
                var s = text.Slice(at + 1, len);
                found ??= new List<string>(2);
                bool dup = false;
                foreach (var f in found) if (s.SequenceEqual(f)) { dup = true; break; }
                if (!dup) found.Add(s.ToString());
                i = at + 1 + len;
            }
            else i = at + 1;
        }
        return found is null ? [] : found.ToArray();
    }

    /// <summary>Length of the handle/tag after the marker at <paramref name="at"/>, or 0 when it is not one.</summary>
    private static int TokenLength(ReadOnlySpan<char> text, int at, char marker, bool mention)
    {
        if (at > 0)
        {
            char p = text[at - 1];
            if (char.IsLetterOrDigit(p) || p == '_' || p == marker || (!mention && p == '&')) return 0;
        }
        // the tokenizer's rule for both markers, so a post's mentions and hashtags are its Mention and Hashtag tokens
        int j = at + 1;
        while (j < text.Length && IsTagChar(text[j])) j++;
        return j - at - 1;
    }

    /// <summary>
    /// True for the characters of a mention or hashtag in running text, as <see cref="Polder.Text.DutchTokenizer"/>
    /// cuts them: letters, digits and combining marks of any script (with the joiners and soft hyphen) and '_'; an emoji
    /// variation selector (U+FE0E, U+FE0F) ends them.
    /// </summary>
    public static bool IsTagChar(char c) => Polder.Text.CharClass.IsTagChar(c);

    /// <summary>True for the characters of a Twitter handle in the export prefixes: ASCII letters, digits and '_'.</summary>
    public static bool IsHandleChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';

    /// <summary>
    /// Splits the Twitter export form <c>Name (@handle): body</c>. Returns false when the prefix is absent.
    /// </summary>
    public static bool TrySplitAuthorPrefix(ReadOnlySpan<char> content, out ReadOnlySpan<char> name, out ReadOnlySpan<char> handle, out ReadOnlySpan<char> body)
    {
        name = handle = body = default;
        int open = content.IndexOf(" (@");
        while (open >= 0)
        {
            int j = open + 3;
            while (j < content.Length && IsHandleChar(content[j])) j++;
            if (j > open + 3 && j + 2 < content.Length + 1 && content[j..].StartsWith("):"))
            {
                name = content[..open];
                handle = content[(open + 3)..j];
                int b = j + 2;
                if (b < content.Length && content[b] == ' ') b++;
                body = content[b..];
                return true;
            }
            int next = content[(open + 1)..].IndexOf(" (@");
            open = next < 0 ? -1 : open + 1 + next;
        }
        return false;
    }

    /// <summary>
    /// Recognises a retweet body <c>RT @x: text</c> (also <c>RT @x text</c>); returns the retweeted handle and the text.
    /// </summary>
    public static bool TrySplitRetweet(ReadOnlySpan<char> body, out ReadOnlySpan<char> source, out ReadOnlySpan<char> text)
    {
        source = text = default;
        if (!body.StartsWith("RT @")) return false;
        int j = 4;
        while (j < body.Length && IsHandleChar(body[j])) j++;
        if (j == 4) return false;
        source = body[4..j];
        if (j < body.Length && body[j] == ':') j++;
        if (j < body.Length && body[j] == ' ') j++;
        text = body[j..];
        return true;
    }
}
