using Polder.Text;

namespace Polder.Topics.Discovery;

/// <summary>
/// The terms topic discovery counts in one text, read from its <see cref="TextDocument"/>: the Snowball stems of its
/// content words (words and hashtags, lower-cased, without numbers, one-letter words or stop words — the general
/// Dutch list, stopwords-nl-extra.txt with the verbs and particles that name no topic, and an English list,
/// stopwords-en.txt, since a community may write both) and, when asked,
/// the phrases of two adjacent content words ("openbare verlichting" as <c>openbar verlicht</c>). Each term comes with
/// the lower-case form it was written in, so that a label can be shown in the community's own words.
/// </summary>
/// <remarks>Stateless and thread-safe.</remarks>
internal static class DiscoveryTerms
{
    private static readonly Lazy<DutchStopWords> English = new(() => Load("stopwords-en.txt"));
    private static readonly Lazy<DutchStopWords> DutchExtra = new(() => Load("stopwords-nl-extra.txt"));

    private static DutchStopWords Load(string file)
    {
        var name = "Polder.Topics.Discovery." + file;
        using var stream = typeof(DiscoveryTerms).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        return DutchStopWords.Load(stream);
    }

    /// <summary>Calls <paramref name="visit"/>(stem key, surface form) for every term of <paramref name="document"/>, in order.</summary>
    public static void Visit(TextDocument document, bool phrases, Action<string, string> visit)
    {
        var stop = DutchStopWords.Default;
        var english = English.Value;
        var extra = DutchExtra.Value;
        string? previousStem = null, previousSurface = null;
        int previousIndex = -2;
        var tokens = document.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            var kind = tokens[i].Kind;
            if (kind is not (TokenKind.Word or TokenKind.Hashtag)) continue;
            var lower = document.Lower(i);
            var stem = document.Stem(i);
            if (kind == TokenKind.Hashtag) { lower = lower.TrimStart('#'); stem = stem.TrimStart('#'); }
            if (lower.Length < 2 || IsStopWord(lower, stop, english, extra) || !HasLetters(lower)) continue;
            string s = stem.Length >= 2 ? stem.ToString() : lower.ToString(), surface = lower.ToString();
            visit(s, surface);
            if (phrases && previousIndex == i - 1 && previousStem is not null)
                visit(previousStem + " " + s, previousSurface + " " + surface);
            previousStem = s; previousSurface = surface; previousIndex = i;
        }
    }

    // "don't", "it’s", "i'll": a contraction is a stop word when its first part is one ("i", "it") or, without the
    // apostrophe, the whole is ("dont"); "collega's" stays
    private static bool IsStopWord(ReadOnlySpan<char> word, DutchStopWords dutch, DutchStopWords english, DutchStopWords extra)
    {
        if (dutch.IsStopWord(word) || english.IsStopWord(word) || extra.IsStopWord(word)) return true;
        int apostrophe = word.IndexOfAny('\'', '\u2019');
        if (apostrophe < 0) return false;
        var head = word[..apostrophe];
        if (english.IsStopWord(head) || dutch.IsStopWord(head)) return true;
        Span<char> joined = stackalloc char[word.Length];
        int n = 0;
        foreach (var c in word) if (c is not ('\'' or '\u2019')) joined[n++] = c;
        return english.IsStopWord(joined[..n]);
    }

    // a term needs at least two letters: "2017", "12a" and "k3" say nothing about a topic
    private static bool HasLetters(ReadOnlySpan<char> word)
    {
        int letters = 0;
        foreach (var c in word)
        {
            if (char.IsDigit(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }
}
